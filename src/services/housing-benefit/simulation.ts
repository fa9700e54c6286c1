import type { Level, OfferPressure } from '../../levels/schema';
import { Calendar, DAY } from '../../engine/calendar';
import { ABANDONED, CONFIRMED_ASKED, CONFIRMED_NO, CONFIRMED_YES, ClaimTable, DECIDED, NIL_QUALIFIED, OPEN } from './claimTable';
import { OpenSpell } from '../../engine/openSpell';
import { Scheduler } from '../../engine/scheduler';
import { exp } from '../../engine/exactMath';
import { grown } from '../../engine/grown';
import { anyTargetRed, dashboardOf, type Inspection, inspect, type OfficialTally, emptyTally } from './inspection';
import { objectArray } from '../../engine/objectArray';
import { J, Journal, type JourneyStep } from './journal';
import { ABANDONED as GAVE_UP, GUESSING, LETTER, MET, NeedTable, OPEN as NEED_OPEN, STAGE, TOLD } from './needTable';
import { ln, meanOf, prepare, type Sampler, Stream } from '../../engine/random';
import { RolePool, type Task, type TaskKind, TaskRecord } from './rolePool';
import { OfferBook } from './offers';
import { offeredStaffing } from './staffing';
import type { Action, ActionInput, Channel, Contact, ContactReason, Design, DesignKey, Regime } from './types';
import { isFailureDemand } from './types';
import { CALL_ANSWERED_WITHIN_MINUTES, VISIT_SEEN_WITHIN_MINUTES, WAYS_OF_WORKING } from './catalogue';
import { CallDemand } from './callDemand';
import { CAUSE, ContactLog } from './contactLog';

/** Housing benefit's events, each carrying what its handler reads (and nothing it could forget to set). */
type Event =
  /** A citizen has a new need (the next one is drawn when this one arrives). */
  | { kind: 'arrival' }
  /** A citizen not yet on the books gets in touch for the first time: the event carries who they are. */
  | { kind: 'first-contact'; channel: 'phone' | 'visit'; required: number; hard: boolean; bringsEvidence: boolean; givesUpAt: number }
  | { kind: 'contact'; need: number; channel: 'phone' | 'visit'; reason: ContactReason; items: number }
  | { kind: 'task-done'; role: RolePool; task: Task }
  /** The office opens for the day (an office always open: each midnight). */
  | { kind: 'opens' }
  | { kind: 'letter-to-citizen'; need: number; letter: LetterKind }
  | { kind: 'letter-to-council'; need: number; items: number; reason: ContactReason }
  /** The citizen has gathered the evidence asked for. */
  | { kind: 'ready'; need: number }
  | { kind: 'chase'; need: number }
  | { kind: 'give-up'; need: number }
  | { kind: 'deadline'; claim: number }
  | { kind: 'inspection' }
  | { kind: 'confirmed'; claim: number }
  | { kind: 'hang-up'; task: Task }
  /** The payment run pays a decided claim. */
  | { kind: 'paid'; need: number };

/** Design keys that change how the work is done, so changing one brings a learning dip. */

type LetterKind = 'form' | 'request' | 'decision' | 'wrong-decision' | 'nil';

/** The events that carry nothing but their kind: one object each, scheduled again and again. */
const ARRIVAL: Event = { kind: 'arrival' };
const OPENS: Event = { kind: 'opens' };
const INSPECTION: Event = { kind: 'inspection' };

/** A task's kind of work, as its index in WORK_KINDS (casework: whether it ends in a decision). */
function workKind(task: Task): number {
  switch (task.kind) {
    case 'contact':
      return 0;
    case 'scan':
      return 1;
    case 'casework':
      return task.decide ? 2 : 3;
    case 'message':
      return 4;
    case 'rework':
      return 5;
  }
}

/**
 * A fresh copy of a design, spelt out field by field: every copy then has one hidden class in V8
 * (an object spread's copies do not always), so the code that reads the design stays optimised.
 */
function copyDesign(d: Design): Design {
  return {
    expertsAtFront: d.expertsAtFront,
    decideAtFirstContact: d.decideAtFirstContact,
    caseOwner: d.caseOwner,
    pullEvidence: d.pullEvidence,
    nilQualifyDays: d.nilQualifyDays,
    clockStart: d.clockStart,
    cherryPick: d.cherryPick,
    formHandOut: d.formHandOut,
    outsourcedCallCentre: d.outsourcedCallCentre,
    workflowIT: d.workflowIT,
    pilotShare: d.pilotShare,
    pilotTeam: d.pilotTeam,
  };
}

/** The level's distributions, prepared once for fast draws. */
interface Samplers {
  call: Sampler;
  visit: Sampler;
  formHandOut: Sampler;
  chase: Sampler;
  takeDocuments: Sampler;
  scan: Sampler;
  assessEasy: Sampler;
  assessHard: Sampler;
  pickUpFile: Sampler;
  request: Sampler;
  message: Sampler;
  rework: Sampler;
  patience: Sampler | null;
  gather: Sampler;
  react: Sampler;
  post: Sampler;
  holdPhone: Sampler | null;
  holdVisit: Sampler | null;
  retry: Sampler;
  confirmReply: Sampler;
  confirmPulled: Sampler;
}

export interface SimulationOptions {
  /** Record every citizen's journey (see journeyOf). Off by default: it costs memory, not results. */
  journal?: boolean;
  /**
   * false: set the office up without running its inherited history, for fork.ts to copy a
   * warmed-up one into (such a sim stands at the warm-up's start, nothing done: not a run).
   * 'staged': set the history going but run none of it: continueHistory runs it a slice at a
   * time (a page that must not block for the whole history at once), to the same day 0.
   */
  warmUp?: boolean | 'staged';
}

/**
 * A council service, simulated. A run is a pure function of (level, seed, action log): all
 * randomness comes from named streams, and demand has its own so the same citizens meet
 * whatever design the player chooses.
 */
export class Simulation {
  readonly calendar: Calendar;
  readonly roles: RolePool[];
  readonly roleById: Map<string, RolePool>;
  /** Every citizen's need, by column (ids from 1, in order of first contact). */
  readonly needs = new NeedTable();
  /** Every claim's record, by column (ids from 1). */
  readonly claims = new ClaimTable();
  /** Contact records are kept by column (see contacts) and made into objects only when asked for. */
  /** Every contact so far, the inherited history's too. */
  readonly contactLog = new ContactLog();
  readonly actions: Action[] = objectArray();
  readonly inspections: Inspection[] = objectArray();
  design: Design;
  regime: Regime;
  private readonly openMinutesPerDay: number;
  now = 0;
  eventsProcessed = 0;
  /** Index of the first contact and claim made from day 0. */
  firstMeasuredContact = 0;
  firstMeasuredClaim = 0;

  // Streams, one per purpose.
  private readonly demand: Stream;
  private readonly citizen: Stream;
  private readonly work: Stream;
  private readonly post: Stream;
  /** Who joins a pilot: drawn only while one runs, so runs without a pilot draw nothing from it. */
  private readonly pilotStream: Stream;

  /** The event list: each event says what it is about (see Event). */
  private readonly events = new Scheduler<Event>();
  private readonly spareTasks: Task[] = objectArray();
  /**
   * By need id: the handles of its pending chase (at 2 * id) and give-up (at 2 * id + 1), -1 for
   * none: moved or cancelled, never left stale.
   */
  private timers = new Int32Array(4096).fill(-1);
  private readonly dist: Samplers;
  /** Mean minutes of the back office's kinds of work, for planning a day. */
  private readonly means: { pickUpFile: number; request: number; assessEasy: number; assessHard: number; rework: number; message: number; scan: number };
  private readonly phoneRole: RolePool;
  private readonly visitRole: RolePool;
  private readonly casework: RolePool;
  private readonly scanRole: RolePool | null;
  /**
   * The pilot of the redesign: the design its needs are handled by (the level's systems design),
   * and its team, made the first time a pilot is set up (null: never), then kept in roles.
   */
  private readonly pilotDesign: Design;
  pilotPool: RolePool | null = null;
  /** Needs that ever joined the pilot (the warm-up's too). */
  pilotNeeds = 0;
  /** The casework role's staff on the books: its main pool plus the pilot team. */
  private caseworkStaff: number;
  /** The council's own call-centre staff, whoever runs the call centre now. */
  private ownPhoneStaff: number;
  /** The calls an outsourced provider would staff to. */
  private readonly callDemand = new CallDemand();
  /** A provider can run the call centre only where the phones are a role of their own. */
  private readonly outsourceable: boolean;
  /** Chance a morning-rush arrival falls within the open day: 1 - e^(-open minutes / rush minutes). */
  private readonly rushWithinDay: number;
  /** Every citizen's steps, when asked for (null: not recording). */
  private readonly journal: Journal | null;
  /** Whether the office is open now: the calendar asked once a spell, since time only moves on. */
  private readonly spell: OpenSpell;

  // Running totals for measures, from day 0 (the warm-up is not measured).
  lettersSent = 0;
  failureContacts = 0;
  /** Needs of the pilot met and given up so far (its open ones: pilotNeeds less these). */
  readonly pilotClosed = { met: 0, abandoned: 0 };
  /** Calls and visitors waiting to be answered now. */
  readonly waiting = { phone: 0, visit: 0 };
  outsourcedCalls = 0;
  itLicenceMinutes = 0;
  private lastDesignNote: number;
  /** Staff cost so far (outsourced phone staff are paid per call instead). */
  staffCost = 0;
  readonly tally: OfficialTally = emptyTally();
  private quarter: OfficialTally = emptyTally();
  /** The weekly staff budget now (null: the level sets none); inspections may cut it. */
  budget: number | null;
  /** Gaming moves offered to the player as pressure builds, and the answers. */
  readonly offers: OfferBook;

  constructor(
    readonly level: Level,
    readonly seed: number,
    startRegime: Regime = 'deliverology',
    options: SimulationOptions = {},
  ) {
    this.journal = options.journal === true ? new Journal() : null;
    this.budget = level.budgetPerWeek ?? null;
    this.offers = new OfferBook(level.offers);
    // Start with some spare tasks, so the hot paths rarely meet the rare one that makes them.
    for (let i = 0; i < 64; i++) this.spareTasks.push(new TaskRecord());
    this.calendar = new Calendar(level.hours);
    this.spell = new OpenSpell(this.calendar);
    this.openMinutesPerDay = level.hours === 'always' ? DAY : level.hours.close - level.hours.open;
    this.regime = startRegime;
    const regime = level.regimes[startRegime];
    this.design = copyDesign(regime.design);
    this.roles = Object.entries(level.roles).map(([id, r]) => new RolePool(id, r.label, r.expert, r.costPerHour, regime.staff[id] ?? 0, this.calendar));
    this.roleById = new Map(this.roles.map((r) => [r.id, r]));
    this.phoneRole = this.roleById.get(level.assign.phone)!;
    this.visitRole = this.roleById.get(level.assign.visit)!;
    this.casework = this.roleById.get(level.assign.casework)!;
    this.scanRole = level.assign.scan ? this.roleById.get(level.assign.scan)! : null;
    this.caseworkStaff = this.casework.staff;
    this.casework.inTrayDays = regime.inTrayDays;
    this.ownPhoneStaff = this.phoneRole.staff;
    const a = level.assign;
    this.outsourceable = a.phone !== a.visit && a.phone !== a.casework && a.phone !== a.scan;
    const rush = level.citizens.morningRushMinutes;
    this.rushWithinDay = rush === null ? 1 : 1 - exp(-this.openMinutesPerDay / rush);
    this.pilotDesign = copyDesign(level.regimes.systems.design);
    const w = level.work;
    this.dist = {
      call: prepare(w.call),
      visit: prepare(w.visit),
      formHandOut: prepare(w.formHandOut),
      chase: prepare(w.chase),
      takeDocuments: prepare(w.takeDocuments),
      scan: prepare(w.scan),
      assessEasy: prepare(w.assessEasy),
      assessHard: prepare(w.assessHard),
      pickUpFile: prepare(w.pickUpFile),
      request: prepare(w.request),
      message: prepare(w.message),
      rework: prepare(w.rework),
      patience: level.demand.patienceDays ? prepare(level.demand.patienceDays) : null,
      gather: prepare(level.citizens.gatherDays),
      react: prepare(level.citizens.reactDays),
      post: prepare(level.postDays),
      holdPhone: level.citizens.holdMinutes ? prepare(level.citizens.holdMinutes.phone) : null,
      holdVisit: level.citizens.holdMinutes ? prepare(level.citizens.holdMinutes.visit) : null,
      retry: prepare(level.citizens.retryHours),
      confirmReply: prepare(level.confirmation.replyDays),
      confirmPulled: prepare(level.confirmation.pulledDays),
    };
    this.means = {
      pickUpFile: meanOf(w.pickUpFile),
      request: meanOf(w.request),
      assessEasy: meanOf(w.assessEasy),
      assessHard: meanOf(w.assessHard),
      rework: meanOf(w.rework),
      message: meanOf(w.message),
      scan: meanOf(w.scan),
    };
    this.demand = new Stream(seed, 'demand');
    this.citizen = new Stream(seed, 'citizen');
    this.work = new Stream(seed, 'work');
    this.post = new Stream(seed, 'post');
    this.pilotStream = new Stream(seed, 'pilot');
    if (this.design.pilotShare > 0 || this.design.pilotTeam > 0) this.setUpPilot();

    // The office has been running before the player arrives: start in the past, run to day 0,
    // then start measuring, so the player inherits a working office with its backlog.
    const start = -level.warmUpDays * DAY;
    this.now = start;
    this.events.now = start;
    this.lastDesignNote = start;
    if (options.warmUp === false) return;
    for (const role of this.roles) role.resetAccounts(start);
    this.schedule(start + this.demand.exponential(DAY / level.demand.needsPerDay), ARRIVAL);
    // Each open day begins with 'opens' (an office always open begins a day each midnight).
    this.schedule(this.calendar.always ? start : this.calendar.nextOpen(start), OPENS);
    if (level.inspection) this.schedule(level.inspection.everyDays * DAY, INSPECTION);
    this.inHistory = true;
    if (options.warmUp === 'staged') return;
    this.continueHistory(0);
  }

  /** True while the inherited history is still to be run (a staged warm-up): not yet a run. */
  inHistory = false;

  /**
   * Runs the inherited history up to minute t (at most day 0); true once it has reached day 0 and
   * measuring has started. In slices or at once, the office at day 0 is the same.
   */
  continueHistory(t: number): boolean {
    if (!this.inHistory) return true;
    this.runTo(Math.min(t, 0));
    if (this.now < 0) return false;
    this.inHistory = false;
    this.startMeasuring();
    return true;
  }

  /** Day 0: everything measured starts from here. */
  private startMeasuring(): void {
    for (const role of this.roles) role.resetAccounts(this.now);
    this.lastDesignNote = this.now;
    this.staffCost = 0;
    this.lettersSent = 0;
    this.outsourcedCalls = 0;
    this.itLicenceMinutes = 0;
    Object.assign(this.tally, emptyTally());
    this.quarter = emptyTally();
    this.firstMeasuredContact = this.contactLog.count;
    this.firstMeasuredClaim = this.claims.count;
    this.eventsProcessed = 0;
  }

  // ---------------------------------------------------------------- public API

  /**
   * Every call, visit and letter from a citizen so far (the inherited history's too), oldest
   * first. Built on demand from the sim's columns and kept up to date on each read: read it
   * afresh rather than holding on to the array.
   */
  get contacts(): Contact[] {
    return this.contactLog.all();
  }

  /**
   * One citizen's journey so far: each contact and each handoff, in time order. Empty unless the
   * sim was made with { journal: true }, and for unknown ids.
   */
  journeyOf(needId: number): JourneyStep[] {
    const journal = this.journal;
    const needs = this.needs;
    if (journal === null || !needs.has(needId)) return [];
    const harmAfter = this.level.demand.harmAfterDays;
    const arrivedAt = needs.arrivedAt[needId]!;
    let harmedAt: number | null = null;
    // Rent goes unpaid until the need is met: giving up does not end the harm.
    const unpaidTo = needs.outcome[needId] === MET ? needs.closedAt[needId]! : this.now;
    if (harmAfter !== null && (unpaidTo - arrivedAt) / DAY > harmAfter) {
      harmedAt = arrivedAt + harmAfter * DAY;
    }
    return journal.steps(needId, this.contactLog, harmedAt);
  }

  /** Whether the sim keeps a journal of every citizen's journey. */
  get journaling(): boolean {
    return this.journal !== null;
  }

  /** Runs every event up to and including time t (minutes), then sets the clock to t. */
  advanceTo(t: number): void {
    // A staged history not yet run through is run to day 0 first: day 0 is where measuring starts.
    if (this.inHistory && t >= 0) this.continueHistory(0);
    this.runTo(t);
  }

  /** The event loop: each event due by t, in order, then the clock set to t. */
  private runTo(t: number): void {
    const events = this.events;
    for (let e = events.take(t); e !== undefined; e = events.take(t)) {
      this.now = events.now;
      this.eventsProcessed++;
      this.handle(e);
    }
    if (t > this.now) this.now = events.now = t;
  }

  /** Applies a player's action now (or at its own time, when replaying) and records it. */
  apply(input: ActionInput): Action {
    const at = input.at ?? this.now;
    if (at < this.now) throw new Error(`action at ${at} is before the sim time ${this.now}`);
    this.advanceTo(at);
    const action = { ...input, at } as Action;
    this.noteCosts();
    switch (action.kind) {
      case 'staff': {
        const role = this.roleById.get(action.role);
        if (!role) throw new Error(`unknown role "${action.role}"`);
        // While a provider runs the call centre it sets its own staffing; the council's count waits.
        if (role === this.phoneRole) this.ownPhoneStaff = action.count;
        if (role !== this.phoneRole || !this.outsourced) role.staff = action.count;
        if (role === this.casework) {
          // The count on the books: the pilot team, if any, comes out of it.
          this.caseworkStaff = action.count;
          this.splitCasework();
        }
        break;
      }
      case 'design':
        this.setDesign(action.key, action.value);
        break;
      case 'offer': {
        const offer = this.offers.answer(action.offer, action.accept, this.now / DAY);
        if (!offer) throw new Error(`no offer "${action.offer}" in this level`);
        if (action.accept) for (const [key, value] of Object.entries(offer.design)) this.setDesign(key as DesignKey, value);
        break;
      }
      case 'regime': {
        const regime = this.level.regimes[action.regime];
        if (WAYS_OF_WORKING.some((k) => regime.design[k] !== this.design[k])) this.startLearning();
        // People are moved into the new design's roles, not laid off (staff actions may follow).
        const staff = offeredStaffing(this.level, action.regime, this.staffOnBooks(), this.outsourcedRole, this.budget);
        this.regime = action.regime;
        // The pilot is the player's experiment, not part of either regime's design: it carries on.
        const { pilotShare, pilotTeam } = this.design;
        this.design = copyDesign(regime.design);
        this.design.pilotShare = pilotShare;
        this.design.pilotTeam = pilotTeam;
        for (const role of this.roles) {
          role.staff = staff[role.id] ?? 0;
        }
        this.ownPhoneStaff = this.phoneRole.staff;
        // A new regime manages the back office its own way from now (planned again each morning).
        this.casework.inTrayDays = regime.inTrayDays;
        if (regime.inTrayDays === null) this.casework.quota = Infinity;
        this.caseworkStaff = this.casework.staff;
        this.splitCasework();
        break;
      }
    }
    this.settleCallCentre();
    this.handOverStrandedWork();
    // A design change can move who does what; start whatever can start now.
    for (const role of this.roles) this.tryStart(role);
    this.actions.push(action);
    return action;
  }

  private setDesign(key: DesignKey, value: Design[DesignKey]): void {
    if (WAYS_OF_WORKING.includes(key) && this.design[key] !== value) this.startLearning();
    (this.design as Record<string, unknown>)[key] = value;
    if (key === 'pilotShare' || key === 'pilotTeam') this.setUpPilot();
  }

  /** A new morning: is it time to tempt the manager? Only an office still run to targets is. */
  private checkOffers(): void {
    if (this.regime !== 'deliverology') return;
    const pressures = new Set<OfferPressure>();
    const spec = this.level.inspection;
    if (spec) {
      if (anyTargetRed(dashboardOf(this.quarter), spec.targets)) pressures.add('red-target');
      const last = this.inspections[this.inspections.length - 1];
      if (last && this.now - last.day * DAY < spec.everyDays * DAY) {
        if (last.budgetChange < 0) pressures.add('budget-cut');
        if (last.leaguePosition > last.leagueSize / 2) pressures.add('low-league');
      }
    }
    this.offers.check(Math.floor(this.now / DAY), pressures, this.design);
  }

  /** After a change: a provider staffs an outsourced call centre at once; in house, the council's own agents answer. */
  private settleCallCentre(): void {
    if (this.outsourced) this.staffProvider();
    else if (this.outsourceable && this.phoneRole.staff !== this.ownPhoneStaff) {
      this.noteCosts();
      this.phoneRole.staff = this.ownPhoneStaff;
    }
  }

  /**
   * After a change, work queued for a team that now has nobody goes where the design now sends
   * it: documents waiting for scanning clerks go to whoever scans now (filed straight to the claim
   * where one owner keeps it), and a pilot left without a team hands its citizens' calls and work
   * back to the usual flow.
   */
  private handOverStrandedWork(): void {
    const scan = this.scanRole;
    if (scan !== null && scan.staff === 0 && scan.queue.size > 0) {
      scan.inTrayMinutes = 0;
      for (const task of scan.queue.drain()) {
        const scanner = this.scannerFor(task.need);
        if (scanner !== null) {
          scanner.enqueue(task);
          continue;
        }
        this.claims.awaitingScan[task.claim]!--;
        this.fileDocuments(task.claim, task.items, false, task.failure);
        this.releaseTask(task);
      }
    }
    const pilot = this.pilotPool;
    if (pilot !== null && pilot.staff === 0 && pilot.queue.size > 0) {
      pilot.inTrayMinutes = 0;
      for (const task of pilot.queue.drain()) {
        if (task.abandoned) this.releaseTask(task);
        else if (task.kind === 'contact') this.frontRole(task.need, task.channel === 'phone' ? 'phone' : 'visit').enqueue(task);
        else this.casework.enqueue(task);
      }
    }
  }

  /**
   * The pilot's settings changed: make its team the first time a pilot is set up, and move staff
   * between the main casework pool and the pilot team.
   */
  private setUpPilot(): void {
    if (this.pilotPool === null && (this.design.pilotShare > 0 || this.design.pilotTeam > 0)) {
      const main = this.casework;
      let id = `${main.id}Pilot`;
      for (let n = 2; this.roleById.has(id); n++) id = `${main.id}Pilot${n}`;
      const pool = new RolePool(id, `${main.label} (pilot)`, true, main.costPerHour, 0, this.calendar);
      pool.resetAccounts(this.now);
      // A new team working a new way has it to learn too.
      pool.learningSince = this.now;
      this.roles.push(pool);
      this.pilotPool = pool;
    }
    this.splitCasework();
  }

  /** The pilot team is taken out of the casework role's staff, never more than there are: cost is unchanged. */
  private splitCasework(): void {
    const pool = this.pilotPool;
    if (pool === null) return;
    const team = Math.min(this.design.pilotTeam, this.caseworkStaff);
    pool.staff = team;
    this.casework.staff = this.caseworkStaff - team;
  }

  /** Is this need handled by the pilot now? Pilot citizens go back to the usual flow while it has no team. */
  private inPilot(need: number): boolean {
    return this.needs.pilot[need] === 1 && this.pilotPool!.staff > 0;
  }

  /** The design a need is handled by: the pilot's, for a need in the pilot; else the one in force. */
  private designFor(need: number): Design {
    return this.inPilot(need) ? this.pilotDesign : this.design;
  }

  /**
   * The council's own staff by level role: a pilot team counts in its role, and while a provider
   * runs the call centre, the council's agents are its own count (the provider sets the rest).
   */
  staffOnBooks(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of Object.keys(this.level.roles)) out[id] = this.roleById.get(id)!.staff;
    out[this.level.assign.casework] = this.caseworkStaff;
    if (this.outsourceable) out[this.level.assign.phone] = this.ownPhoneStaff;
    return out;
  }

  /** The role a provider runs, paid per call rather than by the hour (null: none). */
  get outsourcedRole(): string | null {
    return this.outsourced ? this.level.assign.phone : null;
  }

  /** Is the call centre run by a provider paid per call? */
  private get outsourced(): boolean {
    return this.design.outsourcedCallCentre && !this.design.expertsAtFront && this.outsourceable;
  }

  /** Is this the provider's agent? */
  private outsourcedHere(role: RolePool, need: number): boolean {
    return role === this.phoneRole && this.outsourced && !this.inPilot(need);
  }

  /**
   * A back office managed to a target plans the day in hours of work: the share of its in-tray's
   * expected hours that clears it in the regime's in-tray days. Work put back (cherry-picking)
   * gets whatever hours the rest leaves.
   */
  private planDay(): void {
    const role = this.casework;
    role.takenToday = 0;
    role.quota = role.inTrayDays === null ? Infinity : role.inTrayMinutes / role.inTrayDays;
  }

  /**
   * The provider staffs each open day for the busiest hour of calls of the last five, at its
   * planned occupancy: paid per call, it staffs to answer them all, failure demand and all.
   */
  private staffProvider(): void {
    const staff = this.callDemand.providerStaff(this.level.outsourcing.plannedOccupancy);
    if (staff === null || staff === this.phoneRole.staff) return;
    this.noteCosts();
    this.phoneRole.staff = staff;
  }

  /** Brings the time integrals (paid hours, licence, open needs) up to now. */
  noteCosts(): void {
    const outsourced = this.outsourced;
    for (const role of this.roles) {
      const before = role.staffedMinutes;
      role.noteStaff(this.now);
      const paidHere = outsourced && role.id === this.level.assign.phone ? 0 : 1;
      this.staffCost += ((role.staffedMinutes - before) / 60) * role.costPerHour * paidHere;
      role.noteBusy(this.now);
    }
    if (this.design.workflowIT) this.itLicenceMinutes += this.now - this.lastDesignNote;
    this.lastDesignNote = this.now;
  }

  // ---------------------------------------------------------------- events

  /** The minutes a piece of back-office work is expected to take, from the level's means, as a planner would. */
  private expectedMinutes(kind: TaskKind, need: number, claim: number): number {
    const m = this.means;
    const pickUp = this.designFor(need).caseOwner ? 0 : m.pickUpFile;
    switch (kind) {
      case 'casework': {
        return pickUp + (!this.claims.readyToDecide(claim) ? m.request : this.needs.hard[need] === 1 ? m.assessHard : m.assessEasy);
      }
      case 'rework':
        return pickUp + m.rework;
      case 'message':
        return m.message;
      case 'scan':
        return m.scan;
      case 'contact':
        return 0;
    }
  }

  /** Schedules an event at time at, and returns its handle. */
  private schedule(at: number, event: Event): number {
    return this.events.at(at, event);
  }

  /**
   * A call or visit at time at. Only as the last act of an event handler: if it is due now and
   * nothing else is, it would be the very next event, so it is handled there and then rather than
   * round the event list (same order of everything, same count of events).
   */
  private contactNext(at: number, need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    if (at === this.now && this.events.nextAt > at) {
      this.eventsProcessed++;
      this.onContact(need, channel, reason, items);
      return;
    }
    this.contactAt(at, need, channel, reason, items);
  }

  /** Schedules a call or visit at time at. */
  private contactAt(at: number, need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    this.schedule(at, { kind: 'contact', need, channel, reason, items });
  }

  private handle(e: Event): void {
    switch (e.kind) {
      case 'arrival':
        return this.onArrival();
      case 'first-contact':
        return this.firstContact(e.channel, e.required, e.hard, e.bringsEvidence, e.givesUpAt);
      case 'contact':
        return this.onContact(e.need, e.channel, e.reason, e.items);
      case 'task-done':
        return this.onTaskDone(e.role, e.task);
      case 'opens':
        if (this.now >= 0 && this.level.offers.length > 0) this.checkOffers();
        this.callDemand.newDay();
        if (this.outsourced) this.staffProvider();
        this.planDay();
        for (const role of this.roles) this.tryStart(role);
        this.schedule(this.calendar.always ? this.now + DAY : this.calendar.nextOpen(this.calendar.closesAt(this.now)), e);
        return;
      case 'letter-to-citizen':
        return this.onLetterToCitizen(e.need, e.letter);
      case 'letter-to-council':
        return this.onLetterToCouncil(e.need, e.items, e.reason);
      case 'ready':
        return this.onReady(e.need);
      case 'chase':
        this.timers[2 * e.need] = -1;
        return this.onChase(e.need);
      case 'give-up':
        this.timers[2 * e.need + 1] = -1;
        if (this.needs.outcome[e.need] === NEED_OPEN) this.close(e.need, 'abandoned');
        return;
      case 'deadline':
        return this.onDeadline(e.claim);
      case 'inspection':
        return this.onInspection();
      case 'confirmed':
        return this.onConfirmed(e.claim);
      case 'hang-up':
        return this.onHangUp(e.task);
      case 'paid':
        if (this.needs.outcome[e.need] === NEED_OPEN) this.close(e.need, 'met');
        return;
    }
  }

  /** A citizen has a new need. Attributes come only from the demand stream (common random numbers). */
  private onArrival(): void {
    const d = this.level.demand;
    const s = this.demand;
    const channel: 'phone' | 'visit' = s.chance(d.visitShare) ? 'visit' : 'phone';
    const required = s.int(d.evidenceItems.min, d.evidenceItems.max);
    const hard = s.chance(d.hardShare);
    const bringsEvidence = s.chance(d.bringsEvidenceShare);
    const patience = this.dist.patience ? s.draw(this.dist.patience) * DAY : Infinity;
    const at = this.whenOpen(this.now, s);
    this.schedule(this.now + s.exponential(DAY / d.needsPerDay), ARRIVAL);

    // Nobody is on the books until they first get in touch: till then the event carries who they are.
    const givesUpAt = at + patience;
    if (at === this.now) this.firstContact(channel, required, hard, bringsEvidence, givesUpAt);
    else this.schedule(at, { kind: 'first-contact', channel, required, hard, bringsEvidence, givesUpAt });
  }

  /** A citizen gets in touch for the first time, now: their need goes on the books. */
  private firstContact(channel: 'phone' | 'visit', required: number, hard: boolean, bringsEvidence: boolean, givesUpAt: number): void {
    const need = this.needs.add(this.now, channel === 'visit', required, hard, bringsEvidence, givesUpAt);
    if (2 * need + 1 >= this.timers.length) this.timers = grown(this.timers, this.timers.length * 2, -1);
    if (givesUpAt < Infinity) this.timers[2 * need + 1] = this.schedule(givesUpAt, { kind: 'give-up', need });
    // A pilot takes its share of new citizens, drawn from its own stream at first contact.
    // Only while the pilot has a team to serve them.
    const share = this.design.pilotShare;
    if (share > 0 && this.pilotPool !== null && this.pilotPool.staff > 0 && this.pilotStream.chance(share)) {
      this.needs.pilot[need] = 1;
      this.pilotNeeds++;
    }
    this.contact(need, channel, 'new-claim', 0);
  }

  private onContact(need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    if (this.needs.outcome[need] !== NEED_OPEN) return;
    this.contact(need, channel, reason, items);
  }

  /** A call or visit: record it and put it in front of whoever takes that channel. */
  private contact(need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    this.recordContact(need, channel, reason);
    const role = this.frontRole(need, channel);
    if (role === this.phoneRole && channel === 'phone') this.callDemand.offered(this.now);
    const task = this.task('contact', need, this.needs.claim[need]!, channel, reason, items, this.contactLog.count - 1, isFailureDemand(reason));
    if (channel === 'phone') this.waiting.phone++;
    else this.waiting.visit++;
    role.enqueue(task);
    // How long this citizen will hold on or queue: drawn for everyone, kept only by those still
    // waiting once whoever is free has answered (and cancelled when someone answers).
    const hold = channel === 'phone' ? this.dist.holdPhone : this.dist.holdVisit;
    const patience = hold === null ? Infinity : this.citizen.draw(hold);
    this.tryStart(role);
    if (task.queued && patience < Infinity) task.hangUp = this.schedule(this.now + patience, { kind: 'hang-up', task });
  }

  /**
   * Nobody answered in time: the caller hangs up, the visitor goes home. Both count as not seen
   * in time, and try again later, after retryHours (nobody is seen while the office is closed, so
   * most who are still there at closing give up before it opens again).
   */
  private onHangUp(task: Task): void {
    task.hangUp = -1;
    task.abandoned = true;
    task.pool!.queue.abandon();
    if (task.channel === 'phone') this.waiting.phone--;
    else this.waiting.visit--;
    this.countOffered(task, false);
    this.contactLog.hangUp(task.contact);
    const need = task.need;
    if (this.needs.outcome[need] !== NEED_OPEN) return;
    if (this.journal !== null) this.note(need, J['hung-up']);
    // Someone chasing just goes on waiting, and chases again in time; anyone else tries again.
    if (task.reason === 'progress-chasing' || task.reason === 'complaint') return this.citizenWaits(need);
    // At least a minute later, however the level sets it: a retry is never the same moment.
    const at = this.whenOpen(this.now + Math.max(1, this.citizen.draw(this.dist.retry) * 60), this.citizen);
    this.contactAt(at, need, task.channel === 'phone' ? 'phone' : 'visit', task.reason, task.items);
  }

  private recordContact(need: number, channel: Channel, reason: ContactReason): void {
    const failure = isFailureDemand(reason);
    this.needs.contacts[need]!++;
    if (failure) {
      this.needs.failureContacts[need]!++;
      this.failureContacts++;
    }
    const i = this.contactLog.add(need, this.now, channel, reason, this.causeOf(need, reason));
    if (this.journal !== null) this.journal.add(need, this.now, J.contact, i);
    this.citizenWaits(need);
  }

  /** What brought a contact with this reason about, for this need now. */
  private causeOf(need: number, reason: ContactReason): number {
    switch (reason) {
      case 'new-claim':
      case 'send-evidence':
        return CAUSE.none;
      case 'progress-chasing':
      case 'complaint':
        return CAUSE.silence;
      case 'reapply':
        return CAUSE['nil-qualified'];
      case 'correct-error':
        return CAUSE['wrong-decision'];
      case 'resend-evidence':
        return this.needs.resendCause[need]!;
    }
  }

  /** Who takes a need's calls and visits: the pilot team takes all of a pilot need's. */
  private frontRole(need: number, channel: 'phone' | 'visit'): RolePool {
    if (this.inPilot(need)) return this.pilotPool!;
    if (this.design.expertsAtFront) return this.casework;
    return channel === 'phone' ? this.phoneRole : this.visitRole;
  }

  /** Does this team take both contacts and casework (experts at the front, or the pilot team)? */
  private takesBoth(role: RolePool): boolean {
    return role === this.pilotPool || (role === this.casework && this.design.expertsAtFront);
  }

  /** Who does a need's casework: the pilot team for a pilot need. */
  private caseRole(need: number): RolePool {
    return this.inPilot(need) ? this.pilotPool! : this.casework;
  }

  /** Journals a step of a need still open (nothing happens to a need after it closes). */
  private note(need: number, kind: number, claimId = 0): void {
    if (this.needs.outcome[need] === NEED_OPEN && need > 0) this.journal!.add(need, this.now, kind, claimId);
  }

  /** A fresh (recycled) task. */
  private task(kind: TaskKind, need: number, claim: number, channel: Channel, reason: ContactReason, items: number, contact: number, failure: boolean): Task {
    const task = this.spareTasks.pop() ?? new TaskRecord();
    task.kind = kind;
    task.need = need;
    task.claim = claim;
    task.enqueuedAt = this.now;
    task.channel = channel;
    task.reason = reason;
    task.items = items;
    task.contact = contact;
    task.decide = false;
    task.failure = failure;
    task.expected = 0;
    task.hangUp = -1;
    task.abandoned = false;
    task.queued = false;
    task.pool = null;
    return task;
  }

  /** Returns a finished or dropped task for reuse: nothing may hold it afterwards. */
  private releaseTask(task: Task): void {
    task.need = 0;
    task.claim = 0;
    this.spareTasks.push(task);
  }

  // ---------------------------------------------------------------- work

  /** Starts queued work while someone in the role is free and the office is open. */
  private tryStart(role: RolePool): void {
    if (!this.spell.isOpen(this.now)) return;
    while (role.busy < role.staff && role.queue.size > 0) {
      const task = role.next(this.takesBoth(role) ? this.level.teams.frontShare : 1);
      if (task === null) return;
      if (task.kind === 'contact') {
        if (task.abandoned) {
          this.releaseTask(task);
          continue;
        }
        if (task.hangUp >= 0) {
          this.events.cancel(task.hangUp);
          task.hangUp = -1;
        }
        if (task.channel === 'phone') this.waiting.phone--;
        else this.waiting.visit--;
      }
      if (this.isStale(task)) {
        this.releaseTask(task);
        continue;
      }
      if (task.kind === 'contact') role.onContacts++;
      const normal = this.taskMinutes(role, task);
      if (task.kind !== 'contact' && role.quota !== Infinity) role.takenToday += normal;
      role.normalMinutes += normal;
      role.tasksEver++;
      const minutes = (normal / this.pace(role)) * this.learning(role);
      role.time.work(this.now, workKind(task), task.failure, minutes);
      if (role === this.phoneRole && task.kind === 'contact') this.callDemand.handled(normal);
      const waited = this.now - task.enqueuedAt;
      role.waitTotal += waited;
      role.started++;
      if (task.kind === 'contact') this.noteContactWait(task, waited);
      role.noteBusy(this.now);
      role.busy++;
      this.schedule(this.now + minutes, { kind: 'task-done', role, task });
    }
  }

  /** Work for a citizen who has gone, or a claim that is closed, is dropped from the queue. */
  private isStale(task: Task): boolean {
    if (task.kind === 'scan') return false; // documents are scanned whether or not anyone still wants them
    const keep = this.level.handoffs.messageKeepDays;
    if (this.needs.outcome[task.need] !== NEED_OPEN || (task.kind === 'message' && keep !== null && this.now - task.enqueuedAt > keep * DAY)) {
      if (task.kind === 'message') this.needs.messagePending[task.need] = 0;
      return true;
    }
    if ((task.kind === 'casework' || task.kind === 'rework') && task.claim > 0 && this.claims.status[task.claim] !== OPEN) {
      this.claims.queued[task.claim] = 0;
      return true;
    }
    return false;
  }

  private noteContactWait(task: Task, waited: number): void {
    const i = task.contact;
    this.contactLog.setWaited(i, waited);
    this.countOffered(task, waited <= (task.channel === 'phone' ? CALL_ANSWERED_WITHIN_MINUTES : VISIT_SEEN_WITHIN_MINUTES));
    // The pilot team answers its own citizens' calls, in house.
    if (task.channel === 'phone' && this.outsourced && !this.inPilot(task.need)) this.outsourcedCalls++;
  }

  /** The dashboard's answer-time measures count every call and visit offered: answered in time or not. */
  private countOffered(task: Task, inTime: boolean): void {
    const ok = inTime ? 1 : 0;
    const official = this.quarter;
    const all = this.tally;
    if (task.channel === 'phone') {
      official.calls++;
      official.callsIn20s += ok;
      all.calls++;
      all.callsIn20s += ok;
    } else {
      official.visits++;
      official.visitsIn15m += ok;
      all.visits++;
      all.visitsIn15m += ok;
    }
  }

  private taskMinutes(role: RolePool, task: Task): number {
    const w = this.dist;
    const r = this.work;
    switch (task.kind) {
      case 'contact': {
        if (task.reason === 'progress-chasing' || task.reason === 'complaint') return r.draw(w.chase);
        if (task.reason === 'send-evidence' || task.reason === 'resend-evidence') return r.draw(w.takeDocuments);
        const base = task.channel === 'phone' ? r.draw(w.call) : this.handsOutForms(role, task.need) ? r.draw(w.formHandOut) : r.draw(w.visit);
        if (role.expert && this.evidenceInHand(task)) {
          task.decide = true;
          // Nothing to check: assessed in the contact (else as casework after it).
          if (this.needs.required[task.need] === 0) return base + r.draw(this.needs.hard[task.need] === 1 ? w.assessHard : w.assessEasy);
        }
        return base;
      }
      case 'scan':
        return r.draw(w.scan);
      case 'message':
        return r.draw(w.message);
      case 'rework': {
        const owner = this.designFor(task.need).caseOwner;
        if (this.journal !== null && !owner) this.note(task.need, J['file-picked-up'], task.claim);
        return r.draw(w.rework) + (owner ? 0 : r.draw(w.pickUpFile));
      }
      case 'casework': {
        const claim = task.claim;
        const decide = this.claims.readyToDecide(claim);
        task.decide = decide;
        const owner = this.designFor(task.need).caseOwner;
        if (this.journal !== null && !owner) this.note(task.need, J['file-picked-up'], claim);
        const pickUp = owner ? 0 : r.draw(w.pickUpFile);
        if (!decide) return pickUp + r.draw(w.request);
        return pickUp + r.draw(this.needs.hard[task.need] === 1 ? w.assessHard : w.assessEasy);
      }
    }
  }

  /**
   * Just after the way of working changes, experts are slower while they learn it: a dip that
   * fades linearly to nothing over the level's recovery time.
   */
  private learning(role: RolePool): number {
    if (!role.expert || role.learningSince === null) return 1;
    const t = this.level.transition;
    const left = 1 - (this.now - role.learningSince) / (t.recoverDays * DAY);
    if (left <= 0) {
      role.learningSince = null;
      return 1;
    }
    return 1 + t.dip * left;
  }

  /** The main flow's way of working changed: its people start learning it (the pilot team keeps its own). */
  private startLearning(): void {
    for (const role of this.roles) if (role !== this.pilotPool) role.learningSince = this.now;
  }

  /** Work speeds up as the backlog grows, up to a limit: corners cut. */
  private pace(role: RolePool): number {
    const p = this.level.pressure;
    if (p.paceGain === 0) return 1;
    return Math.min(p.maxPace, 1 + p.paceGain * role.backlogDays(this.openMinutesPerDay));
  }

  private handsOutForms(role: RolePool, need: number): boolean {
    return this.designFor(need).formHandOut && !role.expert;
  }

  /**
   * An expert starting a claim with a citizen: the evidence in hand (into task.items), and whether
   * the claim can be decided there and then. A visitor may have brought documents, by guesswork;
   * an expert who decides at first contact checks what else they can there and then, and decides
   * a straightforward claim once nothing is missing. Drawn now, from the citizen stream.
   */
  private evidenceInHand(task: Task): boolean {
    if (task.reason !== 'new-claim' && task.reason !== 'reapply') return false;
    const need = task.need;
    const required = this.needs.required[need]!;
    const decides = this.designFor(need).decideAtFirstContact;
    let inHand = 0;
    if (task.channel === 'visit' && this.needs.bringsEvidence[need] === 1 && task.reason === 'new-claim') {
      inHand = this.itemsBrought(required, GUESSING);
    }
    if (decides) {
      const verified = this.level.handoffs.verifiedAtContact;
      for (let i = inHand; i < required; i++) if (this.citizen.chance(verified)) inHand++;
    }
    task.items = inHand;
    return decides && (required === 0 || (this.needs.hard[need] !== 1 && inHand >= required));
  }

  private onTaskDone(role: RolePool, task: Task): void {
    role.noteBusy(this.now);
    role.busy--;
    switch (task.kind) {
      case 'contact':
        role.onContacts--;
        this.finishContact(role, task, task.decide);
        break;
      case 'scan':
        this.claims.awaitingScan[task.claim]!--;
        if (this.journal !== null) this.note(task.need, J.scanned, task.claim);
        this.fileDocuments(task.claim, task.items, true, task.failure);
        break;
      case 'casework':
        this.finishCasework(task, task.decide);
        break;
      case 'rework':
        this.decide(task.claim);
        break;
      case 'message':
        this.needs.messagePending[task.need] = 0;
        break;
    }
    this.releaseTask(task);
    this.tryStart(role);
  }

  private finishContact(role: RolePool, task: Task, decideNow: boolean): void {
    const need = task.need;
    if (this.needs.outcome[need] !== NEED_OPEN) return;
    switch (task.reason) {
      case 'new-claim':
      case 'reapply':
        return this.takeNewClaim(role, task, decideNow);
      case 'send-evidence':
      case 'resend-evidence':
        return this.receiveDocuments(need, task.items, role.expert, task.failure);
      case 'progress-chasing':
      case 'complaint': {
        // An expert can see the case and answer; anyone else may pass a message to the back office
        // (a provider's agent, who cannot see the case at all, more often). A file holds one note
        // at a time: a chase while one waits adds nothing to it.
        if (role.expert) return;
        const passedOn = this.outsourcedHere(role, need) ? this.level.outsourcing.chasePassedOn : this.level.handoffs.chasePassedOn;
        if (this.citizen.chance(passedOn) && this.needs.messagePending[need] === 0) {
          this.needs.messagePending[need] = 1;
          this.queueWork(this.caseRole(need), 'message', need, this.needs.claim[need]!, true);
        }
        return;
      }
      case 'correct-error': {
        const claim = this.needs.claim[need]!;
        if (claim > 0 && this.claims.status[claim] === DECIDED) {
          this.claims.status[claim] = OPEN;
          this.queueWork(this.caseRole(need), 'rework', need, claim, true);
        }
        return;
      }
    }
  }

  private takeNewClaim(role: RolePool, task: Task, decideNow: boolean): void {
    const need = task.need;
    const h = this.level.handoffs;
    this.needs.mustReapply[need] = 0;
    if (role.expert) {
      if (this.citizen.chance(h.toldByExpert)) {
        this.needs.knows[need] = TOLD;
        if (this.journal !== null) this.note(need, J['told-what-to-bring']);
      }
      const claim = this.openClaim(need, true);
      if (decideNow) {
        // Everything is in hand and checked: with nothing to check, decided there and then;
        // otherwise the expert assesses it as casework straight after. Either way the citizen
        // need not get in touch again.
        this.claims.confirmed[claim] = CONFIRMED_YES;
        this.claims.received[claim] = this.needs.required[need]!;
        if (!this.claims.isComplete(claim)) this.claims.completeAt[claim] = this.now;
        if (this.needs.required[need] === 0) return this.decide(claim);
        return this.fileDocuments(claim, 0, false, task.failure);
      }
      // The expert keeps what is in hand and says exactly what else is needed.
      if (task.items > 0) {
        this.fileDocuments(claim, task.items, false, task.failure, false);
        if (this.claims.isComplete(claim)) return this.fileDocuments(claim, 0, false, task.failure);
      }
      return this.startGathering(need, this.claims.ownedByExpert[claim] === 1 && this.designFor(need).pullEvidence);
    }
    // A non-expert front office: a form, and whatever the citizen was told. A visitor handed a form
    // is sent home with it, documents and all, to send everything back with the form.
    // Someone reapplying starts again from scratch: the same form, and no more advice than before.
    const handOut = task.channel === 'visit' && this.handsOutForms(role, need);
    const toldChance = handOut ? h.toldByForm : this.outsourcedHere(role, need) ? this.level.outsourcing.toldByAgent : h.toldByFront;
    const told = task.reason === 'new-claim' && this.citizen.chance(toldChance);
    if (told) this.needs.knows[need] = TOLD;
    else if (task.reason === 'new-claim') this.needs.knows[need] = GUESSING;
    const withDocuments = task.channel === 'visit' && !handOut && this.needs.bringsEvidence[need] === 1 && task.reason === 'new-claim';
    if (handOut) this.needs.handedForm[need] = 1;
    if (this.journal !== null) {
      if (handOut) this.note(need, J['form-handed-out']);
      if (told) this.note(need, J['told-what-to-bring']);
    }
    if (withDocuments) {
      const claim = this.openClaim(need, false);
      this.sendOnDocuments(claim, this.itemsBrought(this.needs.required[need]!, GUESSING), task.failure);
      return;
    }
    if (task.channel === 'phone') this.sendLetter(need, 'form');
    else this.startGathering(need, false);
  }

  private openClaim(need: number, owned: boolean): number {
    const claim = this.claims.open(need, this.now, this.needs.required[need] === 0 ? this.now : Number.NaN, owned && this.designFor(need).caseOwner);
    this.needs.claim[need] = claim;
    this.needs.claims[need]!++;
    if (this.journal !== null) this.note(need, J['claim-opened'], claim);
    return claim;
  }

  /** Documents handed in or posted reach the claim: through scanning, or straight to the owner. */
  private receiveDocuments(need: number, items: number, byExpert: boolean, failure: boolean): void {
    // Documents for a claim closed as incomplete make no new claim: the citizen must apply again.
    if (this.needs.mustReapply[need] === 1) return;
    const claim = this.needs.claim[need]! > 0 ? this.needs.claim[need]! : this.openClaim(need, byExpert);
    if (byExpert || this.claims.ownedByExpert[claim] === 1) this.fileDocuments(claim, items, false, failure);
    else this.sendOnDocuments(claim, items, failure);
  }

  private sendOnDocuments(claim: number, items: number, failure: boolean): void {
    const need = this.claims.needOf[claim]!;
    const scanner = this.scannerFor(need);
    if (scanner !== null) {
      this.claims.awaitingScan[claim]!++;
      this.queueWork(scanner, 'scan', need, claim, failure, items);
      this.needs.setStage(need, STAGE.scanning);
    } else {
      // Nobody scans: filed straight to the claim (fileDocuments sets where it is now).
      this.fileDocuments(claim, items, false, failure);
    }
  }

  /**
   * Who scans a need's documents into the workflow: the scanning clerks, or with none on the
   * books the assessors themselves; nobody where one owner keeps the case (nor for a pilot need).
   */
  private scannerFor(need: number): RolePool | null {
    const scan = this.scanRole;
    if (scan === null || this.design.caseOwner || this.inPilot(need)) return null;
    return scan.staff > 0 ? scan : this.casework;
  }

  /**
   * Puts documents on file (some lost in a handoff) and queues the claim for casework: failure
   * work when the documents came with failure demand.
   */
  private fileDocuments(claim: number, items: number, handedOff: boolean, failure: boolean, queue = true): void {
    const claims = this.claims;
    const need = claims.needOf[claim]!;
    let kept = items;
    if (handedOff) {
      for (let i = 0; i < items; i++) if (this.work.chance(this.level.handoffs.itemLost)) kept--;
      if (kept < items) this.needs.lostSinceRequest[need] = 1;
      if (this.journal !== null) for (let i = kept; i < items; i++) this.note(need, J['item-lost'], claim);
    }
    if (claims.status[claim] !== OPEN) return; // documents for a closed claim go nowhere
    const received = Math.min(this.needs.required[need]!, claims.received[claim]! + kept);
    claims.received[claim] = received;
    if (!claims.isComplete(claim) && received >= this.needs.required[need]!) claims.completeAt[claim] = this.now;
    if (!queue) return;
    if (claims.queued[claim] === 0) this.queueWork(this.caseRole(need), 'casework', need, claim, failure);
    this.needs.setStage(need, STAGE.casework);
  }

  private queueWork(role: RolePool, kind: TaskKind, need: number, claim: number, failure: boolean, items = 0): void {
    const task = this.task(kind, need, claim, 'letter', 'send-evidence', items, -1, failure);
    task.expected = this.expectedMinutes(kind, need, claim);
    if (kind === 'casework' && claim > 0) this.claims.queued[claim] = 1;
    if (this.journal !== null) {
      const step =
        kind === 'scan'
          ? J['queued-for-scanning']
          : kind === 'casework'
            ? J['queued-for-casework']
            : kind === 'rework'
              ? J['queued-for-rework']
              : J['message-passed'];
      this.note(need, step, claim);
    }
    // Cherry-picking: work on a complicated claim is put back behind the simple ones; otherwise
    // first come, first served.
    const deferred = kind === 'casework' && this.designFor(need).cherryPick && this.needs.hard[need] === 1;
    role.enqueue(task, deferred);
    this.tryStart(role);
  }

  private finishCasework(task: Task, decide: boolean): void {
    const claim = task.claim;
    this.claims.queued[claim] = 0;
    if (this.claims.status[claim] !== OPEN) return;
    if (decide) return this.decide(claim);
    if (this.claims.isComplete(claim)) return this.requestConfirmation(claim);
    this.requestEvidence(claim);
  }

  /**
   * The citizen's evidence is all in: what it says (the rent, the wages) must be confirmed by the
   * landlord or employer. The back office writes and waits for their reply by post; an owner who
   * pulls evidence phones them. Meanwhile the citizen hears nothing.
   */
  private requestConfirmation(claim: number): void {
    const claims = this.claims;
    if (claims.confirmed[claim] !== CONFIRMED_NO) return;
    claims.confirmed[claim] = CONFIRMED_ASKED;
    const need = claims.needOf[claim]!;
    if (this.journal !== null) this.note(need, J['confirmation-requested'], claim);
    let days: number;
    if (claims.ownedByExpert[claim] === 1 && this.designFor(need).pullEvidence) days = this.citizen.draw(this.dist.confirmPulled);
    else {
      this.lettersSent++;
      days = this.post.draw(this.dist.post) + this.citizen.draw(this.dist.confirmReply) + this.post.draw(this.dist.post);
    }
    this.schedule(this.now + days * DAY, { kind: 'confirmed', claim });
  }

  /** The landlord's or employer's answer is in: on file (through scanning in a split office), the claim goes back for a decision. */
  private onConfirmed(claim: number): void {
    const claims = this.claims;
    claims.confirmed[claim] = CONFIRMED_YES;
    const need = claims.needOf[claim]!;
    if (claims.status[claim] !== OPEN || this.needs.outcome[need] !== NEED_OPEN) return;
    if (this.journal !== null) this.note(need, J['confirmation-received'], claim);
    if (claims.ownedByExpert[claim] === 1) this.fileDocuments(claim, 0, false, false);
    else this.sendOnDocuments(claim, 0, false);
  }

  /** The claim is incomplete: ask for what is missing, by letter or (an owner pulling it) by phone. */
  private requestEvidence(claim: number): void {
    const need = this.claims.needOf[claim]!;
    this.needs.setStage(need, STAGE['awaiting-evidence']);
    if (this.journal !== null) this.note(need, J['evidence-requested'], claim);
    // Why the citizen must send more: a document lost in the office; else, told exactly what was
    // needed, something they could not find in time; else a form in place of advice (the first
    // time they are asked); else nobody having said exactly what was needed.
    const needs = this.needs;
    needs.resendCause[need] =
      needs.lostSinceRequest[need] === 1
        ? CAUSE['lost-document']
        : needs.knows[need] === TOLD
          ? CAUSE['hard-to-find']
          : needs.handedForm[need] === 1
            ? CAUSE['form-hand-out']
            : CAUSE['not-told'];
    needs.lostSinceRequest[need] = 0;
    needs.handedForm[need] = 0;
    const design = this.designFor(need);
    const days = design.nilQualifyDays;
    if (days !== null && this.claims.deadlineSet[claim] === 0) {
      this.claims.deadlineSet[claim] = 1;
      this.schedule(this.now + days * DAY, { kind: 'deadline', claim });
    }
    if (this.claims.ownedByExpert[claim] === 1 && design.pullEvidence) {
      this.needs.knows[need] = TOLD;
      this.startGathering(need, true);
    } else {
      this.sendLetter(need, 'request');
    }
  }

  private decide(claim: number): void {
    const claims = this.claims;
    const need = claims.needOf[claim]!;
    const firstDecision = claims.decidedAt[claim] === Infinity;
    claims.status[claim] = DECIDED;
    this.needs.setStage(need, STAGE.decided);
    if (this.journal !== null) this.note(need, J.decided, claim);
    if (firstDecision) {
      const reportedDays = (this.now - this.clockStart(claim)) / DAY;
      claims.decidedAt[claim] = this.now;
      claims.reportedDays[claim] = reportedDays;
      this.quarter.decided++;
      this.quarter.reportedDaysSum += reportedDays;
      this.tally.decided++;
      this.tally.reportedDaysSum += reportedDays;
    }
    const h = this.level.handoffs;
    // Corners cut under pressure show up as wrong decisions.
    const rushed = 1 + this.level.pressure.errorGain * (this.pace(this.caseRole(need)) - 1);
    const owned = claims.ownedByExpert[claim] === 1;
    const wrong = this.work.chance((owned ? h.errorOwner : h.errorSplit) * rushed);
    if (owned) {
      // The owner tells the citizen there and then.
      if (wrong) {
        if (this.journal !== null) this.note(need, J['wrong-decision'], claim);
        this.citizenReacts(need);
      } else {
        this.helpIsComing(need);
        this.pay(need);
      }
    } else {
      this.sendLetter(need, wrong ? 'wrong-decision' : 'decision');
      if (!wrong && this.level.paymentRunDays !== null) this.pay(need);
    }
  }

  /** The citizen knows help is coming: no more chasing, and no giving up while the money is on its way. */
  private helpIsComing(need: number): void {
    this.needs.waitingOnCouncil[need] = 0;
    this.cancelChase(need);
    this.cancelGiveUp(need);
  }

  /** A right decision: the need is met when the money is paid, in the next payment run (or at once). */
  private pay(need: number): void {
    const runDays = this.level.paymentRunDays;
    if (runDays === null) return this.close(need, 'met');
    const run = runDays * DAY;
    // + 0: the run at day 0 is at 0, not -0 (Math.ceil of a small negative is -0).
    this.schedule(Math.ceil(this.now / run) * run + 0, { kind: 'paid', need });
  }

  private clockStart(claim: number): number {
    const claims = this.claims;
    const need = claims.needOf[claim]!;
    switch (this.designFor(need).clockStart) {
      case 'firstContact':
        return this.needs.arrivedAt[need]!;
      case 'received':
        return claims.openedAt[claim]!;
      case 'complete':
        return claims.isComplete(claim) ? claims.completeAt[claim]! : claims.openedAt[claim]!;
    }
  }

  // ---------------------------------------------------------------- citizens

  /** Items a citizen brings of those missing, by what they know (GUESSING, LETTER or TOLD). */
  private itemsBrought(missing: number, knows: number): number {
    const c = this.level.citizens;
    const p = knows === TOLD ? c.itemIfTold : knows === LETTER ? c.itemIfLetter : c.itemIfGuessing;
    let n = 0;
    for (let i = 0; i < missing; i++) if (this.citizen.chance(p)) n++;
    return n;
  }

  /** The citizen goes off to find documents; the ball is in their court. */
  private startGathering(need: number, pulled: boolean): void {
    this.needs.waitingOnCouncil[need] = 0;
    this.cancelChase(need);
    this.needs.setStage(need, STAGE.gathering);
    if (pulled && this.journal !== null) this.note(need, J['evidence-pulled'], this.needs.claim[need]!);
    const speed = pulled ? this.level.handoffs.pullSpeedup : 1;
    this.schedule(this.now + this.citizen.draw(this.dist.gather) * speed * DAY, { kind: 'ready', need });
  }

  private onReady(need: number): void {
    if (this.needs.outcome[need] !== NEED_OPEN) return;
    const missing = this.needs.required[need]! - (this.needs.claim[need]! > 0 ? this.claims.received[this.needs.claim[need]!]! : 0);
    const items = this.itemsBrought(Math.max(0, missing), this.needs.knows[need]!);
    const reason: ContactReason = this.needs.submissions[need] === 0 ? 'send-evidence' : 'resend-evidence';
    this.needs.submissions[need]!++;
    if (this.citizen.chance(this.level.citizens.visitShare)) {
      this.contactNext(this.whenOpen(this.now, this.citizen), need, 'visit', reason, items);
    } else {
      this.needs.setStage(need, STAGE['in-post']);
      if (this.journal !== null) this.note(need, J['documents-posted']);
      this.schedule(this.now + this.post.draw(this.dist.post) * DAY, { kind: 'letter-to-council', need, items, reason });
      this.needs.waitingOnCouncil[need] = 1;
      this.cancelChase(need);
    }
  }

  private onLetterToCouncil(need: number, items: number, reason: ContactReason): void {
    if (this.needs.outcome[need] !== NEED_OPEN) return;
    this.recordContact(need, 'letter', reason);
    this.receiveDocuments(need, items, false, isFailureDemand(reason));
  }

  private sendLetter(need: number, letter: LetterKind): void {
    this.lettersSent++;
    if (this.journal !== null) {
      if (letter === 'form') this.note(need, J['form-posted']);
      else if (letter === 'request') this.note(need, J['letter-sent']);
    }
    if (letter === 'decision' || letter === 'wrong-decision') this.needs.setStage(need, STAGE.decided);
    this.schedule(this.now + this.post.draw(this.dist.post) * DAY, { kind: 'letter-to-citizen', need, letter });
  }

  private onLetterToCitizen(need: number, letter: LetterKind): void {
    if (this.needs.outcome[need] !== NEED_OPEN) return;
    switch (letter) {
      case 'form':
        if (this.journal !== null) this.note(need, J['letter-received']);
        return this.startGathering(need, false);
      case 'request':
        if (this.journal !== null) this.note(need, J['letter-received']);
        if (this.needs.knows[need] === GUESSING) this.needs.knows[need] = LETTER;
        return this.startGathering(need, false);
      case 'decision':
        // With payment runs the money comes in its run; the letter tells the citizen it is coming.
        if (this.level.paymentRunDays === null) return this.close(need, 'met');
        return this.helpIsComing(need);
      case 'wrong-decision':
        if (this.journal !== null) this.note(need, J['wrong-decision'], this.needs.claim[need]!);
        return this.citizenReacts(need);
      case 'nil':
        if (this.citizen.chance(this.level.citizens.giveUpOnNilQualify)) return this.close(need, 'abandoned');
        if (this.needs.knows[need] === GUESSING) this.needs.knows[need] = LETTER;
        return this.contactLater(need, 'reapply');
    }
  }

  /** A wrong decision: the citizen gets in touch to have it put right. */
  private citizenReacts(need: number): void {
    this.needs.waitingOnCouncil[need] = 0;
    this.cancelChase(need);
    this.contactLater(need, 'correct-error');
  }

  private contactLater(need: number, reason: ContactReason): void {
    const c = this.level.citizens;
    const at = this.whenOpen(this.now + this.citizen.draw(this.dist.react) * DAY, this.citizen);
    const channel = this.citizen.chance(c.visitShare) ? 'visit' : 'phone';
    this.contactAt(at, need, channel, reason, 0);
  }

  /**
   * Hearing nothing, a citizen grows more likely to chase: a Rayleigh wait, a rising hazard. A
   * citizen has at most one chase pending: news, or a newer wait, moves or cancels it.
   */
  private citizenWaits(need: number): void {
    this.needs.waitingOnCouncil[need] = 1;
    const scale = this.level.citizens.chaseScaleDays;
    if (scale === null) return this.cancelChase(need);
    const at = this.now + this.citizen.rayleigh(scale) * DAY;
    const pending = this.timers[2 * need]!;
    if (pending >= 0) {
      this.events.reschedule(pending, at);
    } else {
      this.timers[2 * need] = this.schedule(at, { kind: 'chase', need });
    }
  }

  /** The citizen will not give up now (helped, or sure of help). */
  private cancelGiveUp(need: number): void {
    const pending = this.timers[2 * need + 1]!;
    if (pending >= 0) {
      this.events.cancel(pending);
      this.timers[2 * need + 1] = -1;
    }
  }

  /** The citizen has news or has the ball in their court: no chase now. */
  private cancelChase(need: number): void {
    const pending = this.timers[2 * need]!;
    if (pending >= 0) {
      this.events.cancel(pending);
      this.timers[2 * need] = -1;
    }
  }

  private onChase(need: number): void {
    // Every change that would make this chase moot cancels it; the check is a safety net.
    if (this.needs.outcome[need] !== NEED_OPEN || this.needs.waitingOnCouncil[need] !== 1) return;
    const c = this.level.citizens;
    const complaint = c.complaintAfterDays !== null && this.now - this.needs.arrivedAt[need]! > c.complaintAfterDays * DAY;
    const channel = this.citizen.chance(c.visitShare) ? 'visit' : 'phone';
    this.contactNext(this.whenOpen(this.now, this.citizen), need, channel, complaint ? 'complaint' : 'progress-chasing', 0);
  }

  private onDeadline(claim: number): void {
    const claims = this.claims;
    const need = claims.needOf[claim]!;
    if (claims.status[claim] !== OPEN || claims.isComplete(claim)) return;
    if (this.designFor(need).nilQualifyDays === null) return; // the rule was switched off meanwhile
    // The rule closes claims still waiting on the claimant, not on the council's own scanning
    // pile: with documents still to scan, look again tomorrow.
    if (claims.awaitingScan[claim]! > 0) {
      this.schedule(this.now + DAY, { kind: 'deadline', claim });
      return;
    }
    if (this.journal !== null) this.note(need, J['nil-qualified'], claim);
    claims.status[claim] = NIL_QUALIFIED;
    // Everything sent so far is gone with the claim: it must all come again, with a new application.
    this.needs.resendCause[need] = CAUSE['nil-qualified'];
    this.needs.mustReapply[need] = 1;
    this.quarter.nilQualified++;
    this.tally.nilQualified++;
    this.needs.claim[need] = 0;
    this.sendLetter(need, 'nil');
  }

  private close(need: number, outcome: 'met' | 'abandoned'): void {
    if (this.journal !== null) this.note(need, outcome === 'met' ? J['need-met'] : J['gave-up']);
    this.needs.outcome[need] = outcome === 'met' ? MET : GAVE_UP;
    if (this.needs.pilot[need] === 1) this.pilotClosed[outcome]++;
    this.needs.closedAt[need] = this.now;
    this.needs.setStage(need, STAGE[outcome]);
    this.cancelChase(need);
    this.cancelGiveUp(need);
    const claim = this.needs.claim[need]!;
    if (outcome === 'abandoned' && claim > 0 && this.claims.status[claim] === OPEN) this.claims.status[claim] = ABANDONED;
  }

  /** When a citizen acting at time t can reach the office: now if open, else spread over the next open day. */
  private whenOpen(t: number, stream: Stream): number {
    let opens: number;
    if (t === this.now || this.spell.holds(t)) {
      // The spell last asked about: in a closed one, the office next opens where the spell ends.
      if (this.spell.isOpen(t)) return t;
      opens = this.spell.end;
    } else {
      // Some other time (a citizen acting days from now): ask the calendar, keep the cache for now.
      if (this.calendar.isOpen(t)) return t;
      opens = this.calendar.nextOpen(t);
    }
    const u = stream.uniform();
    const rush = this.level.citizens.morningRushMinutes;
    if (rush === null) return opens + u * (this.calendar.closesAt(opens) - opens);
    // The morning queue: an exponential wait after opening, kept within the open day.
    return opens - rush * ln(1 - u * this.rushWithinDay);
  }

  // ---------------------------------------------------------------- inspection

  private onInspection(): void {
    const spec = this.level.inspection!;
    const inspection = inspect(spec, this.quarter, this.design, this.level.regimes.deliverology.design, this.now, this.budget);
    this.inspections.push(inspection);
    this.budget = inspection.budget;
    this.quarter = emptyTally();
    this.schedule(this.now + spec.everyDays * DAY, INSPECTION);
  }
}
