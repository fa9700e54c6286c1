// The level screen's words. Each level's own title and summary are the level file's.
export const LEVELS_WORDS = {
  heading: 'Choose a service',
  play: 'Play',
  playAgain: 'Play again',
  playLevel: (level: string) => `Play ${level}`,
  locked: 'Locked: finish the previous level',
  lockedLabel: (level: string) => `${level} is locked: finish the previous level`,
  finished: 'Finished',
  back: 'Back',
  unlockAll: 'Unlock all levels (trainers)',
} as const;
