// Now and then, one real citizen of this run, with their timeline so far.
import type { Journey } from '../../game/citizens';
import { h } from '../dom';
import { timeline } from './timeline';

export function storyCard(story: Journey, onClose: () => void, seesFailure = false): HTMLElement {
  return h(
    'aside',
    { className: 'card story', 'aria-label': `Citizen story: ${story.name}` },
    h('h2', {}, story.headline),
    timeline(story.lines.slice(-4), seesFailure),
    h('button', { type: 'button', onclick: onClose }, 'Close story'),
  );
}
