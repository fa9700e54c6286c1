// A process behaviour chart of weekly end-to-end days, with its limits and signals, and the
// same numbers as a table.
import type { WeekPoint } from '../analysis/endToEnd';
import { capability, type XmR } from '../analysis/xmr';
import { h, svg } from './dom';
import { ratio } from './format';

export function xmrFigure(points: readonly WeekPoint[], chart: XmR, compact = false): HTMLElement {
  const W = 640;
  const H = compact ? 140 : 220;
  const left = 36;
  const top = 10;
  const plotW = W - left - 10;
  const plotH = H - top - 26;
  const hi = Math.max(chart.upper, ...chart.values) * 1.08 || 1;
  const lo = Math.min(0, chart.lower, ...chart.values);
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const signals = new Set([...chart.beyondLimits, ...chart.longRuns]);
  const parts: SVGElement[] = [
    svg('line', { x1: left, x2: W - 10, y1: y(chart.upper), y2: y(chart.upper), class: 'xmr-limit' }),
    svg('line', { x1: left, x2: W - 10, y1: y(chart.centre), y2: y(chart.centre), class: 'xmr-centre' }),
  ];
  if (chart.lower > lo) parts.push(svg('line', { x1: left, x2: W - 10, y1: y(chart.lower), y2: y(chart.lower), class: 'xmr-limit' }));
  parts.push(svg('polyline', { points: chart.values.map((v, i) => `${x(i)},${y(v)}`).join(' '), class: 'xmr-line' }));
  chart.values.forEach((v, i) => parts.push(svg('circle', { cx: x(i), cy: y(v), r: signals.has(i) ? 4 : 2.5, class: signals.has(i) ? 'xmr-signal' : 'xmr-point' })));
  parts.push(svg('text', { x: W - 12, y: y(chart.upper) - 4, 'text-anchor': 'end', class: 'axis' }, `upper limit ${ratio(chart.upper)}`));
  parts.push(svg('text', { x: W - 12, y: y(chart.centre) - 4, 'text-anchor': 'end', class: 'axis' }, `average ${ratio(chart.centre)}`));
  parts.push(svg('text', { x: left + plotW / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis' }, 'week of first contact'));
  const cap = capability(chart);
  const body = h('tbody', {});
  points.forEach((p, i) =>
    body.appendChild(h('tr', {}, h('th', { scope: 'row' }, `Week ${p.week}`), h('td', {}, ratio(p.meanDays)), h('td', {}, String(p.needsMet)), h('td', {}, signals.has(i) ? 'signal' : ''))),
  );
  return h(
    'figure',
    { className: 'chart xmr' },
    h('figcaption', {}, 'End-to-end days by week of first contact (a process behaviour chart; weeks still mostly waiting are left out)'),
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Process behaviour chart of weekly end-to-end days; the numbers are in the table below' }, ...parts),
    h(
      'dl',
      { className: 'figures xmr-figures' },
      h('div', { 'data-xmr': 'centre' }, h('dt', {}, 'Average (centre line)'), h('dd', {}, `${ratio(chart.centre)} days`)),
      h('div', { 'data-xmr': 'upper' }, h('dt', {}, 'Upper natural process limit'), h('dd', {}, `${ratio(chart.upper)} days`)),
      h('div', { 'data-xmr': 'lower' }, h('dt', {}, 'Lower natural process limit'), h('dd', {}, `${ratio(chart.lower)} days`)),
      h('div', { 'data-xmr': 'signals' }, h('dt', {}, 'Weeks with a signal'), h('dd', {}, String(signals.size))),
    ),
    h('p', { className: 'capability' }, `Week in, week out, the average wait of a week's citizens will stay between ${ratio(cap.from)} and ${ratio(cap.to)} days, unless the system changes. Single citizens vary more than that.`),
    h(
      'details',
      {},
      h('summary', {}, 'Show the weeks as a table'),
      h(
        'table',
        { className: 'data' },
        h('caption', {}, 'Mean end-to-end days of the needs met, by week of first contact'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Mean days'), h('th', { scope: 'col' }, 'Needs met'), h('th', { scope: 'col' }, 'Signal'))),
        body,
      ),
    ),
  );
}
