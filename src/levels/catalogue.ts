// The levels that ship with the game: the one list of them. The game, the headless runner, the
// scripts and the tests all take the shipped levels from here.
import frontDesk from '../../levels/front-desk.json' with { type: 'json' };
import housingBenefit from '../../levels/housing-benefit.json' with { type: 'json' };
import { parseLevel } from './load';
import type { Level } from './schema';

/** The shipped levels by id, in the order they unlock, as written in their files (validate before use). */
export const LEVEL_FILES = {
  'front-desk': frontDesk as unknown,
  'housing-benefit': housingBenefit as unknown,
} as const;

export type LevelId = keyof typeof LEVEL_FILES;
export const LEVEL_IDS = Object.keys(LEVEL_FILES) as LevelId[];

export function isLevelId(id: unknown): id is LevelId {
  return typeof id === 'string' && Object.hasOwn(LEVEL_FILES, id);
}

const cache = new Map<LevelId, Level>();

/** A shipped level, validated once; throws with the validator's messages if a shipped file is broken. */
export function shippedLevel(id: LevelId): Level {
  const cached = cache.get(id);
  if (cached) return cached;
  const result = parseLevel(LEVEL_FILES[id]);
  if (!result.ok) throw new Error(`Level "${id}" is invalid:\n${result.errors.join('\n')}`);
  cache.set(id, result.level);
  return result.level;
}
