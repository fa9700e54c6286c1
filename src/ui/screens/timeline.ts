// A citizen's journey as an ordered list: day, what happened.
import { STORY_WORDS } from '../../content/journey';
import type { StoryLine } from '../../game/citizens';
import { h } from '../dom';
import { dayLabel } from '../format';

export function timeline(lines: readonly StoryLine[], colour: boolean): HTMLElement {
  const list = h('ol', { className: 'timeline' });
  for (const l of lines) {
    list.appendChild(
      h(
        'li',
        { className: colour && l.failure ? 'failure' : '' },
        h('span', { className: 'when' }, dayLabel(l.day)),
        h('span', { className: 'what' }, l.text),
        colour && l.failure ? h('span', { className: 'tag' }, STORY_WORDS.failureTag) : null,
      ),
    );
  }
  return list;
}
