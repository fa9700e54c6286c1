// The official dashboard in the HUD, for any service: one item per official measure of the
// service's catalogue, in its order, each with its target and whether the core says it is met.
import { OFFICE_WORDS } from '../content/office';
import { DAY } from '../engine/calendar';
import type { TargetState } from '../engine/measures';
import type { MeasureEntry } from '../engine/service';
import { h, setText } from './dom';
import { count, days, money, percent } from './format';

/** A figure in words by its unit. */
export function figure(m: Pick<MeasureEntry, 'unit'>, value: number | null): string {
  switch (m.unit) {
    case 'days':
      return days(value);
    case 'share':
      return percent(value);
    case 'minutes':
      return days(value === null ? null : value / DAY);
    case 'pounds':
      return money(value);
    default:
      return count(value);
  }
}

export interface OfficialDashboard<K extends string> {
  el: HTMLElement;
  /** The dashboard's figures now, the targets, and each figure's state against its target (from the core). */
  update(dashboard: { readonly [k in K]: number | null }, targets: { readonly [k in K]: number }, states: { readonly [k in K]: TargetState }): void;
}

/** The HUD's dashboard for a catalogue's official measures (their ids are the dashboard's keys, K). */
export function officialDashboard<K extends string>(
  official: readonly MeasureEntry[],
  names: { readonly [k in K]: string },
  label: string,
): OfficialDashboard<K> {
  const items = official.map((m) => ({ m, el: h('li', { className: 'measure' }) }));
  const el = h('ul', { className: 'dashboard', 'aria-label': label }, ...items.map((i) => i.el));
  return {
    el,
    update(dashboard, targets, states) {
      for (const { m, el } of items) {
        const id = m.id as K;
        const state = states[id] ?? null;
        const met = state === null ? null : state === 'met';
        setText(el, OFFICE_WORDS.measure(names[id] ?? m.id, figure(m, dashboard[id] ?? null), figure(m, targets[id] ?? null), met));
        el.className = `measure ${met === null ? '' : met ? 'ok' : 'miss'}`;
      }
    },
  };
}

/** An inspection's figures against their targets, one line per official measure, met or missed as the core judged them. */
export function inspectionLines<K extends string>(
  official: readonly MeasureEntry[],
  names: { readonly [k in K]: string },
  dashboard: { readonly [k in K]: number | null },
  targets: { readonly [k in K]: number },
  met: { readonly [k in K]: boolean },
): HTMLElement[] {
  return official.map((m) => {
    const id = m.id as K;
    return h('li', { className: met[id] ? 'ok' : 'miss' }, OFFICE_WORDS.measure(names[id], figure(m, dashboard[id]), figure(m, targets[id]), met[id]));
  });
}
