import { type Calendar, DAY } from '../../engine/calendar';
import { OfferBook, type OfferRecord, type OpenOfferOf } from '../../engine/offerBook';
import { targetStates } from '../../engine/measures';
import type { Regime, ServiceAction } from '../../engine/service';
import { catalogue, type Reason, type VisitFailure } from './catalogue';
import type { CallLog } from './callLog';
import { Costs, type WorkHours } from './costs';
import { type Dashboard, dashboardOf, type Inspection, inspect } from './dashboard';
import { Demand } from './demand';
import type { FaultCounts } from './faultCounts';
import { Jobs } from './jobs';
import type { Fault } from './records';
import { RepairsLine } from './repairsLine';
import { type RepairsEvent, RunState } from './runState';
import type { RepairsDesign, RepairsLevel, RepairsOffer, RepairsPressure, RoleId } from './schema';
import { emptyTally, type Tally } from './tally';
import { Visits } from './visits';

/** A visit as a view shows it: which trade went, to which home, and how it went. */
export interface VisitSeen {
  at: number;
  faultId: number;
  trade: number;
  outcome: VisitFailure | 'fixed' | 'part-done';
}

/** A call as a view shows it. */
export interface CallSeen {
  at: number;
  faultId: number;
  reason: Reason;
  answered: boolean;
}

/** What happened to an offer in a repairs run, and the one waiting for an answer. */
export type RepairsOfferRecord = OfferRecord<RepairsPressure, RepairsOffer['from']>;
export type OpenRepairsOffer = OpenOfferOf<RepairsOffer, RepairsPressure>;

/**
 * A housing-repairs service run from (level, seed): tenants phone the repairs line, a job is
 * raised and booked into a trade's diary, a tradesperson visits and fixes the fault or not.
 * Failure demand comes from the design: a wrong diagnosis, a half-day window nobody is in for,
 * missing parts, and the tenants who chase while they wait.
 *
 * The run hands each event to the part of the service it belongs to (demand.ts, repairsLine.ts,
 * jobs.ts, visits.ts, costs.ts), applies the manager's actions, and holds the inspections.
 */
export class RepairsSim {
  readonly inspections: Inspection[] = [];
  readonly actions: ServiceAction[] = [];
  regime: Regime;
  readonly startRegime: Regime;
  /** Gaming moves offered to the player as targets go red (a scenario's), and the answers. */
  readonly offers: OfferBook<RepairsDesign, RepairsPressure, RepairsOffer>;

  private readonly run: RunState;
  private readonly demand: Demand;
  private readonly line: RepairsLine;
  private readonly jobs: Jobs;
  private readonly visits: Visits;
  private readonly costs: Costs;

  constructor(
    readonly level: RepairsLevel,
    readonly seed: number,
    regime: Regime,
    /** 'staged': set the history going but run none of it (continueHistory runs it, a slice at a time). */
    history: 'at-once' | 'staged' = 'at-once',
  ) {
    this.regime = regime;
    this.startRegime = regime;
    this.run = new RunState(level, seed, regime);
    this.costs = new Costs(this.run);
    this.jobs = new Jobs(this.run, this.costs);
    this.line = new RepairsLine(this.run, this.jobs, this.costs);
    this.visits = new Visits(this.run, this.jobs, this.costs);
    this.demand = new Demand(this.run, seed, this.line);
    const events = this.run.events;
    const start = -level.warmUpDays;
    events.now = start * DAY;
    this.demand.nextArrival(start * DAY);
    events.at(level.inspection.everyDays * DAY, { kind: 'inspection' });
    this.offers = new OfferBook(level.offers);
    // With offers to make, each day's opening of the line is a moment to tempt the manager (from day 0).
    if (level.offers.length > 0) events.at(this.line.calendar.nextOpen(0), { kind: 'opens' });
    // The inherited history: the service has been running before the player arrives at day 0.
    if (history === 'at-once') this.advanceTo(0);
  }

  /** Runs the inherited history up to minute t (at most day 0); true once day 0 is reached. In slices or at once, day 0 is the same. */
  continueHistory(t: number): boolean {
    this.advanceTo(Math.min(t, 0));
    return this.now >= 0;
  }

  // --- What the run has to show, kept by the parts that count it ---------------------------------

  get now(): number {
    return this.run.events.now;
  }

  get eventsHandled(): number {
    return this.run.events.handled;
  }

  get design(): RepairsDesign {
    return this.run.design;
  }

  get staff(): Record<RoleId, number> {
    return this.run.staff;
  }

  get faults(): Fault[] {
    return this.demand.faults;
  }

  /** The faults as the views count them, kept up to date as they change. */
  get counts(): FaultCounts {
    return this.run.counts;
  }

  /** The dashboard's counts over the whole run. */
  get tally(): Tally {
    return this.run.tally;
  }

  get calls(): RepairsLine['calls'] {
    return this.line.calls;
  }

  get callLog(): CallLog {
    return this.line.callLog;
  }

  get recentCalls(): CallSeen[] {
    return this.line.recentCalls;
  }

  get recentVisits(): VisitSeen[] {
    return this.visits.recentVisits;
  }

  get visitFailures(): Record<VisitFailure, number> {
    return this.visits.visitFailures;
  }

  get repairsDone(): number {
    return this.visits.repairsDone;
  }

  /** Visits booked and still to come, by trade (index into TRADES). */
  get booked(): readonly number[] {
    return this.jobs.booked;
  }

  get cost(): Costs['cost'] {
    return this.costs.cost;
  }

  get phone(): WorkHours {
    return this.costs.phone;
  }

  get trades(): WorkHours {
    return this.costs.trades;
  }

  get contractorJobs(): Costs['contractorJobs'] {
    return this.costs.contractorJobs;
  }

  get lineRole(): RoleId {
    return this.line.role;
  }

  /** The repairs line now: who answers it, how many are on a call, how many callers hold. */
  get lineNow(): { role: RoleId; staff: number; busy: number; holding: number; open: boolean } {
    return this.line.stateAt(this.now);
  }

  /** When the repairs line is open (for a clock that hurries through nights and weekends). */
  get lineCalendar(): Pick<Calendar, 'isOpen' | 'nextOpen' | 'closesAt'> {
    return this.line.calendar;
  }

  /** This quarter's dashboard so far, and the targets it misses (a figure there, and missing its target). */
  get quarterSoFar(): { dashboard: Dashboard; red: (keyof Dashboard)[] } {
    const d = dashboardOf(this.run.quarter);
    const states = targetStates<keyof Dashboard>(catalogue.official, d, this.level.inspection.targets);
    const red = (Object.keys(states) as (keyof Dashboard)[]).filter((k) => states[k] === 'missed');
    return { dashboard: d, red };
  }

  // --- Running it --------------------------------------------------------------------------------

  advanceTo(t: number): void {
    this.run.events.runUntil(t, (e, now) => this.handle(e, now));
    this.costs.accrue(this.now);
  }

  apply(action: ServiceAction): void {
    if (action.at < this.now) throw new RangeError(`an action at minute ${action.at} is before now (${this.now})`);
    this.advanceTo(action.at);
    this.costs.accrue(this.now);
    // An answer to an offer the run does not have, or has answered already, is refused before it is logged.
    if (action.kind === 'offer') {
      if (!this.level.offers.some((o) => o.id === action.offer)) throw new RangeError(`no offer "${action.offer}" in this level`);
      const answered = this.offers.list().find((r) => r.id === action.offer && r.answer !== null);
      if (answered)
        throw new RangeError(`offer "${action.offer}" was answered already (on day ${Math.floor(answered.answeredDay!)}); an offer is answered once`);
    }
    this.actions.push(action);
    const run = this.run;
    if (action.kind === 'offer') {
      const offer = this.offers.answer(action.offer, action.accept, this.now / DAY)!;
      if (action.accept) Object.assign(run.design, offer.design);
    } else if (action.kind === 'staff') {
      run.staff[action.role as RoleId] = action.count;
    } else if (action.kind === 'design') {
      const lineBefore = this.lineRole;
      (run.design as Record<string, unknown>)[action.key] = action.value;
      // The people answering the line stay on it: a new front line is the same staff, retrained.
      if (this.lineRole !== lineBefore) {
        run.staff[this.lineRole] += run.staff[lineBefore];
        run.staff[lineBefore] = 0;
      }
    } else {
      this.regime = action.regime;
      run.design = { ...this.level.regimes[action.regime].design };
      Object.assign(run.staff, this.level.regimes[action.regime].staff);
    }
    // More staff or another design: callers holding may be answered now, and jobs with no room booked.
    this.line.answerWaiting(this.now);
    this.jobs.bookUnbooked(this.now);
  }

  private handle(e: RepairsEvent, now: number): void {
    switch (e.kind) {
      case 'arrival':
        return this.demand.onArrival(now);
      case 'call':
        // A tenant whose fault was fixed meanwhile does not phone to chase it or rebook.
        if (e.reason !== 'report-fault' && !Number.isNaN(e.fault.fixedAt)) return;
        return this.line.placeCall(e.fault, e.reason, now, e.tries);
      case 'hang-up':
        return this.line.onHangUp(e.call, now);
      case 'call-end':
        return this.line.onCallEnd(e.call, e.minutes, now);
      case 'visit':
        return this.visits.onVisit(e.job, now);
      case 'chase':
        e.fault.chase = -1;
        if (Number.isNaN(e.fault.fixedAt)) this.line.placeCall(e.fault, 'progress-chasing', now);
        return;
      case 'report':
        e.fault.reportEvent = -1;
        return this.line.placeCall(e.fault, 'report-fault', now);
      case 'inspection':
        return this.onInspection(now);
      case 'opens': {
        if (this.regime === 'deliverology') this.checkOffers(now);
        const line = this.line.calendar;
        this.run.events.at(line.always ? now + DAY : line.nextOpen(line.closesAt(now)), { kind: 'opens' });
        return;
      }
    }
  }

  /** The line opens: is it time to tempt the manager? Only a service still run to targets is. */
  private checkOffers(now: number): void {
    const pressures = new Set<RepairsPressure>();
    if (this.quarterSoFar.red.length > 0) pressures.add('red-target');
    this.offers.check(Math.floor(now / DAY), pressures, this.design);
  }

  /** The inspectors come each quarter: they rate the quarter's dashboard, and a new quarter begins. */
  private onInspection(now: number): void {
    this.inspections.push(inspect(this.run.quarter, this.level.inspection.targets, now));
    this.run.quarter = emptyTally();
    this.run.events.at(now + this.level.inspection.everyDays * DAY, { kind: 'inspection' });
  }
}
