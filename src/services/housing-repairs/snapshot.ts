import { DAY } from '../../engine/calendar';
import type { Regime } from '../../engine/service';
import { type TargetState, targetStates } from '../../engine/measures';
import { catalogue, type Stage } from './catalogue';
import { dashboardOf, type Dashboard } from './dashboard';
import type { CallSeen, OpenRepairsOffer, RepairsSim, VisitSeen } from './model';
import { LINE_ROLES, type RepairsDesign, type RoleId, TRADE_ROLES, TRADES } from './schema';

/** A plain-data picture of the running repairs service, for views: no references into the sim. */
export interface RepairsSnapshot {
  time: number;
  day: number;
  regime: Regime;
  design: RepairsDesign;
  staff: Record<RoleId, number>;
  /** The repairs line: who answers it, on a call, holding; open now. */
  line: { role: RoleId; staff: number; busy: number; holding: number; open: boolean };
  /** Each trade: its role, its tradespeople, visits booked and still to come. */
  trades: { trade: (typeof TRADES)[number]; role: RoleId; staff: number; booked: number }[];
  /** Faults reported from day 0 and those fixed; waiting: every tenant still waiting now, the inherited too. */
  faults: { reported: number; fixed: number; waiting: number; found: number };
  /** Every fault still waiting, by where it is (the inherited too). */
  stages: Record<Stage, number>;
  calls: { total: number; failure: number };
  /** The dashboard over the run so far, and each figure against its target. */
  dashboard: Dashboard;
  targets: Record<keyof Dashboard, TargetState>;
  /** This quarter's dashboard so far (what the inspectors will see), and the targets it misses. */
  quarter: { dashboard: Dashboard; red: (keyof Dashboard)[] };
  lastInspection: { day: number; stars: number } | null;
  /** The weekly cost of the line's staff and (in house) the trades, at their hours now. */
  staffPerWeek: number;
  recentVisits: VisitSeen[];
  recentCalls: CallSeen[];
  /** The gaming move put to the manager and waiting for an answer, with what brought it up (null: none). */
  offer: OpenRepairsOffer | null;
}

export function repairsSnapshot(sim: RepairsSim): RepairsSnapshot {
  const { reported, fixed, waiting, found } = sim.counts;
  const level = sim.level;
  const lineHours = weekHours(level.lineHours);
  const tradeHours = weekHours(level.tradeHours);
  let staffPerWeek = 0;
  for (const role of Object.values(LINE_ROLES)) staffPerWeek += sim.staff[role] * lineHours * level.roles[role].costPerHour;
  if (sim.design.contract === 'in-house')
    for (const role of Object.values(TRADE_ROLES)) staffPerWeek += sim.staff[role] * tradeHours * level.roles[role].costPerHour;
  const last = sim.inspections.at(-1);
  const dashboard = dashboardOf(sim.tally);
  const failure = sim.calls.byReason['progress-chasing'] + sim.calls.byReason['rebook-no-access'] + sim.calls.byReason['still-broken'];
  return {
    time: sim.now,
    day: Math.floor(sim.now / DAY),
    regime: sim.regime,
    design: { ...sim.design },
    staff: { ...sim.staff },
    line: sim.lineNow,
    trades: TRADES.map((trade, i) => ({ trade, role: TRADE_ROLES[trade], staff: sim.staff[TRADE_ROLES[trade]], booked: sim.booked[i]! })),
    faults: { reported, fixed, waiting, found },
    stages: { ...sim.counts.stages },
    calls: { total: failure + sim.calls.byReason['report-fault'], failure },
    dashboard,
    targets: targetStates<keyof Dashboard>(catalogue.official, dashboard, level.inspection.targets),
    quarter: sim.quarterSoFar,
    lastInspection: last ? { day: last.day, stars: last.stars } : null,
    staffPerWeek,
    recentVisits: sim.recentVisits.map((v) => ({ ...v })),
    recentCalls: sim.recentCalls.map((c) => ({ ...c })),
    offer: sim.offers.openWithReason(),
  };
}

function weekHours(h: RepairsSim['level']['lineHours']): number {
  return h === 'always' ? 168 : (h.days.length * (h.close - h.open)) / 60;
}
