// Two distributions on one scale as an SVG bar chart, with a table of the same numbers for
// screen readers and anyone who prefers figures.
import type { Histogram } from '../game/debriefData';
import { h, svg } from './dom';
import { count, days } from './format';

export interface Series {
  label: string;
  className: string;
  hist: Histogram;
}

/** A short axis label: whole days when bins are a day or more, else the time under a day. */
function edge(x: number, bin: number): string {
  if (bin >= 1) return String(Math.round(x));
  return x === 0 ? '0' : days(x);
}

function binLabel(i: number, bin: number, last: boolean): string {
  return last ? `${days(i * bin)} or more` : `${days(i * bin)} to ${days((i + 1) * bin)}`;
}

export function distributionChart(title: string, a: Series, b: Series): HTMLElement {
  const bins = a.hist.counts.length;
  const bin = a.hist.binDays;
  const share = (s: Series, i: number) => (s.hist.total > 0 ? s.hist.counts[i]! / s.hist.total : 0);
  let max = 0;
  for (let i = 0; i < bins; i++) max = Math.max(max, share(a, i), share(b, i));
  max = max || 1;
  const W = 640;
  const H = 240;
  const left = 40;
  const bottom = 40;
  const plotH = H - bottom - 10;
  const slot = (W - left - 10) / bins;
  const bars: SVGElement[] = [];
  for (let i = 0; i < bins; i++) {
    const x = left + i * slot;
    for (const [k, s] of [a, b].entries()) {
      const hgt = (share(s, i) / max) * plotH;
      bars.push(svg('rect', { x: x + 2 + k * (slot / 2 - 2), y: 10 + plotH - hgt, width: slot / 2 - 3, height: Math.max(0, hgt), class: s.className }));
    }
    if (i % 2 === 0 || bins <= 8) {
      bars.push(svg('text', { x: x + slot / 2, y: H - bottom + 16, 'text-anchor': 'middle', class: 'axis' }, i === bins - 1 ? `${edge(i * bin, bin)}+` : edge(i * bin, bin)));
    }
  }
  bars.push(svg('line', { x1: left, y1: 10 + plotH, x2: W - 10, y2: 10 + plotH, class: 'axis-line' }));
  bars.push(svg('text', { x: left + (W - left) / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis' }, bin >= 1 ? 'days' : 'time'));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${title}: chart; the same numbers are in the table below` }, ...bars);

  const table = h(
    'table',
    { className: 'data' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Time'), h('th', { scope: 'col' }, a.label), h('th', { scope: 'col' }, b.label))),
  );
  const body = h('tbody', {});
  for (let i = 0; i < bins; i++) {
    body.appendChild(
      h('tr', {}, h('th', { scope: 'row' }, binLabel(i, bin, i === bins - 1)), h('td', {}, count(a.hist.counts[i])), h('td', {}, count(b.hist.counts[i]))),
    );
  }
  table.appendChild(body);
  return h(
    'figure',
    { className: 'chart' },
    h('figcaption', {}, title, h('span', { className: `key ${a.className}` }, a.label), h('span', { className: `key ${b.className}` }, b.label)),
    chart,
    h('details', {}, h('summary', {}, 'Show the numbers as a table'), table),
  );
}
