// The projector view: every team side by side on both ledgers, in type a room can read. Each
// row's bars share one scale per figure, so the room compares teams at a glance.
import { ROOM_WORDS as W } from '../../content/room';
import type { Dashboard, DashboardTeam } from '../../room/protocol';
import { h } from '../dom';
import { days, percent } from '../format';
import { predictionsView } from './predictionsView';

interface Figure {
  label: string;
  value: (t: DashboardTeam) => number | null;
  format: (x: number | null) => string;
  ledger: 'official' | 'lived';
}

const C = W.columns;
const FIGURES: Figure[] = [
  { label: C.processing, value: (t) => t.summary?.official.processingDays ?? null, format: days, ledger: 'official' },
  { label: C.stars, value: (t) => t.summary?.official.stars ?? null, format: (x) => (x === null ? '—' : '★'.repeat(x)), ledger: 'official' },
  { label: C.waited, value: (t) => t.summary?.lived.waitingDaysMean ?? null, format: days, ledger: 'lived' },
  { label: C.failure, value: (t) => t.summary?.lived.failureDemandShare ?? null, format: percent, ledger: 'lived' },
];

function bar(value: number | null, max: number, text: string, ledger: string): HTMLElement {
  const width = value === null || max <= 0 ? 0 : Math.max(2, (value / max) * 100);
  return h(
    'td',
    { className: `bar ${ledger}` },
    h('span', { className: 'fill', style: `width:${Math.round(width * 10) / 10}%` }),
    h('span', { className: 'value' }, text),
  );
}

export function projectorView() {
  const heading = h('h1', {});
  const state = h('p', { className: 'room-state' });
  const body = h('tbody', {});
  const predictions = predictionsView();
  const el = h(
    'div',
    { className: 'projector' },
    heading,
    state,
    h(
      'table',
      { className: 'compare' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('td', {}),
          h('th', { colspan: 2, className: 'official', scope: 'colgroup' }, W.projectorOfficial),
          h('th', { colspan: 2, className: 'lived', scope: 'colgroup' }, W.projectorLived),
        ),
        h('tr', {}, h('th', { scope: 'col' }, C.team), ...FIGURES.map((f) => h('th', { scope: 'col' }, f.label))),
      ),
      body,
    ),
    predictions.el,
  );
  return {
    el,
    show(d: Dashboard) {
      heading.textContent = W.projectorHeading(d.title);
      const phase = d.config.phases[d.room.phase]!;
      state.textContent = W.roomState(phase.label, d.room.gateDay, d.room.paused, d.teams.length, d.teams.filter((t) => t.atGate).length);
      predictions.show(d);
      const max = FIGURES.map((f) => Math.max(0, ...d.teams.map((t) => f.value(t) ?? 0)));
      body.replaceChildren(
        ...d.teams.map((t) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, t.name),
            ...FIGURES.map((f, i) => bar(f.value(t), f.ledger === 'official' && i === 1 ? 5 : max[i]!, f.format(f.value(t)), f.ledger)),
          ),
        ),
      );
    },
  };
}
