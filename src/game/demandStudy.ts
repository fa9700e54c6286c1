// Studying demand: listening to a sample of the run's real contacts, sorting each into value or
// failure demand and naming its type, and building the demand analysis as you go.
import seedrandom from 'seedrandom';
import { wilson, type ShareBand } from '../analysis/share';
import { CAUSES, type FailureCause, type LeverSetting } from '../content/study';
import { DAY, type ContactCause, type ContactReason, type Sim } from '../services/housing-benefit';
import { CONTACT_CAUSES, FAILURE_REASONS, isFailureDemand, VALUE_REASONS } from '../services/housing-benefit/types';
import { citizenName, findNeed } from './citizens';
import { contactText } from './demandText';

export interface StudyItem {
  /** Index of the contact among those of the study's window (sim.contactsBetween(from, to)). */
  contact: number;
  needId: number;
  name: string;
  channel: 'phone' | 'visit' | 'letter';
  day: number;
  /** What the citizen says. */
  text: string;
  /** The truth, from the core: revealed after the player answers. */
  reason: ContactReason;
  /** What brought it about, from the core ('none' for value demand): revealed with the reason. */
  cause: ContactCause;
}

export interface StudyAnswer {
  chosen: ContactReason;
  correct: boolean;
  /** Did they at least tell value from failure? */
  rightKind: boolean;
}

export interface DemandStudy {
  /** Sim minutes: the window the sample is drawn from. */
  from: number;
  to: number;
  items: StudyItem[];
  answers: StudyAnswer[];
  /**
   * What the core measured over every contact in the window: the figure the sample estimates, and
   * the contacts of each cause.
   */
  population: { contacts: number; failure: number; causes: Partial<Record<ContactCause, number>> };
}

/** Days of contacts a study samples from: the last four weeks. */
export const STUDY_WINDOW_DAYS = 28;
/** Contacts drawn for one study. */
export const STUDY_SIZE = 40;
/** Sim minutes of a manager's time each contact listened to costs. */
export const MINUTES_PER_CONTACT = 20;
/** Contacts to study before the office view starts to colour failure demand. */
export const STUDIED_ENOUGH = 15;

/**
 * Draws a simple random sample (without replacement) of the contacts made in the last four weeks.
 * Its own seeded stream, so the same run studied at the same moment gives the same sample.
 */
export function drawStudy(sim: Sim, size = STUDY_SIZE): DemandStudy {
  const to = sim.now;
  // The inherited weeks before day 0 count too: those citizens were real.
  const from = to - STUDY_WINDOW_DAYS * DAY;
  const contacts = sim.contactsBetween(from, to);
  const inWindow = contacts.map((_, i) => i);
  let failure = 0;
  const causes: Partial<Record<ContactCause, number>> = {};
  for (const c of contacts) {
    if (c.failure) failure++;
    causes[c.cause] = (causes[c.cause] ?? 0) + 1;
  }
  const rng = seedrandom(`${sim.seed}:study:${Math.round(to)}`);
  const chosen: number[] = [];
  const pool = [...inWindow];
  for (let k = 0; k < size && pool.length > 0; k++) {
    const j = Math.floor(rng() * pool.length);
    chosen.push(pool[j]!);
    pool[j] = pool[pool.length - 1]!;
    pool.pop();
  }
  chosen.sort((a, b) => a - b);
  const items = chosen.map((i) => {
    const c = contacts[i]!;
    const need = findNeed(sim, c.needId);
    const earlier = sim.journey(c.needId).filter((s) => s.kind === 'contact' && s.at < c.at).length;
    const text = contactText(
      c.reason,
      {
        daysSinceFirst: need ? Math.max(0, Math.floor((c.at - need.arrivedAt) / DAY)) : 0,
        earlierContacts: earlier,
        documents: need?.required ?? 2,
        claims: need?.claims ?? 1,
        channel: c.channel,
      },
      Math.floor(rng() * 1000),
    );
    return { contact: i, needId: c.needId, name: citizenName(c.needId), channel: c.channel, day: c.at / DAY, text, reason: c.reason, cause: c.cause };
  });
  return { from, to, items, answers: [], population: { contacts: inWindow.length, failure, causes } };
}

export function answer(study: DemandStudy, chosen: ContactReason): DemandStudy {
  const item = study.items[study.answers.length];
  if (!item) return study;
  const a: StudyAnswer = { chosen, correct: chosen === item.reason, rightKind: isFailureDemand(chosen) === isFailureDemand(item.reason) };
  return { ...study, answers: [...study.answers, a] };
}

/** A tally of sorted contacts: by type, the share of failure demand, and its causes ranked. */
export interface DemandTally {
  studied: number;
  byReason: Record<ContactReason, number>;
  /** Share of failure demand, with its 95% band (null before any contact is heard). */
  failure: ShareBand | null;
  /** The predictable causes of the failure demand, most frequent first, each with its levers. */
  causes: RankedCause[];
}

export interface RankedCause {
  cause: FailureCause;
  count: number;
  /** The levers that remove it (see CAUSES in content/study.ts). */
  levers: readonly LeverSetting[];
}

/** A contact the player sorted wrongly: its place in the study, what they said and what it was. */
export interface Mistake {
  index: number;
  chosen: ContactReason;
  truth: ContactReason;
}

export interface DemandAnalysis {
  studied: number;
  /**
   * The player's own analysis, from their answers: counts by the type they chose, the failure
   * share of what they sorted as failure, and the causes (told after each answer) of the contacts
   * they sorted as failure demand.
   */
  yours: DemandTally;
  /** Contacts the player took for failure demand that were value demand: no cause to remove. */
  uncaused: number;
  /** The truth for the same contacts. */
  truth: DemandTally;
  /** The core's figure for every contact in the window. */
  populationShare: number | null;
  /** Causes across every failure contact in the window: their share of its failure demand. */
  populationCauses: { cause: FailureCause; share: number }[];
  /** Contacts sorted to exactly the right type. */
  correct: number;
  /** Contacts sorted to the right kind (value or failure). */
  rightKind: number;
  valueAsFailure: Mistake[];
  failureAsValue: Mistake[];
  /** The right kind, the wrong type. */
  wrongType: Mistake[];
}

const FAILURE_CAUSES = CONTACT_CAUSES.filter((c): c is FailureCause => c !== 'none');

function emptyByReason(): Record<ContactReason, number> {
  return Object.fromEntries([...VALUE_REASONS, ...FAILURE_REASONS].map((r) => [r, 0])) as Record<ContactReason, number>;
}

/** Causes with a count, most frequent first; ties in the order of CONTACT_CAUSES. */
export function rankCauses(counts: Partial<Record<ContactCause, number>>): RankedCause[] {
  return FAILURE_CAUSES.map((cause) => ({ cause, count: counts[cause] ?? 0, levers: CAUSES[cause].levers }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}

function tally(reasons: readonly ContactReason[], causes: Partial<Record<ContactCause, number>>): DemandTally {
  const byReason = emptyByReason();
  let failure = 0;
  for (const r of reasons) {
    byReason[r]++;
    if (isFailureDemand(r)) failure++;
  }
  return { studied: reasons.length, byReason, failure: wilson(failure, reasons.length), causes: rankCauses(causes) };
}

/** The demand analysis of the contacts answered so far: the player's, the truth's, and how they compare. */
export function analyse(study: DemandStudy): DemandAnalysis {
  const n = Math.min(study.answers.length, study.items.length);
  const chosen: ContactReason[] = [];
  const truth: ContactReason[] = [];
  const yourCauses: Partial<Record<ContactCause, number>> = {};
  const trueCauses: Partial<Record<ContactCause, number>> = {};
  const valueAsFailure: Mistake[] = [];
  const failureAsValue: Mistake[] = [];
  const wrongType: Mistake[] = [];
  let uncaused = 0;
  for (let i = 0; i < n; i++) {
    const item = study.items[i]!;
    const a = study.answers[i]!;
    chosen.push(a.chosen);
    truth.push(item.reason);
    const saidFailure = isFailureDemand(a.chosen);
    const wasFailure = isFailureDemand(item.reason);
    if (wasFailure) trueCauses[item.cause] = (trueCauses[item.cause] ?? 0) + 1;
    if (saidFailure) {
      if (wasFailure) yourCauses[item.cause] = (yourCauses[item.cause] ?? 0) + 1;
      else uncaused++;
    }
    const m = { index: i, chosen: a.chosen, truth: item.reason };
    if (saidFailure && !wasFailure) valueAsFailure.push(m);
    else if (!saidFailure && wasFailure) failureAsValue.push(m);
    else if (a.chosen !== item.reason) wrongType.push(m);
  }
  const pop = study.population;
  const popFailure = FAILURE_CAUSES.reduce((t, c) => t + (pop.causes[c] ?? 0), 0);
  return {
    studied: n,
    yours: tally(chosen, yourCauses),
    uncaused,
    truth: tally(truth, trueCauses),
    populationShare: pop.contacts > 0 ? pop.failure / pop.contacts : null,
    populationCauses: popFailure > 0 ? rankCauses(pop.causes).map((r) => ({ cause: r.cause, share: r.count / popFailure })) : [],
    correct: n - valueAsFailure.length - failureAsValue.length - wrongType.length,
    rightKind: n - valueAsFailure.length - failureAsValue.length,
    valueAsFailure,
    failureAsValue,
    wrongType,
  };
}

/** What the player has learnt so far, across studies: reason -> contacts heard. */
export type Learnt = Partial<Record<ContactReason, number>>;

export function learn(learnt: Learnt, study: DemandStudy): Learnt {
  const out = { ...learnt };
  for (let i = 0; i < study.answers.length; i++) {
    const r = study.items[i]!.reason;
    out[r] = (out[r] ?? 0) + 1;
  }
  return out;
}
