// Housing benefit's vocabulary as data: why citizens get in touch, where a need can be, what the
// official dashboard measures (and the time that counts as "in time" for it), what citizens live,
// and the levers, each a gaming move, a way of working or a plain setting. The sim, the level
// format and the game's lever lists all read it from here.
import type { Catalogue, LeverEntry, PlaceEntry } from '../../engine/service';
import type { Design, DesignKey } from '../../levels/schema';
import { JOURNEY_KINDS } from './journal';
import { STAGES } from './needTable';
import type { TaskKind } from './rolePool';
import { type ContactReason, FAILURE_REASONS, VALUE_REASONS } from './types';

/** A call answered within this many minutes counts as answered in time (the 20-second target). */
export const CALL_ANSWERED_WITHIN_MINUTES = 20 / 60;
/** A visitor seen within this many minutes counts as seen in time (the 15-minute target). */
export const VISIT_SEEN_WITHIN_MINUTES = 15;

/** The levers, by the design key a level file and an action name, each with its values in the order the game lists them. */
const LEVERS: readonly (LeverEntry<Design[DesignKey]> & { key: DesignKey })[] = [
  { key: 'nilQualifyDays', kind: 'gaming', values: [null, 14, 28, 56] },
  { key: 'clockStart', kind: 'gaming', values: ['firstContact', 'received', 'complete'] },
  { key: 'cherryPick', kind: 'gaming', values: [true, false] },
  { key: 'formHandOut', kind: 'gaming', values: [true, false] },
  { key: 'outsourcedCallCentre', kind: 'gaming', values: [true, false] },
  { key: 'expertsAtFront', kind: 'way-of-working', values: [true, false] },
  { key: 'decideAtFirstContact', kind: 'way-of-working', values: [true, false] },
  { key: 'caseOwner', kind: 'way-of-working', values: [true, false] },
  { key: 'pullEvidence', kind: 'way-of-working', values: [true, false] },
  { key: 'pilotShare', kind: 'setting', values: [0, 0.1, 0.2, 0.3, 0.5] },
  { key: 'pilotTeam', kind: 'setting', values: [0, 1, 2, 3, 4, 6, 8] },
  { key: 'workflowIT', kind: 'setting', values: [true, false] },
];

/** Design keys that change how the work is done: changing one brings a learning dip, and starts a new phase on a process behaviour chart. */
export const WAYS_OF_WORKING: readonly DesignKey[] = LEVERS.filter((l) => l.kind === 'way-of-working').map((l) => l.key);

/** Design keys that are gaming moves: they move the dashboard, not the work. */
export const GAMING_MOVES: readonly DesignKey[] = LEVERS.filter((l) => l.kind === 'gaming').map((l) => l.key);

/** Why citizens get in touch, value demand first: the reasons a study of demand sorts contacts into. */
export const REASONS: readonly { id: ContactReason; failure: boolean }[] = [
  ...VALUE_REASONS.map((id) => ({ id, failure: false })),
  ...FAILURE_REASONS.map((id) => ({ id, failure: true })),
];

/**
 * The office's picture, public side first: the call centre and the front desk where citizens get
 * in touch, the back office where files pile up, and the post between the office and their homes.
 */
export const PLACES = [
  { id: 'calls', side: 'public', stages: [] },
  { id: 'front', side: 'public', stages: [] },
  { id: 'scanning', side: 'back', stages: ['scanning'] },
  { id: 'casework', side: 'back', stages: ['casework', 'awaiting-evidence'] },
  { id: 'post', side: 'outside', stages: ['in-post', 'gathering'] },
] as const satisfies readonly PlaceEntry[];
/** A place where staff have desks: a room of the office, not the street. */
export type DeskPlace = Extract<(typeof PLACES)[number], { side: 'public' | 'back' }>['id'];

/** What a member of staff can be busy with. */
const WORK = ['contact', 'scan', 'casework', 'message', 'rework'] as const satisfies readonly TaskKind[];

export const catalogue: Catalogue<Design[DesignKey]> = {
  reasons: REASONS,
  stages: STAGES,
  official: [
    { id: 'processingDays', unit: 'days', better: 'lower' },
    { id: 'callsAnsweredIn20s', unit: 'share', better: 'higher', withinMinutes: CALL_ANSWERED_WITHIN_MINUTES },
    { id: 'visitorsSeenIn15m', unit: 'share', better: 'higher', withinMinutes: VISIT_SEEN_WITHIN_MINUTES },
  ],
  lived: [
    { id: 'endToEndDays', unit: 'days', better: 'lower' },
    { id: 'waitingDays', unit: 'days', better: 'lower' },
    { id: 'failureDemandShare', unit: 'share', better: 'lower' },
    { id: 'oneStopShare', unit: 'share', better: 'higher' },
    { id: 'costPerNeedMet', unit: 'pounds', better: 'lower' },
  ],
  levers: LEVERS,
  roles: ['phone', 'visit', 'scan', 'casework'],
  work: WORK,
  places: PLACES,
  journey: JOURNEY_KINDS,
};
