// How fast sim time runs against the player's clock.
import { SPEED_NAMES } from '../content/office';

export type SpeedId = 'slow' | 'normal' | 'fast' | 'fastest';

export interface Speed {
  id: SpeedId;
  label: string;
  /** Keyboard shortcut. */
  key: string;
  /** Sim minutes per real second while the office is open. */
  minutesPerSecond: number;
}

const speed = (id: SpeedId, key: string, minutesPerSecond: number): Speed => ({ id, label: SPEED_NAMES[id], key, minutesPerSecond });

export const SPEEDS: readonly Speed[] = [speed('slow', '1', 20), speed('normal', '2', 60), speed('fast', '3', 240), speed('fastest', '4', 960)];

/** Nights and weekends pass this many times faster: nothing happens but letters in the post. */
export const CLOSED_SPEEDUP = 24;

/** A long pause (a hidden tab) must not turn into one huge jump of sim time. */
export const MAX_FRAME_MS = 100;
