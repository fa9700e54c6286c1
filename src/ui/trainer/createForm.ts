// Starting a session: the level and scenario every team plays, the seed (so every team meets the
// same citizens), and the phases the trainer will release one at a time.
import { ROOM_WORDS as W } from '../../content/room';
import { LEVEL_IDS, shippedLevel } from '../../levels/catalogue';
import type { Phase, SessionConfig } from '../../room/protocol';
import { h } from '../dom';

type Preset = keyof typeof W.phasePresets;

/** The phases of a preset, for a run of `days` days. */
export function presetPhases(preset: Preset, days: number): Phase[] {
  if (preset === 'whole' || days <= 91) return [{ label: W.wholeRun, untilDay: days }];
  if (preset === 'halves')
    return [
      { label: W.quarter(1), untilDay: 91 },
      { label: W.restOfRun, untilDay: days },
    ];
  const ends = [91, 182, 273].filter((d) => d < days);
  return [...ends.map((d, i) => ({ label: W.quarter(i + 1), untilDay: d })), { label: W.quarter(ends.length + 1), untilDay: days }];
}

export function createForm(onCreate: (config: SessionConfig) => Promise<string | null>): HTMLElement {
  const title = h('input', { id: 'session-title', maxlength: 80 });
  const level = h(
    'select',
    { id: 'session-level' },
    ...LEVEL_IDS.map((id) => h('option', { value: id, selected: id === 'housing-benefit' }, shippedLevel(id).title)),
  );
  const scenario = h('select', { id: 'session-scenario' });
  const fillScenarios = () => {
    const scenarios = shippedLevel(level.value as (typeof LEVEL_IDS)[number]).scenarios;
    scenario.replaceChildren(...scenarios.map((s, i) => h('option', { value: s.id, selected: i === 0 }, s.title)));
    scenario.disabled = scenarios.length === 0;
  };
  level.addEventListener('change', fillScenarios);
  fillScenarios();
  const seed = h('input', {
    id: 'session-seed',
    type: 'number',
    min: 0,
    max: 99999,
    value: 1 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 99999),
  });
  const presets: Preset[] = ['quarters', 'halves', 'whole'];
  const phases = h('select', { id: 'session-phases' }, ...presets.map((p) => h('option', { value: p, selected: p === 'halves' }, W.phasePresets[p])));
  const status = h('p', { role: 'status' });
  const button = h('button', { type: 'submit', className: 'primary' }, W.create);
  return h(
    'form',
    {
      className: 'create-session',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const id = level.value as (typeof LEVEL_IDS)[number];
        const config: SessionConfig = {
          title: title.value.trim(),
          level: id,
          scenario: scenario.disabled ? null : scenario.value,
          seed: Math.max(0, Math.min(99999, Math.round(Number(seed.value) || 0))),
          regime: shippedLevel(id).scenarios.find((s) => s.id === scenario.value)?.regime ?? 'deliverology',
          phases: presetPhases(phases.value as Preset, shippedLevel(id).days),
        };
        button.disabled = true;
        status.textContent = W.creating;
        const error = await onCreate(config);
        button.disabled = false;
        status.textContent = error ?? '';
      },
    },
    h('h2', {}, W.createHeading),
    h('label', { for: 'session-title' }, W.sessionTitle),
    title,
    h('label', { for: 'session-level' }, W.level),
    level,
    h('label', { for: 'session-scenario' }, W.scenario),
    scenario,
    h('label', { for: 'session-seed' }, W.seed),
    seed,
    h('label', { for: 'session-phases' }, W.phasesLabel),
    phases,
    button,
    status,
  );
}
