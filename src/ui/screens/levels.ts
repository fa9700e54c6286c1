// Level select: the tutorial first; the full case unlocks when the tutorial is finished.
import { COACH_WORDS } from '../../content/coach';
import { LEVELS_WORDS as W } from '../../content/levels';
import type { Controller } from '../../game/controller';
import { LEVEL_IDS, loadLevel } from '../../game/levels';
import type { GameState } from '../../game/store';
import { h } from '../dom';

export function levelsScreen(state: GameState, ctl: Controller): HTMLElement {
  const list = h('ul', { className: 'levels' });
  for (const id of LEVEL_IDS) {
    const level = loadLevel(id);
    const unlocked = state.progress.unlocked.includes(id);
    const done = state.progress.completed.includes(id);
    list.appendChild(
      h(
        'li',
        { className: unlocked ? 'level' : 'level locked' },
        h('h2', {}, level.title),
        h('p', {}, level.summary),
        h(
          'button',
          {
            type: 'button',
            className: 'primary',
            disabled: !unlocked,
            'aria-label': unlocked ? W.playLevel(level.title) : W.lockedLabel(level.title),
            onclick: () => ctl.chooseLevel(id),
          },
          unlocked ? (done ? W.playAgain : W.play) : W.locked,
        ),
        done ? h('span', { className: 'badge' }, W.finished) : null,
      ),
    );
  }
  return h(
    'section',
    { className: 'screen levels-screen', 'aria-labelledby': 'levels-heading' },
    h('h1', { id: 'levels-heading' }, W.heading),
    list,
    h(
      'p',
      { className: 'row' },
      h('button', { type: 'button', onclick: () => ctl.showTitle() }, W.back),
      h('button', { type: 'button', id: 'unlock-all', className: 'quiet', onclick: () => ctl.unlockAll() }, W.unlockAll),
      state.progress.coachOff
        ? h('button', { type: 'button', id: 'coach-on', className: 'quiet', onclick: () => ctl.setCoach(true) }, COACH_WORDS.on)
        : null,
    ),
  );
}
