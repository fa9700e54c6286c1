// Settings from the page address, so a trainer can hand everyone the same link
// (e.g. ?level=housing-benefit&regime=deliverology&seed=42). Untrusted: checked, and ignored if odd.
import { CODE_ALPHABET, CODE_LENGTH } from '../room/protocol';
import { isLevelId, isRegime, type LevelId } from './levels';
import type { Regime } from '../services/housing-benefit';

export interface UrlSettings {
  levelId?: LevelId;
  regime?: Regime;
  /** A scenario id (checked against the level when a run starts). */
  scenario?: string;
  seed?: number;
  /** A trainer's session to join (a join code, checked for its alphabet only). */
  join?: string;
}

export function parseUrlSettings(search: string): UrlSettings {
  if (search.length > 500) return {};
  const p = new URLSearchParams(search);
  const out: UrlSettings = {};
  const level = p.get('level');
  if (isLevelId(level)) out.levelId = level;
  const regime = p.get('regime');
  if (isRegime(regime)) out.regime = regime;
  const scenario = p.get('scenario');
  if (scenario !== null && /^[a-z][a-z0-9-]{0,39}$/.test(scenario)) out.scenario = scenario;
  const seed = p.get('seed');
  if (seed !== null && /^\d{1,9}$/.test(seed)) out.seed = Number(seed);
  const join = p.get('join')?.trim().toUpperCase();
  if (join && new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(join)) out.join = join;
  return out;
}

/** The address names a level, a regime or a seed: a trainer's link for a room of players. */
export function isTrainerLink(s: UrlSettings): boolean {
  return s.levelId !== undefined || s.regime !== undefined || s.seed !== undefined || s.join !== undefined;
}
