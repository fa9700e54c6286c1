// Housing repairs' briefing: how the service is run, the targets, the seed.
import { REPAIRS_WORDS as W } from '../../../content/repairs';
import { REGIMES } from '../../../game/levels';
import type { RepairsController } from '../../../game/repairs/repairsController';
import { repairsLevel, repairsScenarioOf } from '../../../game/repairs/repairsLevel';
import type { GameState } from '../../../game/store';
import { h } from '../../dom';
import { days, percent } from '../../format';

export function repairsBriefingScreen(state: GameState, ctl: RepairsController): HTMLElement {
  const level = repairsLevel();
  const regime = state.repairs?.regime ?? 'deliverology';
  const t = level.inspection.targets;
  const choices = h('fieldset', { className: 'regimes' }, h('legend', {}, W.regimes));
  for (const r of REGIMES) {
    const id = `regime-${r}`;
    choices.appendChild(
      h(
        'label',
        { for: id },
        h('input', { type: 'radio', name: 'regime', id, value: r, checked: r === regime, onchange: () => ctl.setRegime(r) }),
        ` ${W.regimeNames[r]}`,
      ),
    );
  }
  // The ways into the approved design: the four-star service as written, or an honest one under pressure.
  const scenarioId = repairsScenarioOf('deliverology', state.repairs?.scenario ?? null);
  const scenarios = regime === 'deliverology' && level.scenarios.length > 0 ? h('fieldset', { className: 'scenarios' }, h('legend', {}, W.scenarios)) : null;
  for (const sc of scenarios ? level.scenarios : []) {
    const id = `scenario-${sc.id}`;
    scenarios!.appendChild(
      h(
        'div',
        { className: 'scenario' },
        h(
          'label',
          { for: id },
          h('input', {
            type: 'radio',
            name: 'scenario',
            id,
            value: sc.id,
            checked: sc.id === scenarioId,
            'aria-describedby': `${id}-summary`,
            onchange: () => ctl.setScenario(sc.id),
          }),
          ` ${sc.title}`,
        ),
        h('p', { className: 'hint', id: `${id}-summary` }, sc.summary),
      ),
    );
  }
  const seed = h('input', { id: 'seed', type: 'number', min: 0, step: 1, value: state.seed, inputmode: 'numeric' });
  seed.addEventListener('change', () => ctl.setSeed(Number(seed.value)));
  return h(
    'section',
    { className: 'screen briefing', 'aria-labelledby': 'briefing-heading' },
    h('h1', { id: 'briefing-heading' }, level.title),
    choices,
    scenarios,
    h('h2', {}, W.regimeNames[regime]),
    h('p', { className: 'brief' }, W.briefings[regime]),
    regime === 'deliverology'
      ? h(
          'ul',
          { className: 'targets', 'aria-label': W.targets },
          h('li', {}, W.targetJobs(percent(t.jobsWithinTarget))),
          h('li', {}, W.targetDays(days(t.daysPerJob))),
          h('li', {}, W.targetCalls(percent(t.callsAnsweredIn20s))),
          h('li', {}, W.inspectors(level.inspection.everyDays)),
        )
      : null,
    h('p', { className: 'hint' }, W.source),
    h('p', {}, W.runLasts(level.days)),
    h('p', { className: 'row' }, h('label', { for: 'seed' }, W.seed), seed),
    h(
      'p',
      { className: 'row' },
      h('button', { type: 'button', onclick: () => ctl.showLevels() }, W.back),
      h('button', { type: 'button', className: 'primary big', onclick: () => ctl.start(), autofocus: true }, W.start),
    ),
  );
}
