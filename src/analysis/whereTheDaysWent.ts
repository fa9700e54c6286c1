// Where the days went: a citizen's days from first contact to money paid, split by what the official
// clock saw of them. The dashboard counts only the days on the clock; the rest is what the rules
// (the clock's start, closing incomplete claims, the payment run) keep off it.
import { DAY } from '../engine/calendar';
import { MET } from '../services/housing-benefit/needTable';
import type { Simulation } from '../services/housing-benefit/simulation';

export interface DaysSplit {
  /** Citizens of the run helped by the end. */
  helped: number;
  /** Of them, how many had a claim closed as incomplete and applied again. */
  reapplied: number;
  /** Mean days, first contact to money paid: the sum of the four parts. */
  lived: number;
  /** Mean days spent on claims closed as incomplete, before applying again, that the clock did not count. */
  onClosedClaims: number;
  /** Mean days, other than those, before the official clock started. */
  beforeTheClock: number;
  /** Mean days on the official clock. */
  onTheClock: number;
  /** Mean days from the decision to the money arriving. */
  toPayment: number;
}

export function whereTheDaysWent(m: Simulation): DaysSplit | null {
  const { needs, claims } = m;
  let helped = 0;
  let reapplied = 0;
  const sum = { onClosedClaims: 0, beforeTheClock: 0, onTheClock: 0, toPayment: 0 };
  for (let id = 1; id <= needs.count; id++) {
    const arrived = needs.arrivedAt[id]!;
    if (arrived < 0 || needs.outcome[id] !== MET) continue;
    const claim = needs.claim[id]!;
    if (claim <= 0 || !Number.isFinite(claims.decidedAt[claim]!)) continue;
    helped++;
    const decided = claims.decidedAt[claim]!;
    const clockFrom = decided - claims.reportedDays[claim]! * DAY;
    // Off the clock before it started: days on claims closed as incomplete (up to the decided
    // claim's opening, for those who applied again), then the rest. A clock from first contact
    // counts them all.
    const reopened = needs.claims[id]! > 1 ? claims.openedAt[claim]! : arrived;
    const closed = Math.max(0, Math.min(reopened, clockFrom) - arrived) / DAY;
    if (needs.claims[id]! > 1) reapplied++;
    sum.onClosedClaims += closed;
    sum.beforeTheClock += (clockFrom - arrived) / DAY - closed;
    sum.onTheClock += claims.reportedDays[claim]!;
    sum.toPayment += (needs.closedAt[id]! - decided) / DAY;
  }
  if (helped === 0) return null;
  const mean = (x: number) => x / helped;
  const parts = {
    onClosedClaims: mean(sum.onClosedClaims),
    beforeTheClock: mean(sum.beforeTheClock),
    onTheClock: mean(sum.onTheClock),
    toPayment: mean(sum.toPayment),
  };
  return { helped, reapplied, lived: parts.onClosedClaims + parts.beforeTheClock + parts.onTheClock + parts.toPayment, ...parts };
}
