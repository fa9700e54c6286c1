// The words of the process behaviour chart, from the chart alone (no DOM): its unit, its figures
// and what it may honestly say about what the system will deliver. The end-to-end test formats
// the Node sim's chart with these same functions and compares with the page. The words are in
// content/charts.ts.
import { XMR_WORDS as W } from '../content/charts';
import { MIN_PREDICTION_WEEKS, type PhaseCause, type ProcessChart } from '../analysis/xmrPhases';
import { duration, timeUnitFor, type TimeUnit } from './format';

/** One unit for the whole chart: minutes when even its highest point and limit are under a day. */
export function chartUnit(chart: ProcessChart): TimeUnit {
  let largest = 0;
  for (const v of chart.values) largest = Math.max(largest, v);
  for (const p of chart.phases) if (p.chart) largest = Math.max(largest, p.chart.upper);
  return timeUnitFor(largest);
}

export const PHASE_LABELS: Record<PhaseCause, string> = W.phases;

export interface ChartFigure {
  id: 'centre' | 'upper' | 'lower' | 'signals';
  label: string;
  value: string;
}

/** The limits shown in figures: those of the latest phase that has limits, and its weeks. */
export function xmrFigures(chart: ProcessChart, unit = chartUnit(chart)): ChartFigure[] {
  const phase = chart.phases[chart.limitsPhase]!;
  const first = chart.weeks[phase.from]!;
  const last = chart.weeks[phase.to - 1]!;
  const span = chart.phases.length > 1 ? W.span(first, last) : '';
  const signals = new Set([...chart.beyondLimits, ...chart.longRuns]).size;
  return [
    { id: 'centre', label: W.centre(span), value: duration(chart.centre, unit) },
    { id: 'upper', label: W.upper(span), value: duration(chart.upper, unit) },
    { id: 'lower', label: W.lower(span), value: chart.lower < 0 ? W.belowZero : duration(chart.lower, unit) },
    { id: 'signals', label: W.signals(chart.phases.length > 1), value: W.weeks(signals) },
  ];
}

/** What the chart may say about the weeks to come: a range only when the latest phase is stable and long enough. */
export function verdictText(chart: ProcessChart, unit = chartUnit(chart)): string {
  const v = chart.verdict;
  const since = chart.phases.length > 1 ? v.sinceWeek : null;
  if (v.predictable) return W.stable(since, v.weeks, duration(v.from, unit), duration(v.to, unit));
  if (v.reason === 'signals') return W.signalled(since, v.signals, v.weeks);
  return W.unsettled(since, v.weeks, v.needed);
}

export const XMR_EXPLANATION = W.explanation(MIN_PREDICTION_WEEKS);
