// Every call, visit and letter from a citizen, kept by column: a contact is its index (0: the
// first ever, the inherited history's too), in time order, and each of its facts a number in a
// typed array at that index. Channel and reason are columns of their own, so a service may have
// as many reasons as its catalogue names.
import { grown } from '../../engine/grown';
import { objectArray } from '../../engine/objectArray';
import { CONTACT_CAUSES, type Channel, type Contact, type ContactCause, type ContactReason, isFailureDemand } from './types';

export const CHANNELS: readonly Channel[] = ['phone', 'visit', 'letter'];
export const REASONS: readonly ContactReason[] = ['new-claim', 'send-evidence', 'progress-chasing', 'resend-evidence', 'reapply', 'correct-error', 'complaint'];
/** Cause codes (indices in CONTACT_CAUSES). */
export const CAUSE = Object.fromEntries(CONTACT_CAUSES.map((c, i) => [c, i])) as Record<ContactCause, number>;

/** A channel's index in CHANNELS. */
function channelCode(c: Channel): number {
  return c === 'phone' ? 0 : c === 'visit' ? 1 : 2;
}

/** A reason's index in REASONS (comparisons of interned strings: cheaper than a keyed look-up). */
function reasonCode(r: ContactReason): number {
  switch (r) {
    case 'new-claim':
      return 0;
    case 'send-evidence':
      return 1;
    case 'progress-chasing':
      return 2;
    case 'resend-evidence':
      return 3;
    case 'reapply':
      return 4;
    case 'correct-error':
      return 5;
    case 'complaint':
      return 6;
  }
}

export class ContactLog {
  /** Contacts so far; indices run from 0 to count - 1. */
  count = 0;
  private needOf = new Int32Array(4096);
  private atOf = new Float64Array(4096);
  /** Minutes waited before someone dealt with it; NaN until then (letters: 0). */
  private waitedOf = new Float64Array(4096);
  /** Index in CHANNELS. */
  private channelOf = new Uint8Array(4096);
  /** Index in REASONS. */
  private reasonOf = new Uint8Array(4096);
  /** 1 if the citizen gave up waiting before anyone answered. */
  private hungUpOf = new Uint8Array(4096);
  /** Index in CONTACT_CAUSES. */
  private causeOf = new Uint8Array(4096);
  /** The contacts as objects, made on demand (see all). */
  private readonly list: Contact[] = objectArray();

  /** Records a contact made at `at` and returns its index. Calls and visits wait until someone deals with them. */
  add(need: number, at: number, channel: Channel, reason: ContactReason, cause: number): number {
    const i = this.count++;
    if (i === this.atOf.length) this.grow();
    this.needOf[i] = need;
    this.atOf[i] = at;
    this.waitedOf[i] = channel === 'letter' ? 0 : Number.NaN;
    this.channelOf[i] = channelCode(channel);
    this.reasonOf[i] = reasonCode(reason);
    this.causeOf[i] = cause;
    return i;
  }

  /** Someone dealt with contact i after `waited` minutes. */
  setWaited(i: number, waited: number): void {
    this.waitedOf[i] = waited;
    if (i < this.list.length) this.list[i]!.waited = waited;
  }

  /** The citizen of contact i gave up waiting before anyone answered. */
  hangUp(i: number): void {
    this.hungUpOf[i] = 1;
  }

  need(i: number): number {
    return this.needOf[i]!;
  }

  at(i: number): number {
    return this.atOf[i]!;
  }

  channel(i: number): Channel {
    return CHANNELS[this.channelOf[i]!]!;
  }

  channelIndex(i: number): number {
    return this.channelOf[i]!;
  }

  reason(i: number): ContactReason {
    return REASONS[this.reasonOf[i]!]!;
  }

  reasonIndex(i: number): number {
    return this.reasonOf[i]!;
  }

  cause(i: number): ContactCause {
    return CONTACT_CAUSES[this.causeOf[i]!]!;
  }

  /** Minutes waited, or NaN while nobody has dealt with it yet. */
  waited(i: number): number {
    return this.waitedOf[i]!;
  }

  hungUp(i: number): boolean {
    return this.hungUpOf[i] === 1;
  }

  /** Contact i as a plain object (a wait not yet known counts as 0). */
  record(i: number): Contact {
    const reason = this.reason(i);
    const w = this.waitedOf[i]!;
    return {
      needId: this.needOf[i]!,
      at: this.atOf[i]!,
      channel: this.channel(i),
      reason,
      failure: isFailureDemand(reason),
      cause: this.cause(i),
      waited: w === w ? w : 0,
    };
  }

  /**
   * Every contact as an object, oldest first: made on demand and kept up to date on each read, so
   * read it afresh rather than holding on to the array.
   */
  all(): Contact[] {
    const list = this.list;
    for (let i = list.length; i < this.count; i++) list.push(this.record(i));
    return list;
  }

  /** The newest n contacts, oldest first, made without making every earlier one (for views, every frame). */
  recent(n: number): Contact[] {
    const out: Contact[] = [];
    for (let i = Math.max(0, this.count - n); i < this.count; i++) out.push(this.record(i));
    return out;
  }

  /** Contacts made from `from` to `to` (minutes, both included), oldest first; made without making the others. */
  between(from: number, to: number): Contact[] {
    // Contacts are recorded in time order: find the first at or after `from` by bisection.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.atOf[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Contact[] = [];
    for (let i = lo; i < this.count && this.atOf[i]! <= to; i++) out.push(this.record(i));
    return out;
  }

  private grow(): void {
    const n = this.atOf.length * 2;
    this.needOf = grown(this.needOf, n);
    this.atOf = grown(this.atOf, n);
    this.waitedOf = grown(this.waitedOf, n);
    this.channelOf = grown(this.channelOf, n);
    this.reasonOf = grown(this.reasonOf, n);
    this.hungUpOf = grown(this.hungUpOf, n);
    this.causeOf = grown(this.causeOf, n);
  }
}
