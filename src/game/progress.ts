// What a player has unlocked and finished, kept between visits. Saved data is untrusted: it is
// parsed and checked, and anything odd falls back to a fresh start rather than breaking the page.
import { GAME_LEVEL_IDS, type GameLevelId, isGameLevelId } from '../levels/catalogue';

export interface Progress {
  unlocked: GameLevelId[];
  completed: GameLevelId[];
  walkthroughDone: boolean;
  muted: boolean;
  /** The player turned the coach off. */
  coachOff: boolean;
}

export const FRESH: Progress = { unlocked: ['front-desk'], completed: [], walkthroughDone: false, muted: false, coachOff: false };

const KEY = 'its-the-system/progress/v1';
const MAX_BYTES = 4096;

export function parseProgress(text: string | null): Progress {
  if (!text || text.length > MAX_BYTES) return { ...FRESH };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...FRESH };
  }
  if (typeof data !== 'object' || data === null) return { ...FRESH };
  const d = data as Record<string, unknown>;
  const ids = (x: unknown): GameLevelId[] => (Array.isArray(x) ? [...new Set(x.filter(isGameLevelId))] : []);
  const unlocked = ids(d.unlocked);
  if (!unlocked.includes('front-desk')) unlocked.unshift('front-desk');
  return {
    unlocked: GAME_LEVEL_IDS.filter((id) => unlocked.includes(id)),
    completed: GAME_LEVEL_IDS.filter((id) => ids(d.completed).includes(id)),
    walkthroughDone: d.walkthroughDone === true,
    muted: d.muted === true,
    coachOff: d.coachOff === true,
  };
}

/** Finishing a level unlocks the next one. */
export function complete(p: Progress, id: GameLevelId): Progress {
  const next = GAME_LEVEL_IDS[GAME_LEVEL_IDS.indexOf(id) + 1];
  const unlocked = new Set([...p.unlocked, ...(next ? [next] : [])]);
  return {
    ...p,
    unlocked: GAME_LEVEL_IDS.filter((l) => unlocked.has(l)),
    completed: GAME_LEVEL_IDS.filter((l) => l === id || p.completed.includes(l)),
  };
}

export function unlockAll(p: Progress): Progress {
  return { ...p, unlocked: [...GAME_LEVEL_IDS] };
}

export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadProgress(storage: ProgressStorage | null): Progress {
  try {
    return parseProgress(storage?.getItem(KEY) ?? null);
  } catch {
    return { ...FRESH }; // storage blocked (private mode): play without saving
  }
}

export function saveProgress(storage: ProgressStorage | null, p: Progress): void {
  try {
    storage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage full or blocked: progress just is not kept
  }
}

/**
 * A page opened from a trainer's link starts with the sound off: a room of players would fill
 * with ringing phones. That is not saved as the player's choice: until they turn the sound on,
 * saving keeps whatever setting they had saved before. Returns the progress to start with and
 * the storage to save through.
 */
export function quietStart(progress: Progress, storage: ProgressStorage | null): { progress: Progress; storage: ProgressStorage | null } {
  if (progress.muted) return { progress, storage };
  let chosen = false;
  const wrapped: ProgressStorage | null = storage && {
    getItem: (key) => storage.getItem(key),
    setItem(key, value) {
      if (key === KEY && !chosen) {
        const p = parseProgress(value);
        // Sound on: the player's own choice from now on, and saved as they set it.
        if (!p.muted) chosen = true;
        else value = JSON.stringify({ ...p, muted: false });
      }
      storage.setItem(key, value);
    },
  };
  return { progress: { ...progress, muted: true }, storage: wrapped };
}
