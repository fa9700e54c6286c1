// Level select: the tutorial first; each level unlocks when the one before it is finished.
import { COACH_WORDS } from '../../content/coach';
import { LEVELS_WORDS as W } from '../../content/levels';
import type { Controller } from '../../game/controller';
import { isLevelId, loadLevel } from '../../game/levels';
import type { RepairsController } from '../../game/repairs/repairsController';
import { repairsLevel } from '../../game/repairs/repairsLevel';
import { GAME_LEVEL_IDS } from '../../levels/catalogue';
import type { GameState } from '../../game/store';
import { h } from '../dom';

export function levelsScreen(state: GameState, ctl: Controller, repairs: RepairsController): HTMLElement {
  const list = h('ul', { className: 'levels' });
  for (const id of GAME_LEVEL_IDS) {
    const level = isLevelId(id) ? loadLevel(id) : repairsLevel();
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
            onclick: () => (isLevelId(id) ? ctl.chooseLevel(id) : repairs.choose()),
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
      state.progress.coachOff ? h('button', { type: 'button', id: 'coach-on', className: 'quiet', onclick: () => ctl.setCoach(true) }, COACH_WORDS.on) : null,
    ),
  );
}
