// An optional record of every citizen's journey: each contact and each handoff, with its sim time.
// Off by default; when on, steps go into flat typed arrays with a per-need chain, so recording
// allocates nothing per step and never touches the simulation's randomness or state.
import { grown, roomFor } from '../../engine/grown';
import type { ContactLog } from './contactLog';
import { type Channel, type ContactCause, type ContactReason, isFailureDemand } from './types';

/** What happened to a need at one moment of its journey. */
export type JourneyKind =
  /** The citizen phoned, came in or posted a letter (channel, reason, failure, waited). */
  | 'contact'
  /** Nobody answered in time: the caller hung up, or the visitor went home, to try again later. */
  | 'hung-up'
  /** A receptionist handed a visitor a claim form and sent them home to gather evidence. */
  | 'form-handed-out'
  /** After a call, the call centre posted a claim form. */
  | 'form-posted'
  /** Whoever dealt with the contact told the citizen exactly what to bring. */
  | 'told-what-to-bring'
  /** A claim was opened on the system (claimId). */
  | 'claim-opened'
  /** The citizen posted documents to the council (they arrive later as a letter contact). */
  | 'documents-posted'
  /** Documents went to the scanning clerks (claimId). */
  | 'queued-for-scanning'
  /** Documents were scanned into the back office (claimId). */
  | 'scanned'
  /** A document went missing between offices (claimId). */
  | 'item-lost'
  /** The file joined the assessors' queue (claimId). */
  | 'queued-for-casework'
  /** An assessor who had never seen the case picked up the file (claimId). */
  | 'file-picked-up'
  /** The assessor found the claim incomplete and asked for more evidence (claimId). */
  | 'evidence-requested'
  /** The council posted a letter asking for evidence. */
  | 'letter-sent'
  /** The case owner rang the citizen to fetch exactly what was missing (claimId). */
  | 'evidence-pulled'
  /** The council asked the landlord or employer to confirm what the evidence says (claimId). */
  | 'confirmation-requested'
  /** The landlord's or employer's confirmation came back (claimId). */
  | 'confirmation-received'
  /** A council letter (claim form or request for evidence) reached the citizen. */
  | 'letter-received'
  /** A chase taken by someone who could not answer it was passed to the back office as a message. */
  | 'message-passed'
  /** A wrong decision went back to the assessors' queue to be put right (claimId). */
  | 'queued-for-rework'
  /** The claim was decided (claimId). */
  | 'decided'
  /** The citizen learnt the decision was wrong (claimId). */
  | 'wrong-decision'
  /** The claim was closed as incomplete after the deadline (claimId). */
  | 'nil-qualified'
  /** Help with the rent was paid: the need is met. */
  | 'need-met'
  /** The citizen gave up: the need is abandoned. */
  | 'gave-up'
  /** The wait passed the level's harm threshold (rent arrears); derived when the journey is read. */
  | 'harmed';

export interface JourneyStep {
  /** Sim minutes. */
  at: number;
  kind: JourneyKind;
  channel?: Channel;
  reason?: ContactReason;
  failure?: boolean;
  /** Contacts: what brought it about. */
  cause?: ContactCause;
  /** Minutes the contact waited before someone dealt with it (absent while it still waits). */
  waited?: number;
  claimId?: number;
}

export const JOURNEY_KINDS: readonly JourneyKind[] = [
  'contact',
  'hung-up',
  'form-handed-out',
  'form-posted',
  'told-what-to-bring',
  'claim-opened',
  'documents-posted',
  'queued-for-scanning',
  'scanned',
  'item-lost',
  'queued-for-casework',
  'file-picked-up',
  'evidence-requested',
  'letter-sent',
  'evidence-pulled',
  'confirmation-requested',
  'confirmation-received',
  'letter-received',
  'message-passed',
  'queued-for-rework',
  'decided',
  'wrong-decision',
  'nil-qualified',
  'need-met',
  'gave-up',
  'harmed',
];

/** Kind codes, for the simulation's calls to Journal.add. */
export const J = Object.fromEntries(JOURNEY_KINDS.map((k, i) => [k, i])) as Record<JourneyKind, number>;

/** What a contact step needs to be read back: the sim keeps contacts by column (see ContactLog). */
type ContactLookup = Pick<ContactLog, 'channel' | 'reason' | 'cause' | 'waited'>;

/** The steps of every need, in one flat store. */
export class Journal {
  private count = 0;
  private at = new Float64Array(1024);
  private kind = new Uint8Array(1024);
  /** Contact steps: the contact's index; claim steps: the claim id; else 0. */
  private ref = new Int32Array(1024);
  /** Next step of the same need, or -1. */
  private next = new Int32Array(1024);
  /** First and last step of each need, by need id (-1: none). */
  private head = new Int32Array(1024).fill(-1);
  private tail = new Int32Array(1024).fill(-1);

  /** Steps recorded so far. */
  get size(): number {
    return this.count;
  }

  add(needId: number, at: number, kind: number, ref: number): void {
    const i = this.count++;
    if (i === this.at.length) this.growSteps();
    if (needId >= this.head.length) this.growNeeds(needId);
    this.at[i] = at;
    this.kind[i] = kind;
    this.ref[i] = ref;
    this.next[i] = -1;
    const last = this.tail[needId]!;
    if (last < 0) this.head[needId] = i;
    else this.next[last] = i;
    this.tail[needId] = i;
  }

  /**
   * The need's steps in time order. `harmedAt` (when the wait crossed the harm threshold, if it
   * did) adds a derived 'harmed' step in its place.
   */
  steps(needId: number, contacts: ContactLookup, harmedAt: number | null): JourneyStep[] {
    const out: JourneyStep[] = [];
    if (needId < 0 || needId >= this.head.length) return out;
    let harmPending = harmedAt !== null;
    for (let i = this.head[needId]!; i >= 0; i = this.next[i]!) {
      const at = this.at[i]!;
      if (harmPending && harmedAt! < at) {
        out.push({ at: harmedAt!, kind: 'harmed' });
        harmPending = false;
      }
      const kind = JOURNEY_KINDS[this.kind[i]!]!;
      const ref = this.ref[i]!;
      if (kind === 'contact') {
        const reason = contacts.reason(ref);
        const step: JourneyStep = {
          at,
          kind,
          channel: contacts.channel(ref),
          reason,
          failure: isFailureDemand(reason),
          cause: contacts.cause(ref),
        };
        const waited = contacts.waited(ref);
        if (waited === waited) step.waited = waited;
        out.push(step);
      } else if (ref > 0) {
        out.push({ at, kind, claimId: ref });
      } else {
        out.push({ at, kind });
      }
    }
    if (harmPending && out.length > 0) out.push({ at: harmedAt!, kind: 'harmed' });
    return out;
  }

  private growSteps(): void {
    const n = this.at.length * 2;
    this.at = grown(this.at, n);
    this.kind = grown(this.kind, n);
    this.ref = grown(this.ref, n);
    this.next = grown(this.next, n);
  }

  private growNeeds(needId: number): void {
    const n = roomFor(this.head.length, needId);
    this.head = grown(this.head, n, -1);
    this.tail = grown(this.tail, n, -1);
  }
}
