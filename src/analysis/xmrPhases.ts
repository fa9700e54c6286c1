// A process behaviour chart in phases. Limits describe one system; when the system is changed (a
// new regime, a new way of working) the old limits say nothing about the new one, so each phase
// gets limits of its own, computed from its own weeks, and signals are looked for within a phase.
// Only a latest phase that is long enough and shows no signal says what the system will deliver.
import { DAY } from '../engine/calendar';
import { WAYS_OF_WORKING } from '../services/housing-benefit/catalogue';
import type { Action } from '../services/housing-benefit/types';
import { RUN_LENGTH, xmr, type XmR } from './xmr';

/**
 * The fewest weeks a phase needs before its limits may be read as a prediction. The run-of-eight
 * test cannot fire on fewer than nine points (eight points cannot all lie on one side of their
 * own mean), and limits from a handful of points are soft; ten weeks is also longer than the
 * learning dip after a redesign usually lasts.
 */
export const MIN_PREDICTION_WEEKS = 10;

/** What changed the system: the redesign adopted, targets brought back, or a redesign lever pulled. */
export type PhaseCause = 'redesign' | 'targets' | 'lever';

export interface PhaseChange {
  /** Week of the run (from 1) containing the change: the new phase starts with this week. */
  week: number;
  cause: PhaseCause;
}

/** Week of the run, from 1, that contains sim minute `at`. */
export function weekOf(at: number): number {
  return Math.floor(at / (7 * DAY)) + 1;
}

/**
 * The changes of system in an action log: each regime action, and each design action on a way of
 * working, starts a phase at the week containing it. Changes in the same week make one phase; a
 * regime change outranks a lever. Changes in week 1 start no new phase (the first one is there).
 */
export function phaseChanges(actions: readonly Action[]): PhaseChange[] {
  const byWeek = new Map<number, PhaseCause>();
  for (const a of actions) {
    let cause: PhaseCause | null = null;
    if (a.kind === 'regime') cause = a.regime === 'systems' ? 'redesign' : 'targets';
    else if (a.kind === 'design' && WAYS_OF_WORKING.includes(a.key)) cause = 'lever';
    if (cause === null) continue;
    const week = weekOf(a.at);
    if (week <= 1) continue;
    // Within a week the last regime change wins; a lever never hides a regime change.
    if (cause !== 'lever' || !byWeek.has(week)) byWeek.set(week, cause);
  }
  return [...byWeek.entries()].sort((a, b) => a[0] - b[0]).map(([week, cause]) => ({ week, cause }));
}

export interface XmRPhase {
  /** First week of the phase (week 1 for the first). */
  startWeek: number;
  /** What began it; null for the first phase. */
  cause: PhaseCause | null;
  /** Indexes into the chart's values: [from, to). May be empty (no settled week yet). */
  from: number;
  to: number;
  /** This phase's own chart; null with fewer than two points. */
  chart: XmR | null;
}

export type Verdict =
  | { predictable: true; from: number; to: number; centre: number; weeks: number; sinceWeek: number }
  | { predictable: false; reason: 'signals'; signals: number; weeks: number; sinceWeek: number }
  | { predictable: false; reason: 'too-few-weeks'; weeks: number; needed: number; sinceWeek: number };

/**
 * A chart over every week, phase by phase. The XmR fields it shares with a single chart are those
 * of the latest phase that has limits (centre, limits, moving range) and, for `beyondLimits` and
 * `longRuns`, the indexes of every point that is a signal within its own phase. Whether the limits
 * are today's and may be read as a prediction is `verdict`.
 */
export interface ProcessChart extends XmR {
  /** Week of each value. */
  weeks: number[];
  phases: XmRPhase[];
  /** Index into phases of the phase the shared XmR fields come from. */
  limitsPhase: number;
  verdict: Verdict;
}

export interface WeeklyValue {
  week: number;
  meanDays: number;
}

/**
 * The process behaviour chart of weekly values, with a new phase at each change (a week number or
 * a PhaseChange). Null when no phase has the two points limits need.
 */
export function processChart(points: readonly WeeklyValue[], changes: readonly (number | PhaseChange)[] = [], runLength = RUN_LENGTH): ProcessChart | null {
  const starts = new Map<number, PhaseCause | null>([[1, null]]);
  for (const c of changes) {
    const week = typeof c === 'number' ? c : c.week;
    if (!Number.isInteger(week) || week <= 1 || starts.has(week)) continue;
    starts.set(week, typeof c === 'number' ? 'lever' : c.cause);
  }
  const ordered = [...starts.entries()].sort((a, b) => a[0] - b[0]);
  const values = points.map((p) => p.meanDays);
  const weeks = points.map((p) => p.week);
  const phases: XmRPhase[] = [];
  let i = 0;
  ordered.forEach(([startWeek, cause], k) => {
    const next = ordered[k + 1]?.[0] ?? Infinity;
    const from = i;
    while (i < points.length && weeks[i]! < next) i++;
    phases.push({ startWeek, cause, from, to: i, chart: xmr(values.slice(from, i), runLength) });
  });
  let limitsPhase = -1;
  for (let k = phases.length - 1; k >= 0; k--) {
    if (phases[k]!.chart) {
      limitsPhase = k;
      break;
    }
  }
  if (limitsPhase < 0) return null;
  const beyondLimits: number[] = [];
  const longRuns: number[] = [];
  for (const p of phases) {
    if (!p.chart) continue;
    for (const j of p.chart.beyondLimits) beyondLimits.push(p.from + j);
    for (const j of p.chart.longRuns) longRuns.push(p.from + j);
  }
  const shown = phases[limitsPhase]!.chart!;
  const latest = phases[phases.length - 1]!;
  return {
    ...shown,
    values,
    weeks,
    beyondLimits,
    longRuns,
    phases,
    limitsPhase,
    verdict: verdictOf(latest),
  };
}

/** Whether a phase says what the system will deliver: long enough, and no signal in it. */
export function verdictOf(phase: XmRPhase, minWeeks = MIN_PREDICTION_WEEKS): Verdict {
  const weeks = phase.to - phase.from;
  const sinceWeek = phase.startWeek;
  const c = phase.chart;
  if (c) {
    const signals = new Set([...c.beyondLimits, ...c.longRuns]).size;
    // Signals already seen are reason enough, however short the phase.
    if (signals > 0) return { predictable: false, reason: 'signals', signals, weeks, sinceWeek };
  }
  if (!c || weeks < minWeeks) return { predictable: false, reason: 'too-few-weeks', weeks, needed: minWeeks, sinceWeek };
  return { predictable: true, from: Math.max(0, c.lower), to: c.upper, centre: c.centre, weeks, sinceWeek };
}
