// The levels that ship with the game: the one list of them. The game, the headless runner, the
// scripts and the tests all take the shipped levels from here.
import frontDesk from '../../levels/front-desk.json' with { type: 'json' };
import frontDeskQueue from '../../levels/front-desk-queue.json' with { type: 'json' };
import housingBenefit from '../../levels/housing-benefit.json' with { type: 'json' };
import housingRepairs from '../../levels/housing-repairs.json' with { type: 'json' };
import { parseLevel } from './load';
import type { Level } from './schema';

/** Every shipped level by id, any service, as written in its file (validate before use). */
export const LEVEL_FILES = {
  'front-desk': frontDesk as unknown,
  'front-desk-queue': frontDeskQueue as unknown,
  'housing-benefit': housingBenefit as unknown,
  'housing-repairs': housingRepairs as unknown,
} as const;

export type ShippedLevelId = keyof typeof LEVEL_FILES;

export function isShippedLevelId(id: unknown): id is ShippedLevelId {
  return typeof id === 'string' && Object.hasOwn(LEVEL_FILES, id);
}

/** The housing-benefit model's levels, in the order they unlock (the game's first two). */
export const LEVEL_IDS = ['front-desk', 'housing-benefit'] as const satisfies readonly ShippedLevelId[];
export type LevelId = (typeof LEVEL_IDS)[number];

export function isLevelId(id: unknown): id is LevelId {
  return typeof id === 'string' && (LEVEL_IDS as readonly string[]).includes(id);
}

/** Every level the game offers, in the order they unlock: finishing one unlocks the next. */
export const GAME_LEVEL_IDS = [...LEVEL_IDS, 'housing-repairs'] as const satisfies readonly ShippedLevelId[];
export type GameLevelId = (typeof GAME_LEVEL_IDS)[number];

export function isGameLevelId(id: unknown): id is GameLevelId {
  return typeof id === 'string' && (GAME_LEVEL_IDS as readonly string[]).includes(id);
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
