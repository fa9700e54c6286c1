// The projector view: every team side by side on both ledgers, in type a room can read. Each
// row's bars share one scale per figure, and every team's process behaviour chart (drawn from the
// weeks in its summary, as its debrief draws it) shares one scale with the others', so the room
// compares teams at a glance.
import { processChart, type ProcessChart } from '../../analysis/xmrPhases';
import { ROOM_WORDS as W } from '../../content/room';
import type { Dashboard, DashboardTeam } from '../../room/protocol';
import { summaryWeeks } from '../../room/summary';
import { chartFont, responsiveSvg } from '../chartKit';
import { h } from '../dom';
import { days, percent, timeUnitFor, type TimeUnit, unitName } from '../format';
import { chartHighest, drawXmrChart, xmrLegend } from '../xmrChart';
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

/** The projector's type over the page's (trainer.css, .on-projector): the charts' lettering grows with it. */
const PROJECTOR_TYPE = 1.35;
/** A chart's height in lines of its lettering: room for the axes, the changes' labels and the weeks. */
const CHART_LINES = 13;

/** A team's process behaviour chart from the weeks in its summary (null: too few settled weeks yet). */
function teamChart(t: DashboardTeam): ProcessChart | null {
  // A summary stored before the weekly series existed has none.
  const weekly = t.summary?.weekly;
  return weekly ? processChart(summaryWeeks({ weekly }), weekly.changes) : null;
}

/** One scale for every team's chart: the unit, the top of the y-axis and the weeks across. */
export interface SharedScale {
  unit: TimeUnit;
  maxDays: number;
  first: number;
  last: number;
}

export function sharedScale(charts: readonly (ProcessChart | null)[]): SharedScale {
  let maxDays = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const c of charts) {
    if (!c) continue;
    maxDays = Math.max(maxDays, chartHighest(c));
    const starts = c.phases.slice(1).map((p) => p.startWeek);
    first = Math.min(first, c.weeks[0] ?? 1, ...starts);
    last = Math.max(last, c.weeks[c.weeks.length - 1] ?? 1, ...starts);
  }
  return { unit: timeUnitFor(maxDays), maxDays, first: Number.isFinite(first) ? first : 1, last: Number.isFinite(last) ? last : 1 };
}

/**
 * Every team's process behaviour chart side by side (small multiples), on one scale so the room
 * compares them at a glance. A team's chart is drawn again only when its weeks or the scale change:
 * the dashboard arrives several times a second.
 */
function chartsView() {
  const grid = h('div', { className: 'pbc-grid' });
  const el = h(
    'section',
    { className: 'pbc', 'aria-labelledby': 'pbc-heading' },
    h('h2', { id: 'pbc-heading' }, W.chartsHeading),
    h('p', { className: 'pbc-note' }, W.chartsNote),
    xmrLegend(),
    grid,
  );
  const cards = new Map<string, { key: string; el: HTMLElement }>();
  const card = (t: DashboardTeam, chart: ProcessChart | null, scale: SharedScale): HTMLElement => {
    const frame = (width: number) => {
      const font = Math.round(chartFont(width) * PROJECTOR_TYPE);
      return {
        font,
        height: font * CHART_LINES,
        maxDays: scale.maxDays,
        weeks: scale,
        label: W.chartLabel(t.name, unitName(scale.unit)),
        roomForChanges: true,
      };
    };
    return h(
      'figure',
      { className: 'chart pbc-team', 'data-team': t.id },
      h('figcaption', {}, t.name),
      chart ? responsiveSvg((width) => drawXmrChart(chart, scale.unit, width, false, frame(width)), 560) : h('p', { className: 'pbc-none' }, W.chartTooFew),
    );
  };
  return {
    el,
    show(teams: readonly DashboardTeam[]) {
      el.hidden = teams.length === 0;
      const charts = teams.map(teamChart);
      const scale = sharedScale(charts);
      const shown = teams.map((t, i) => {
        const key = JSON.stringify([t.name, t.summary?.weekly ?? null, scale]);
        let c = cards.get(t.id);
        if (!c || c.key !== key) {
          c = { key, el: card(t, charts[i]!, scale) };
          cards.set(t.id, c);
        }
        return c.el;
      });
      for (const id of [...cards.keys()]) if (!teams.some((t) => t.id === id)) cards.delete(id);
      // Moved only when the cards or their order changed, so a drawn chart is left alone.
      if (shown.length !== grid.children.length || shown.some((c, i) => grid.children[i] !== c)) grid.replaceChildren(...shown);
    },
  };
}

export function projectorView() {
  const heading = h('h1', {});
  const state = h('p', { className: 'room-state' });
  const body = h('tbody', {});
  const predictions = predictionsView();
  const charts = chartsView();
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
    charts.el,
  );
  return {
    el,
    show(d: Dashboard) {
      heading.textContent = W.projectorHeading(d.title);
      const phase = d.config.phases[d.room.phase]!;
      state.textContent = W.roomState(phase.label, d.room.gateDay, d.room.paused, d.teams.length, d.teams.filter((t) => t.atGate).length);
      predictions.show(d);
      charts.show(d.teams);
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
