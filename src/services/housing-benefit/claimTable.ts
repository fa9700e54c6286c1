import { grown } from '../../engine/grown';
import type { ClaimStatus } from './types';

/** A claim's state, as a number (see ClaimTable.status). */
export const OPEN = 0;
export const DECIDED = 1;
export const NIL_QUALIFIED = 2;
export const ABANDONED = 3;
/** Whether what the evidence says has been confirmed by a landlord or employer (see ClaimTable.confirmed). */
export const CONFIRMED_NO = 0;
export const CONFIRMED_ASKED = 1;
export const CONFIRMED_YES = 2;
const STATUS_NAMES: readonly ClaimStatus[] = ['open', 'decided', 'nil-qualified', 'abandoned'];

/**
 * The system's record of every claim, kept by column: a claim is its id (from 1; 0 means none),
 * and each of its facts a number in a typed array at that index. A need may have several claims,
 * one after another. An object per claim would cost far more to make and to keep than the rest of
 * the work on a claim that is opened and decided at the counter.
 */
export class ClaimTable {
  /** Claims opened so far; ids run from 1 to count. */
  count = 0;
  /** The id of the need each claim is for. */
  needOf = new Int32Array(1024);
  openedAt = new Float64Array(1024);
  /** When the last required item was on file; NaN while incomplete. */
  completeAt = new Float64Array(1024);
  /** Items on file. */
  received = new Int32Array(1024);
  /** OPEN, DECIDED, NIL_QUALIFIED or ABANDONED. */
  status = new Uint8Array(1024);
  /** When first decided; Infinity until then. */
  decidedAt = new Float64Array(1024);
  /** Days on the official clock, set when first decided (NaN until then). */
  reportedDays = new Float64Array(1024);
  /** 1 while queued for casework (so new documents do not queue it twice). */
  queued = new Uint8Array(1024);
  /** 1 once a nil-qualify deadline has been set. */
  deadlineSet = new Uint8Array(1024);
  /** 1 when one expert owns the case from first contact to decision. */
  ownedByExpert = new Uint8Array(1024);
  /** CONFIRMED_NO, CONFIRMED_ASKED or CONFIRMED_YES. */
  confirmed = new Uint8Array(1024);
  /** Batches of its documents in the council's hands, waiting to be scanned. */
  awaitingScan = new Int32Array(1024);

  /** Opens a claim and returns its id. */
  open(need: number, at: number, completeAt: number, owned: boolean): number {
    const id = ++this.count;
    if (id === this.openedAt.length) this.grow();
    this.needOf[id] = need;
    this.openedAt[id] = at;
    this.completeAt[id] = completeAt;
    this.received[id] = 0;
    this.status[id] = OPEN;
    this.decidedAt[id] = Infinity;
    this.reportedDays[id] = Number.NaN;
    this.ownedByExpert[id] = owned ? 1 : 0;
    this.confirmed[id] = CONFIRMED_NO;
    this.awaitingScan[id] = 0;
    return id;
  }

  isComplete(id: number): boolean {
    const t = this.completeAt[id]!;
    return t === t;
  }

  /** Complete and confirmed: casework on it ends in a decision. */
  readyToDecide(id: number): boolean {
    return this.isComplete(id) && this.confirmed[id] === CONFIRMED_YES;
  }

  statusOf(id: number): ClaimStatus {
    return STATUS_NAMES[this.status[id]!]!;
  }

  private grow(): void {
    const size = this.openedAt.length * 2;
    this.needOf = grown(this.needOf, size);
    this.openedAt = grown(this.openedAt, size);
    this.completeAt = grown(this.completeAt, size);
    this.decidedAt = grown(this.decidedAt, size);
    this.reportedDays = grown(this.reportedDays, size);
    this.received = grown(this.received, size);
    this.status = grown(this.status, size);
    this.queued = grown(this.queued, size);
    this.deadlineSet = grown(this.deadlineSet, size);
    this.ownedByExpert = grown(this.ownedByExpert, size);
    this.confirmed = grown(this.confirmed, size);
    this.awaitingScan = grown(this.awaitingScan, size);
  }
}
