import { DAY } from '../../engine/calendar';
import type { TargetState } from '../../engine/measures';
import { dashboardOf, type Dashboard, type Targets, targetStates } from './inspection';
import { STAGES } from './needTable';
import type { DeskPlace } from './catalogue';
import type { OpenOffer } from './offers';
import { type ContactChannel, contactRoleId, placeOfRole } from './places';
import type { Simulation } from './simulation';
import { fitsBudget, offeredStaffing, weeklyStaffCost } from './staffing';
import type { Design, NeedStage, Regime } from './types';

/** A plain-data picture of the running service, for a renderer: no references into the sim. */
export interface Snapshot {
  time: number;
  day: number;
  open: boolean;
  regime: Regime;
  /** The weekly staff budget now (null: the level sets none). */
  budgetPerWeek: number | null;
  /** The design in force now (which roles work where, which rules apply). */
  design: Design;
  /** Each team: where its desks are, and which of the usual flow's contacts it takes (a pilot team takes only its own citizens'). */
  roles: { id: string; label: string; staff: number; busy: number; queued: number; place: DeskPlace; takes: ContactChannel[] }[];
  /** The council's own staff by level role (a pilot team counts in its role): what the player sets. */
  books: Record<string, number>;
  /** The role a provider runs, paid per call and not by the hour (null: none). */
  outsourcedRole: string | null;
  needs: { arrived: number; open: number; met: number; abandoned: number };
  /** Open needs by where they are: piles of paper and people waiting. */
  stages: Record<NeedStage, number>;
  phonesWaiting: number;
  visitorsWaiting: number;
  contacts: { total: number; failure: number };
  dashboard: Dashboard;
  lastInspection: { day: number; stars: number; leaguePosition: number; leagueSize: number } | null;
  /** Needs in the main flow and in the pilot of the redesign (all needs, as needs above); null: no pilot set up yet. */
  flows: { main: { open: number; met: number }; pilot: { open: number; met: number } } | null;
  /** The weekly cost of the council's own staff now, and for each role whether one more would fit the budget. */
  staffSpend: number;
  canAdd: Record<string, boolean>;
  /** The office works the redesigned way (the regime, or experts at the front with one owner per case). */
  redesigned: boolean;
  /** The largest pilot team allowed now: it leaves at least one assessor in the usual back office. */
  pilotTeamMax: number;
  /** Each dashboard figure against its target (null: the level sets no targets). */
  targets: Record<keyof Dashboard, TargetState> | null;
  /** The targets in force now (null: none): the level's, until the centre sets a new one. */
  targetValues: Targets | null;
  /** A gaming move put to the player and not yet answered (null: none). */
  offer: OpenOffer | null;
  /** The staffing a change to the other regime would bring now: the people on the books moved into its roles. */
  staffIfSwitched: { regime: Regime; staff: Record<string, number> };
  /** The newest contacts (up to 20), newest last. */
  recentContacts: { needId: number; at: number; channel: string; reason: string; failure: boolean }[];
}

export function takeSnapshot(sim: Simulation): Snapshot {
  // Counts the sim keeps as it goes: a frame's snapshot never walks every need.
  const n = sim.needs;
  const stages = Object.fromEntries(STAGES.map((s, i) => [s, n.atStage[i]!])) as Record<NeedStage, number>;
  const met = stages.met;
  const abandoned = stages.abandoned;
  const open = n.count - met - abandoned;
  const pilotMet = sim.pilotClosed.met;
  const pilotOpen = sim.pilotNeeds - pilotMet - sim.pilotClosed.abandoned;
  const { assign } = sim.level;
  const takers = { phone: contactRoleId(assign, sim.design, 'phone'), visit: contactRoleId(assign, sim.design, 'visit') };
  const roles = sim.roles.map((r) => ({
    id: r.id,
    label: r.label,
    staff: r.staff,
    busy: r.busy,
    queued: r.queue.size,
    place: placeOfRole(assign, sim.design, r.id),
    takes: (['phone', 'visit'] as const).filter((c) => takers[c] === r.id),
  }));
  const last = sim.inspections[sim.inspections.length - 1];
  const books = sim.staffOnBooks();
  const dashboard = dashboardOf(sim.tally);
  const other: Regime = sim.regime === 'deliverology' ? 'systems' : 'deliverology';
  return {
    time: sim.now,
    day: sim.now / DAY,
    open: sim.calendar.isOpen(sim.now),
    regime: sim.regime,
    budgetPerWeek: sim.budget,
    design: { ...sim.design },
    roles,
    books,
    outsourcedRole: sim.outsourcedRole,
    needs: { arrived: n.count, open, met, abandoned },
    stages,
    phonesWaiting: sim.waiting.phone,
    visitorsWaiting: sim.waiting.visit,
    contacts: { total: sim.contactLog.count, failure: sim.failureContacts },
    dashboard,
    lastInspection: last ? { day: last.day, stars: last.stars, leaguePosition: last.leaguePosition, leagueSize: last.leagueSize } : null,
    flows: sim.pilotPool !== null ? { main: { open: open - pilotOpen, met: met - pilotMet }, pilot: { open: pilotOpen, met: pilotMet } } : null,
    staffSpend: weeklyStaffCost(sim.level, books, sim.outsourcedRole),
    canAdd: Object.fromEntries(
      Object.keys(sim.level.roles).map((id) => [id, fitsBudget(sim.level, { ...books, [id]: (books[id] ?? 0) + 1 }, sim.outsourcedRole, sim.budget)]),
    ),
    redesigned: sim.regime === 'systems' || (sim.design.expertsAtFront && sim.design.caseOwner),
    pilotTeamMax: Math.max(0, (books[sim.level.assign.casework] ?? 0) - 1),
    targets: sim.targets ? targetStates(dashboard, sim.targets) : null,
    targetValues: sim.targets,
    offer: sim.offers.openWithReason(),
    staffIfSwitched: { regime: other, staff: offeredStaffing(sim.level, other, books, sim.outsourcedRole, sim.budget) },
    recentContacts: sim.contactLog.recent(20).map((c) => ({
      needId: c.needId,
      at: c.at,
      channel: c.channel,
      reason: c.reason,
      failure: c.failure,
    })),
  };
}
