// Now and then, one real citizen of this run, with their timeline so far. The card stays with the
// same citizen while their story goes on: it is updated in place (the heading and the last few
// steps), so keyboard focus on its button survives and nothing flickers.
import { STORY_WORDS } from '../../content/journey';
import type { Journey } from '../../game/citizens';
import { h, setText } from '../dom';
import { timeline } from './timeline';

/** Steps of the story shown on the card: the latest few. */
const LINES_SHOWN = 4;

export interface StoryCardView {
  el: HTMLElement;
  /** The citizen the card is about. */
  readonly needId: number;
  /** Shows the story as it stands now (the same citizen). */
  update(story: Journey, seesFailure: boolean): void;
}

export function storyCard(story: Journey, onClose: () => void, seesFailure = false): StoryCardView {
  const heading = h('h2', {}, story.headline);
  const steps = h('div', { className: 'story-steps' });
  const el = h(
    'aside',
    { className: 'card story', 'aria-label': STORY_WORDS.label(story.name) },
    heading,
    steps,
    h('button', { type: 'button', 'aria-keyshortcuts': 'Escape', onclick: onClose }, STORY_WORDS.close),
  );
  let key = '';
  const update = (s: Journey, colour: boolean) => {
    setText(heading, s.headline);
    const lines = s.lines.slice(-LINES_SHOWN);
    const next = `${colour}\n${lines.map((l) => `${l.day}:${l.text}`).join('\n')}`;
    if (next === key) return;
    key = next;
    steps.replaceChildren(timeline(lines, colour));
  };
  update(story, seesFailure);
  return { el, needId: story.needId, update };
}
