// Title screen: what this is, and one button to begin.
import { TITLE_WORDS as W } from '../../content/title';
import type { Controller } from '../../game/controller';
import { h } from '../dom';
import { termLink } from '../glossary';
import { type JoinIntent, joinPanel } from '../room/joinPanel';

export function titleScreen(ctl: Controller, join: JoinIntent | null = null): HTMLElement {
  return h(
    'section',
    { className: 'screen title', 'aria-labelledby': 'title-heading' },
    h('h1', { id: 'title-heading' }, W.heading),
    h('p', { className: 'tagline' }, W.tagline),
    h('p', {}, ...W.intro(termLink('deliverology'), termLink('targets', W.targetsTerm), termLink('failure-demand'))),
    h('button', { className: 'primary big', type: 'button', onclick: () => ctl.showLevels(), autofocus: join?.code ? null : true }, W.play),
    join ? joinPanel(join) : null,
    h('p', { className: 'hint' }, W.keys),
    h('p', { className: 'hint' }, W.sources),
  );
}
