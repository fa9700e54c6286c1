// The post between the council and citizens, landlords and employers: letters out (a form, a
// request for evidence, a decision, a nil-qualify notice) and what each does when it lands, and
// the citizen's documents coming in. Every letter the council sends is a cost.
import { DAY } from '../../engine/calendar';
import type { Sampler } from '../../engine/random';
import type { BackOffice } from './backOffice';
import type { Citizens } from './citizens';
import type { Context, LetterKind } from './context';
import type { FrontOffice } from './frontOffice';
import { J } from './journal';
import { GUESSING, LETTER, OPEN as NEED_OPEN, STAGE } from './needTable';
import type { ContactReason } from './types';
import { isFailureDemand } from './types';

export class Post {
  /** Letters the council has posted since day 0. */
  lettersSent = 0;
  private front!: FrontOffice;
  private back!: BackOffice;
  private citizens!: Citizens;

  constructor(private readonly ctx: Context) {}

  connect(front: FrontOffice, back: BackOffice, citizens: Citizens): void {
    this.front = front;
    this.back = back;
    this.citizens = citizens;
  }

  /** The council posts a letter to the citizen. */
  send(need: number, letter: LetterKind): void {
    const ctx = this.ctx;
    this.lettersSent++;
    if (ctx.journal !== null) {
      if (letter === 'form') ctx.note(need, J['form-posted']);
      else if (letter === 'request') ctx.note(need, J['letter-sent']);
    }
    if (letter === 'decision' || letter === 'wrong-decision') ctx.needs.setStage(need, STAGE.decided);
    ctx.schedule(ctx.now + ctx.post.draw(ctx.dist.post) * DAY, { kind: 'letter-to-citizen', need, letter });
  }

  /** A letter to a landlord or employer and their answer back: the days until it is in (reply: their days to answer). */
  roundTrip(reply: Sampler): number {
    const ctx = this.ctx;
    this.lettersSent++;
    return ctx.post.draw(ctx.dist.post) + ctx.citizen.draw(reply) + ctx.post.draw(ctx.dist.post);
  }

  /** The citizen posts documents: they reach the council in the post's time, and meanwhile the citizen waits. */
  sendDocuments(need: number, items: number, reason: ContactReason): void {
    const ctx = this.ctx;
    ctx.needs.setStage(need, STAGE['in-post']);
    if (ctx.journal !== null) ctx.note(need, J['documents-posted']);
    ctx.schedule(ctx.now + ctx.post.draw(ctx.dist.post) * DAY, { kind: 'letter-to-council', need, items, reason });
  }

  onLetterToCouncil(need: number, items: number, reason: ContactReason): void {
    if (this.ctx.needs.outcome[need] !== NEED_OPEN) return;
    this.front.recordContact(need, 'letter', reason);
    this.back.receiveDocuments(need, items, false, isFailureDemand(reason));
  }

  onLetterToCitizen(need: number, letter: LetterKind): void {
    const ctx = this.ctx;
    const needs = ctx.needs;
    const citizens = this.citizens;
    if (needs.outcome[need] !== NEED_OPEN) return;
    switch (letter) {
      case 'form':
        if (ctx.journal !== null) ctx.note(need, J['letter-received']);
        return citizens.startGathering(need, false);
      case 'request':
        if (ctx.journal !== null) ctx.note(need, J['letter-received']);
        if (needs.knows[need] === GUESSING) needs.knows[need] = LETTER;
        return citizens.startGathering(need, false);
      case 'decision':
        // With payment runs the money comes in its run; the letter tells the citizen it is coming.
        if (ctx.level.paymentRunDays === null) return citizens.close(need, 'met');
        return citizens.helpIsComing(need);
      case 'wrong-decision':
        if (ctx.journal !== null) ctx.note(need, J['wrong-decision'], needs.claim[need]!);
        return citizens.citizenReacts(need);
      case 'nil':
        if (ctx.citizen.chance(ctx.level.citizens.giveUpOnNilQualify)) return citizens.close(need, 'abandoned');
        if (needs.knows[need] === GUESSING) needs.knows[need] = LETTER;
        return citizens.contactLater(need, 'reapply');
    }
  }
}
