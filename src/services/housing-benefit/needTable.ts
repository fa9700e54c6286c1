import { grown } from '../../engine/grown';
import type { Knowledge, Need, NeedOutcome, NeedStage } from './types';

/** A need's outcome, as a number (see NeedTable.outcome). */
export const OPEN = 0;
export const MET = 1;
export const ABANDONED = 2;
const OUTCOMES: readonly NeedOutcome[] = ['open', 'met', 'abandoned'];

/** What the citizen knows about the evidence to bring, as a number (see NeedTable.knows). */
export const GUESSING = 0;
export const LETTER = 1;
export const TOLD = 2;
const KNOWLEDGE: readonly Knowledge[] = ['guessing', 'letter', 'told'];

/** Where a need is, for views; a stage's number is its index here. */
export const STAGES: readonly NeedStage[] = [
  'first-contact',
  'gathering',
  'in-post',
  'scanning',
  'casework',
  'awaiting-evidence',
  'decided',
  'met',
  'abandoned',
];
export const STAGE = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<NeedStage, number>;

/**
 * Every citizen's need, kept by column: a need is its id (from 1, in order of first contact), and
 * each of its facts a number in a typed array at that index. An object per need cost more to make
 * (and for the garbage collector to copy) than all the rest of a simple need's handling.
 */
export class NeedTable {
  /** Needs so far; ids run from 1 to count. */
  count = 0;
  /** First contact with the service (sim minutes). */
  arrivedAt = new Float64Array(1024);
  /** 1 if the first contact was a visit, 0 a call. */
  visitFirst = new Uint8Array(1024);
  /** Evidence items the need requires. */
  required = new Uint8Array(1024);
  hard = new Uint8Array(1024);
  bringsEvidence = new Uint8Array(1024);
  /** When the citizen gives up if still waiting (Infinity: never). */
  givesUpAt = new Float64Array(1024);
  /** OPEN, MET or ABANDONED. */
  outcome = new Uint8Array(1024);
  /** When met or abandoned; Infinity while open. */
  closedAt = new Float64Array(1024);
  /** GUESSING, LETTER or TOLD. */
  knows = new Uint8Array(1024);
  /** Its claim in the system's records now (see ClaimTable), 0 for none. */
  claim = new Int32Array(1024);
  /** Claims opened for it, one after another. */
  claims = new Int32Array(1024);
  contacts = new Int32Array(1024);
  failureContacts = new Int32Array(1024);
  /** Times the citizen has sent evidence. */
  submissions = new Int32Array(1024);
  /** 1 while the ball is in the council's court (the citizen waits for news). */
  waitingOnCouncil = new Uint8Array(1024);
  /** Its stage's index in STAGES. */
  stage = new Uint8Array(1024);
  /** 1 if drawn into the pilot of the redesign at first contact. */
  pilot = new Uint8Array(1024);
  /** 1 while a message about it waits in the back office (a new chase adds nothing to the note on file). */
  messagePending = new Uint8Array(1024);
  /** Why evidence would have to be sent again now: an index in CONTACT_CAUSES. */
  resendCause = new Uint8Array(1024);
  /** 1 if a document went missing since the council last asked for evidence. */
  lostSinceRequest = new Uint8Array(1024);
  /** 1 if the citizen was handed a form and sent home. */
  handedForm = new Uint8Array(1024);
  /** 1 from a claim's closing as incomplete until the citizen applies again. */
  mustReapply = new Uint8Array(1024);

  /** Needs at each stage now (index as in STAGES), kept as stages change: views read it every frame. */
  readonly atStage = new Int32Array(STAGES.length);

  /** Moves a need to a stage (every change of stage goes through here, so atStage stays true). */
  setStage(id: number, stage: number): void {
    this.atStage[this.stage[id]!]!--;
    this.atStage[stage]!++;
    this.stage[id] = stage;
  }

  /** A citizen's first contact, now: the need's id. */
  add(at: number, visit: boolean, required: number, hard: boolean, bringsEvidence: boolean, givesUpAt: number): number {
    const id = ++this.count;
    if (id === this.arrivedAt.length) this.grow();
    this.arrivedAt[id] = at;
    this.visitFirst[id] = visit ? 1 : 0;
    this.required[id] = required;
    this.hard[id] = hard ? 1 : 0;
    this.bringsEvidence[id] = bringsEvidence ? 1 : 0;
    this.givesUpAt[id] = givesUpAt;
    this.closedAt[id] = Infinity;
    // A fresh row is all zeros: open, guessing, no claim, no contacts, at first contact, not in a pilot.
    this.atStage[0]!++;
    return id;
  }

  outcomeOf(id: number): NeedOutcome {
    return OUTCOMES[this.outcome[id]!]!;
  }

  stageOf(id: number): NeedStage {
    return STAGES[this.stage[id]!]!;
  }

  /** True for the id of a need on the books. */
  has(id: number): boolean {
    return id >= 1 && id <= this.count && Number.isInteger(id);
  }

  /** One need as a plain object: a copy of its row now (null for an unknown id). */
  get(id: number): Need | null {
    if (!this.has(id)) return null;
    return {
      id,
      arrivedAt: this.arrivedAt[id]!,
      firstChannel: this.visitFirst[id] === 1 ? 'visit' : 'phone',
      required: this.required[id]!,
      hard: this.hard[id] === 1,
      bringsEvidence: this.bringsEvidence[id] === 1,
      givesUpAt: this.givesUpAt[id]!,
      outcome: this.outcomeOf(id),
      closedAt: this.closedAt[id]!,
      knows: KNOWLEDGE[this.knows[id]!]!,
      claim: this.claim[id]!,
      claims: this.claims[id]!,
      contacts: this.contacts[id]!,
      failureContacts: this.failureContacts[id]!,
      submissions: this.submissions[id]!,
      waitingOnCouncil: this.waitingOnCouncil[id] === 1,
      stage: this.stageOf(id),
      pilot: this.pilot[id] === 1,
    };
  }

  /** Every need as plain objects, oldest first: copies, for reading (slow; the sim's views read the columns). */
  list(): Need[] {
    const out: Need[] = [];
    for (let id = 1; id <= this.count; id++) out.push(this.get(id)!);
    return out;
  }

  private grow(): void {
    const size = this.arrivedAt.length * 2;
    this.arrivedAt = grown(this.arrivedAt, size);
    this.visitFirst = grown(this.visitFirst, size);
    this.required = grown(this.required, size);
    this.hard = grown(this.hard, size);
    this.bringsEvidence = grown(this.bringsEvidence, size);
    this.givesUpAt = grown(this.givesUpAt, size);
    this.outcome = grown(this.outcome, size);
    this.closedAt = grown(this.closedAt, size);
    this.knows = grown(this.knows, size);
    this.claim = grown(this.claim, size);
    this.claims = grown(this.claims, size);
    this.contacts = grown(this.contacts, size);
    this.failureContacts = grown(this.failureContacts, size);
    this.submissions = grown(this.submissions, size);
    this.waitingOnCouncil = grown(this.waitingOnCouncil, size);
    this.stage = grown(this.stage, size);
    this.pilot = grown(this.pilot, size);
    this.messagePending = grown(this.messagePending, size);
    this.resendCause = grown(this.resendCause, size);
    this.lostSinceRequest = grown(this.lostSinceRequest, size);
    this.handedForm = grown(this.handedForm, size);
    this.mustReapply = grown(this.mustReapply, size);
  }
}
