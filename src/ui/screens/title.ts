// Title screen: what this is, and one button to begin.
import type { Controller } from '../../game/controller';
import { h } from '../dom';
import { termLink } from '../glossary';

export function titleScreen(ctl: Controller): HTMLElement {
  return h(
    'section',
    { className: 'screen title', 'aria-labelledby': 'title-heading' },
    h('h1', { id: 'title-heading' }, "It's the System"),
    h('p', { className: 'tagline' }, 'Run a council service. Hit your targets. Then find out what your citizens lived.'),
    h(
      'p',
      {},
      'You manage a UK council office run by ',
      termLink('deliverology'),
      ': under ',
      termLink('targets', 'targets'),
      ' and inspection the dashboard may look fine while people call again and again (',
      termLink('failure-demand'),
      '). Play a year, then compare what the dashboard said with what the same citizens went through.',
    ),
    h('button', { className: 'primary big', type: 'button', onclick: () => ctl.showLevels(), autofocus: true }, 'Play'),
    h('p', { className: 'hint' }, 'Everything works with the keyboard: Tab to move, Enter to press, G for the glossary.'),
    h(
      'p',
      { className: 'hint' },
      'Built on findings reported by John Seddon (Systems Thinking in the Public Sector, 2008) and David Boyle (The New Efficiency, 2011).',
    ),
  );
}
