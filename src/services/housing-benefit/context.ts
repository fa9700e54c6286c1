// What every part of the housing-benefit office shares: the clock and the event list, the books
// (needs, claims, contacts), the journal, the random streams more than one part draws from, and
// the tallies behind the dashboard. The parts (front office, back office, work, the post, the
// citizens, management) each hold this and the few other parts they call; the Simulation runs them.
import type { Level } from '../../levels/schema';
import { Calendar, DAY } from '../../engine/calendar';
import { OpenSpell } from '../../engine/openSpell';
import { prepare, type Sampler, Stream } from '../../engine/random';
import { Scheduler } from '../../engine/scheduler';
import { ClaimTable } from './claimTable';
import { ContactLog } from './contactLog';
import { emptyTally, type OfficialTally } from './inspection';
import { Journal } from './journal';
import { NeedTable, OPEN as NEED_OPEN } from './needTable';
import type { RolePool, Task } from './rolePool';
import type { ContactReason, Design } from './types';

/** Housing benefit's events, each carrying what its handler reads (and nothing it could forget to set). */
export type Event =
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

export type LetterKind = 'form' | 'request' | 'decision' | 'wrong-decision' | 'nil';

/** The level's distributions, prepared once for fast draws. */
export interface Samplers {
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

export function prepareSamplers(level: Level): Samplers {
  const w = level.work;
  return {
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
}

/**
 * A fresh copy of a design, spelt out field by field: every copy then has one hidden class in V8
 * (an object spread's copies do not always), so the code that reads the design stays optimised.
 */
export function copyDesign(d: Design): Design {
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

export class Context {
  /** The sim's clock (minutes), kept equal to the event list's. */
  now = 0;
  /** Events handled since measuring started (a contact handled on the spot counts as one). */
  eventsProcessed = 0;
  /** The event list: each event says what it is about (see Event). */
  readonly events = new Scheduler<Event>();
  readonly calendar: Calendar;
  /** Whether the office is open now: the calendar asked once a spell, since time only moves on. */
  readonly spell: OpenSpell;
  readonly openMinutesPerDay: number;
  /** Every citizen's need, by column (ids from 1, in order of first contact). */
  readonly needs = new NeedTable();
  /** Every claim's record, by column (ids from 1). */
  readonly claims = new ClaimTable();
  /** Every contact so far, the inherited history's too. */
  readonly contactLog = new ContactLog();
  /** Every citizen's steps, when asked for (null: not recording). */
  readonly journal: Journal | null;
  // Streams drawn from by more than one part (demand and the pilot have their own, in their parts).
  readonly citizen: Stream;
  readonly work: Stream;
  readonly post: Stream;
  /** The dashboard's counts over the whole run, and over the quarter since the last inspection. */
  readonly tally: OfficialTally = emptyTally();
  quarter: OfficialTally = emptyTally();

  constructor(
    readonly level: Level,
    seed: number,
    readonly dist: Samplers,
    journal: boolean,
  ) {
    this.journal = journal ? new Journal() : null;
    this.calendar = new Calendar(level.hours);
    this.spell = new OpenSpell(this.calendar);
    this.openMinutesPerDay = level.hours === 'always' ? DAY : level.hours.close - level.hours.open;
    this.citizen = new Stream(seed, 'citizen');
    this.work = new Stream(seed, 'work');
    this.post = new Stream(seed, 'post');
  }

  /** Schedules an event at time at, and returns its handle. */
  schedule(at: number, event: Event): number {
    return this.events.at(at, event);
  }

  /** Journals a step of a need still open (nothing happens to a need after it closes). Only while journaling. */
  note(need: number, kind: number, claimId = 0): void {
    if (this.needs.outcome[need] === NEED_OPEN && need > 0) this.journal!.add(need, this.now, kind, claimId);
  }
}
