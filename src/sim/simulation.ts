import type { Level } from '../levels/schema';
import { Calendar, DAY } from './calendar';
import { EventHeap } from './eventHeap';
import { type Inspection, inspect, type OfficialTally, emptyTally } from './inspection';
import { Stream } from './random';
import { RolePool, type Task } from './rolePool';
import type {
  Action,
  ActionInput,
  Channel,
  Claim,
  Contact,
  ContactReason,
  Design,
  Knowledge,
  Need,
  Regime,
} from './types';
import { isFailureDemand } from './types';

// Event kinds. Numbers, not strings, because the event loop is the hot path.
const ARRIVAL = 0;
const CONTACT = 1;
const TASK_DONE = 2;
const OPENS = 3;
const LETTER_TO_CITIZEN = 4;
const LETTER_TO_COUNCIL = 5;
const READY = 6;
const CHASE = 7;
const GIVE_UP = 8;
const DEADLINE = 9;
const INSPECTION = 10;

type LetterKind = 'form' | 'request' | 'decision' | 'wrong-decision' | 'nil';

type EventFields = {
  need?: Need | null;
  claim?: Claim | null;
  task?: Task | null;
  role?: RolePool | null;
  token?: number;
  reason?: ContactReason;
  channel?: 'phone' | 'visit';
  items?: number;
  letter?: LetterKind;
};

/** One scheduled event. A class with every field set keeps the hot loop monomorphic. */
class SimEvent {
  seq = 0;
  need: Need | null;
  claim: Claim | null;
  task: Task | null;
  role: RolePool | null;
  token: number;
  reason: ContactReason;
  channel: 'phone' | 'visit';
  items: number;
  letter: LetterKind;

  constructor(
    readonly t: number,
    readonly k: number,
    f: EventFields,
  ) {
    this.need = f.need ?? null;
    this.claim = f.claim ?? null;
    this.task = f.task ?? null;
    this.role = f.role ?? null;
    this.token = f.token ?? 0;
    this.reason = f.reason ?? 'new-claim';
    this.channel = f.channel ?? 'phone';
    this.items = f.items ?? 0;
    this.letter = f.letter ?? 'form';
  }
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
  readonly needs: Need[] = [];
  readonly claims: Claim[] = [];
  readonly contacts: Contact[] = [];
  readonly actions: Action[] = [];
  readonly inspections: Inspection[] = [];
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

  private readonly events = new EventHeap<SimEvent>();

  // Running totals for measures, from day 0 (the warm-up is not measured).
  lettersSent = 0;
  failureContacts = 0;
  /** Calls and visitors waiting to be answered now. */
  readonly waiting = { phone: 0, visit: 0 };
  outsourcedCalls = 0;
  itLicenceMinutes = 0;
  private lastDesignNote: number;
  /** Staff cost so far (outsourced phone staff are paid per call instead). */
  staffCost = 0;
  readonly tally: OfficialTally = emptyTally();
  private quarter: OfficialTally = emptyTally();

  constructor(
    readonly level: Level,
    readonly seed: number,
    startRegime: Regime = 'deliverology',
  ) {
    this.calendar = new Calendar(level.hours);
    this.openMinutesPerDay = level.hours === 'always' ? DAY : level.hours.close - level.hours.open;
    this.regime = startRegime;
    const regime = level.regimes[startRegime];
    this.design = { ...regime.design };
    this.roles = Object.entries(level.roles).map(
      ([id, r]) => new RolePool(id, r.label, r.expert, r.costPerHour, regime.staff[id] ?? 0, this.calendar),
    );
    this.roleById = new Map(this.roles.map((r) => [r.id, r]));
    this.demand = new Stream(seed, 'demand');
    this.citizen = new Stream(seed, 'citizen');
    this.work = new Stream(seed, 'work');
    this.post = new Stream(seed, 'post');

    // The office has been running before the player arrives: start in the past, run to day 0,
    // then start measuring, so the player inherits a working office with its backlog.
    const start = -level.warmUpDays * DAY;
    this.now = start;
    this.lastDesignNote = start;
    for (const role of this.roles) role.resetAccounts(start);
    this.schedule(start + this.demand.exponential(DAY / level.demand.needsPerDay), ARRIVAL, {});
    if (!this.calendar.always) this.schedule(this.calendar.nextOpen(start), OPENS, {});
    if (level.inspection) this.schedule(level.inspection.everyDays * DAY, INSPECTION, {});
    this.advanceTo(0);
    this.startMeasuring();
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
    this.firstMeasuredContact = this.contacts.length;
    this.firstMeasuredClaim = this.claims.length;
    this.eventsProcessed = 0;
  }

  // ---------------------------------------------------------------- public API

  /** Runs every event up to and including time t (minutes), then sets the clock to t. */
  advanceTo(t: number): void {
    const events = this.events;
    while (events.peekTime() <= t) {
      const time = events.peekTime();
      const ev = events.pop();
      this.now = time;
      this.eventsProcessed++;
      this.handle(ev);
    }
    if (t > this.now) this.now = t;
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
        role.staff = action.count;
        break;
      }
      case 'design':
        (this.design as Record<string, unknown>)[action.key] = action.value;
        break;
      case 'regime': {
        const regime = this.level.regimes[action.regime];
        this.regime = action.regime;
        this.design = { ...regime.design };
        for (const role of this.roles) {
          role.staff = regime.staff[role.id] ?? 0;
        }
        break;
      }
    }
    // A design change can move who does what; start whatever can start now.
    for (const role of this.roles) this.tryStart(role);
    this.actions.push(action);
    return action;
  }

  /** Brings the time integrals (paid hours, licence, open needs) up to now. */
  noteCosts(): void {
    const outsourced = this.design.outsourcedCallCentre && !this.design.expertsAtFront;
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

  private schedule(at: number, k: number, fields: EventFields): void {
    this.events.push(new SimEvent(at, k, fields));
  }

  private handle(ev: SimEvent): void {
    switch (ev.k) {
      case ARRIVAL:
        return this.onArrival();
      case CONTACT:
        return this.onContact(ev.need!, ev.channel, ev.reason, ev.items);
      case TASK_DONE:
        return this.onTaskDone(ev.role!, ev.task!);
      case OPENS:
        for (const role of this.roles) this.tryStart(role);
        return this.schedule(this.calendar.nextOpen(this.calendar.closesAt(this.now)), OPENS, {});
      case LETTER_TO_CITIZEN:
        return this.onLetterToCitizen(ev.need!, ev.letter);
      case LETTER_TO_COUNCIL:
        return this.onLetterToCouncil(ev.need!, ev.items, ev.reason);
      case READY:
        return this.onReady(ev.need!);
      case CHASE:
        return this.onChase(ev.need!, ev.token);
      case GIVE_UP:
        if (ev.need!.outcome === 'open') this.close(ev.need!, 'abandoned');
        return;
      case DEADLINE:
        return this.onDeadline(ev.claim!, ev.token);
      case INSPECTION:
        return this.onInspection();
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
    const patience = d.patienceDays ? s.sample(d.patienceDays) * DAY : Infinity;
    const at = this.whenOpen(this.now, s);
    this.schedule(this.now + s.exponential(DAY / d.needsPerDay), ARRIVAL, {});

    const need: Need = {
      id: 0,
      arrivedAt: at,
      firstChannel: channel,
      required,
      hard,
      bringsEvidence,
      givesUpAt: at + patience,
      outcome: 'open',
      closedAt: Infinity,
      knows: 'guessing',
      claim: null,
      claims: 0,
      contacts: 0,
      failureContacts: 0,
      submissions: 0,
      waitingOnCouncil: false,
      chaseToken: 0,
      stage: 'first-contact',
    };
    if (at === this.now) this.firstContact(need);
    else this.schedule(at, CONTACT, { need, channel, reason: 'new-claim' });
  }

  private firstContact(need: Need): void {
    need.id = this.needs.length + 1;
    this.needs.push(need);
    if (need.givesUpAt < Infinity) this.schedule(need.givesUpAt, GIVE_UP, { need });
    this.contact(need, need.firstChannel, 'new-claim', 0);
  }

  private onContact(need: Need, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    if (reason === 'new-claim' && need.id === 0) return this.firstContact(need);
    if (need.outcome !== 'open') return;
    this.contact(need, channel, reason, items);
  }

  /** A call or visit: record it and put it in front of whoever takes that channel. */
  private contact(need: Need, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    this.recordContact(need, channel, reason);
    const role = this.frontRole(channel);
    const task: Task = {
      kind: 'contact',
      need,
      claim: need.claim,
      enqueuedAt: this.now,
      channel,
      reason,
      items,
      contact: this.contacts.length - 1,
      decide: false,
    };
    this.waiting[channel]++;
    role.enqueue(task, this.now);
    this.tryStart(role);
  }

  private recordContact(need: Need, channel: Channel, reason: ContactReason): void {
    const failure = isFailureDemand(reason);
    need.contacts++;
    if (failure) {
      need.failureContacts++;
      this.failureContacts++;
    }
    this.contacts.push({ needId: need.id, at: this.now, channel, reason, failure, waited: 0 });
    this.citizenWaits(need);
  }

  private frontRole(channel: 'phone' | 'visit'): RolePool {
    const id = this.design.expertsAtFront ? this.level.assign.casework : this.level.assign[channel];
    return this.roleById.get(id)!;
  }

  private caseRole(): RolePool {
    return this.roleById.get(this.level.assign.casework)!;
  }

  // ---------------------------------------------------------------- work

  /** Starts queued work while someone in the role is free and the office is open. */
  private tryStart(role: RolePool): void {
    if (!this.calendar.isOpen(this.now)) return;
    while (role.busy < role.staff && role.queue.size > 0) {
      const task = role.queue.pop();
      if (task.kind === 'contact') this.waiting[task.channel as 'phone' | 'visit']--;
      if (this.isStale(task)) continue;
      const normal = this.taskMinutes(role, task);
      role.normalMinutes += normal;
      role.tasksEver++;
      const minutes = normal / this.pace(role);
      const waited = this.now - task.enqueuedAt;
      role.waitTotal += waited;
      role.started++;
      if (task.kind === 'contact') this.noteContactWait(task, waited);
      role.noteBusy(this.now);
      role.busy++;
      this.schedule(this.now + minutes, TASK_DONE, { role, task });
    }
  }

  /** Work for a citizen who has gone, or a claim that is closed, is dropped from the queue. */
  private isStale(task: Task): boolean {
    if (task.kind === 'scan') return false; // documents are scanned whether or not anyone still wants them
    if (task.need.outcome !== 'open') return true;
    if ((task.kind === 'casework' || task.kind === 'rework') && task.claim && task.claim.status !== 'open') {
      task.claim.queued = false;
      return true;
    }
    return false;
  }

  private noteContactWait(task: Task, waited: number): void {
    this.contacts[task.contact]!.waited = waited;
    const official = this.quarter;
    const all = this.tally;
    if (task.channel === 'phone') {
      const ok = waited <= 20 / 60 ? 1 : 0;
      official.calls++;
      official.callsIn20s += ok;
      all.calls++;
      all.callsIn20s += ok;
      if (this.design.outsourcedCallCentre && !this.design.expertsAtFront) this.outsourcedCalls++;
    } else {
      const ok = waited <= 15 ? 1 : 0;
      official.visits++;
      official.visitsIn15m += ok;
      all.visits++;
      all.visitsIn15m += ok;
    }
  }

  private taskMinutes(role: RolePool, task: Task): number {
    const w = this.level.work;
    const r = this.work;
    switch (task.kind) {
      case 'contact': {
        if (task.reason === 'progress-chasing' || task.reason === 'complaint') return r.sample(w.chase);
        if (task.reason === 'send-evidence' || task.reason === 'resend-evidence') return r.sample(w.takeDocuments);
        const base = task.channel === 'phone' ? r.sample(w.call) : this.handsOutForms(role) ? r.sample(w.formHandOut) : r.sample(w.visit);
        if (this.decidesAtContact(role, task)) {
          task.decide = true;
          return base + r.sample(task.need.hard ? w.assessHard : w.assessEasy);
        }
        return base;
      }
      case 'scan':
        return r.sample(w.scan);
      case 'message':
        return r.sample(w.message);
      case 'rework':
        return r.sample(w.rework) + (this.design.caseOwner ? 0 : r.sample(w.pickUpFile));
      case 'casework': {
        const claim = task.claim!;
        const decide = claim.completeAt !== null;
        task.decide = decide;
        const pickUp = this.design.caseOwner ? 0 : r.sample(w.pickUpFile);
        if (!decide) return pickUp + r.sample(w.request);
        return pickUp + r.sample(task.need.hard ? w.assessHard : w.assessEasy);
      }
    }
  }

  /** Work speeds up as the backlog grows, up to a limit: corners cut. */
  private pace(role: RolePool): number {
    const p = this.level.pressure;
    if (p.paceGain === 0) return 1;
    return Math.min(p.maxPace, 1 + p.paceGain * role.backlogDays(this.openMinutesPerDay));
  }

  private handsOutForms(role: RolePool): boolean {
    return this.design.formHandOut && !role.expert;
  }

  /** An expert with a visitor who has brought everything decides there and then. */
  private decidesAtContact(role: RolePool, task: Task): boolean {
    if (!role.expert || !this.design.decideAtFirstContact || task.channel !== 'visit') return false;
    if (task.reason !== 'new-claim' && task.reason !== 'reapply') return false;
    const need = task.need;
    if (need.required === 0) return true;
    if (!need.bringsEvidence || task.reason !== 'new-claim') return false;
    // What they brought, unprompted: each item by guesswork. Drawn now, from the citizen stream.
    task.items = this.itemsBrought(need.required, 'guessing');
    return task.items >= need.required;
  }

  private onTaskDone(role: RolePool, task: Task): void {
    role.noteBusy(this.now);
    role.busy--;
    switch (task.kind) {
      case 'contact':
        this.finishContact(role, task, task.decide);
        break;
      case 'scan':
        this.fileDocuments(task.claim!, task.items, true);
        break;
      case 'casework':
        this.finishCasework(task, task.decide);
        break;
      case 'rework':
        this.decide(task.claim!);
        break;
      case 'message':
        break;
    }
    this.tryStart(role);
  }

  private finishContact(role: RolePool, task: Task, decideNow: boolean): void {
    const need = task.need;
    if (need.outcome !== 'open') return;
    switch (task.reason) {
      case 'new-claim':
      case 'reapply':
        return this.takeNewClaim(role, task, decideNow);
      case 'send-evidence':
      case 'resend-evidence':
        return this.receiveDocuments(need, task.items, role.expert);
      case 'progress-chasing':
      case 'complaint':
        // An expert can see the case and answer; anyone else passes a message to the back office.
        if (!role.expert && this.citizen.chance(this.level.handoffs.chasePassedOn)) {
          this.queueWork(this.caseRole(), 'message', need, need.claim);
        }
        return;
      case 'correct-error':
        if (need.claim && need.claim.status === 'decided') {
          need.claim.status = 'open';
          this.queueWork(this.caseRole(), 'rework', need, need.claim);
        }
        return;
    }
  }

  private takeNewClaim(role: RolePool, task: Task, decideNow: boolean): void {
    const need = task.need;
    const h = this.level.handoffs;
    if (role.expert) {
      if (this.citizen.chance(h.toldByExpert)) need.knows = 'told';
      const claim = this.openClaim(need, true);
      if (decideNow) {
        claim.received = need.required;
        claim.completeAt = this.now;
        this.decide(claim);
        return;
      }
      // The expert looks at what the visitor brought and says exactly what else is needed.
      if (task.channel === 'visit' && need.bringsEvidence && task.reason === 'new-claim') {
        const brought = task.items > 0 ? task.items : this.itemsBrought(need.required, 'guessing');
        this.fileDocuments(claim, brought, false, false);
        if (claim.completeAt !== null) return this.fileDocuments(claim, 0, false);
      }
      return this.startGathering(need, claim.ownedByExpert && this.design.pullEvidence);
    }
    // A non-expert front office: a form, and whatever the citizen was told.
    const handOut = task.channel === 'visit' && this.handsOutForms(role);
    const told = this.citizen.chance(handOut ? h.toldByForm : h.toldByFront);
    if (told) need.knows = 'told';
    else if (task.reason === 'new-claim') need.knows = 'guessing';
    if (task.channel === 'visit' && need.bringsEvidence && task.reason === 'new-claim') {
      const claim = this.openClaim(need, false);
      this.sendOnDocuments(claim, this.itemsBrought(need.required, 'guessing'));
      return;
    }
    if (task.channel === 'phone') this.sendLetter(need, 'form');
    else this.startGathering(need, false);
  }

  private openClaim(need: Need, owned: boolean): Claim {
    const claim: Claim = {
      id: this.claims.length + 1,
      need,
      openedAt: this.now,
      completeAt: need.required === 0 ? this.now : null,
      received: 0,
      status: 'open',
      decidedAt: Infinity,
      reportedDays: Number.NaN,
      queued: false,
      awaitingEvidence: false,
      deadlineToken: 0,
      ownedByExpert: owned && this.design.caseOwner,
    };
    this.claims.push(claim);
    need.claim = claim;
    need.claims++;
    return claim;
  }

  /** Documents handed in or posted reach the claim: through scanning, or straight to the owner. */
  private receiveDocuments(need: Need, items: number, byExpert: boolean): void {
    const claim = need.claim ?? this.openClaim(need, byExpert);
    if (byExpert || claim.ownedByExpert) this.fileDocuments(claim, items, false);
    else this.sendOnDocuments(claim, items);
  }

  private sendOnDocuments(claim: Claim, items: number): void {
    const scanRole = this.level.assign.scan;
    if (scanRole && !this.design.caseOwner) {
      this.queueWork(this.roleById.get(scanRole)!, 'scan', claim.need, claim, items);
    } else {
      this.fileDocuments(claim, items, false);
    }
    claim.need.stage = 'scanning';
  }

  /** Puts documents on file (some lost in a handoff) and queues the claim for casework. */
  private fileDocuments(claim: Claim, items: number, handedOff: boolean, queue = true): void {
    let kept = items;
    if (handedOff) {
      for (let i = 0; i < items; i++) if (this.work.chance(this.level.handoffs.itemLost)) kept--;
    }
    if (claim.status !== 'open') return; // documents for a closed claim go nowhere
    claim.received = Math.min(claim.need.required, claim.received + kept);
    if (claim.completeAt === null && claim.received >= claim.need.required) claim.completeAt = this.now;
    if (!queue) return;
    if (!claim.queued) this.queueWork(this.caseRole(), 'casework', claim.need, claim);
    claim.need.stage = 'casework';
  }

  private queueWork(role: RolePool, kind: Task['kind'], need: Need, claim: Claim | null, items = 0): void {
    const task: Task = { kind, need, claim, enqueuedAt: this.now, channel: 'letter', reason: 'send-evidence', items, contact: -1, decide: false };
    if (kind === 'casework' && claim) claim.queued = true;
    // Cherry-picking: easy, complete claims first; otherwise first come, first served.
    let key = this.now;
    if (kind === 'casework' && this.design.cherryPick && claim) {
      const easy = !need.hard && claim.completeAt !== null;
      key = easy ? this.now : this.now + 1e9;
    }
    role.enqueue(task, key);
    this.tryStart(role);
  }

  private finishCasework(task: Task, decide: boolean): void {
    const claim = task.claim!;
    claim.queued = false;
    if (claim.status !== 'open') return;
    if (decide) return this.decide(claim);
    this.requestEvidence(claim);
  }

  /** The claim is incomplete: ask for what is missing, by letter or (an owner pulling it) by phone. */
  private requestEvidence(claim: Claim): void {
    const need = claim.need;
    claim.awaitingEvidence = true;
    need.stage = 'awaiting-evidence';
    const days = this.design.nilQualifyDays;
    if (days !== null && claim.deadlineToken === 0) {
      claim.deadlineToken = 1;
      this.schedule(this.now + days * DAY, DEADLINE, { claim, token: claim.deadlineToken });
    }
    if (claim.ownedByExpert && this.design.pullEvidence) {
      need.knows = 'told';
      this.startGathering(need, true);
    } else {
      this.sendLetter(need, 'request');
    }
  }

  private decide(claim: Claim): void {
    const need = claim.need;
    const firstDecision = claim.decidedAt === Infinity;
    claim.status = 'decided';
    claim.awaitingEvidence = false;
    need.stage = 'decided';
    if (firstDecision) {
      claim.decidedAt = this.now;
      claim.reportedDays = (this.now - this.clockStart(claim)) / DAY;
      this.quarter.decided++;
      this.quarter.reportedDaysSum += claim.reportedDays;
      this.tally.decided++;
      this.tally.reportedDaysSum += claim.reportedDays;
    }
    const h = this.level.handoffs;
    // Corners cut under pressure show up as wrong decisions.
    const rushed = 1 + this.level.pressure.errorGain * (this.pace(this.caseRole()) - 1);
    const wrong = this.work.chance((claim.ownedByExpert ? h.errorOwner : h.errorSplit) * rushed);
    if (claim.ownedByExpert) {
      // The owner tells the citizen there and then.
      if (wrong) this.citizenReacts(need);
      else this.close(need, 'met');
    } else {
      this.sendLetter(need, wrong ? 'wrong-decision' : 'decision');
    }
  }

  private clockStart(claim: Claim): number {
    switch (this.design.clockStart) {
      case 'firstContact':
        return claim.need.arrivedAt;
      case 'received':
        return claim.openedAt;
      case 'complete':
        return claim.completeAt ?? claim.openedAt;
    }
  }

  // ---------------------------------------------------------------- citizens

  private itemsBrought(missing: number, knows: Knowledge): number {
    const c = this.level.citizens;
    const p = knows === 'told' ? c.itemIfTold : knows === 'letter' ? c.itemIfLetter : c.itemIfGuessing;
    let n = 0;
    for (let i = 0; i < missing; i++) if (this.citizen.chance(p)) n++;
    return n;
  }

  /** The citizen goes off to find documents; the ball is in their court. */
  private startGathering(need: Need, pulled: boolean): void {
    need.waitingOnCouncil = false;
    need.chaseToken++;
    need.stage = 'gathering';
    const speed = pulled ? this.level.handoffs.pullSpeedup : 1;
    this.schedule(this.now + this.citizen.sample(this.level.citizens.gatherDays) * speed * DAY, READY, { need });
  }

  private onReady(need: Need): void {
    if (need.outcome !== 'open') return;
    const missing = need.required - (need.claim?.received ?? 0);
    const items = this.itemsBrought(Math.max(0, missing), need.knows);
    const reason: ContactReason = need.submissions === 0 ? 'send-evidence' : 'resend-evidence';
    need.submissions++;
    if (this.citizen.chance(this.level.citizens.visitShare)) {
      this.schedule(this.whenOpen(this.now, this.citizen), CONTACT, { need, channel: 'visit', reason, items });
    } else {
      need.stage = 'in-post';
      this.schedule(this.now + this.post.sample(this.level.postDays) * DAY, LETTER_TO_COUNCIL, { need, items, reason });
      need.waitingOnCouncil = true;
      need.chaseToken++;
    }
  }

  private onLetterToCouncil(need: Need, items: number, reason: ContactReason): void {
    if (need.outcome !== 'open') return;
    this.recordContact(need, 'letter', reason);
    this.receiveDocuments(need, items, false);
  }

  private sendLetter(need: Need, letter: LetterKind): void {
    this.lettersSent++;
    need.stage = letter === 'decision' || letter === 'wrong-decision' ? 'decided' : need.stage;
    this.schedule(this.now + this.post.sample(this.level.postDays) * DAY, LETTER_TO_CITIZEN, { need, letter });
  }

  private onLetterToCitizen(need: Need, letter: LetterKind): void {
    if (need.outcome !== 'open') return;
    switch (letter) {
      case 'form':
        return this.startGathering(need, false);
      case 'request':
        if (need.knows === 'guessing') need.knows = 'letter';
        return this.startGathering(need, false);
      case 'decision':
        return this.close(need, 'met');
      case 'wrong-decision':
        return this.citizenReacts(need);
      case 'nil':
        if (this.citizen.chance(this.level.citizens.giveUpOnNilQualify)) return this.close(need, 'abandoned');
        if (need.knows === 'guessing') need.knows = 'letter';
        return this.contactLater(need, 'reapply');
    }
  }

  /** A wrong decision: the citizen gets in touch to have it put right. */
  private citizenReacts(need: Need): void {
    need.waitingOnCouncil = false;
    need.chaseToken++;
    this.contactLater(need, 'correct-error');
  }

  private contactLater(need: Need, reason: ContactReason): void {
    const c = this.level.citizens;
    const at = this.whenOpen(this.now + this.citizen.sample(c.reactDays) * DAY, this.citizen);
    const channel = this.citizen.chance(c.visitShare) ? 'visit' : 'phone';
    this.schedule(at, CONTACT, { need, channel, reason });
  }

  /** Hearing nothing, a citizen grows more likely to chase: a Rayleigh wait, a rising hazard. */
  private citizenWaits(need: Need): void {
    need.waitingOnCouncil = true;
    need.chaseToken++;
    const scale = this.level.citizens.chaseScaleDays;
    if (scale === null) return;
    this.schedule(this.now + this.citizen.rayleigh(scale) * DAY, CHASE, { need, token: need.chaseToken });
  }

  private onChase(need: Need, token: number): void {
    if (need.outcome !== 'open' || token !== need.chaseToken || !need.waitingOnCouncil) return;
    const c = this.level.citizens;
    const complaint = c.complaintAfterDays !== null && this.now - need.arrivedAt > c.complaintAfterDays * DAY;
    const channel = this.citizen.chance(c.visitShare) ? 'visit' : 'phone';
    this.schedule(this.whenOpen(this.now, this.citizen), CONTACT, {
      need,
      channel,
      reason: complaint ? 'complaint' : 'progress-chasing',
    });
  }

  private onDeadline(claim: Claim, token: number): void {
    if (claim.status !== 'open' || token !== claim.deadlineToken || claim.completeAt !== null) return;
    if (this.design.nilQualifyDays === null) return; // the rule was switched off meanwhile
    claim.status = 'nil-qualified';
    claim.awaitingEvidence = false;
    this.quarter.nilQualified++;
    this.tally.nilQualified++;
    const need = claim.need;
    need.claim = null;
    this.sendLetter(need, 'nil');
  }

  private close(need: Need, outcome: 'met' | 'abandoned'): void {
    need.outcome = outcome;
    need.closedAt = this.now;
    need.stage = outcome;
    need.chaseToken++;
    if (outcome === 'abandoned' && need.claim && need.claim.status === 'open') need.claim.status = 'abandoned';
  }

  /** When a citizen acting at time t can reach the office: now if open, else spread over the next open day. */
  private whenOpen(t: number, stream: Stream): number {
    if (this.calendar.isOpen(t)) return t;
    const opens = this.calendar.nextOpen(t);
    return opens + stream.uniform() * (this.calendar.closesAt(opens) - opens);
  }

  // ---------------------------------------------------------------- inspection

  private onInspection(): void {
    const spec = this.level.inspection!;
    this.inspections.push(inspect(spec, this.quarter, this.design, this.level.regimes.deliverology.design, this.now));
    this.quarter = emptyTally();
    this.schedule(this.now + spec.everyDays * DAY, INSPECTION, {});
  }
}
