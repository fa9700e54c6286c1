// The projector's process behaviour charts come from each team's summary, never from the sim: the
// summary carries the debrief's weekly series and changes of system, small enough to send every few
// seconds, and the server's re-simulation checks it week by week like every other figure.
import { describe, expect, it } from 'vitest';
import { phaseChanges, processChart, weekOf } from '../../../src/analysis/xmrPhases';
import { buildDebrief } from '../../../src/game/debriefData';
import { MAX_BODY_BYTES, type SessionConfig, sessionConfigSchema, summarySchema, type TeamSummary } from '../../../src/room/protocol';
import { summaryWeeks, teamSummary } from '../../../src/room/summary';
import { sessionLevel, verifyTeam } from '../../../src/room/verify';
import { type Action, createSim, DAY, runSim } from '../../../src/services/housing-benefit';
import { sharedScale } from '../../../src/ui/trainer/projectorView';

const config: SessionConfig = sessionConfigSchema.parse({ level: 'housing-benefit', seed: 7, phases: [{ label: 'The year', untilDay: 365 }] });
const level = sessionLevel(config);

/** The rounding the summary promises: hundredths of a day, ten-thousandths under a day. */
const rounded = (x: number) => (x < 1 ? Math.round(x * 1e4) / 1e4 : Math.round(x * 100) / 100);

/** A team's run as its browser plays it: the actions at their minutes, then on to `days`. */
function play(days: number, plan: Action[]) {
  const sim = createSim(level, config.seed, config.regime);
  for (const a of [...plan].sort((x, y) => x.at - y.at)) {
    sim.advanceTo(a.at);
    sim.apply(a);
  }
  sim.advanceTo(days * DAY);
  return sim;
}

const REDESIGN_DAY = 63;
const LEVER_DAY = 140;
// A year with a redesign in week 10 and a way of working changed in week 21.
const year = play(365, [
  { at: REDESIGN_DAY * DAY, kind: 'regime', regime: 'systems' },
  { at: LEVER_DAY * DAY, kind: 'design', key: 'pullEvidence', value: false },
]);
const yearSummary = teamSummary(year);

/** As the server receives and stores it: JSON. */
const asSent = (s: TeamSummary): TeamSummary => JSON.parse(JSON.stringify(s)) as TeamSummary;
const log = (sim: { actions: readonly Action[] }): unknown[] => JSON.parse(JSON.stringify(sim.actions)) as unknown[];

describe("a team's weekly series in its summary", () => {
  it("is the debrief's weeks and changes of system for the same run, rounded", () => {
    const debrief = buildDebrief(year, 'housing-benefit', year.report());
    expect(debrief.weeks.length).toBeGreaterThan(40);
    expect(summaryWeeks(yearSummary)).toEqual(debrief.weeks.map((w) => ({ week: w.week, meanDays: rounded(w.meanDays) })));
    expect(yearSummary.weekly.changes).toEqual(phaseChanges(year.actions));
    expect(yearSummary.weekly.changes).toEqual([
      { week: weekOf(REDESIGN_DAY * DAY), cause: 'redesign' },
      { week: weekOf(LEVER_DAY * DAY), cause: 'lever' },
    ]);
    // The chart the projector draws from it has the debrief's phases, and limits within rounding of its.
    const chart = processChart(summaryWeeks(yearSummary), yearSummary.weekly.changes)!;
    const theirs = debrief.xmr!;
    expect(chart.phases.map((p) => [p.startWeek, p.cause, p.from, p.to])).toEqual(theirs.phases.map((p) => [p.startWeek, p.cause, p.from, p.to]));
    chart.phases.forEach((p, k) => {
      const q = theirs.phases[k]!.chart;
      if (!p.chart || !q) return expect(p.chart).toBe(q);
      expect(p.chart.centre).toBeCloseTo(q.centre, 1);
      expect(p.chart.upper).toBeCloseTo(q.upper, 1);
    });
  });

  it('has a place for every week up to the last charted, a gap (null) for one not yet settled', () => {
    // Under deliverology citizens wait for months: a quarter in, no week is settled yet.
    expect(teamSummary(play(91, [])).weekly).toEqual({ meanDays: [], changes: [] });
    const sim = play(365, []);
    const s = teamSummary(sim);
    const weeks = buildDebrief(sim, 'housing-benefit', sim.report()).weeks;
    expect(weeks.length).toBeGreaterThan(0);
    expect(s.weekly.meanDays).toHaveLength(weeks[weeks.length - 1]!.week);
    expect(s.weekly.meanDays.filter((d) => d !== null)).toHaveLength(weeks.length);
    for (const w of weeks) expect(s.weekly.meanDays[w.week - 1]).toBe(rounded(w.meanDays));
    expect(s.weekly.changes).toEqual([]);
  });

  it('keeps the front desk’s waits of minutes to the ten-thousandth of a day', () => {
    const fd = sessionLevel({ level: 'front-desk', scenario: null });
    const sim = runSim(fd, 1, 'deliverology', fd.days);
    const s = teamSummary(sim);
    const weeks = buildDebrief(sim, 'front-desk', sim.report()).weeks;
    expect(weeks.length).toBeGreaterThan(1);
    for (const w of weeks) {
      expect(w.meanDays).toBeLessThan(1);
      expect(Math.abs(s.weekly.meanDays[w.week - 1]! - w.meanDays)).toBeLessThanOrEqual(0.00005);
    }
  });

  it('is a pure function of the run: the same log replayed gives the same series', () => {
    const again = createSim(level, config.seed, config.regime);
    for (const a of year.actions) again.apply(a);
    again.advanceTo(year.now);
    expect(JSON.stringify(teamSummary(again).weekly)).toBe(JSON.stringify(yearSummary.weekly));
  });

  it('keeps a year-long summary under a kilobyte, as its schema accepts it', () => {
    const json = JSON.stringify(yearSummary);
    expect(json.length).toBeLessThan(1024);
    expect(JSON.stringify(yearSummary.weekly).length).toBeLessThan(512);
    expect(summarySchema.parse(asSent(yearSummary))).toEqual(yearSummary);
  });

  it('is bounded: at most 530 weeks of days from 0 to 3,650, changes after week 1, nothing else', () => {
    const withWeekly = (weekly: unknown) => summarySchema.safeParse({ ...yearSummary, weekly });
    const paths = (weekly: unknown) => (withWeekly(weekly).error?.issues ?? []).map((i) => i.path.join('.'));
    const longest = { meanDays: Array(530).fill(3649.99), changes: Array.from({ length: 529 }, (_, i) => ({ week: i + 2, cause: 'lever' })) };
    expect(withWeekly(longest).success).toBe(true);
    // Even the longest is far under the body limit.
    expect(JSON.stringify({ ...yearSummary, weekly: longest }).length).toBeLessThan(MAX_BODY_BYTES / 10);
    expect(paths({ ...longest, meanDays: Array(531).fill(1) })).toEqual(['weekly.meanDays']);
    expect(paths({ meanDays: [1, -0.5], changes: [] })).toEqual(['weekly.meanDays.1']);
    expect(paths({ meanDays: [3651], changes: [] })).toEqual(['weekly.meanDays.0']);
    expect(paths({ meanDays: ['1'], changes: [] })).toEqual(['weekly.meanDays.0']);
    expect(paths({ meanDays: [], changes: [{ week: 1, cause: 'redesign' }] })).toEqual(['weekly.changes.0.week']);
    expect(paths({ meanDays: [], changes: [{ week: 2.5, cause: 'redesign' }] })).toEqual(['weekly.changes.0.week']);
    expect(paths({ meanDays: [], changes: [{ week: 2, cause: 'whim' }] })).toEqual(['weekly.changes.0.cause']);
    expect(withWeekly({ meanDays: [], changes: [{ week: 2, cause: 'lever', note: 'x' }] }).success).toBe(false);
    expect(withWeekly({ meanDays: [], changes: [], limits: [] }).success).toBe(false);
    expect(withWeekly(undefined).success).toBe(false);
  });
});

describe('verification of the weekly series', () => {
  // Twenty weeks, redesigned in week 10: enough weeks to tamper with, and a change.
  const sim = play(140, [{ at: REDESIGN_DAY * DAY, kind: 'regime', regime: 'systems' }]);
  const honest = asSent(teamSummary(sim));
  const charted = honest.weekly.meanDays.findIndex((d) => d !== null);

  it('verifies the honest series', () => {
    expect(honest.weekly.changes).toHaveLength(1);
    expect(charted).toBeGreaterThanOrEqual(0);
    expect(verifyTeam(config, log(sim), honest)).toEqual({ verified: true, at: honest.at });
  });

  it("reports a tampered week's value, by its place in the series", () => {
    const meanDays = [...honest.weekly.meanDays];
    const was = meanDays[charted]!;
    meanDays[charted] = was / 2;
    const verdict = verifyTeam(config, log(sim), { ...honest, weekly: { ...honest.weekly, meanDays } });
    expect(verdict).toEqual({ verified: false, at: honest.at, mismatch: `weekly.meanDays.${charted}: claimed ${was / 2}, re-simulated ${was}` });
  });

  it('reports a week dropped from the end, a week made a gap, and a change hidden or moved', () => {
    const tampered = (weekly: Partial<TeamSummary['weekly']>) => verifyTeam(config, log(sim), { ...honest, weekly: { ...honest.weekly, ...weekly } });
    const last = honest.weekly.meanDays.length - 1;
    expect(tampered({ meanDays: honest.weekly.meanDays.slice(0, -1) })).toMatchObject({
      verified: false,
      mismatch: `weekly.meanDays.length: claimed ${last}, re-simulated ${last + 1}`,
    });
    const gap = honest.weekly.meanDays.map((d, i) => (i === charted ? null : d));
    expect(tampered({ meanDays: gap })).toMatchObject({ verified: false, mismatch: expect.stringMatching(`^weekly.meanDays.${charted}: claimed null`) });
    expect(tampered({ changes: [] })).toMatchObject({
      verified: false,
      mismatch: expect.stringMatching(/^weekly\.changes\.length: claimed 0, re-simulated 1/),
    });
    const moved = [{ ...honest.weekly.changes[0]!, week: honest.weekly.changes[0]!.week + 1 }];
    expect(tampered({ changes: moved })).toMatchObject({ verified: false, mismatch: expect.stringMatching(/^weekly\.changes\.0\.week: claimed/) });
  });

  it('reports a week made up after the last one charted', () => {
    const meanDays = [...honest.weekly.meanDays, 1];
    expect(verifyTeam(config, log(sim), { ...honest, weekly: { ...honest.weekly, meanDays } })).toMatchObject({
      verified: false,
      mismatch: `weekly.meanDays.length: claimed ${meanDays.length}, re-simulated ${meanDays.length - 1}`,
    });
  });
});

describe("the projector's shared scale", () => {
  it('reaches every chart’s highest point and limit, spans every chart’s weeks and changes, in one unit', () => {
    const early = asSent(teamSummary(play(140, [{ at: REDESIGN_DAY * DAY, kind: 'regime', regime: 'systems' }])));
    const charts = [yearSummary, early].map((s) => processChart(summaryWeeks(s), s.weekly.changes));
    const scale = sharedScale([...charts, null]);
    for (const c of charts) for (const v of c!.values) expect(v).toBeLessThanOrEqual(scale.maxDays);
    expect(scale.maxDays).toBe(Math.max(...charts.map((c) => Math.max(...c!.values, ...c!.phases.flatMap((p) => (p.chart ? [p.chart.upper] : []))))));
    expect(scale.first).toBe(Math.min(...charts.map((c) => c!.weeks[0]!)));
    expect(scale.last).toBe(summaryWeeks(yearSummary).at(-1)!.week);
    expect(scale.unit).toBe('days');
    expect(sharedScale([null])).toEqual({ unit: 'minutes', maxDays: 0, first: 1, last: 1 });
  });
});
