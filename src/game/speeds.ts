// How fast sim time runs against the player's clock.

export interface Speed {
  label: string;
  /** Keyboard shortcut. */
  key: string;
  /** Sim minutes per real second while the office is open. */
  minutesPerSecond: number;
}

export const SPEEDS: readonly Speed[] = [
  { label: 'Slow', key: '1', minutesPerSecond: 20 },
  { label: 'Normal', key: '2', minutesPerSecond: 60 },
  { label: 'Fast', key: '3', minutesPerSecond: 240 },
  { label: 'Fastest', key: '4', minutesPerSecond: 960 },
];

/** Nights and weekends pass this many times faster: nothing happens but letters in the post. */
export const CLOSED_SPEEDUP = 24;

/** A long pause (a hidden tab) must not turn into one huge jump of sim time. */
export const MAX_FRAME_MS = 100;
