// Briefing: who you are and what you are asked to achieve, in the regime's own language.
import type { Controller } from '../../game/controller';
import { loadLevel, REGIMES, scenarioOf } from '../../game/levels';
import type { GameState } from '../../game/store';
import { h } from '../dom';
import { days, percent } from '../format';
import { termLink } from '../glossary';

/** The briefing's words, linked to the glossary: the regime's own, where the level uses them. */
function briefingTerms(deliverology: boolean, inspected: boolean, scenarios: boolean): HTMLElement | null {
  if (deliverology) {
    return inspected
      ? h(
          'p',
          { className: 'hint terms' },
          'New to this? The glossary (G) explains ',
          termLink('deliverology'),
          ', ',
          termLink('targets'),
          scenarios ? ', and closing incomplete claims, known as ' : null,
          scenarios ? termLink('nil-qualify', 'nil-qualifying') : null,
          '.',
        )
      : h('p', { className: 'hint terms' }, 'New to this? The glossary (G) explains ', termLink('targets'), '.');
  }
  if (!inspected) return null;
  return h(
    'p',
    { className: 'hint terms' },
    'Days from first contact to money paid are measured ',
    termLink('end-to-end'),
    '; a need decided on the spot is ',
    termLink('one-stop'),
    ', settled in one contact.',
  );
}

export function briefingScreen(state: GameState, ctl: Controller): HTMLElement {
  const level = loadLevel(state.levelId);
  const regime = level.regimes[state.regime];
  const targets = level.inspection?.targets;
  const choices = h('fieldset', { className: 'regimes' }, h('legend', {}, 'How the service is run'));
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
    level.scenarios.length > 0 && state.regime === 'deliverology'
      ? h('fieldset', { className: 'scenarios' }, h('legend', {}, 'The office you take over'))
      : null;
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
          { className: 'targets', 'aria-label': 'Your targets' },
          h('li', {}, `Process claims within ${days(targets.processingDays)} on average`),
          h('li', {}, `Answer ${percent(targets.callsAnsweredIn20s)} of calls within 20 seconds`),
          h('li', {}, `See ${percent(targets.visitorsSeenIn15m)} of visitors within 15 minutes`),
          h('li', {}, `Inspectors visit every ${level.inspection!.everyDays} days and award up to 4 stars`),
        )
      : null,
    h('p', {}, `The run lasts ${level.days} days.${level.warmUpDays > 0 ? ' You inherit an office that is already running, backlog and all.' : ''}`),
    h(
      'p',
      { className: 'row' },
      h('label', { for: 'seed' }, 'Seed (the same seed gives everyone the same citizens) '),
      seed,
    ),
    h(
      'p',
      { className: 'row' },
      h('button', { type: 'button', onclick: () => ctl.showLevels() }, 'Back'),
      h('button', { type: 'button', className: 'primary big', onclick: () => ctl.startRun(), autofocus: true }, 'Start'),
    ),
  );
}
