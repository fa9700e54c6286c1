// Studying demand: listening to a sample of the run's real contacts, sorting each into value or
// failure demand and naming its type, and building the demand analysis as you go.
import seedrandom from 'seedrandom';
import { wilson, type ShareBand } from '../analysis/share';
import { DAY, type ContactReason, type Sim } from '../sim';
import { FAILURE_REASONS, isFailureDemand } from '../sim/types';
import { citizenName, findNeed } from './citizens';
import { contactText } from './demandText';

export interface StudyItem {
  /** Index of the contact in the sim. */
  contact: number;
  needId: number;
  name: string;
  channel: 'phone' | 'visit' | 'letter';
  day: number;
  /** What the citizen says. */
  text: string;
  /** The truth, from the core: revealed after the player answers. */
  reason: ContactReason;
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
  /** What the core measured over every contact in the window: the figure the sample estimates. */
  population: { contacts: number; failure: number };
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
  const m = sim.model;
  const to = sim.now;
  // The inherited weeks before day 0 count too: those citizens were real.
  const from = to - STUDY_WINDOW_DAYS * DAY;
  const contacts = m.contacts;
  const inWindow: number[] = [];
  let failure = 0;
  for (let i = contacts.length - 1; i >= 0 && contacts[i]!.at >= from; i--) {
    if (contacts[i]!.at > to) continue;
    inWindow.push(i);
    if (contacts[i]!.failure) failure++;
  }
  inWindow.reverse();
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
    const earlier = sim.model.journeyOf(c.needId).filter((s) => s.kind === 'contact' && s.at < c.at).length;
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
    return { contact: i, needId: c.needId, name: citizenName(c.needId), channel: c.channel, day: c.at / DAY, text, reason: c.reason };
  });
  return { from, to, items, answers: [], population: { contacts: inWindow.length, failure } };
}

export function answer(study: DemandStudy, chosen: ContactReason): DemandStudy {
  const item = study.items[study.answers.length];
  if (!item) return study;
  const a: StudyAnswer = { chosen, correct: chosen === item.reason, rightKind: isFailureDemand(chosen) === isFailureDemand(item.reason) };
  return { ...study, answers: [...study.answers, a] };
}

export interface DemandAnalysis {
  studied: number;
  byReason: Record<ContactReason, number>;
  /** Share of failure demand in the sample, with its 95% band. */
  failure: ShareBand | null;
  /** Failure reasons found, most frequent first: the predictable causes to design out. */
  ranked: { reason: ContactReason; count: number }[];
  /** The core's figure for every contact in the window. */
  populationShare: number | null;
  correct: number;
}

export function analyse(study: DemandStudy): DemandAnalysis {
  const byReason = { 'new-claim': 0, 'send-evidence': 0, 'progress-chasing': 0, 'resend-evidence': 0, reapply: 0, 'correct-error': 0, complaint: 0 } as Record<ContactReason, number>;
  const n = study.answers.length;
  let failure = 0;
  for (let i = 0; i < n; i++) {
    const reason = study.items[i]!.reason;
    byReason[reason]++;
    if (isFailureDemand(reason)) failure++;
  }
  const ranked = FAILURE_REASONS.map((reason) => ({ reason, count: byReason[reason] }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    studied: n,
    byReason,
    failure: wilson(failure, n),
    ranked,
    populationShare: study.population.contacts > 0 ? study.population.failure / study.population.contacts : null,
    correct: study.answers.filter((a) => a.correct).length,
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
