// Studying demand on the repairs line: listening to a sample of the last four weeks' real calls,
// sorting each into value demand (a fault reported) or failure demand (a call the service
// caused), and setting the sample beside what the core counted over every call of those weeks.
import seedrandom from 'seedrandom';
import { DAY } from '../../engine/calendar';
import { FAILURE_REASON, type Reason } from '../../services/housing-repairs/catalogue';
import type { RepairsRun } from '../../services/housing-repairs/index';

export type DemandKind = 'value' | 'failure';

export interface RepairsStudyItem {
  faultId: number;
  day: number;
  /** The trade the fault needed when the tenant called (index into TRADES): it picks the words. */
  trade: number;
  /** The truth, from the core: revealed after the player answers. */
  reason: Reason;
}

export interface RepairsStudy {
  items: RepairsStudyItem[];
  /** The player's sorting, item by item. */
  answers: DemandKind[];
  /** What the core counted over every call of the window: the figure the sample estimates. */
  population: { calls: number; failure: number };
}

/** Days of calls a study samples from, and calls drawn. */
export const REPAIRS_STUDY_DAYS = 28;
export const REPAIRS_STUDY_SIZE = 12;

export const kindOf = (reason: Reason): DemandKind => (FAILURE_REASON[reason] ? 'failure' : 'value');

/**
 * A simple random sample (without replacement) of the calls of the last four weeks, from its own
 * seeded stream: the same run studied at the same moment gives the same sample.
 */
export function drawRepairsStudy(run: RepairsRun, size = REPAIRS_STUDY_SIZE): RepairsStudy {
  const to = run.now;
  const calls = run.callsBetween(Math.max(0, to - REPAIRS_STUDY_DAYS * DAY), to);
  const rng = seedrandom(`${run.seed}/repairs-study/${Math.floor(to)}`);
  const picked = [...calls.keys()];
  // A partial Fisher-Yates shuffle: the first `size` are the sample.
  for (let i = 0; i < Math.min(size, picked.length); i++) {
    const j = i + Math.floor(rng() * (picked.length - i));
    [picked[i], picked[j]] = [picked[j]!, picked[i]!];
  }
  const items = picked
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => {
      const c = calls[i]!;
      return { faultId: c.faultId, day: Math.floor(c.at / DAY), trade: c.trade, reason: c.reason };
    });
  return { items, answers: [], population: { calls: calls.length, failure: calls.filter((c) => FAILURE_REASON[c.reason]).length } };
}

/** How the player's sorting went: right out of answered, and the failure share heard. */
export function studyScore(study: RepairsStudy): { right: number; answered: number; failureHeard: number | null } {
  const answered = study.answers.length;
  const right = study.answers.filter((a, i) => a === kindOf(study.items[i]!.reason)).length;
  const heard = study.items.slice(0, answered);
  return { right, answered, failureHeard: answered === 0 ? null : heard.filter((x) => FAILURE_REASON[x.reason]).length / answered };
}
