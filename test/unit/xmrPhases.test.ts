import { describe, expect, it } from 'vitest';
import { xmr } from '../../src/analysis/xmr';
import { MIN_PREDICTION_WEEKS, phaseChanges, processChart, weekOf } from '../../src/analysis/xmrPhases';
import type { Action } from '../../src/services/housing-benefit';
import { chartUnit, verdictText, xmrFigures } from '../../src/ui/xmrText';
import { plural } from '../../src/content/intl';
import { duration, timeUnitFor } from '../../src/ui/format';
import { niceTicks, wholeTicks } from '../../src/ui/chartKit';
import { buildDebrief } from '../../src/game/debriefData';
import { loadLevel } from '../../src/game/levels';
import { runSim } from '../../src/services/housing-benefit';

const DAY = 1440;
const WEEK = 7 * DAY;

/** Points for weeks first.. with the given values. */
const weeksFrom = (first: number, values: number[]) => values.map((meanDays, i) => ({ week: first + i, meanDays }));
/** 10, 12, 10, 12, ...: centre 11, every moving range 2, no run of eight. */
const zigzag = (n: number, lo: number, hi: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? lo : hi));

describe('phase changes from the action log', () => {
  it('puts a change in the week that contains its time', () => {
    expect(weekOf(0)).toBe(1);
    expect(weekOf(WEEK - 1)).toBe(1);
    expect(weekOf(WEEK)).toBe(2);
    expect(weekOf(10 * WEEK + 3 * DAY)).toBe(11);
  });

  it('starts a phase at a regime change or a way of working, not at staff or a gaming lever', () => {
    const actions: Action[] = [
      { at: 3 * DAY, kind: 'regime', regime: 'systems' }, // week 1: the first phase is already there
      { at: 2 * WEEK + DAY, kind: 'staff', role: 'assessor', count: 9 },
      { at: 3 * WEEK, kind: 'design', key: 'nilQualifyDays', value: 28 },
      { at: 4 * WEEK + 2 * DAY, kind: 'design', key: 'pullEvidence', value: false },
      { at: 9 * WEEK + 6 * DAY, kind: 'regime', regime: 'systems' },
      { at: 20 * WEEK, kind: 'regime', regime: 'deliverology' },
    ];
    expect(phaseChanges(actions)).toEqual([
      { week: 5, cause: 'lever' },
      { week: 10, cause: 'redesign' },
      { week: 21, cause: 'targets' },
    ]);
  });

  it('makes one phase of changes in the same week, named after a regime change if there is one', () => {
    const lever = (at: number): Action => ({ at, kind: 'design', key: 'caseOwner', value: true });
    const regime: Action = { at: 5 * WEEK + DAY, kind: 'regime', regime: 'systems' };
    expect(phaseChanges([regime, lever(5 * WEEK + 2 * DAY)])).toEqual([{ week: 6, cause: 'redesign' }]);
    expect(phaseChanges([lever(5 * WEEK), regime])).toEqual([{ week: 6, cause: 'redesign' }]);
    expect(phaseChanges([lever(5 * WEEK), lever(6 * WEEK - 1)])).toEqual([{ week: 6, cause: 'lever' }]);
  });
});

describe('a process behaviour chart in phases', () => {
  // Twelve weeks at about 102 days (100, 104, ...), then from week 13 twelve at about 11 (10, 12, ...).
  const before = zigzag(12, 100, 104);
  const after = zigzag(12, 10, 12);
  const points = weeksFrom(1, [...before, ...after]);

  it('splits at the week of the change and computes each phase’s limits from its own weeks', () => {
    const c = processChart(points, [{ week: 13, cause: 'redesign' }])!;
    expect(c.phases.map((p) => [p.startWeek, p.cause, p.from, p.to])).toEqual([
      [1, null, 0, 12],
      [13, 'redesign', 12, 24],
    ]);
    const [p1, p2] = c.phases.map((p) => p.chart!);
    expect(p1!.centre).toBeCloseTo(102, 12);
    expect(p1!.upper).toBeCloseTo(102 + 2.66 * 4, 12);
    expect(p2!.centre).toBeCloseTo(11, 12);
    expect(p2!.upper).toBeCloseTo(11 + 2.66 * 2, 12);
    expect(p2!.lower).toBeCloseTo(11 - 2.66 * 2, 12);
    // The figures a view shows are the latest phase's.
    expect(c.centre).toBeCloseTo(11, 12);
    expect(c.limitsPhase).toBe(1);
  });

  it('finds no signal in two stable phases that one chart over both would flag all over', () => {
    const whole = xmr([...before, ...after])!;
    expect(whole.longRuns.length).toBe(24);
    const c = processChart(points, [13])!;
    expect(c.beyondLimits).toEqual([]);
    expect(c.longRuns).toEqual([]);
  });

  it('predicts the range of a stable latest phase of enough weeks', () => {
    const c = processChart(points, [13])!;
    expect(c.verdict).toEqual({ predictable: true, from: 11 - 5.32, to: 11 + 5.32, centre: 11, weeks: 12, sinceWeek: 13 });
    expect(verdictText(c)).toContain('will stay between 5.7 days and 16.3 days, unless the system changes');
    expect(verdictText(c)).toContain('since the change in week 13');
  });

  it('flags a point beyond its own phase’s limits, by its index in the whole chart, and then predicts nothing', () => {
    const spiky = [...after];
    spiky[7] = 40; // week 20; far beyond 11 ± 5.32, but inside the first phase's limits
    const c = processChart(weeksFrom(1, [...before, ...spiky]), [13])!;
    expect(c.beyondLimits).toEqual([19]);
    expect(c.verdict).toMatchObject({ predictable: false, reason: 'signals', signals: 1, weeks: 12 });
    expect(verdictText(c)).toMatch(/^Not predictable yet: 1 week of the 12 weeks since the change in week 13 shows a signal/);
    expect(verdictText(c)).not.toContain('will stay between');
  });

  it('flags a run of eight on one side of the phase’s centre line', () => {
    // Eight weeks at 12-13, then eight at 9-10: every week sits on one side of the centre (11.0).
    const run = [12, 13, 12, 13, 12, 13, 12, 13, 9, 10, 9, 10, 9, 10, 9, 10];
    const c = processChart(weeksFrom(1, [...before, ...run]), [13])!;
    expect(c.beyondLimits).toEqual([]);
    expect(c.longRuns).toEqual(Array.from({ length: 16 }, (_, i) => 12 + i));
    expect(c.verdict).toMatchObject({ predictable: false, reason: 'signals', signals: 16 });
    // Seven on each side is not yet a signal.
    const seven = processChart(weeksFrom(1, [12, 13, 12, 13, 12, 13, 12, 9, 10, 9, 10, 9, 10, 9]))!;
    expect(seven.longRuns).toEqual([]);
  });

  it('predicts nothing from a latest phase that is too short, even a quiet one', () => {
    const short = MIN_PREDICTION_WEEKS - 1;
    const c = processChart(weeksFrom(1, [...before, ...zigzag(short, 10, 12)]), [13])!;
    expect(c.longRuns).toEqual([]);
    expect(c.verdict).toEqual({ predictable: false, reason: 'too-few-weeks', weeks: short, needed: MIN_PREDICTION_WEEKS, sinceWeek: 13 });
    expect(verdictText(c)).toBe(
      `Not predictable yet: only ${short} settled weeks since the change in week 13. It takes at least ${MIN_PREDICTION_WEEKS} weeks with no signal before the limits say what the system will deliver.`,
    );
    const enough = processChart(weeksFrom(1, [...before, ...zigzag(MIN_PREDICTION_WEEKS, 10, 12)]), [13])!;
    expect(enough.verdict.predictable).toBe(true);
  });

  it('says so when no week since the change has settled, and keeps showing the last limits it has', () => {
    const c = processChart(weeksFrom(1, before), [{ week: 16, cause: 'redesign' }])!;
    expect(c.phases.map((p) => [p.startWeek, p.to - p.from])).toEqual([
      [1, 12],
      [16, 0],
    ]);
    expect(c.limitsPhase).toBe(0);
    expect(c.centre).toBeCloseTo(102, 12);
    expect(c.verdict).toMatchObject({ predictable: false, reason: 'too-few-weeks', weeks: 0, sinceWeek: 16 });
    expect(verdictText(c)).toContain('no week since the change in week 16 has settled yet');
  });

  it('places a change by week number, even where unsettled weeks are missing from the chart', () => {
    // Weeks 1-6 and 9-20: weeks 7 and 8 were not charted; the change came in week 8.
    const pts = [...weeksFrom(1, zigzag(6, 100, 104)), ...weeksFrom(9, zigzag(12, 10, 12))];
    const c = processChart(pts, [8])!;
    expect(c.phases.map((p) => [p.startWeek, p.from, p.to])).toEqual([
      [1, 0, 6],
      [8, 6, 18],
    ]);
    expect(c.phases[1]!.chart!.centre).toBeCloseTo(11, 12);
  });

  it('is one phase over every week without changes, and nothing without two points in some phase', () => {
    const one = processChart(points)!;
    expect(one.phases).toHaveLength(1);
    expect(one.centre).toBeCloseTo(xmr([...before, ...after])!.centre, 12);
    expect(one.verdict).toMatchObject({ predictable: false, reason: 'signals' });
    expect(processChart(weeksFrom(1, [5]))).toBeNull();
    expect(processChart(weeksFrom(1, [5, 6, 7]), [2, 3])).toBeNull();
  });
});

describe('the chart’s words and units', () => {
  it('shows minutes when every week and limit is under a day, days otherwise', () => {
    const minutes = processChart(weeksFrom(1, [0.024, 0.026, 0.025, 0.027]))!;
    expect(chartUnit(minutes)).toBe('minutes');
    expect(xmrFigures(minutes).find((f) => f.id === 'centre')!.value).toBe('37 min'); // mean 0.0255 days = 36.7 minutes
    const days = processChart(weeksFrom(1, [0.8, 0.9, 0.7, 0.95]))!;
    expect(chartUnit(days)).toBe('days'); // its upper limit is over a day
    expect(timeUnitFor(0.99)).toBe('minutes');
    expect(timeUnitFor(1)).toBe('days');
  });

  it('formats numbers and plurals the English way', () => {
    expect(plural(7837, { one: '# citizen', other: '# citizens' })).toBe('7,837 citizens');
    expect(plural(1, { one: '# week', other: '# weeks' })).toBe('1 week');
    expect(plural(0, { one: '# week', other: '# weeks' })).toBe('0 weeks');
    expect(duration(1, 'days')).toBe('1.0 days');
    expect(duration(1234.56, 'days')).toBe('1,234.6 days');
    expect(duration(0.5, 'minutes')).toBe('720 min');
  });

  it('names the limits of the latest phase with its weeks, and never a negative lower limit', () => {
    const c = processChart(weeksFrom(1, [...zigzag(12, 100, 104), 1, 30, 2, 28, 1, 25]), [13])!;
    const figures = Object.fromEntries(xmrFigures(c).map((f) => [f.id, f]));
    expect(figures.centre!.label).toBe('Average (centre line), weeks 13–18');
    expect(figures.lower!.value).toBe('none (below zero)');
  });
});

describe('the debrief’s chart of a real run', () => {
  const hb = loadLevel('housing-benefit');

  it('starts a phase at a mid-run redesign, and claims no range while the new phase is still settling', () => {
    const sim = runSim(hb, 1, 'deliverology', 365, [{ at: 120 * DAY, kind: 'regime', regime: 'systems' }]);
    const d = buildDebrief(sim, 'housing-benefit', sim.report());
    const c = d.xmr!;
    expect(c.phases.map((p) => [p.startWeek, p.cause])).toEqual([
      [1, null],
      [weekOf(120 * DAY), 'redesign'],
    ]);
    expect(c.verdict.predictable).toBe(false);
    expect(verdictText(c)).toMatch(/^Not predictable yet/);
    expect(verdictText(c)).not.toContain('will stay between');
  });

  it('predicts the range of a redesigned office left alone all year', () => {
    const sim = runSim(hb, 1, 'systems', 365);
    const d = buildDebrief(sim, 'housing-benefit', sim.report());
    const c = d.xmr!;
    expect(c.phases).toHaveLength(1);
    expect(c.verdict).toMatchObject({ predictable: true, weeks: d.weeks.length });
    expect(verdictText(c)).toContain('will stay between');
    expect(d.unhelped.stillWaiting).toBe(sim.report().needs.open);
    expect(d.unhelped.gaveUp).toBe(sim.report().needs.abandoned);
  });

  it('measures the front desk in minutes', () => {
    const fd = loadLevel('front-desk');
    const sim = runSim(fd, 1, 'deliverology', fd.days);
    const d = buildDebrief(sim, 'front-desk', sim.report());
    expect(chartUnit(d.xmr!)).toBe('minutes');
    expect(xmrFigures(d.xmr!).find((f) => f.id === 'centre')!.value).toMatch(/^\d+ min$/);
  });
});

describe('axis ticks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten, from 0 to at least the largest value', () => {
    expect(niceTicks(118, 5)).toEqual({ ticks: [0, 25, 50, 75, 100, 125], step: 25, top: 125 });
    expect(niceTicks(9.9, 4)).toEqual({ ticks: [0, 2.5, 5, 7.5, 10], step: 2.5, top: 10 });
    expect(niceTicks(0.042, 4).ticks).toEqual([0, 0.02, 0.04, 0.06]); // 0.042 / 4 is just over 0.01
  });

  it('labels weeks at round multiples, and the first week only when it is not crowded', () => {
    expect(wholeTicks(1, 50, 12)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(wholeTicks(1, 11, 6)).toEqual([2, 4, 6, 8, 10]);
    expect(wholeTicks(1, 4, 10)).toEqual([1, 2, 3, 4]);
  });
});
