// Where the staff hours went, week by week (the report's hours): value work, failure work and idle time, stacked, with
// the week the office changed marked. A table beside it says the same in numbers.
import type { StaffWeek } from '../game/debriefData';
import { chartFont, niceTicks, pageScale, responsiveSvg, wholeTicks } from './chartKit';
import { h, svg } from './dom';
import { STAFF_CHART_WORDS as W } from '../content/charts';
import { count } from './format';

const PARTS = [
  { key: 'value', label: W.parts.value, className: 'hours-value' },
  { key: 'failure', label: W.parts.failure, className: 'hours-failure' },
  { key: 'idle', label: W.parts.idle, className: 'hours-idle' },
] as const;

export function staffChart(weeks: readonly StaffWeek[], changedWeek: number | null, caption: string): HTMLElement {
  const top = Math.max(1, ...weeks.map((w) => w.value + w.failure + w.idle));
  const draw = (width: number) => {
    // The charts' lettering (larger on a projector), and margins that grow with it.
    const font = chartFont(width);
    const k = font / 11;
    const height = Math.round(220 * pageScale());
    const left = 56 * k;
    const right = 10;
    const topPad = 10 * k;
    const bottom = 40 * k;
    const plotW = width - left - right;
    const plotH = height - topPad - bottom;
    const { ticks, top: yTop } = niceTicks(top, 4);
    const x = (i: number) => left + (i / Math.max(1, weeks.length)) * plotW;
    const y = (v: number) => topPad + plotH - (v / yTop) * plotH;
    const barW = Math.max(1, plotW / Math.max(1, weeks.length) - 1);
    const g = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, style: `font-size: ${font}px`, role: 'img', 'aria-label': caption });
    for (const t of ticks) {
      g.appendChild(svg('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), class: 'axis-line' }));
      g.appendChild(svg('text', { x: left - 6, y: y(t) + font * 0.35, 'text-anchor': 'end', class: 'axis' }, count(t)));
    }
    weeks.forEach((w, i) => {
      let base = 0;
      for (const p of PARTS) {
        const v = w[p.key];
        if (v <= 0) continue;
        g.appendChild(svg('rect', { x: x(i), y: y(base + v), width: barW, height: Math.max(0, y(base) - y(base + v)), class: p.className }));
        base += v;
      }
    });
    for (const wk of wholeTicks(1, weeks.length, Math.max(2, Math.floor(plotW / (50 * k))))) {
      g.appendChild(svg('text', { x: x(wk - 1) + barW / 2, y: height - bottom + font * 1.45, 'text-anchor': 'middle', class: 'axis' }, count(wk)));
    }
    g.appendChild(svg('text', { x: left + plotW / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, W.weekAxis));
    g.appendChild(
      svg(
        'text',
        { x: font, y: topPad + plotH / 2, 'text-anchor': 'middle', class: 'axis', transform: `rotate(-90 ${font} ${topPad + plotH / 2})` },
        W.hoursAxis,
      ),
    );
    if (changedWeek !== null && changedWeek >= 1 && changedWeek <= weeks.length) {
      const cx = x(changedWeek - 1);
      g.appendChild(svg('line', { x1: cx, x2: cx, y1: topPad, y2: topPad + plotH, class: 'xmr-phase' }));
      g.appendChild(svg('text', { x: cx + 4, y: topPad + font * 1.1, class: 'axis' }, W.redesign));
    }
    return g;
  };
  const table = h(
    'table',
    { className: 'data' },
    h('caption', {}, W.tableCaption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, W.weeks), ...PARTS.map((p) => h('th', { scope: 'col' }, p.label)))),
    h(
      'tbody',
      {},
      ...[0, 13, 26, 39]
        .filter((from) => from < weeks.length)
        .map((from) => {
          const part = weeks.slice(from, from + 13);
          const sum = (k: (typeof PARTS)[number]['key']) => count(Math.round(part.reduce((a, w) => a + w[k], 0)));
          return h('tr', {}, h('th', { scope: 'row' }, W.weekRange(from + 1, from + part.length)), ...PARTS.map((p) => h('td', {}, sum(p.key))));
        }),
    ),
  );
  return h(
    'figure',
    { className: 'chart' },
    h('figcaption', {}, caption, ...PARTS.map((p) => h('span', { className: `key ${p.className}` }, p.label))),
    responsiveSvg(draw),
    h('details', {}, h('summary', {}, W.showTable), table),
  );
}
