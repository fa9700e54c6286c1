// The words of the process behaviour chart, from the chart alone (no DOM): its unit, its figures
// and what it may honestly say about what the system will deliver. The end-to-end test formats
// the Node sim's chart with these same functions and compares with the page.
import { MIN_PREDICTION_WEEKS, type PhaseCause, type ProcessChart } from '../analysis/xmrPhases';
import { counted, duration, timeUnitFor, type TimeUnit } from './format';

/** One unit for the whole chart: minutes when even its highest point and limit are under a day. */
export function chartUnit(chart: ProcessChart): TimeUnit {
  let largest = 0;
  for (const v of chart.values) largest = Math.max(largest, v);
  for (const p of chart.phases) if (p.chart) largest = Math.max(largest, p.chart.upper);
  return timeUnitFor(largest);
}

export const PHASE_LABELS: Record<PhaseCause, string> = {
  redesign: 'Redesign adopted',
  targets: 'Targets back',
  lever: 'Lever changed',
};

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
  const span = chart.phases.length > 1 ? `, weeks ${first}–${last}` : '';
  const signals = new Set([...chart.beyondLimits, ...chart.longRuns]).size;
  return [
    { id: 'centre', label: `Average (centre line)${span}`, value: duration(chart.centre, unit) },
    { id: 'upper', label: `Upper natural process limit${span}`, value: duration(chart.upper, unit) },
    { id: 'lower', label: `Lower natural process limit${span}`, value: chart.lower < 0 ? 'none (below zero)' : duration(chart.lower, unit) },
    { id: 'signals', label: chart.phases.length > 1 ? 'Weeks with a signal (all phases)' : 'Weeks with a signal', value: counted(signals, 'week', 'weeks') },
  ];
}

/** What the chart may say about the weeks to come: a range only when the latest phase is stable and long enough. */
export function verdictText(chart: ProcessChart, unit = chartUnit(chart)): string {
  const v = chart.verdict;
  const changed = chart.phases.length > 1;
  const since = changed ? `since the change in week ${v.sinceWeek}` : 'charted';
  if (v.predictable) {
    const scope = changed ? `Stable since the change in week ${v.sinceWeek} (${counted(v.weeks, 'week', 'weeks')}, no signal)` : `Stable over all ${counted(v.weeks, 'week', 'weeks')} charted (no signal)`;
    return `${scope}: week in, week out, the average wait of a week's citizens will stay between ${duration(v.from, unit)} and ${duration(v.to, unit)}, unless the system changes. Single citizens vary more than that.`;
  }
  if (v.reason === 'signals') {
    return `Not predictable yet: ${counted(v.signals, 'week', 'weeks')} of the ${counted(v.weeks, 'week', 'weeks')} ${since} ${v.signals === 1 ? 'shows' : 'show'} a signal, so something beyond the system's everyday variation is at work (a change still settling in, a backlog, a trend). Until the weeks stay within their limits with no long run, no one can say what this system will deliver.`;
  }
  const have = v.weeks === 0 ? `no week ${since} has settled yet (most of its citizens are still waiting)` : `only ${counted(v.weeks, 'settled week', 'settled weeks')} ${since}`;
  return `Not predictable yet: ${have}. It takes at least ${counted(v.needed, 'week', 'weeks')} with no signal before the limits say what the system will deliver.`;
}

export const XMR_EXPLANATION =
  'Each dot is one week: the average time to help of the citizens who first got in touch that week. ' +
  'Solid line: the centre line, the average of the dots of its phase. ' +
  'Dashed lines: the natural process limits, the centre line plus and minus 2.66 times the average moving range ' +
  '(the average change from one week to the next); a stable system keeps nearly every week between them. ' +
  'Orange dot: a signal, a week beyond a limit or one of a run of eight or more on the same side of the centre line. ' +
  'Dotted line: a change to the system (the redesign, or a way of working changed); the limits start afresh there, ' +
  'and the weeks just before it may move too, as their citizens were still waiting when it came. ' +
  `A range is promised only once the latest phase has at least ${MIN_PREDICTION_WEEKS} weeks and no signal.`;
