// The front office: citizens' needs arriving, their calls and visits, who answers them and what
// is done in the contact, callers and visitors who give up waiting, and the counts of contacts
// offered and answered in time behind the dashboard.
import { DAY } from '../../engine/calendar';
import { Stream } from '../../engine/random';
import type { BackOffice } from './backOffice';
import { CALL_ANSWERED_WITHIN_MINUTES, VISIT_SEEN_WITHIN_MINUTES } from './catalogue';
import { CONFIRMED_YES, DECIDED, OPEN } from './claimTable';
import type { Citizens } from './citizens';
import { CAUSE } from './contactLog';
import type { Context, Event } from './context';
import { J } from './journal';
import type { Management } from './management';
import { GUESSING, OPEN as NEED_OPEN, TOLD } from './needTable';
import { contactRoleId } from './places';
import type { Post } from './post';
import type { RolePool, Task } from './rolePool';
import type { Channel, ContactReason } from './types';
import { isFailureDemand } from './types';
import type { Work } from './work';

/** The arrival event carries nothing: one object, scheduled again and again. */
const ARRIVAL: Event = { kind: 'arrival' };

export class FrontOffice {
  /** Calls and visitors waiting to be answered now. */
  readonly waiting = { phone: 0, visit: 0 };
  /** Contacts that were failure demand, the inherited history's too. */
  failureContacts = 0;
  /** Calls answered by an outsourced provider's agents, from day 0 (paid per call). */
  outsourcedCalls = 0;
  /** Demand has its own stream, so the same citizens meet whatever design the player chooses. */
  private readonly demand: Stream;
  private back!: BackOffice;
  private citizens!: Citizens;
  private post!: Post;

  constructor(
    private readonly ctx: Context,
    seed: number,
    private readonly management: Management,
    private readonly work: Work,
  ) {
    this.demand = new Stream(seed, 'demand');
  }

  connect(back: BackOffice, citizens: Citizens, post: Post): void {
    this.back = back;
    this.citizens = citizens;
    this.post = post;
  }

  /** The first need arrives after the history starts at start. */
  expectArrivals(start: number): void {
    this.ctx.schedule(start + this.demand.exponential(DAY / this.ctx.level.demand.needsPerDay), ARRIVAL);
  }

  /** A citizen has a new need. Attributes come only from the demand stream (common random numbers). */
  onArrival(): void {
    const ctx = this.ctx;
    const now = ctx.now;
    const d = ctx.level.demand;
    const s = this.demand;
    const channel: 'phone' | 'visit' = s.chance(d.visitShare) ? 'visit' : 'phone';
    const required = s.int(d.evidenceItems.min, d.evidenceItems.max);
    const hard = s.chance(d.hardShare);
    const bringsEvidence = s.chance(d.bringsEvidenceShare);
    const patience = ctx.dist.patience ? s.draw(ctx.dist.patience) * DAY : Infinity;
    const at = this.citizens.whenOpen(now, s);
    ctx.schedule(now + s.exponential(DAY / (d.needsPerDay * this.management.demandFactor(now))), ARRIVAL);

    // Nobody is on the books until they first get in touch: till then the event carries who they are.
    const givesUpAt = at + patience;
    if (at === now) this.firstContact(channel, required, hard, bringsEvidence, givesUpAt);
    else ctx.schedule(at, { kind: 'first-contact', channel, required, hard, bringsEvidence, givesUpAt });
  }

  /** A citizen gets in touch for the first time, now: their need goes on the books. */
  firstContact(channel: 'phone' | 'visit', required: number, hard: boolean, bringsEvidence: boolean, givesUpAt: number): void {
    const need = this.ctx.needs.add(this.ctx.now, channel === 'visit', required, hard, bringsEvidence, givesUpAt);
    this.citizens.mayGiveUpAt(need, givesUpAt);
    this.management.enrol(need);
    this.contact(need, channel, 'new-claim', 0);
  }

  onContact(need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    if (this.ctx.needs.outcome[need] !== NEED_OPEN) return;
    this.contact(need, channel, reason, items);
  }

  /**
   * A call or visit at time at. Only as the last act of an event handler: if it is due now and
   * nothing else is, it would be the very next event, so it is handled there and then rather than
   * round the event list (same order of everything, same count of events).
   */
  contactNext(at: number, need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    const ctx = this.ctx;
    if (at === ctx.now && ctx.events.nextAt > at) {
      ctx.eventsProcessed++;
      this.onContact(need, channel, reason, items);
      return;
    }
    this.contactAt(at, need, channel, reason, items);
  }

  /** Schedules a call or visit at time at. */
  contactAt(at: number, need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    this.ctx.schedule(at, { kind: 'contact', need, channel, reason, items });
  }

  /** A call or visit: record it and put it in front of whoever takes that channel. */
  private contact(need: number, channel: 'phone' | 'visit', reason: ContactReason, items: number): void {
    const ctx = this.ctx;
    this.recordContact(need, channel, reason);
    const role = this.frontRole(need, channel);
    if (role === this.management.phoneRole && channel === 'phone') this.management.callDemand.offered(ctx.now);
    const task = this.work.task('contact', need, ctx.needs.claim[need]!, channel, reason, items, ctx.contactLog.count - 1, isFailureDemand(reason));
    if (channel === 'phone') this.waiting.phone++;
    else this.waiting.visit++;
    role.enqueue(task);
    // How long this citizen will hold on or queue: drawn for everyone, kept only by those still
    // waiting once whoever is free has answered (and cancelled when someone answers).
    const hold = channel === 'phone' ? ctx.dist.holdPhone : ctx.dist.holdVisit;
    const patience = hold === null ? Infinity : ctx.citizen.draw(hold);
    this.work.tryStart(role);
    if (task.queued && patience < Infinity) task.hangUp = ctx.schedule(ctx.now + patience, { kind: 'hang-up', task });
  }

  /** A call, visit or letter from a citizen goes in the log; the citizen now waits to hear. */
  recordContact(need: number, channel: Channel, reason: ContactReason): void {
    const ctx = this.ctx;
    const failure = isFailureDemand(reason);
    ctx.needs.contacts[need]!++;
    if (failure) {
      ctx.needs.failureContacts[need]!++;
      this.failureContacts++;
    }
    const i = ctx.contactLog.add(need, ctx.now, channel, reason, this.causeOf(need, reason));
    if (ctx.journal !== null) ctx.journal.add(need, ctx.now, J.contact, i);
    this.citizens.citizenWaits(need);
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
        return this.ctx.needs.resendCause[need]!;
    }
  }

  /** Who takes a need's calls and visits: the pilot team takes all of a pilot need's. */
  frontRole(need: number, channel: 'phone' | 'visit'): RolePool {
    const m = this.management;
    if (m.inPilot(need)) return m.pilotPool!;
    return m.roleById.get(contactRoleId(this.ctx.level.assign, m.design, channel))!;
  }

  /**
   * Nobody answered in time: the caller hangs up, the visitor goes home. Both count as not seen
   * in time, and try again later, after retryHours (nobody is seen while the office is closed, so
   * most who are still there at closing give up before it opens again).
   */
  onHangUp(task: Task): void {
    const ctx = this.ctx;
    task.hangUp = -1;
    task.abandoned = true;
    task.pool!.queue.abandon();
    if (task.channel === 'phone') this.waiting.phone--;
    else this.waiting.visit--;
    this.countOffered(task, false);
    ctx.contactLog.hangUp(task.contact);
    const need = task.need;
    if (ctx.needs.outcome[need] !== NEED_OPEN) return;
    if (ctx.journal !== null) ctx.note(need, J['hung-up']);
    // Someone chasing just goes on waiting, and chases again in time; anyone else tries again.
    if (task.reason === 'progress-chasing' || task.reason === 'complaint') return this.citizens.citizenWaits(need);
    // At least a minute later, however the level sets it: a retry is never the same moment.
    const at = this.citizens.whenOpen(ctx.now + Math.max(1, ctx.citizen.draw(ctx.dist.retry) * 60), ctx.citizen);
    this.contactAt(at, need, task.channel === 'phone' ? 'phone' : 'visit', task.reason, task.items);
  }

  /** Someone free has answered a waiting call or visitor. */
  answered(task: Task): void {
    if (task.channel === 'phone') this.waiting.phone--;
    else this.waiting.visit--;
  }

  noteContactWait(task: Task, waited: number): void {
    const i = task.contact;
    this.ctx.contactLog.setWaited(i, waited);
    this.countOffered(task, waited <= (task.channel === 'phone' ? CALL_ANSWERED_WITHIN_MINUTES : VISIT_SEEN_WITHIN_MINUTES));
    // The pilot team answers its own citizens' calls, in house.
    if (task.channel === 'phone' && this.management.outsourced && !this.management.inPilot(task.need)) this.outsourcedCalls++;
  }

  /** The dashboard's answer-time measures count every call and visit offered: answered in time or not. */
  private countOffered(task: Task, inTime: boolean): void {
    const ok = inTime ? 1 : 0;
    const official = this.ctx.quarter;
    const all = this.ctx.tally;
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

  // ---------------------------------------------------------------- in the contact

  /** The minutes a call or visit takes, drawn from the work stream (an expert may assess the claim in it). */
  contactMinutes(role: RolePool, task: Task): number {
    const ctx = this.ctx;
    const w = ctx.dist;
    const r = ctx.work;
    if (task.reason === 'progress-chasing' || task.reason === 'complaint') return r.draw(w.chase);
    if (task.reason === 'send-evidence' || task.reason === 'resend-evidence') return r.draw(w.takeDocuments);
    const base = task.channel === 'phone' ? r.draw(w.call) : this.handsOutForms(role, task.need) ? r.draw(w.formHandOut) : r.draw(w.visit);
    if (role.expert && this.evidenceInHand(task)) {
      task.decide = true;
      // Nothing to check: assessed in the contact (else as casework after it).
      if (ctx.needs.required[task.need] === 0) return base + r.draw(ctx.needs.hard[task.need] === 1 ? w.assessHard : w.assessEasy);
    }
    return base;
  }

  private handsOutForms(role: RolePool, need: number): boolean {
    return this.management.designFor(need).formHandOut && !role.expert;
  }

  /**
   * An expert starting a claim with a citizen: the evidence in hand (into task.items), and whether
   * the claim can be decided there and then. A visitor may have brought documents, by guesswork;
   * an expert who decides at first contact checks what else they can there and then, and decides
   * a straightforward claim once nothing is missing. Drawn now, from the citizen stream.
   */
  private evidenceInHand(task: Task): boolean {
    if (task.reason !== 'new-claim' && task.reason !== 'reapply') return false;
    const needs = this.ctx.needs;
    const need = task.need;
    const required = needs.required[need]!;
    const decides = this.management.designFor(need).decideAtFirstContact;
    let inHand = 0;
    if (task.channel === 'visit' && needs.bringsEvidence[need] === 1 && task.reason === 'new-claim') {
      inHand = this.citizens.itemsBrought(required, GUESSING);
    }
    if (decides) {
      const verified = this.ctx.level.handoffs.verifiedAtContact;
      for (let i = inHand; i < required; i++) if (this.ctx.citizen.chance(verified)) inHand++;
    }
    task.items = inHand;
    return decides && (required === 0 || (needs.hard[need] !== 1 && inHand >= required));
  }

  /** A call or visit is over: what it brought goes where it must. */
  finishContact(role: RolePool, task: Task, decideNow: boolean): void {
    const ctx = this.ctx;
    const need = task.need;
    if (ctx.needs.outcome[need] !== NEED_OPEN) return;
    switch (task.reason) {
      case 'new-claim':
      case 'reapply':
        return this.takeNewClaim(role, task, decideNow);
      case 'send-evidence':
      case 'resend-evidence':
        return this.back.receiveDocuments(need, task.items, role.expert, task.failure);
      case 'progress-chasing':
      case 'complaint': {
        // An expert can see the case and answer; anyone else may pass a message to the back office
        // (a provider's agent, who cannot see the case at all, more often). A file holds one note
        // at a time: a chase while one waits adds nothing to it.
        if (role.expert) return;
        const passedOn = this.management.outsourcedHere(role, need) ? ctx.level.outsourcing.chasePassedOn : ctx.level.handoffs.chasePassedOn;
        if (ctx.citizen.chance(passedOn) && ctx.needs.messagePending[need] === 0) {
          ctx.needs.messagePending[need] = 1;
          this.back.queueWork(this.back.caseRole(need), 'message', need, ctx.needs.claim[need]!, true);
        }
        return;
      }
      case 'correct-error': {
        const claim = ctx.needs.claim[need]!;
        if (claim > 0 && ctx.claims.status[claim] === DECIDED) {
          ctx.claims.status[claim] = OPEN;
          this.back.queueWork(this.back.caseRole(need), 'rework', need, claim, true);
        }
        return;
      }
    }
  }

  private takeNewClaim(role: RolePool, task: Task, decideNow: boolean): void {
    const ctx = this.ctx;
    const needs = ctx.needs;
    const claims = ctx.claims;
    const back = this.back;
    const need = task.need;
    const h = ctx.level.handoffs;
    needs.mustReapply[need] = 0;
    if (role.expert) {
      if (ctx.citizen.chance(h.toldByExpert)) {
        needs.knows[need] = TOLD;
        if (ctx.journal !== null) ctx.note(need, J['told-what-to-bring']);
      }
      const claim = back.openClaim(need, true);
      if (decideNow) {
        // Everything is in hand and checked: with nothing to check, decided there and then;
        // otherwise the expert assesses it as casework straight after. Either way the citizen
        // need not get in touch again.
        claims.confirmed[claim] = CONFIRMED_YES;
        claims.received[claim] = needs.required[need]!;
        if (!claims.isComplete(claim)) claims.completeAt[claim] = ctx.now;
        if (needs.required[need] === 0) return back.decide(claim);
        return back.fileDocuments(claim, 0, false, task.failure);
      }
      // The expert keeps what is in hand and says exactly what else is needed.
      if (task.items > 0) {
        back.fileDocuments(claim, task.items, false, task.failure, false);
        if (claims.isComplete(claim)) return back.fileDocuments(claim, 0, false, task.failure);
      }
      return this.citizens.startGathering(need, claims.ownedByExpert[claim] === 1 && this.management.designFor(need).pullEvidence);
    }
    // A non-expert front office: a form, and whatever the citizen was told. A visitor handed a form
    // is sent home with it, documents and all, to send everything back with the form.
    // Someone reapplying starts again from scratch: the same form, and no more advice than before.
    const handOut = task.channel === 'visit' && this.handsOutForms(role, need);
    const toldChance = handOut ? h.toldByForm : this.management.outsourcedHere(role, need) ? ctx.level.outsourcing.toldByAgent : h.toldByFront;
    const told = task.reason === 'new-claim' && ctx.citizen.chance(toldChance);
    if (told) needs.knows[need] = TOLD;
    else if (task.reason === 'new-claim') needs.knows[need] = GUESSING;
    const withDocuments = task.channel === 'visit' && !handOut && needs.bringsEvidence[need] === 1 && task.reason === 'new-claim';
    if (handOut) needs.handedForm[need] = 1;
    if (ctx.journal !== null) {
      if (handOut) ctx.note(need, J['form-handed-out']);
      if (told) ctx.note(need, J['told-what-to-bring']);
    }
    if (withDocuments) {
      const claim = back.openClaim(need, false);
      back.sendOnDocuments(claim, this.citizens.itemsBrought(needs.required[need]!, GUESSING), task.failure);
      return;
    }
    if (task.channel === 'phone') this.post.send(need, 'form');
    else this.citizens.startGathering(need, false);
  }
}
