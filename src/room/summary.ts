// A team's figures for the room, made the same way in the team's browser and on the server: the
// server re-simulates the team's log and makes them again, so a result cannot be typed in.
import { weeklyEndToEnd } from '../analysis/endToEnd';
import { phaseChanges, type WeeklyValue } from '../analysis/xmrPhases';
import type { Sim } from '../services/housing-benefit';
import type { TeamSummary } from './protocol';

/** Rounded so the dashboard's JSON stays short; the rounding is the same on every JavaScript engine. */
const round = (x: number | null, places: number): number | null => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

/**
 * A week's average wait in days: to the hundredth of a day (under a quarter of an hour) once it is
 * a day or more, and to the ten-thousandth (under nine seconds) below, so the front desk's waits
 * of minutes keep their shape. A comparison and Math.round: the same on every engine.
 */
const roundDays = (x: number): number => (x < 1 ? Math.round(x * 1e4) / 1e4 : Math.round(x * 100) / 100);

export function teamSummary(sim: Sim): TeamSummary {
  const report = sim.report();
  const snapshot = sim.snapshot();
  const d = report.dashboard;
  // The same weeks and changes of system as the debrief's process behaviour chart (debriefData.ts).
  const weeks = weeklyEndToEnd(sim.needRows(), report.days);
  const last = weeks[weeks.length - 1]?.week ?? 0;
  const meanDays: (number | null)[] = new Array<number | null>(last).fill(null);
  for (const w of weeks) meanDays[w.week - 1] = roundDays(w.meanDays);
  return {
    at: sim.now,
    regime: sim.regime,
    official: {
      processingDays: round(d.processingDays, 2),
      callsAnsweredIn20s: round(d.callsAnsweredIn20s, 4),
      visitorsSeenIn15m: round(d.visitorsSeenIn15m, 4),
      stars: snapshot.lastInspection?.stars ?? null,
    },
    lived: {
      arrived: report.needs.arrived,
      met: report.needs.met,
      open: report.needs.open,
      abandoned: report.needs.abandoned,
      waitingDaysMean: round(report.waitingDays.mean, 2),
      failureDemandShare: round(report.failureDemandShare, 4),
      costPerNeedMet: round(report.cost.perNeedMet, 0),
      staffSpendPerWeek: Math.round(snapshot.staffSpend),
    },
    weekly: { meanDays, changes: phaseChanges(sim.actions) },
  };
}

/** A summary's weekly series as the process behaviour chart takes it: the weeks charted, in order. */
export function summaryWeeks(summary: Pick<TeamSummary, 'weekly'>): WeeklyValue[] {
  const out: WeeklyValue[] = [];
  summary.weekly.meanDays.forEach((meanDays, i) => {
    if (meanDays !== null) out.push({ week: i + 1, meanDays });
  });
  return out;
}
