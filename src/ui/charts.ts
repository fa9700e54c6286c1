// Two distributions on one scale as an SVG bar chart, with those the distributions leave out
// (still waiting, gave up, closed as incomplete) beside them, and a table of the same numbers for
// screen readers and anyone who prefers figures.
import type { Histogram, Unhelped } from '../game/debriefData';
import { chartFont, niceTicks, responsiveSvg } from './chartKit';
import { h, svg } from './dom';
import { DISTRIBUTION_WORDS as T } from '../content/charts';
import { count, days, duration, inUnit, tick, timeUnitFor, unitName, type TimeUnit } from './format';

export interface Series {
  label: string;
  className: string;
  hist: Histogram;
}

/** A bar beside the distributions: a count of one series that has no time on its clock. */
interface Extra {
  lines: readonly string[];
  label: string;
  className: string;
  count: number;
}

function extrasOf(a: Series, b: Series, u: Unhelped | undefined): Extra[] {
  if (!u) return [];
  const extras: Extra[] = [
    { ...T.stillWaiting, className: b.className, count: u.stillWaiting },
    { ...T.gaveUp, className: b.className, count: u.gaveUp },
  ];
  if (u.closedIncomplete > 0) extras.push({ ...T.closedIncomplete, className: a.className, count: u.closedIncomplete });
  return extras;
}

function binLabel(i: number, bin: number, last: boolean, unit: TimeUnit): string {
  return last ? T.lastBin(duration(i * bin, unit)) : T.bin(duration(i * bin, unit), duration((i + 1) * bin, unit));
}

function drawBars(a: Series, b: Series, extras: Extra[], unit: TimeUnit, W: number): SVGElement {
  const font = chartFont(W);
  const bins = a.hist.counts.length;
  const bin = a.hist.binDays;
  // Bars beside the distributions need room for their labels; on a narrow screen the note below says it.
  const shownExtras = W >= 560 ? extras : [];
  const H = Math.round(Math.min(400, Math.max(250, W * 0.4)));
  const left = font * 4.6;
  const right = 10;
  const top = font * 1.2;
  const bottom = font * 3.4;
  const plotH = H - top - bottom;
  const gap = shownExtras.length > 0 ? 0.8 : 0;
  const extraSlots = 2.6;
  const slot = (W - left - right) / (bins + gap + shownExtras.length * extraSlots);
  let max = 1;
  for (let i = 0; i < bins; i++) max = Math.max(max, a.hist.counts[i]!, b.hist.counts[i]!);
  for (const e of shownExtras) max = Math.max(max, e.count);
  const yTicks = niceTicks(max * 1.05, Math.max(3, Math.floor(plotH / (font * 3.2))));
  const y = (v: number) => top + plotH - (v / yTicks.top) * plotH;
  const parts: SVGElement[] = [];
  for (const t of yTicks.ticks) {
    parts.push(svg('line', { x1: left, x2: W - right, y1: y(t), y2: y(t), class: t === 0 ? 'axis-line' : 'grid-line' }));
    parts.push(svg('text', { x: left - 6, y: y(t) + font * 0.35, 'text-anchor': 'end', class: 'chart-text' }, count(t)));
  }
  for (let i = 0; i < bins; i++) {
    const x = left + i * slot;
    for (const [k, s] of [a, b].entries()) {
      const v = s.hist.counts[i] ?? 0;
      parts.push(
        svg('rect', { x: x + 1 + k * (slot / 2 - 1), y: y(v), width: Math.max(1, slot / 2 - 2), height: Math.max(0, y(0) - y(v)), class: s.className }),
      );
    }
  }
  // A time axis: round ticks at the bins' edges, the last bin holding everything beyond.
  const span = inUnit(bin * (bins - 1), unit);
  const xTicks = niceTicks(span, Math.max(2, Math.floor(((bins - 1) * slot) / (font * 4))));
  for (const t of xTicks.ticks) {
    if (t > span + 1e-9) continue;
    const x = left + (t / inUnit(bin, unit)) * slot;
    parts.push(svg('line', { x1: x, x2: x, y1: y(0), y2: y(0) + 5, class: 'axis-line' }));
    parts.push(svg('text', { x, y: y(0) + font * 1.3, 'text-anchor': 'middle', class: 'chart-text' }, tick(t, xTicks.step)));
  }
  parts.push(svg('text', { x: left + (bins - 0.5) * slot, y: y(0) + font * 2.5, 'text-anchor': 'middle', class: 'chart-text' }, T.more));
  parts.push(
    svg(
      'text',
      { x: left + ((bins - 1) * slot) / 2, y: y(0) + font * 2.5, 'text-anchor': 'middle', class: 'chart-text chart-title' },
      T.timeAxis(unitName(unit)),
    ),
  );
  parts.push(
    svg(
      'text',
      { x: 0, y: 0, transform: `translate(${font * 1.1} ${top + plotH / 2}) rotate(-90)`, 'text-anchor': 'middle', class: 'chart-text chart-title' },
      T.countAxis,
    ),
  );
  shownExtras.forEach((e, j) => {
    const x = left + (bins + gap + j * extraSlots) * slot;
    const w = extraSlots * slot - 8;
    parts.push(svg('rect', { x: x + 4, y: y(e.count), width: w, height: Math.max(0, y(0) - y(e.count)), class: `${e.className} extra` }));
    parts.push(svg('text', { x: x + 4 + w / 2, y: y(e.count) - 4, 'text-anchor': 'middle', class: 'chart-text' }, count(e.count)));
    e.lines.forEach((line, n) =>
      parts.push(svg('text', { x: x + 4 + w / 2, y: y(0) + font * (1.3 + n * 1.15), 'text-anchor': 'middle', class: 'chart-text' }, line)),
    );
  });
  if (shownExtras.length > 0) {
    const x = left + (bins + gap / 2) * slot;
    parts.push(svg('line', { x1: x, x2: x, y1: top, y2: y(0), class: 'grid-line divider' }));
  }
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, style: `font-size: ${font}px`, role: 'img', 'aria-label': T.chartLabel }, ...parts);
}

/** The note that says who the bars of time leave out, at every width. */
function unhelpedNote(u: Unhelped): string {
  return T.unhelped(u.stillWaiting, days(u.stillWaitingMeanDays), u.gaveUp, u.closedIncomplete);
}

export function distributionChart(title: string, a: Series, b: Series, unhelped?: Unhelped): HTMLElement {
  const bins = a.hist.counts.length;
  const bin = a.hist.binDays;
  // The unit follows the longest time the axis shows: minutes when that is under a day.
  const unit = timeUnitFor(bin * (bins - 1));
  const extras = extrasOf(a, b, unhelped);
  const table = h(
    'table',
    { className: 'data' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, T.time), h('th', { scope: 'col' }, a.label), h('th', { scope: 'col' }, b.label))),
  );
  const body = h('tbody', {});
  for (let i = 0; i < bins; i++) {
    body.appendChild(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, binLabel(i, bin, i === bins - 1, unit)),
        h('td', {}, count(a.hist.counts[i])),
        h('td', {}, count(b.hist.counts[i])),
      ),
    );
  }
  for (const e of extras) {
    const mine = (s: Series) => (e.className === s.className ? count(e.count) : T.none);
    body.appendChild(h('tr', {}, h('th', { scope: 'row' }, e.label), h('td', {}, mine(a)), h('td', {}, mine(b))));
  }
  table.appendChild(body);
  return h(
    'figure',
    { className: 'chart' },
    h(
      'figcaption',
      {},
      title,
      h('span', { className: 'keys' }, h('span', { className: `key ${a.className}` }, a.label), h('span', { className: `key ${b.className}` }, b.label)),
    ),
    responsiveSvg((w) => drawBars(a, b, extras, unit, w)),
    unhelped ? h('p', { className: 'chart-note', 'data-unhelped': '' }, unhelpedNote(unhelped)) : null,
    h('details', {}, h('summary', {}, T.showTable), table),
  );
}
