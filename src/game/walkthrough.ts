// The first-time walkthrough on the front desk: each step teaches one control by asking the
// player to use it, and moves on when they have.

export type WalkthroughEvent = 'play' | 'pause' | 'speed' | 'staff' | 'study' | 'end';

export interface WalkthroughStep {
  text: string;
  /** The event that completes this step. */
  until: WalkthroughEvent;
}

export const WALKTHROUGH: readonly WalkthroughStep[] = [
  { text: 'Visitors will come to your desk at random. Press Play (or the space bar) to open the doors.', until: 'play' },
  { text: 'Time runs slowly. Pick a faster speed: click "Fast", or press 3.', until: 'speed' },
  { text: 'Watch the queue and the clerks. When it grows, add a clerk with the "+" beside Desk clerk.', until: 'staff' },
  { text: 'See how the queue changes. Pause with P (or the space bar) whenever you want to look closely.', until: 'pause' },
  { text: 'Managers who study the work listen to demand. Press "Study demand" (or D), sort what a few visitors say, then go back to the office.', until: 'study' },
  { text: 'That is all the controls. Press "Finish run" (or F) to jump to the end and see what really happened.', until: 'end' },
];

/** The step after an event: unchanged unless the event is the one the step waits for. */
export function nextStep(step: number | null, event: WalkthroughEvent): number | null {
  if (step === null) return null;
  const s = WALKTHROUGH[step];
  if (!s || s.until !== event) return step;
  return step + 1 < WALKTHROUGH.length ? step + 1 : null;
}
