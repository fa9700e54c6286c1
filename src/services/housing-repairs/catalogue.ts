import type { Catalogue, PlaceEntry } from '../../engine/service';
import { ROLE_IDS } from './schema';

/** Why a tenant phones the repairs line. Reporting a fault is what the line is for; the rest is failure demand. */
export const REASONS = ['report-fault', 'progress-chasing', 'rebook-no-access', 'still-broken'] as const;
export type Reason = (typeof REASONS)[number];
export const FAILURE_REASON: Record<Reason, boolean> = {
  'report-fault': false,
  'progress-chasing': true,
  'rebook-no-access': true,
  'still-broken': true,
};

/** Where a fault is: being reported, waiting for a visit, waiting for the tenant to phone back, fixed. */
export const STAGES = ['reporting', 'booked', 'waiting-for-call-back', 'unbooked', 'fixed'] as const;
export type Stage = (typeof STAGES)[number];

/** Why a visit did not fix the fault. */
export const VISIT_FAILURES = ['no-access', 'wrong-trade', 'no-parts'] as const;
export type VisitFailure = (typeof VISIT_FAILURES)[number];

/** A call answered within this many minutes counts as answered in time (the 20-second target). */
export const CALL_ANSWERED_WITHIN_MINUTES = 20 / 60;

/** The picture: the repairs line, the depot the trades go out from, and the tenants' homes. */
export const PLACES = [
  { id: 'line', side: 'public', stages: ['reporting'] },
  { id: 'depot', side: 'back', stages: ['booked', 'unbooked'] },
  { id: 'homes', side: 'outside', stages: ['waiting-for-call-back'] },
] as const satisfies readonly PlaceEntry[];
export type PlaceId = (typeof PLACES)[number]['id'];

export const catalogue: Catalogue = {
  reasons: REASONS.map((id) => ({ id, failure: FAILURE_REASON[id] })),
  stages: STAGES,
  official: [
    { id: 'jobsWithinTarget', unit: 'share', better: 'higher' },
    { id: 'daysPerJob', unit: 'days', better: 'lower' },
    { id: 'callsAnsweredIn20s', unit: 'share', better: 'higher', withinMinutes: CALL_ANSWERED_WITHIN_MINUTES },
  ],
  lived: [
    { id: 'endToEndDays', unit: 'days', better: 'lower' },
    { id: 'firstVisitFixShare', unit: 'share', better: 'higher' },
    { id: 'visitsPerNeed', unit: 'visits', better: 'lower' },
    { id: 'failureDemandShare', unit: 'share', better: 'lower' },
    { id: 'costPerRepair', unit: 'pounds', better: 'lower' },
  ],
  levers: [
    { key: 'frontLine', kind: 'way-of-working', values: ['call-centre', 'repairs-expert'] },
    { key: 'appointments', kind: 'way-of-working', values: ['windows-to-target', 'exact-time'] },
    { key: 'tradesperson', kind: 'way-of-working', values: ['job-by-job', 'owns-the-repair'] },
    { key: 'closeAndReraise', kind: 'gaming', values: [true, false] },
    { key: 'reclassify', kind: 'gaming', values: [true, false] },
    { key: 'contract', kind: 'setting', values: ['per-job', 'in-house'] },
  ],
  roles: ROLE_IDS,
  work: ['call', 'visit'],
  places: PLACES,
  journey: [],
};
