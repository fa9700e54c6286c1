import { Calendar, DAY, type OpeningHours } from '../../engine/calendar';
import { OfferBook, type OfferRecord, type OpenOfferOf } from '../../engine/offerBook';
import { meanOf, Stream } from '../../engine/random';
import { Scheduler } from '../../engine/scheduler';
import { targetStates } from '../../engine/measures';
import type { Regime, ServiceAction } from '../../engine/service';
import { CALL_ANSWERED_WITHIN_MINUTES, catalogue, FAILURE_REASON, type Reason, type VisitFailure } from './catalogue';
import { CallLog } from './callLog';
import { FaultCounts } from './faultCounts';
import { bookTogether, Diary } from './diary';
import {
  LINE_ROLES,
  PRIORITIES,
  type RepairsDesign,
  type RepairsLevel,
  type RepairsOffer,
  type RepairsPressure,
  type RoleId,
  TRADE_ROLES,
  TRADES,
} from './schema';
import { emptyTally, type Tally } from './tally';
import { type Dashboard, dashboardOf, type Inspection, inspect } from './dashboard';
import type { Call, Fault, Job } from './records';

/** Re-coding a job (index into PRIORITIES): urgent to routine, routine to planned; emergencies and planned work stay. */
const RECODED_TO: Readonly<Record<number, number>> = {
  [PRIORITIES.indexOf('urgent')]: PRIORITIES.indexOf('routine'),
  [PRIORITIES.indexOf('routine')]: PRIORITIES.indexOf('planned'),
};

/** A caller who has hung up this many times stops trying for now, and chases later. */
const MAX_TRIES = 3;

/** The newest visits and calls kept for views (a van going out, a phone ringing). */
const RECENT = 40;

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

type Event =
  | { kind: 'arrival' }
  | { kind: 'call'; fault: Fault; reason: Reason; tries: number }
  | { kind: 'hang-up'; call: Call }
  | { kind: 'call-end'; call: Call; minutes: number }
  | { kind: 'visit'; job: Job }
  | { kind: 'chase'; fault: Fault }
  | { kind: 'report'; fault: Fault }
  | { kind: 'inspection' }
  | { kind: 'opens' };

/** What happened to an offer in a repairs run, and the one waiting for an answer. */
export type RepairsOfferRecord = OfferRecord<RepairsPressure, RepairsOffer['from']>;
export type OpenRepairsOffer = OpenOfferOf<RepairsOffer, RepairsPressure>;

function hoursOf(h: RepairsLevel['tradeHours']): OpeningHours {
  return h === 'always' ? { days: [0, 1, 2, 3, 4, 5, 6], open: 0, close: DAY } : h;
}

/** Hours of work by kind: what the work was for (value), what failure brought (failure), and paid time. */
export interface WorkHours {
  value: number;
  failure: number;
  paid: number;
}

/**
 * A housing-repairs service run from (level, seed): tenants phone the repairs line, a job is
 * raised and booked into a trade's diary, a tradesperson visits and fixes the fault or not.
 * Failure demand comes from the design: a wrong diagnosis, a half-day window nobody is in for,
 * missing parts, and the tenants who chase while they wait.
 */
export class RepairsSim {
  readonly faults: Fault[] = [];
  /** The faults as the views count them, kept up to date as they change. */
  readonly counts = new FaultCounts();
  readonly inspections: Inspection[] = [];
  readonly actions: ServiceAction[] = [];
  readonly tally: Tally = emptyTally();
  private quarter: Tally = emptyTally();
  readonly phone: WorkHours = { value: 0, failure: 0, paid: 0 };
  readonly trades: WorkHours = { value: 0, failure: 0, paid: 0 };
  readonly contractorJobs = { count: 0 };
  /** Money from day 0: the line's staff, in-house trades, the contractor, parts. */
  readonly cost = { phone: 0, trades: 0, contractor: 0, parts: 0 };
  /** Calls from day 0, whoever made them: by reason, and those whose caller hung up. */
  /** Every call from day 0, for a manager who studies demand. */
  readonly callLog = new CallLog();
  readonly calls = {
    byReason: { 'report-fault': 0, 'progress-chasing': 0, 'rebook-no-access': 0, 'still-broken': 0 } as Record<Reason, number>,
    unanswered: 0,
  };
  readonly visitFailures: Record<VisitFailure, number> = { 'no-access': 0, 'wrong-trade': 0, 'no-parts': 0 };
  /** Repairs done from day 0: reported, found and inherited faults alike. */
  repairsDone = 0;
  /** The newest visits and calls, newest last (at most RECENT of each). */
  readonly recentVisits: VisitSeen[] = [];
  readonly recentCalls: CallSeen[] = [];
  design: RepairsDesign;
  regime: Regime;
  readonly startRegime: Regime;
  readonly staff: Record<RoleId, number>;
  /** Gaming moves offered to the player as targets go red (a scenario's), and the answers. */
  readonly offers: OfferBook<RepairsDesign, RepairsPressure, RepairsOffer>;

  private readonly events = new Scheduler<Event>();
  private readonly line: Calendar;
  private readonly tradeCalendar: Calendar;
  private readonly diaries: Diary[];
  private readonly queue: Call[] = [];
  private queueHead = 0;
  private busy = 0;
  private unbooked: Job[] = [];
  private costClock = 0;
  private readonly bookingMinutes: number;
  private readonly tradeShares: number[];
  private readonly priorityShares: number[];
  // Named streams: the same tenants and faults meet every design; how work goes has streams of its own.
  private readonly demand: Stream;
  private readonly tenants: Stream;
  private readonly diagnosis: Stream;
  private readonly visits: Stream;
  private readonly work: Stream;

  constructor(
    readonly level: RepairsLevel,
    readonly seed: number,
    regime: Regime,
    /** 'staged': set the history going but run none of it (continueHistory runs it, a slice at a time). */
    history: 'at-once' | 'staged' = 'at-once',
  ) {
    this.regime = regime;
    this.startRegime = regime;
    this.design = { ...level.regimes[regime].design };
    this.staff = { ...level.regimes[regime].staff };
    this.line = new Calendar(level.lineHours);
    this.tradeCalendar = new Calendar(level.tradeHours);
    const start = -level.warmUpDays;
    this.diaries = TRADES.map(() => new Diary(hoursOf(level.tradeHours), start));
    this.bookingMinutes = meanOf(level.times.travel) + meanOf(level.times.fix);
    this.tradeShares = TRADES.map((t) => level.demand.tradeShares[t]);
    this.priorityShares = PRIORITIES.map((p) => level.demand.priorities[p].share);
    this.demand = new Stream(seed, 'repairs/demand');
    this.tenants = new Stream(seed, 'repairs/tenants');
    this.diagnosis = new Stream(seed, 'repairs/diagnosis');
    this.visits = new Stream(seed, 'repairs/visits');
    this.work = new Stream(seed, 'repairs/work');
    this.events.now = start * DAY;
    this.events.at(start * DAY + this.demand.exponential(DAY / level.demand.faultsPerDay), { kind: 'arrival' });
    this.events.at(level.inspection.everyDays * DAY, { kind: 'inspection' });
    this.offers = new OfferBook(level.offers);
    // With offers to make, each day's opening of the line is a moment to tempt the manager (from day 0).
    if (level.offers.length > 0) this.events.at(this.line.nextOpen(0), { kind: 'opens' });
    // The inherited history: the service has been running before the player arrives at day 0.
    if (history === 'at-once') this.advanceTo(0);
  }

  /** Runs the inherited history up to minute t (at most day 0); true once day 0 is reached. In slices or at once, day 0 is the same. */
  continueHistory(t: number): boolean {
    this.advanceTo(Math.min(t, 0));
    return this.now >= 0;
  }

  get now(): number {
    return this.events.now;
  }

  get eventsHandled(): number {
    return this.events.handled;
  }

  /** The repairs line now: who answers it, how many are on a call, how many callers hold. */
  get lineNow(): { role: RoleId; staff: number; busy: number; holding: number; open: boolean } {
    let holding = 0;
    for (let i = this.queueHead; i < this.queue.length; i++) if (!this.queue[i]!.done) holding++;
    return { role: this.lineRole, staff: this.staff[this.lineRole], busy: this.busy, holding, open: this.line.isOpen(this.now) };
  }

  /** When the repairs line is open (for a clock that hurries through nights and weekends). */
  get lineCalendar(): Pick<Calendar, 'isOpen' | 'nextOpen' | 'closesAt'> {
    return this.line;
  }

  /** Visits booked and still to come, by trade (index into TRADES). */
  readonly booked: number[] = TRADES.map(() => 0);

  advanceTo(t: number): void {
    this.events.runUntil(t, (e, now) => this.handle(e, now));
    this.accrueCosts(this.now);
  }

  apply(action: ServiceAction): void {
    if (action.at < this.now) throw new RangeError(`an action at minute ${action.at} is before now (${this.now})`);
    this.advanceTo(action.at);
    this.accrueCosts(this.now);
    // An answer to an offer the run does not have, or has answered already, is refused before it is logged.
    if (action.kind === 'offer') {
      if (!this.level.offers.some((o) => o.id === action.offer)) throw new RangeError(`no offer "${action.offer}" in this level`);
      const answered = this.offers.list().find((r) => r.id === action.offer && r.answer !== null);
      if (answered)
        throw new RangeError(`offer "${action.offer}" was answered already (on day ${Math.floor(answered.answeredDay!)}); an offer is answered once`);
    }
    this.actions.push(action);
    if (action.kind === 'offer') {
      const offer = this.offers.answer(action.offer, action.accept, this.now / DAY)!;
      if (action.accept) Object.assign(this.design, offer.design);
    } else if (action.kind === 'staff') {
      this.staff[action.role as RoleId] = action.count;
    } else if (action.kind === 'design') {
      const lineBefore = this.lineRole;
      (this.design as Record<string, unknown>)[action.key] = action.value;
      // The people answering the line stay on it: a new front line is the same staff, retrained.
      if (this.lineRole !== lineBefore) {
        this.staff[this.lineRole] += this.staff[lineBefore];
        this.staff[lineBefore] = 0;
      }
    } else {
      this.regime = action.regime;
      this.design = { ...this.level.regimes[action.regime].design };
      Object.assign(this.staff, this.level.regimes[action.regime].staff);
    }
    this.answerWaiting();
    this.bookUnbooked();
  }

  private handle(e: Event, now: number): void {
    switch (e.kind) {
      case 'arrival':
        return this.onArrival(now);
      case 'call':
        if (e.reason !== 'report-fault' && !Number.isNaN(e.fault.fixedAt)) return;
        return this.placeCall(e.fault, e.reason, now, e.tries);
      case 'hang-up':
        return this.onHangUp(e.call, now);
      case 'call-end':
        return this.onCallEnd(e.call, e.minutes, now);
      case 'visit':
        return this.onVisit(e.job, now);
      case 'chase':
        e.fault.chase = -1;
        if (Number.isNaN(e.fault.fixedAt)) this.placeCall(e.fault, 'progress-chasing', now);
        return;
      case 'report':
        e.fault.reportEvent = -1;
        return this.placeCall(e.fault, 'report-fault', now);
      case 'inspection':
        return this.onInspection(now);
      case 'opens':
        if (this.regime === 'deliverology') this.checkOffers(now);
        this.events.at(this.line.always ? now + DAY : this.line.nextOpen(this.line.closesAt(now)), { kind: 'opens' });
        return;
    }
  }

  /** The line opens: is it time to tempt the manager? Only a service still run to targets is. */
  private checkOffers(now: number): void {
    const pressures = new Set<RepairsPressure>();
    if (this.quarterSoFar.red.length > 0) pressures.add('red-target');
    this.offers.check(Math.floor(now / DAY), pressures, this.design);
  }

  /** This quarter's dashboard so far, and the targets it misses (a figure there, and missing its target). */
  get quarterSoFar(): { dashboard: Dashboard; red: (keyof Dashboard)[] } {
    const d = dashboardOf(this.quarter);
    const states = targetStates<keyof Dashboard>(catalogue.official, d, this.level.inspection.targets);
    const red = (Object.keys(states) as (keyof Dashboard)[]).filter((k) => states[k] === 'missed');
    return { dashboard: d, red };
  }

  // --- Demand -----------------------------------------------------------------------------------

  private newFault(): Fault {
    const d = this.demand;
    const fault: Fault = {
      id: this.faults.length + 1,
      trade: pick(d.uniform(), this.tradeShares),
      followOn: -1,
      priority: pick(d.uniform(), this.priorityShares),
      needsParts: d.uniform() < this.level.demand.partsShare,
      reportedAt: Number.NaN,
      found: false,
      foundAt: Number.NaN,
      fixedAt: Number.NaN,
      visits: 0,
      fixedAtFirstVisit: false,
      jobs: 0,
      contacts: 0,
      failureContacts: 0,
      known: false,
      partsFrom: -Infinity,
      job: null,
      chase: -1,
      other: null,
      reportEvent: -1,
      stage: 'reporting',
    };
    if (d.uniform() < this.level.demand.followOnShare) fault.followOn = (fault.trade + d.int(1, TRADES.length - 1)) % TRADES.length;
    this.faults.push(fault);
    return fault;
  }

  private onArrival(now: number): void {
    const fault = this.newFault();
    // A second fault in the same home, drawn now so that every design meets the same homes.
    if (this.demand.uniform() < this.level.demand.otherFaultShare) {
      const other = this.newFault();
      fault.other = other;
      other.reportEvent = this.events.at(now + this.demand.sample(this.level.demand.otherFaultReportDays) * DAY, { kind: 'report', fault: other });
    }
    this.placeCall(fault, 'report-fault', now);
    this.events.at(now + this.demand.exponential(DAY / this.level.demand.faultsPerDay), { kind: 'arrival' });
  }

  // --- The repairs line -------------------------------------------------------------------------

  get lineRole(): RoleId {
    return LINE_ROLES[this.design.frontLine];
  }

  private placeCall(fault: Fault, reason: Reason, now: number, tries = 0): void {
    if (!this.line.isOpen(now)) {
      // The tenant phones at some time of the line's next open hours, not all at opening time.
      const opens = this.line.nextOpen(now);
      this.events.at(opens + this.tenants.uniform() * (this.line.closesAt(opens) - opens), { kind: 'call', fault, reason, tries });
      return;
    }
    if (reason === 'report-fault' && Number.isNaN(fault.reportedAt)) {
      fault.reportedAt = now;
      this.counts.reportedNow(fault);
    }
    // A tenant who reported a fault a tradesperson has since found and fixed does not call.
    if (reason === 'report-fault' && fault.found) return;
    fault.contacts++;
    if (FAILURE_REASON[reason]) fault.failureContacts++;
    if (now >= 0) {
      this.calls.byReason[reason]++;
      this.callLog.add(now, fault.id, reason, fault.trade);
    }
    const call: Call = { fault, reason, placedAt: now, hangUp: -1, done: false, tries: tries + 1 };
    if (this.busy < this.staff[this.lineRole]) {
      this.answer(call, now);
    } else {
      call.hangUp = this.events.at(now + this.tenants.sample(this.level.tenants.holdMinutes), { kind: 'hang-up', call });
      this.queue.push(call);
    }
  }

  private answer(call: Call, now: number): void {
    call.done = true;
    this.events.cancel(call.hangUp);
    keepRecent(this.recentCalls, { at: now, faultId: call.fault.id, reason: call.reason, answered: true });
    const waited = now - call.placedAt;
    if (call.placedAt >= 0) {
      for (const t of [this.tally, this.quarter]) {
        t.callsOffered++;
        if (waited <= CALL_ANSWERED_WITHIN_MINUTES) t.callsIn20s++;
      }
    }
    this.busy++;
    const minutes = this.work.sample(this.design.frontLine === 'call-centre' ? this.level.times.callCentreCall : this.level.times.expertCall);
    this.events.at(now + minutes, { kind: 'call-end', call, minutes });
  }

  private onHangUp(call: Call, now: number): void {
    call.done = true;
    keepRecent(this.recentCalls, { at: now, faultId: call.fault.id, reason: call.reason, answered: false });
    if (call.placedAt >= 0) {
      this.calls.unanswered++;
      this.tally.callsOffered++;
      this.quarter.callsOffered++;
    }
    if (call.tries < MAX_TRIES) {
      this.events.at(now + this.tenants.sample(this.level.tenants.retryMinutes), { kind: 'call', fault: call.fault, reason: call.reason, tries: call.tries });
    } else if (Number.isNaN(call.fault.fixedAt)) {
      this.chaseLater(call.fault, now);
    }
  }

  private answerWaiting(): void {
    const now = this.now;
    while (this.busy < this.staff[this.lineRole] && this.queueHead < this.queue.length && this.line.isOpen(now)) {
      const call = this.queue[this.queueHead++]!;
      if (!call.done) this.answer(call, now);
    }
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  private onCallEnd(call: Call, minutes: number, now: number): void {
    this.busy--;
    if (now >= 0) this.phone[FAILURE_REASON[call.reason] ? 'failure' : 'value'] += minutes / 60;
    const fault = call.fault;
    // Whatever the tenant phoned about, nobody coming means someone is sent: a job raised, or the open one booked.
    if (Number.isNaN(fault.fixedAt) && !fault.found) {
      this.sendSomeone(fault, now);
      this.chaseLater(fault, now);
    }
    this.answerWaiting();
  }

  // --- Jobs and the diaries ---------------------------------------------------------------------

  /** Makes sure a visit is coming: the open job booked if it is not, or (none open) a new one raised. */
  private sendSomeone(fault: Fault, now: number): void {
    const job = fault.job;
    if (job === null || !job.open) this.raiseJob(fault, now);
    else if (!job.booked) this.book(job, now);
  }

  private raiseJob(fault: Fault, now: number): void {
    const priority = PRIORITIES[fault.priority]!;
    let trade = fault.trade;
    let partsRight = true;
    // Is the second trade seen to be needed? Once someone who knows has looked, or an adviser who knows repairs asks.
    let seesFollowOn = fault.known;
    if (fault.known) {
      if (fault.needsParts) partsRight = this.diagnosis.chance(this.level.diagnosis.afterLook.rightParts);
    } else {
      const d = this.level.diagnosis[this.design.frontLine];
      if (!this.diagnosis.chance(d.rightTrade)) trade = (fault.trade + this.diagnosis.int(1, TRADES.length - 1)) % TRADES.length;
      if (fault.needsParts) partsRight = this.diagnosis.chance(d.rightParts);
      if (fault.followOn >= 0 && this.design.frontLine === 'repairs-expert') seesFollowOn = trade === fault.trade;
    }
    // Job by job, each trade gets a job of its own; a tradesperson who owns the repair brings the other trade along.
    const together = fault.followOn >= 0 && seesFollowOn && this.design.tradesperson === 'owns-the-repair' ? fault.followOn : -1;
    const job: Job = {
      fault,
      raisedAt: now,
      priority: fault.priority,
      targetAt: now + this.level.demand.priorities[priority].targetDays * DAY,
      trade,
      together,
      partsRight,
      open: true,
      booked: false,
    };
    fault.jobs++;
    fault.job = job;
    this.book(job, now);
  }

  /** Books the job's next visit: to its target date, or at the time the tenant asks for. */
  private book(job: Job, now: number): void {
    const fault = job.fault;
    const emergency = PRIORITIES[job.priority] === 'emergency';
    let earliest = now;
    if (!emergency) {
      if (this.design.appointments === 'windows-to-target')
        earliest = Math.max(now, job.raisedAt + this.level.bookAtShareOfTarget * (job.targetAt - job.raisedAt));
      else earliest = now + this.tenants.sample(this.level.tenants.preferredDays) * DAY;
    }
    earliest = Math.max(earliest, fault.partsFrom);
    const hours = hoursOf(this.level.tradeHours);
    // An emergency is seen today if there is room; anything else from the first working day that starts after its earliest time.
    const soonest = Math.ceil((Math.max(now, fault.partsFrom) - hours.open) / DAY);
    let firstDay = emergency ? Math.floor(earliest / DAY) : Math.ceil((earliest - hours.open) / DAY);
    let backTo = firstDay;
    if (!emergency && this.design.appointments === 'windows-to-target') {
      // Planned to the target: on the last working day that ends before it, or the latest day before that with room.
      const last = Math.floor((job.targetAt - hours.close) / DAY);
      if (last >= soonest) {
        firstDay = Math.min(firstDay, last + 1);
        backTo = soonest;
      }
    }
    const trades = job.together >= 0 ? [job.trade, job.together] : [job.trade];
    const diaries = trades.map((t) => ({ diary: this.diaries[t]!, staff: this.staff[TRADE_ROLES[TRADES[t]!]] }));
    // An emergency is squeezed in (the day runs over); everything else waits for room in the diary.
    const day = emergency ? bookTogether(diaries, firstDay, this.bookingMinutes, true) : bookTogether(diaries, firstDay, this.bookingMinutes, false, backTo);
    if (day === null) {
      this.counts.move(fault, 'unbooked');
      this.unbooked.push(job);
      return;
    }
    const at = Math.max(this.diaries[job.trade]!.startOf(day, this.visits.uniform()), now + 60);
    if (this.design.reclassify && at > job.targetAt && RECODED_TO[job.priority] !== undefined) {
      // The gaming move: a job about to miss its target is re-coded to the next longer priority,
      // its target counted again from when it was raised.
      const recode = () => {
        job.priority = RECODED_TO[job.priority]!;
        job.targetAt = job.raisedAt + this.level.demand.priorities[PRIORITIES[job.priority]!].targetDays * DAY;
      };
      recode();
      if (this.design.appointments === 'windows-to-target') {
        // Work planned to the target is planned again, to the longer one: the visit comes later
        // (and is re-coded once more if even that one would be missed).
        for (const d of diaries) d.diary.release(day, this.bookingMinutes);
        this.book(job, now);
        return;
      }
      // The time the tenant chose stands: only the label changes, as far as it takes.
      while (at > job.targetAt && RECODED_TO[job.priority] !== undefined) recode();
    }
    this.counts.move(fault, 'booked');
    job.booked = true;
    this.booked[job.trade]!++;
    this.events.at(at, { kind: 'visit', job });
  }

  private bookUnbooked(): void {
    const jobs = this.unbooked;
    this.unbooked = [];
    for (const job of jobs) if (job.open) this.book(job, this.now);
  }

  private closeJob(job: Job, now: number): void {
    job.open = false;
    if (now < 0) return;
    const inTarget = now <= job.targetAt;
    for (const t of [this.tally, this.quarter]) {
      t.jobsClosed++;
      if (inTarget) t.jobsInTarget++;
      t.jobDays += (now - job.raisedAt) / DAY;
    }
    if (this.design.contract === 'per-job') {
      this.contractorJobs.count++;
      this.cost.contractor += this.level.costs.pricePerJob;
    }
  }

  // --- Visits -----------------------------------------------------------------------------------

  private onVisit(job: Job, now: number): void {
    const fault = job.fault;
    job.booked = false;
    this.booked[job.trade]!--;
    fault.visits++;
    const travel = this.work.sample(this.level.times.travel);
    const noAccess = this.design.appointments === 'windows-to-target' ? this.level.tenants.noAccessWindow : this.level.tenants.noAccessExact;
    let failure: VisitFailure | null = null;
    if (this.visits.chance(noAccess)) failure = 'no-access';
    else if (job.trade !== fault.trade) failure = 'wrong-trade';
    else if (!job.partsRight) failure = 'no-parts';
    keepRecent(this.recentVisits, {
      at: now,
      faultId: fault.id,
      trade: job.trade,
      outcome: failure ?? (fault.followOn >= 0 && job.together < 0 ? 'part-done' : 'fixed'),
    });
    if (failure === null) {
      const minutes = travel + this.work.sample(this.level.times.fix) + (job.together >= 0 ? travel + this.work.sample(this.level.times.fix) : 0);
      if (now >= 0) this.trades.value += minutes / 60;
      this.closeJob(job, now);
      if (this.design.tradesperson === 'owns-the-repair') this.askWhatElse(fault, job, now);
      if (fault.followOn >= 0 && job.together < 0) {
        // This trade's part is done; the fault is not fixed until the next trade has done theirs.
        fault.trade = fault.followOn;
        fault.followOn = -1;
        fault.known = true;
        fault.job = null;
        this.raiseJob(fault, now);
        this.chaseLater(fault, now);
        return;
      }
      this.fix(fault, now);
      return;
    }
    if (now >= 0) {
      this.trades.failure += (travel + this.work.sample(this.level.times.failedVisit)) / 60;
      this.visitFailures[failure]++;
    }
    if (failure !== 'no-access') {
      // Someone has looked: a job kept open now goes to the right trade, with the parts it was found to need.
      fault.known = true;
      job.trade = fault.trade;
      job.partsRight = !fault.needsParts || this.diagnosis.chance(this.level.diagnosis.afterLook.rightParts);
    }
    if (failure === 'no-parts') fault.partsFrom = now + this.work.sample(this.level.times.partsDays) * DAY;
    if (this.design.closeAndReraise) {
      this.closeJob(job, now);
      fault.job = null;
    }
    if (this.design.tradesperson === 'owns-the-repair') {
      // The tradesperson books the return there and then (or phones the tenant who was out).
      this.sendSomeone(fault, now);
    } else if (!fault.job?.booked) {
      // Job by job, nobody comes back until the tenant phones again.
      this.counts.move(fault, 'waiting-for-call-back');
      const reason: Reason = failure === 'no-access' ? 'rebook-no-access' : 'still-broken';
      this.events.at(now + this.tenants.sample(this.level.tenants.callBackDays) * DAY, { kind: 'call', fault, reason, tries: 0 });
    }
    this.chaseLater(fault, now);
  }

  private fix(fault: Fault, now: number): void {
    this.counts.move(fault, 'fixed');
    this.counts.fixedNow(fault);
    fault.fixedAt = now;
    fault.fixedAtFirstVisit = fault.visits <= 1;
    this.events.cancel(fault.chase);
    fault.chase = -1;
    if (now >= 0) {
      this.repairsDone++;
      if (fault.needsParts) this.cost.parts += this.level.costs.partsPerRepair;
    }
  }

  /** "Anything else that needs fixing?": a second fault is found now, not reported weeks later. */
  private askWhatElse(fault: Fault, job: Job, now: number): void {
    const other = fault.other;
    fault.other = null;
    if (!other || other.reportEvent === -1) return;
    this.events.cancel(other.reportEvent);
    other.reportEvent = -1;
    other.found = true;
    other.foundAt = now;
    this.counts.foundNow(now);
    other.known = true;
    const partsOnVan = !other.needsParts || this.diagnosis.chance(this.level.diagnosis.afterLook.rightParts);
    if (other.trade === job.trade && partsOnVan) {
      if (now >= 0) this.trades.value += this.work.sample(this.level.times.fix) / 60;
      this.fix(other, now);
    } else {
      this.raiseJob(other, now);
    }
  }

  private chaseLater(fault: Fault, now: number): void {
    this.events.cancel(fault.chase);
    fault.chase = this.events.at(now + this.tenants.sample(this.level.tenants.chaseDays) * DAY, { kind: 'chase', fault });
  }

  // --- Inspection and money ---------------------------------------------------------------------

  private onInspection(now: number): void {
    this.inspections.push(inspect(this.quarter, this.level.inspection.targets, now));
    this.quarter = emptyTally();
    this.events.at(now + this.level.inspection.everyDays * DAY, { kind: 'inspection' });
  }

  /** Pays the staff for the time since the last payment (from day 0): the line by its hours, in-house trades by theirs. */
  private accrueCosts(to: number): void {
    const from = Math.max(this.costClock, 0);
    if (to <= from) return;
    this.costClock = to;
    const lineHours = this.line.openMinutesBetween(from, to) / 60;
    for (const role of Object.values(LINE_ROLES)) {
      const hours = this.staff[role] * lineHours;
      this.cost.phone += hours * this.level.roles[role].costPerHour;
      this.phone.paid += hours;
    }
    const tradeHours = this.tradeCalendar.openMinutesBetween(from, to) / 60;
    for (const role of Object.values(TRADE_ROLES)) {
      const hours = this.staff[role] * tradeHours;
      this.trades.paid += hours;
      if (this.design.contract === 'in-house') this.cost.trades += hours * this.level.roles[role].costPerHour;
    }
  }
}

function keepRecent<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT) list.shift();
}

/** The index a uniform draw u falls on, given shares that sum to 1. */
function pick(u: number, shares: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < shares.length; i++) {
    acc += shares[i]!;
    if (u < acc) return i;
  }
  return shares.length - 1;
}
