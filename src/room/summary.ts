// A team's figures for the room, made the same way in the team's browser and on the server: the
// server re-simulates the team's log and makes them again, so a result cannot be typed in.
import type { Sim } from '../services/housing-benefit';
import type { TeamSummary } from './protocol';

/** Rounded so the dashboard's JSON stays short; the rounding is the same on every JavaScript engine. */
const round = (x: number | null, places: number): number | null => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

export function teamSummary(sim: Sim): TeamSummary {
  const report = sim.report();
  const snapshot = sim.snapshot();
  const d = report.dashboard;
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
  };
}
