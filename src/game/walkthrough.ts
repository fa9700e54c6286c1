// The first-time walkthrough on the front desk: each step teaches one control by asking the
// player to use it, and moves on when they have. Its words are in content/walkthrough.ts.
import { WALKTHROUGH_STEPS } from '../content/walkthrough';

export type WalkthroughEvent = 'play' | 'pause' | 'speed' | 'staff' | 'study' | 'end';

export interface WalkthroughStep {
  text: string;
  /** The event that completes this step. */
  until: WalkthroughEvent;
}

const ORDER: readonly WalkthroughEvent[] = ['play', 'speed', 'staff', 'pause', 'study', 'end'];

export const WALKTHROUGH: readonly WalkthroughStep[] = ORDER.map((until) => ({ text: WALKTHROUGH_STEPS[until], until }));

/** The step after an event: unchanged unless the event is the one the step waits for. */
export function nextStep(step: number | null, event: WalkthroughEvent): number | null {
  if (step === null) return null;
  const s = WALKTHROUGH[step];
  if (!s || s.until !== event) return step;
  return step + 1 < WALKTHROUGH.length ? step + 1 : null;
}
