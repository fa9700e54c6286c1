import type { Level } from '../../levels/schema';
import { type Calendar, DAY } from '../../engine/calendar';
import { objectArray } from '../../engine/objectArray';
import { BackOffice } from './backOffice';
import type { ClaimTable } from './claimTable';
import { Citizens } from './citizens';
import type { ContactLog } from './contactLog';
import { Context, type Event, prepareSamplers, type Samplers } from './context';
import { FrontOffice } from './frontOffice';
import { emptyTally, type Inspection, inspect, type OfficialTally, type Targets } from './inspection';
import type { JourneyStep } from './journal';
import { Management } from './management';
import { MET, type NeedTable } from './needTable';
import type { OfferBook } from './offers';
import { Post } from './post';
import type { RoleAccounts, RolePool } from './rolePool';
import type { Action, ActionInput, Contact, Design, Regime } from './types';
import { Work } from './work';

/** The events that carry nothing but their kind: one object each, scheduled again and again. */
const OPENS: Event = { kind: 'opens' };
const INSPECTION: Event = { kind: 'inspection' };

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
 *
 * The office is in parts, each owning its own state: the front office (contacts and who answers
 * them), the back office (claims, casework, decisions), the teams' work, the post, the citizens at
 * home, and management (design, staffing, pilot, costs). They share a Context (the clock, the event
 * list, the books). The Simulation runs them: it hands each event to its part, applies the
 * player's actions, inspects the office each quarter, and is what the rest of the game reads.
 */
export class Simulation {
  readonly calendar: Calendar;
  readonly roles: RolePool[];
  readonly roleById: Map<string, RolePool>;
  /** Every citizen's need, by column (ids from 1, in order of first contact). */
  readonly needs: NeedTable;
  /** Every claim's record, by column (ids from 1). */
  readonly claims: ClaimTable;
  /** Every contact so far, the inherited history's too (made into objects only when asked for: see contacts). */
  readonly contactLog: ContactLog;
  readonly actions: Action[] = objectArray();
  readonly inspections: Inspection[] = objectArray();
  /** Index of the first contact and claim made from day 0. */
  firstMeasuredContact = 0;
  firstMeasuredClaim = 0;
  /** Needs of the pilot met and given up so far (its open ones: pilotNeeds less these). */
  readonly pilotClosed: { met: number; abandoned: number };
  /** Calls and visitors waiting to be answered now. */
  readonly waiting: { phone: number; visit: number };
  /** The dashboard's counts over the whole run, from day 0. */
  readonly tally: OfficialTally;
  /** Gaming moves offered to the player as pressure builds, and the answers. */
  readonly offers: OfferBook;

  /** The level's distributions, prepared once (shared by forks: see fork.ts). */
  private readonly dist: Samplers;
  private readonly ctx: Context;
  private readonly management: Management;
  private readonly work: Work;
  private readonly front: FrontOffice;
  private readonly back: BackOffice;
  private readonly post: Post;
  private readonly citizens: Citizens;

  constructor(
    readonly level: Level,
    readonly seed: number,
    startRegime: Regime = 'deliverology',
    options: SimulationOptions = {},
  ) {
    this.dist = prepareSamplers(level);
    const ctx = new Context(level, seed, this.dist, options.journal === true);
    // Made at the sim's time 0: a regime whose design runs a pilot sets its team up then.
    const management = new Management(ctx, seed, startRegime);
    const work = new Work(ctx, management);
    const front = new FrontOffice(ctx, seed, management, work);
    const back = new BackOffice(ctx, management, work);
    const post = new Post(ctx);
    const citizens = new Citizens(ctx, management);
    work.connect(front, back);
    front.connect(back, citizens, post);
    back.connect(citizens, post);
    post.connect(front, back, citizens);
    citizens.connect(front, post);
    this.ctx = ctx;
    this.management = management;
    this.work = work;
    this.front = front;
    this.back = back;
    this.post = post;
    this.citizens = citizens;
    this.calendar = ctx.calendar;
    this.needs = ctx.needs;
    this.claims = ctx.claims;
    this.contactLog = ctx.contactLog;
    this.tally = ctx.tally;
    this.roles = management.roles;
    this.roleById = management.roleById;
    this.offers = management.offers;
    this.pilotClosed = management.pilotClosed;
    this.waiting = front.waiting;

    // The office has been running before the player arrives: start in the past, run to day 0,
    // then start measuring, so the player inherits a working office with its backlog.
    const start = -level.warmUpDays * DAY;
    ctx.now = start;
    ctx.events.now = start;
    management.countCostsFrom(start);
    if (options.warmUp === false) return;
    for (const role of this.roles) role.resetAccounts(start);
    front.expectArrivals(start);
    // Each open day begins with 'opens' (an office always open begins a day each midnight).
    ctx.schedule(this.calendar.always ? start : this.calendar.nextOpen(start), OPENS);
    if (level.inspection) ctx.schedule(level.inspection.everyDays * DAY, INSPECTION);
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
    if (this.ctx.now < 0) return false;
    this.inHistory = false;
    this.startMeasuring();
    return true;
  }

  /** Day 0: everything measured starts from here. */
  private startMeasuring(): void {
    const ctx = this.ctx;
    for (const role of this.roles) role.resetAccounts(ctx.now);
    this.management.countCostsFrom(ctx.now);
    this.post.lettersSent = 0;
    this.front.outsourcedCalls = 0;
    Object.assign(ctx.tally, emptyTally());
    ctx.quarter = emptyTally();
    this.firstMeasuredContact = ctx.contactLog.count;
    this.firstMeasuredClaim = ctx.claims.count;
    ctx.eventsProcessed = 0;
  }

  // ---------------------------------------------------------------- public API

  /** The sim's time (minutes; day 0 is where measuring starts). */
  get now(): number {
    return this.ctx.now;
  }

  /** Events handled since day 0. */
  get eventsProcessed(): number {
    return this.ctx.eventsProcessed;
  }

  /** The design in force now. */
  get design(): Design {
    return this.management.design;
  }

  get regime(): Regime {
    return this.management.regime;
  }

  /** The inspectors' targets now (null: no inspection): the level's, until the centre sets a new one. */
  get targets(): Targets | null {
    return this.management.targets;
  }

  /** The weekly staff budget now (null: the level sets none); inspections may cut it. */
  get budget(): number | null {
    return this.management.budget;
  }

  /** The pilot team, once a pilot has been set up (null: never). */
  get pilotPool(): RolePool | null {
    return this.management.pilotPool;
  }

  /** Needs that ever joined the pilot (the warm-up's too). */
  get pilotNeeds(): number {
    return this.management.pilotNeeds;
  }

  /** Contacts that were failure demand, the inherited history's too. */
  get failureContacts(): number {
    return this.front.failureContacts;
  }

  // Costs from day 0: see report.ts.
  get lettersSent(): number {
    return this.post.lettersSent;
  }

  get outsourcedCalls(): number {
    return this.front.outsourcedCalls;
  }

  /**
   * The council's own staff by level role: a pilot team counts in its role, and while a provider
   * runs the call centre, the council's agents are its own count (the provider sets the rest).
   */
  staffOnBooks(): Record<string, number> {
    return this.management.staffOnBooks();
  }

  /** The role a provider runs, paid per call rather than by the hour (null: none). */
  get outsourcedRole(): string | null {
    return this.management.outsourcedRole;
  }

  /**
   * Each team's time accounts and the costs as they stand now, read without changing the run: a
   * report mid-run (a team's figures for the room) leaves the rest of the run as it would have been.
   */
  accountsNow(): { roles: Map<RolePool, RoleAccounts>; staffCost: number; itLicenceMinutes: number } {
    const now = this.ctx.now;
    const roles = new Map(this.roles.map((r) => [r, r.accountsAt(now)]));
    return { roles, ...this.management.costsAt(now, roles) };
  }

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
    const journal = this.ctx.journal;
    const needs = this.needs;
    if (journal === null || !needs.has(needId)) return [];
    const harmAfter = this.level.demand.harmAfterDays;
    const arrivedAt = needs.arrivedAt[needId]!;
    let harmedAt: number | null = null;
    // Rent goes unpaid until the need is met: giving up does not end the harm.
    const unpaidTo = needs.outcome[needId] === MET ? needs.closedAt[needId]! : this.ctx.now;
    if (harmAfter !== null && (unpaidTo - arrivedAt) / DAY > harmAfter) {
      harmedAt = arrivedAt + harmAfter * DAY;
    }
    return journal.steps(needId, this.contactLog, harmedAt);
  }

  /** Whether the sim keeps a journal of every citizen's journey. */
  get journaling(): boolean {
    return this.ctx.journal !== null;
  }

  /** Runs every event up to and including time t (minutes), then sets the clock to t. */
  advanceTo(t: number): void {
    // A staged history not yet run through is run to day 0 first: day 0 is where measuring starts.
    if (this.inHistory && t >= 0) this.continueHistory(0);
    this.runTo(t);
  }

  /** Applies a player's action now (or at its own time, when replaying) and records it. */
  apply(input: ActionInput): Action {
    const at = input.at ?? this.ctx.now;
    if (at < this.ctx.now) throw new Error(`action at ${at} is before the sim time ${this.ctx.now}`);
    this.advanceTo(at);
    const action = { ...input, at } as Action;
    this.management.noteCosts();
    this.management.change(action);
    if (action.kind === 'event' && action.event === 'surprise-inspection' && this.level.inspection) this.inspectNow();
    this.work.handOverStrandedWork();
    // A design change can move who does what; start whatever can start now.
    for (const role of this.roles) this.work.tryStart(role);
    this.actions.push(action);
    return action;
  }

  // ---------------------------------------------------------------- the run

  /** The event loop: each event due by t, in order, then the clock set to t. */
  private runTo(t: number): void {
    const ctx = this.ctx;
    const events = ctx.events;
    for (let e = events.take(t); e !== undefined; e = events.take(t)) {
      ctx.now = events.now;
      ctx.eventsProcessed++;
      this.handle(e);
    }
    if (t > ctx.now) ctx.now = events.now = t;
  }

  /** Hands each event to the part of the office it is about. */
  private handle(e: Event): void {
    switch (e.kind) {
      case 'arrival':
        return this.front.onArrival();
      case 'first-contact':
        return this.front.firstContact(e.channel, e.required, e.hard, e.bringsEvidence, e.givesUpAt);
      case 'contact':
        return this.front.onContact(e.need, e.channel, e.reason, e.items);
      case 'task-done':
        return this.work.onTaskDone(e.role, e.task);
      case 'opens':
        return this.onOpens(e);
      case 'letter-to-citizen':
        return this.post.onLetterToCitizen(e.need, e.letter);
      case 'letter-to-council':
        return this.post.onLetterToCouncil(e.need, e.items, e.reason);
      case 'ready':
        return this.citizens.onReady(e.need);
      case 'chase':
        return this.citizens.onChase(e.need);
      case 'give-up':
        return this.citizens.onGiveUp(e.need);
      case 'deadline':
        return this.back.onDeadline(e.claim);
      case 'inspection':
        return this.onInspection();
      case 'confirmed':
        return this.back.onConfirmed(e.claim);
      case 'hang-up':
        return this.front.onHangUp(e.task);
      case 'paid':
        return this.citizens.onPaid(e.need);
    }
  }

  /** A new open day: management staffs it (and may tempt itself), the back office plans it, and work starts. */
  private onOpens(e: Event): void {
    const ctx = this.ctx;
    this.management.opens(this.inspections[this.inspections.length - 1]);
    this.back.planDay();
    for (const role of this.roles) this.work.tryStart(role);
    const calendar = this.calendar;
    ctx.schedule(calendar.always ? ctx.now + DAY : calendar.nextOpen(calendar.closesAt(ctx.now)), e);
  }

  /** The quarterly inspection: stars, a league place, and perhaps a new budget; the quarter's counts start again. */
  private onInspection(): void {
    this.inspectNow();
    this.ctx.schedule(this.ctx.now + this.level.inspection!.everyDays * DAY, INSPECTION);
  }

  /** An inspection now (the quarter's, or a surprise one): against the targets in force now. */
  private inspectNow(): void {
    const ctx = this.ctx;
    const management = this.management;
    const spec = { ...this.level.inspection!, targets: management.targets! };
    const inspection = inspect(spec, ctx.quarter, management.design, this.level.regimes.deliverology.design, ctx.now, management.budget);
    this.inspections.push(inspection);
    management.budget = inspection.budget;
    ctx.quarter = emptyTally();
  }
}
