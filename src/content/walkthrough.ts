// The front desk's first-time walkthrough, by the event each step waits for.
import type { WalkthroughEvent } from '../game/walkthrough';

export const WALKTHROUGH_STEPS: Record<WalkthroughEvent, string> = {
  play: 'Visitors will come to your desk at random. Press Play (or the space bar) to open the doors.',
  speed: 'Time runs slowly. Pick a faster speed: click "Fast", or press 3.',
  staff: 'Watch the queue and the clerks. When it grows, add a clerk with the "+" beside Desk clerk.',
  pause: 'See how the queue changes. Pause with P (or the space bar) whenever you want to look closely.',
  study: 'Managers who study the work listen to demand. Press "Study demand" (or D), sort what a few visitors say, then go back to the office.',
  end: 'That is all the controls. Press "Finish run" (or F) to jump to the end and see what really happened.',
};

export const WALKTHROUGH_WORDS = {
  /** "Step 1 of 6: " before the step's words. */
  step: (n: string, of: string) => `Step ${n} of ${of}: `,
  skip: 'Skip the walkthrough',
} as const;
