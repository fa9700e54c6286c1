// Each step of a citizen's journey through the service, in the words of content/journey.ts.
import { JOURNEY_WORDS, STEP_CAUSES, STEP_CHANNELS, STEP_KINDS, STEP_REASONS } from '../content/journey';
import type { JourneyStep } from '../services/housing-benefit/journal';

export function describeStep(step: JourneyStep): string {
  if (step.kind === 'contact') {
    const channel = step.channel ? STEP_CHANNELS[step.channel] : JOURNEY_WORDS.gotInTouch;
    const reason = step.reason ? STEP_REASONS[step.reason] : null;
    // Chasing, re-applying and correcting say why in their own words.
    const said = step.reason === 'progress-chasing' || step.reason === 'reapply' || step.reason === 'correct-error';
    const cause = step.cause && step.cause !== 'none' && !said ? STEP_CAUSES[step.cause] : null;
    const waited = step.waited && step.waited >= 1 ? Math.round(step.waited) : null;
    return JOURNEY_WORDS.contact(channel, reason, cause, waited);
  }
  return STEP_KINDS[step.kind];
}
