// A process behaviour chart of weekly end-to-end times, phase by phase: each change to the system
// starts a phase with limits of its own. With its figures, what it may say about the weeks to come,
// what its lines mean, and the same numbers as a table.
import type { WeekPoint } from '../analysis/endToEnd';
import type { XmR } from '../analysis/xmr';
import { processChart, type ProcessChart } from '../analysis/xmrPhases';
import { chartFont, niceTicks, responsiveSvg, wholeTicks } from './chartKit';
import { h, svg } from './dom';
import { count, duration, inUnit, tick, unitName, type TimeUnit } from './format';
import { XMR_WORDS as T } from '../content/charts';
import { chartUnit, PHASE_LABELS, verdictText, XMR_EXPLANATION, xmrFigures } from './xmrText';

function isProcessChart(chart: XmR): chart is ProcessChart {
  return 'phases' in chart && 'verdict' in chart;
}

/** Rough width of a label in px, to keep phase labels from overprinting one another. */
const textWidth = (s: string, fontPx: number) => s.length * fontPx * 0.56;

/** The highest a chart reaches, in days: its highest week or upper limit. */
export function chartHighest(chart: ProcessChart): number {
  let hi = 0;
  for (const v of chart.values) hi = Math.max(hi, v);
  for (const p of chart.phases) if (p.chart) hi = Math.max(hi, p.chart.upper);
  return hi;
}

/** How a chart is set among others (small multiples): one scale for all, its own size and lettering. */
export interface ChartFrame {
  /** Height in px (else from the width). */
  height?: number;
  /** Lettering in px (else chartFont's). */
  font?: number;
  /** The y-axis reaches at least this many days: charts side by side share their top. */
  maxDays?: number;
  /** The x-axis spans at least these weeks, shared likewise; a phase's lines end at the chart's own last week. */
  weeks?: { first: number; last: number };
  /** The picture's accessible name (else the debrief's, which points to its table). */
  label?: string;
  /** Keep the room above the plot for the changes' labels even with none, so plots side by side are the same height. */
  roomForChanges?: boolean;
}

/** The process behaviour chart as an SVG `W` px wide, phase by phase. */
export function drawXmrChart(chart: ProcessChart, unit: TimeUnit, W: number, compact: boolean, frame: ChartFrame = {}): SVGElement {
  const font = frame.font ?? chartFont(W);
  const H = frame.height ?? (compact ? 190 : Math.round(Math.min(420, Math.max(260, W * 0.42))));
  const left = font * 4.2;
  const right = 12;
  // Room above the plot for the labels of the changes, if any.
  const top = chart.phases.length > 1 || frame.roomForChanges ? font * 2.9 : font * 1.2;
  const bottom = font * 3.3;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const signals = new Set([...chart.beyondLimits, ...chart.longRuns]);
  const starts = chart.phases.slice(1).map((p) => p.startWeek);
  const ownLast = Math.max(chart.weeks[chart.weeks.length - 1] ?? 1, ...starts);
  const firstWeek = Math.min(chart.weeks[0] ?? 1, ...starts, frame.weeks?.first ?? Infinity);
  const lastWeek = Math.max(ownLast, frame.weeks?.last ?? -Infinity);
  const x0 = firstWeek - 0.5;
  const x1 = lastWeek + 0.5;
  const x = (week: number) => left + ((Math.min(x1, Math.max(x0, week)) - x0) / (x1 - x0)) * plotW;
  const hi = Math.max(chartHighest(chart), frame.maxDays ?? 0);
  const yTicks = niceTicks(inUnit(hi, unit) * 1.05, Math.max(3, Math.floor(plotH / (font * 3.2))));
  const y = (days: number) => top + plotH - (inUnit(days, unit) / yTicks.top) * plotH;
  const yu = (v: number) => top + plotH - (v / yTicks.top) * plotH;

  const parts: SVGElement[] = [];
  for (const t of yTicks.ticks) {
    parts.push(svg('line', { x1: left, x2: W - right, y1: yu(t), y2: yu(t), class: t === 0 ? 'axis-line' : 'grid-line' }));
    parts.push(svg('text', { x: left - 6, y: yu(t) + font * 0.35, 'text-anchor': 'end', class: 'chart-text' }, tick(t, yTicks.step)));
  }
  for (const t of wholeTicks(firstWeek, lastWeek, Math.max(2, Math.floor(plotW / (font * 3.5))))) {
    parts.push(svg('line', { x1: x(t), x2: x(t), y1: top + plotH, y2: top + plotH + 5, class: 'axis-line' }));
    parts.push(svg('text', { x: x(t), y: top + plotH + font * 1.3, 'text-anchor': 'middle', class: 'chart-text' }, count(t)));
  }
  parts.push(svg('text', { x: left + plotW / 2, y: H - font * 0.5, 'text-anchor': 'middle', class: 'chart-text chart-title' }, T.weekAxis));
  parts.push(
    svg(
      'text',
      { x: 0, y: 0, transform: `translate(${font * 1.1} ${top + plotH / 2}) rotate(-90)`, 'text-anchor': 'middle', class: 'chart-text chart-title' },
      T.waitAxis(unitName(unit)),
    ),
  );

  // Each phase's centre line and limits, over its own weeks only; its dots joined within it.
  chart.phases.forEach((p, k) => {
    const a = x(p.startWeek - 0.5);
    const b = x((chart.phases[k + 1]?.startWeek ?? ownLast + 1) - 0.5);
    if (p.chart) {
      parts.push(svg('line', { x1: a, x2: b, y1: y(p.chart.upper), y2: y(p.chart.upper), class: 'xmr-limit' }));
      parts.push(svg('line', { x1: a, x2: b, y1: y(p.chart.centre), y2: y(p.chart.centre), class: 'xmr-centre' }));
      if (p.chart.lower > 0) parts.push(svg('line', { x1: a, x2: b, y1: y(p.chart.lower), y2: y(p.chart.lower), class: 'xmr-limit' }));
    }
    if (p.to - p.from > 1) {
      const pts: string[] = [];
      for (let i = p.from; i < p.to; i++) pts.push(`${x(chart.weeks[i]!)},${y(chart.values[i]!)}`);
      parts.push(svg('polyline', { points: pts.join(' '), class: 'xmr-line' }));
    }
  });
  // Dots sized to the room each week has, a signal always larger than an ordinary week.
  const perWeek = plotW / Math.max(1, x1 - x0);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const r = clamp(perWeek * 0.3, 1.6, 3);
  const rSignal = clamp(perWeek * 0.55, 2.8, 5);
  chart.values.forEach((v, i) => {
    const s = signals.has(i);
    parts.push(svg('circle', { cx: x(chart.weeks[i]!), cy: y(v), r: s ? rSignal : r, class: s ? 'xmr-signal' : 'xmr-point' }));
  });

  // The changes, each a vertical line with its label above the plot (two rows, so they overlap less).
  const rowEnds = [-Infinity, -Infinity];
  chart.phases.slice(1).forEach((p) => {
    const at = x(p.startWeek - 0.5);
    parts.push(svg('line', { x1: at, x2: at, y1: top - font * 0.4, y2: top + plotH, class: 'xmr-phase' }));
    const label = PHASE_LABELS[p.cause ?? 'lever'];
    const wide = textWidth(label, font);
    const anchorEnd = at + 4 + wide > W - right;
    const from = anchorEnd ? at - 4 - wide : at + 4;
    const row = rowEnds.findIndex((end) => from > end + 6);
    if (row < 0) return; // no room: the table below still names it
    rowEnds[row] = from + wide;
    parts.push(
      svg(
        'text',
        {
          x: anchorEnd ? at - 4 : at + 4,
          y: top - font * (row === 0 ? 0.6 : 1.8),
          'text-anchor': anchorEnd ? 'end' : 'start',
          class: 'chart-text xmr-phase-label',
        },
        label,
      ),
    );
  });

  return svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      width: W,
      height: H,
      style: `font-size: ${font}px`,
      role: 'img',
      'aria-label': frame.label ?? T.chartLabel(unitName(unit)),
    },
    ...parts,
  );
}

/** What the chart's marks are, in a line of swatches. */
export function xmrLegend(): HTMLElement {
  const swatch = (...parts: SVGElement[]) => svg('svg', { viewBox: '0 0 28 12', width: 28, height: 12, 'aria-hidden': 'true' }, ...parts);
  return h(
    'ul',
    { className: 'chart-legend' },
    h('li', {}, swatch(svg('circle', { cx: 14, cy: 6, r: 3, class: 'xmr-point' })), T.legend.week),
    h('li', {}, swatch(svg('line', { x1: 0, x2: 28, y1: 6, y2: 6, class: 'xmr-centre' })), T.legend.centre),
    h('li', {}, swatch(svg('line', { x1: 0, x2: 28, y1: 6, y2: 6, class: 'xmr-limit' })), T.legend.limits),
    h('li', {}, swatch(svg('circle', { cx: 14, cy: 6, r: 5, class: 'xmr-signal' })), T.legend.signal),
    h('li', {}, swatch(svg('line', { x1: 14, x2: 14, y1: 0, y2: 12, class: 'xmr-phase' })), T.legend.change),
  );
}

/** The verdict, its first clause (up to the colon) in bold. */
function verdict(chart: ProcessChart, unit: TimeUnit): HTMLElement {
  const text = verdictText(chart, unit);
  const cut = text.indexOf(': ');
  return h(
    'p',
    { className: 'verdict', 'data-xmr-verdict': chart.verdict.predictable ? 'predictable' : chart.verdict.reason },
    h('strong', {}, cut > 0 ? text.slice(0, cut + 1) : text),
    cut > 0 ? text.slice(cut + 1) : '',
  );
}

/**
 * The chart, its figures and verdict. `chart` may be a plain XmR (one phase over every week, as
 * older callers pass it) or a ProcessChart with its phases.
 */
export function xmrFigure(points: readonly WeekPoint[], chart: XmR, compact = false): HTMLElement {
  const pc = isProcessChart(chart) ? chart : processChart(points);
  if (!pc) return h('p', {}, T.tooFew);
  const unit = chartUnit(pc);
  const signals = new Set([...pc.beyondLimits, ...pc.longRuns]);
  const phaseOf = (i: number) => pc.phases.findIndex((p) => i >= p.from && i < p.to);
  const body = h('tbody', {});
  points.forEach((p, i) => {
    const k = phaseOf(i);
    const phase = pc.phases[k];
    const began = phase && k > 0 && i === phase.from ? T.change(PHASE_LABELS[phase.cause ?? 'lever'], phase.startWeek) : '';
    body.appendChild(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, T.week(p.week)),
        h('td', {}, duration(p.meanDays, unit)),
        h('td', {}, count(p.needsMet)),
        h('td', {}, signals.has(i) ? T.signal : ''),
        h('td', {}, began),
      ),
    );
  });
  const unsettled = pc.phases.slice(1).filter((p) => p.to === p.from);
  return h(
    'figure',
    { className: `chart xmr${compact ? ' compact' : ''}` },
    h('figcaption', {}, T.caption),
    responsiveSvg((w) => drawXmrChart(pc, unit, w, compact), compact ? 360 : 640),
    compact ? null : xmrLegend(),
    verdict(pc, unit),
    compact
      ? null
      : h(
          'dl',
          { className: 'figures xmr-figures' },
          ...xmrFigures(pc, unit).map((f) => h('div', { 'data-xmr': f.id }, h('dt', {}, f.label), h('dd', {}, f.value))),
        ),
    compact ? null : h('p', { className: 'chart-note' }, XMR_EXPLANATION),
    h(
      'details',
      {},
      h('summary', {}, T.showTable),
      h(
        'table',
        { className: 'data' },
        h('caption', {}, T.tableCaption(unitName(unit))),
        h('thead', {}, h('tr', {}, ...(['week', 'wait', 'helped', 'signal', 'change'] as const).map((c) => h('th', { scope: 'col' }, T.columns[c])))),
        body,
      ),
      unsettled.length > 0
        ? h('p', { className: 'hint' }, T.noSettledWeekSince(unsettled.map((p) => T.change(PHASE_LABELS[p.cause ?? 'lever'], p.startWeek))))
        : null,
    ),
  );
}
