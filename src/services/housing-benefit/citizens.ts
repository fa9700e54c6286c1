// The citizens at home: when they can reach the office, gathering the evidence asked for, chasing
// when they hear nothing, getting in touch again later, giving up, and their need's end (met or
// abandoned). Each citizen has at most one chase and one giving-up pending, by handle.
import { DAY } from '../../engine/calendar';
import { exp } from '../../engine/exactMath';
import { grown } from '../../engine/grown';
import { ln, type Stream } from '../../engine/random';
import { ABANDONED, OPEN } from './claimTable';
import type { Context } from './context';
import type { FrontOffice } from './frontOffice';
import { J } from './journal';
import type { Management } from './management';
import { ABANDONED as GAVE_UP, LETTER, MET, OPEN as NEED_OPEN, STAGE, TOLD } from './needTable';
import type { Post } from './post';
import type { ContactReason } from './types';

export class Citizens {
  /**
   * By need id: the handles of its pending chase (at 2 * id) and give-up (at 2 * id + 1), -1 for
   * none: moved or cancelled, never left stale.
   */
  private timers = new Int32Array(4096).fill(-1);
  /** Chance a morning-rush arrival falls within the open day: 1 - e^(-open minutes / rush minutes). */
  private readonly rushWithinDay: number;
  private front!: FrontOffice;
  private post!: Post;

  constructor(
    private readonly ctx: Context,
    private readonly management: Management,
  ) {
    const rush = ctx.level.citizens.morningRushMinutes;
    this.rushWithinDay = rush === null ? 1 : 1 - exp(-ctx.openMinutesPerDay / rush);
  }

  connect(front: FrontOffice, post: Post): void {
    this.front = front;
    this.post = post;
  }

  /** When a citizen acting at time t can reach the office: now if open, else spread over the next open day. */
  whenOpen(t: number, stream: Stream): number {
    const ctx = this.ctx;
    const spell = ctx.spell;
    let opens: number;
    if (t === ctx.now || spell.holds(t)) {
      // The spell last asked about: in a closed one, the office next opens where the spell ends.
      if (spell.isOpen(t)) return t;
      opens = spell.end;
    } else {
      // Some other time (a citizen acting days from now): ask the calendar, keep the cache for now.
      if (ctx.calendar.isOpen(t)) return t;
      opens = ctx.calendar.nextOpen(t);
    }
    const u = stream.uniform();
    const rush = ctx.level.citizens.morningRushMinutes;
    if (rush === null) return opens + u * (ctx.calendar.closesAt(opens) - opens);
    // The morning queue: an exponential wait after opening, kept within the open day.
    return opens - rush * ln(1 - u * this.rushWithinDay);
  }

  /** A citizen new on the books gives up at givesUpAt (Infinity: never) unless helped first. */
  mayGiveUpAt(need: number, givesUpAt: number): void {
    if (2 * need + 1 >= this.timers.length) this.timers = grown(this.timers, this.timers.length * 2, -1);
    if (givesUpAt < Infinity) this.timers[2 * need + 1] = this.ctx.schedule(givesUpAt, { kind: 'give-up', need });
  }

  /** Items a citizen brings of those missing, by what they know (GUESSING, LETTER or TOLD). */
  itemsBrought(missing: number, knows: number): number {
    const c = this.ctx.level.citizens;
    const citizen = this.ctx.citizen;
    const p = knows === TOLD ? c.itemIfTold : knows === LETTER ? c.itemIfLetter : c.itemIfGuessing;
    let n = 0;
    for (let i = 0; i < missing; i++) if (citizen.chance(p)) n++;
    return n;
  }

  /** The citizen goes off to find documents; the ball is in their court. */
  startGathering(need: number, pulled: boolean): void {
    const ctx = this.ctx;
    ctx.needs.waitingOnCouncil[need] = 0;
    this.cancelChase(need);
    ctx.needs.setStage(need, STAGE.gathering);
    if (pulled && ctx.journal !== null) ctx.note(need, J['evidence-pulled'], ctx.needs.claim[need]!);
    const speed = pulled ? ctx.level.handoffs.pullSpeedup : 1;
    ctx.schedule(ctx.now + ctx.citizen.draw(ctx.dist.gather) * speed * DAY, { kind: 'ready', need });
  }

  /** The citizen has what they could find: they bring it in, or post it. */
  onReady(need: number): void {
    const ctx = this.ctx;
    const needs = ctx.needs;
    if (needs.outcome[need] !== NEED_OPEN) return;
    const missing = needs.required[need]! - (needs.claim[need]! > 0 ? ctx.claims.received[needs.claim[need]!]! : 0);
    const items = this.itemsBrought(Math.max(0, missing), needs.knows[need]!);
    const reason: ContactReason = needs.submissions[need] === 0 ? 'send-evidence' : 'resend-evidence';
    needs.submissions[need]!++;
    if (ctx.citizen.chance(ctx.level.citizens.visitShare)) {
      this.front.contactNext(this.whenOpen(ctx.now, ctx.citizen), need, 'visit', reason, items);
    } else {
      this.post.sendDocuments(need, items, reason);
      needs.waitingOnCouncil[need] = 1;
      this.cancelChase(need);
    }
  }

  /** A wrong decision: the citizen gets in touch to have it put right. */
  citizenReacts(need: number): void {
    this.ctx.needs.waitingOnCouncil[need] = 0;
    this.cancelChase(need);
    this.contactLater(need, 'correct-error');
  }

  contactLater(need: number, reason: ContactReason): void {
    const ctx = this.ctx;
    const at = this.whenOpen(ctx.now + ctx.citizen.draw(ctx.dist.react) * DAY, ctx.citizen);
    const channel = ctx.citizen.chance(ctx.level.citizens.visitShare) ? 'visit' : 'phone';
    this.front.contactAt(at, need, channel, reason, 0);
  }

  /** The citizen knows help is coming: no more chasing, and no giving up while the money is on its way. */
  helpIsComing(need: number): void {
    this.ctx.needs.waitingOnCouncil[need] = 0;
    this.cancelChase(need);
    this.cancelGiveUp(need);
  }

  /**
   * Hearing nothing, a citizen grows more likely to chase: a Rayleigh wait, a rising hazard. A
   * citizen has at most one chase pending: news, or a newer wait, moves or cancels it.
   */
  citizenWaits(need: number): void {
    const ctx = this.ctx;
    ctx.needs.waitingOnCouncil[need] = 1;
    const scale = ctx.level.citizens.chaseScaleDays;
    if (scale === null) return this.cancelChase(need);
    const at = ctx.now + ctx.citizen.rayleigh(scale) * DAY;
    const pending = this.timers[2 * need]!;
    if (pending >= 0) {
      ctx.events.reschedule(pending, at);
    } else {
      this.timers[2 * need] = ctx.schedule(at, { kind: 'chase', need });
    }
  }

  /** The citizen will not give up now (helped, or sure of help). */
  private cancelGiveUp(need: number): void {
    const pending = this.timers[2 * need + 1]!;
    if (pending >= 0) {
      this.ctx.events.cancel(pending);
      this.timers[2 * need + 1] = -1;
    }
  }

  /** The citizen has news or has the ball in their court: no chase now. */
  private cancelChase(need: number): void {
    const pending = this.timers[2 * need]!;
    if (pending >= 0) {
      this.ctx.events.cancel(pending);
      this.timers[2 * need] = -1;
    }
  }

  /** A chase falls due: the citizen phones or comes in to ask what is happening (a complaint, after long enough). */
  onChase(need: number): void {
    this.timers[2 * need] = -1;
    const ctx = this.ctx;
    const needs = ctx.needs;
    // Every change that would make this chase moot cancels it; the check is a safety net.
    if (needs.outcome[need] !== NEED_OPEN || needs.waitingOnCouncil[need] !== 1) return;
    const c = ctx.level.citizens;
    const complaint = c.complaintAfterDays !== null && ctx.now - needs.arrivedAt[need]! > c.complaintAfterDays * DAY;
    const channel = ctx.citizen.chance(c.visitShare) ? 'visit' : 'phone';
    this.front.contactNext(this.whenOpen(ctx.now, ctx.citizen), need, channel, complaint ? 'complaint' : 'progress-chasing', 0);
  }

  /** The citizen's patience has run out. */
  onGiveUp(need: number): void {
    this.timers[2 * need + 1] = -1;
    if (this.ctx.needs.outcome[need] === NEED_OPEN) this.close(need, 'abandoned');
  }

  /** The payment run has paid the citizen. */
  onPaid(need: number): void {
    if (this.ctx.needs.outcome[need] === NEED_OPEN) this.close(need, 'met');
  }

  /** The need ends, met or given up: nothing more happens to it. */
  close(need: number, outcome: 'met' | 'abandoned'): void {
    const ctx = this.ctx;
    const needs = ctx.needs;
    if (ctx.journal !== null) ctx.note(need, outcome === 'met' ? J['need-met'] : J['gave-up']);
    needs.outcome[need] = outcome === 'met' ? MET : GAVE_UP;
    if (needs.pilot[need] === 1) this.management.pilotClosed[outcome]++;
    needs.closedAt[need] = ctx.now;
    needs.setStage(need, STAGE[outcome]);
    this.cancelChase(need);
    this.cancelGiveUp(need);
    const claim = needs.claim[need]!;
    if (outcome === 'abandoned' && claim > 0 && ctx.claims.status[claim] === OPEN) ctx.claims.status[claim] = ABANDONED;
  }
}
