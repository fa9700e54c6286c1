// Figures about the run's citizens that the views show beside the report: the usual flow and the
// pilot lately, and what became of the cohort's claims. Read from the sim's records here, in the
// core, so no view reaches into them.
import { DAY } from '../../engine/calendar';
import type { NeedRow } from '../../analysis/endToEnd';
import { MET } from './needTable';
import type { Simulation } from './simulation';

/** One flow of needs: how many were met in the window, and their mean days from first contact. */
export interface LiveFlow {
  metLately: number;
  meanDays: number | null;
}

/** The usual flow and the pilot of the redesign side by side. */
export type LiveFlows = { main: LiveFlow; pilot: LiveFlow };

/** Needs met in the last `days` days, in the usual flow and in the pilot (null until a pilot is set up). */
export function flowsLately(m: Simulation, days: number): LiveFlows | null {
  if (!m.pilotPool) return null;
  const since = m.now - days * DAY;
  const acc = { main: { sum: 0, n: 0 }, pilot: { sum: 0, n: 0 } };
  const needs = m.needs;
  for (let id = 1; id <= needs.count; id++) {
    const f = needs.pilot[id] === 1 ? acc.pilot : acc.main;
    const closedAt = needs.closedAt[id]!;
    if (needs.outcome[id] === MET && closedAt >= since) {
      f.sum += (closedAt - needs.arrivedAt[id]!) / DAY;
      f.n++;
    }
  }
  const flow = (f: { sum: number; n: number }): LiveFlow => ({ metLately: f.n, meanDays: f.n > 0 ? f.sum / f.n : null });
  return { main: flow(acc.main), pilot: flow(acc.pilot) };
}

/**
 * The run's cohort (first contact on or after day 0) as rows of days from the start of the run,
 * read from the need table's columns: cheap enough for a live chart to ask every sim day.
 */
export function* cohortRows(m: Simulation): Generator<NeedRow> {
  const n = m.needs;
  for (let id = 1; id <= n.count; id++) {
    const arrivedAt = n.arrivedAt[id]!;
    if (arrivedAt < 0) continue;
    const outcome = n.outcomeOf(id);
    yield { arrivedDay: arrivedAt / DAY, closedDay: outcome === 'open' ? null : n.closedAt[id]! / DAY, outcome };
  }
}

/** The cohort's claims (citizens who first made contact on or after day 0) as the official clock saw them. */
export interface CohortClaims {
  /** Days on the official clock of each claim decided, in order of opening. */
  reportedDays: number[];
  /** Claims closed as incomplete (nil-qualified): off the clock, the citizen still unhelped. */
  closedIncomplete: number;
}

export function cohortClaims(m: Simulation): CohortClaims {
  const claims = m.claims;
  const reportedDays: number[] = [];
  let closedIncomplete = 0;
  for (let id = m.firstMeasuredClaim + 1; id <= claims.count; id++) {
    if (m.needs.arrivedAt[claims.needOf[id]!]! < 0) continue;
    const status = claims.statusOf(id);
    if (status === 'decided') reportedDays.push(claims.reportedDays[id]!);
    else if (status === 'nil-qualified') closedIncomplete++;
  }
  return { reportedDays, closedIncomplete };
}
