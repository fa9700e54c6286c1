// Briefing: who you are and what you are asked to achieve, in the regime's own language.
import type { Controller } from '../../game/controller';
import { loadLevel, REGIMES, scenarioOf } from '../../game/levels';
import type { GameState } from '../../game/store';
import { h } from '../dom';
import { BRIEFING_WORDS as W } from '../../content/briefing';
import { days, percent } from '../format';
import { termLink } from '../glossary';

/** The briefing's words, linked to the glossary: the regime's own, where the level uses them. */
function briefingTerms(deliverology: boolean, inspected: boolean, scenarios: boolean): HTMLElement | null {
  if (deliverology) {
    const words = inspected
      ? W.deliverologyTerms(termLink('deliverology'), termLink('targets'), scenarios ? termLink('nil-qualify', W.nilQualifyTerm) : null)
      : W.targetsTerms(termLink('targets'));
    return h('p', { className: 'hint terms' }, ...words);
  }
  if (!inspected) return null;
  return h('p', { className: 'hint terms' }, ...W.systemsTerms(termLink('end-to-end'), termLink('one-stop')));
}

export function briefingScreen(state: GameState, ctl: Controller): HTMLElement {
  const level = loadLevel(state.levelId);
  const regime = level.regimes[state.regime];
  const targets = level.inspection?.targets;
  const choices = h('fieldset', { className: 'regimes' }, h('legend', {}, W.regimes));
  for (const r of REGIMES) {
    const id = `regime-${r}`;
    choices.appendChild(
      h(
        'label',
        { for: id },
        h('input', {
          type: 'radio',
          name: 'regime',
          id,
          value: r,
          checked: r === state.regime,
          onchange: () => ctl.setRegime(r),
        }),
        ` ${level.regimes[r].name}`,
      ),
    );
  }
  // The ways into an office run to targets: as the sources found it, or an honest one under pressure.
  const scenarioId = scenarioOf(state.levelId, state.scenario);
  const scenarios =
    level.scenarios.length > 0 && state.regime === 'deliverology' ? h('fieldset', { className: 'scenarios' }, h('legend', {}, W.scenarios)) : null;
  for (const sc of scenarios ? level.scenarios : []) {
    const id = `scenario-${sc.id}`;
    scenarios!.appendChild(
      h(
        'div',
        { className: 'scenario' },
        h(
          'label',
          { for: id },
          h('input', { type: 'radio', name: 'scenario', id, value: sc.id, checked: sc.id === scenarioId, onchange: () => ctl.setScenario(sc.id) }),
          ` ${sc.title}`,
        ),
        h('p', { className: 'hint' }, sc.summary),
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
    h('h2', {}, regime.name),
    h('p', { className: 'brief' }, regime.briefing),
    briefingTerms(state.regime === 'deliverology', level.inspection !== undefined, scenarios !== null),
    targets
      ? h(
          'ul',
          { className: 'targets', 'aria-label': W.targets },
          h('li', {}, W.processWithin(days(targets.processingDays))),
          h('li', {}, W.answerCalls(percent(targets.callsAnsweredIn20s))),
          h('li', {}, W.seeVisitors(percent(targets.visitorsSeenIn15m))),
          h('li', {}, W.inspectors(level.inspection!.everyDays)),
        )
      : null,
    h('p', {}, W.runLasts(level.days), level.warmUpDays > 0 ? W.inherit : null),
    h('p', { className: 'row' }, h('label', { for: 'seed' }, W.seed), seed),
    h(
      'p',
      { className: 'row' },
      h('button', { type: 'button', onclick: () => ctl.showLevels() }, W.back),
      h('button', { type: 'button', className: 'primary big', onclick: () => ctl.startRun(), autofocus: true }, W.start),
    ),
  );
}
