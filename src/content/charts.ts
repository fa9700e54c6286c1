// The charts' words, by id: the two distributions of days, where the staff hours went, and the
// process behaviour chart with what it may honestly say about the weeks to come. The chart's
// constants are read from the analysis code, so the words cannot drift from what it computes.
import { RUN_LENGTH, XMR_LIMIT } from '../analysis/xmr';
import type { PhaseCause } from '../analysis/xmrPhases';
import { inWords, numberFormat, plural } from './intl';

const count = (n: number) => numberFormat().format(n);
const twoDecimals = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const weeks = (n: number) => plural(n, { one: '# week', other: '# weeks' });
const weekRange = (from: number, to: number) => `${count(from)}–${count(to)}`;

export const DISTRIBUTION_WORDS = {
  /** The bars beside the distributions: their labels on two lines, and in the table. */
  stillWaiting: { lines: ['still', 'waiting'], label: 'Still waiting at the end' },
  gaveUp: { lines: ['gave', 'up'], label: 'Gave up' },
  closedIncomplete: { lines: ['closed as', 'incomplete'], label: 'Closed as incomplete' },
  bin: (from: string, to: string) => `${from} to ${to}`,
  lastBin: (from: string) => `${from} or more`,
  more: 'more',
  timeAxis: (unit: string) => `Time taken, ${unit}`,
  countAxis: 'Claims or citizens',
  chartLabel: 'Bar chart of the two distributions; the same numbers are in the table below',
  time: 'Time',
  none: '–',
  showTable: 'Show the numbers as a table',
  /** Who the bars of time leave out, because they were never helped. */
  unhelped: (stillWaiting: number, meanWait: string, gaveUp: number, closedIncomplete: number) => {
    const waiting =
      stillWaiting === 0
        ? 'nobody was still waiting at the end'
        : `${plural(stillWaiting, { one: '# citizen was', other: '# citizens were' })} still waiting at the end (on average ${meanWait} so far)`;
    const left = gaveUp === 0 ? 'nobody gave up' : `${plural(gaveUp, { one: '# citizen', other: '# citizens' })} gave up`;
    const closed =
      closedIncomplete > 0
        ? ` The official clock also leaves out ${plural(closedIncomplete, { one: '# claim', other: '# claims' })} closed as incomplete.`
        : '';
    return `Not in the citizens’ bars of time, because they were never helped: ${waiting}, and ${left}.${closed}`;
  },
} as const;

export const STAFF_CHART_WORDS = {
  parts: { value: 'Value work', failure: 'Failure work', idle: 'Idle' },
  weekAxis: 'Week of the run',
  hoursAxis: 'Staff hours a week',
  redesign: 'Redesign',
  tableCaption: 'Staff hours by quarter',
  weeks: 'Weeks',
  weekRange,
  showTable: 'The figures',
} as const;

const since = (week: number | null) => (week === null ? 'charted' : `since the change in week ${count(week)}`);

export const XMR_WORDS = {
  phases: { redesign: 'Redesign adopted', targets: 'Targets back', lever: 'Lever changed' } satisfies Record<PhaseCause, string>,
  /** A change in the table: "Redesign adopted (week 14)". */
  change: (phase: string, week: number) => `${phase} (week ${count(week)})`,
  noSettledWeekSince: (changes: readonly string[]) => `No settled week yet since: ${changes.join('; ')}.`,
  // ---- figures of the latest phase with limits
  span: (from: number, to: number) => `, weeks ${weekRange(from, to)}`,
  centre: (span: string) => `Average (centre line)${span}`,
  upper: (span: string) => `Upper natural process limit${span}`,
  lower: (span: string) => `Lower natural process limit${span}`,
  belowZero: 'none (below zero)',
  signals: (phases: boolean) => (phases ? 'Weeks with a signal (all phases)' : 'Weeks with a signal'),
  weeks,
  // ---- what it may say about the weeks to come (`sinceWeek` null: no change charted)
  stable: (sinceWeek: number | null, stableWeeks: number, from: string, to: string) =>
    `${sinceWeek === null ? `Stable over all ${weeks(stableWeeks)} charted (no signal)` : `Stable since the change in week ${count(sinceWeek)} (${weeks(stableWeeks)}, no signal)`}: week in, week out, the average wait of a week's citizens will stay between ${from} and ${to}, unless the system changes. Single citizens vary more than that.`,
  signalled: (sinceWeek: number | null, signals: number, of: number) =>
    `Not predictable yet: ${weeks(signals)} of the ${weeks(of)} ${since(sinceWeek)} ${signals === 1 ? 'shows' : 'show'} a signal, so something beyond the system's everyday variation is at work (a change still settling in, a backlog, a trend). Until the weeks stay within their limits with no long run, no one can say what this system will deliver.`,
  unsettled: (sinceWeek: number | null, settled: number, needed: number) =>
    `Not predictable yet: ${settled === 0 ? `no week ${since(sinceWeek)} has settled yet (most of its citizens are still waiting)` : `only ${plural(settled, { one: '# settled week', other: '# settled weeks' })} ${since(sinceWeek)}`}. It takes at least ${weeks(needed)} with no signal before the limits say what the system will deliver.`,
  /** What the chart's marks mean. */
  explanation: (minWeeks: number) =>
    'Each dot is one week: the average time to help of the citizens who first got in touch that week. ' +
    'Solid line: the centre line, the average of the dots of its phase. ' +
    `Dashed lines: the natural process limits, the centre line plus and minus ${twoDecimals.format(XMR_LIMIT)} times the average moving range ` +
    '(the average change from one week to the next); a stable system keeps nearly every week between them. ' +
    `Orange dot: a signal, a week beyond a limit or one of a run of ${inWords(RUN_LENGTH)} or more on the same side of the centre line. ` +
    'Dotted line: a change to the system (the redesign, or a way of working changed); the limits start afresh there, ' +
    'and the weeks just before it may move too, as their citizens were still waiting when it came. ' +
    `A range is promised only once the latest phase has at least ${weeks(minWeeks)} and no signal.`,
  // ---- the chart itself
  weekAxis: 'Week of first contact',
  waitAxis: (unit: string) => `Average wait, ${unit}`,
  chartLabel: (unit: string) => `Process behaviour chart of the weekly average wait in ${unit}, by week of first contact; the numbers are in the table below`,
  legend: {
    week: 'a week',
    centre: 'centre line (average)',
    limits: 'natural process limits',
    signal: 'signal',
    change: 'change to the system',
  },
  tooFew: 'Too few settled weeks for a process behaviour chart yet.',
  caption:
    'Average wait of each week’s citizens, first contact to help, by week of first contact (a process behaviour chart; weeks still mostly waiting are left out)',
  showTable: 'Show the weeks as a table',
  tableCaption: (unit: string) => `Average wait (${unit}) of the citizens helped, by week of first contact`,
  columns: { week: 'Week', wait: 'Average wait', helped: 'Citizens helped', signal: 'Signal', change: 'Change' },
  week: (n: number) => `Week ${count(n)}`,
  signal: 'signal',
} as const;
