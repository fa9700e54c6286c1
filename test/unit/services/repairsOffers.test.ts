// The two ways into housing repairs, and the gaming moves a struggling service is offered one at a
// time under pressure: each an action in the log, answered once, replayed by the CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/engine/calendar';
import type { ServiceAction } from '../../../src/engine/service';
import { RepairsSession } from '../../../src/game/repairs/repairsSession';
import { LEVEL_FILES } from '../../../src/levels/catalogue';
import { parseRepairsActions } from '../../../src/services/housing-repairs/actions';
import {
  createRepairsRun,
  housingRepairs,
  parseRepairsLevel,
  type RepairsActionInput,
  type RepairsLevel,
  type RepairsReport,
  runRepairs,
  withRepairsScenario,
} from '../../../src/services/housing-repairs/index';
import { levelHash, MODEL_VERSION } from '../../../src/engine/version';
import { repairsLevel, runCli } from '../helpers';

const base = repairsLevel();
function scenario(id: string | null, level: RepairsLevel = base): RepairsLevel {
  const r = withRepairsScenario(level, id);
  if (!r.ok) throw new Error(r.error);
  return r.level;
}
const takeover = scenario('takeover');
/** The minute of the day the repairs line opens (offers are put then). */
const OPENS = takeover.lineHours === 'always' ? 0 : takeover.lineHours.open;

/** A year of the takeover played as the game plays it: each offer answered by `rule` when it stops play. */
function play(seed: number, rule: (id: string) => boolean, level: RepairsLevel = base, before: RepairsActionInput[] = []) {
  const s = new RepairsSession(level, seed, 'deliverology', 'takeover');
  for (const a of before) s.apply(a);
  while (!s.finished) {
    const stop = s.skipToNextStop();
    if (stop === 'offer') {
      const offer = s.takeOffer()!;
      s.apply({ kind: 'offer', offer: offer.id, accept: rule(offer.id) });
    } else if (stop === 'inspection') s.takeInspection();
  }
  return { actions: [...s.run.actions], report: s.run.report(s.level.days) };
}
const acceptAll = () => true;
const declineAll = () => false;
const SEEDS = [1, 2, 3];
const played = SEEDS.map((seed) => ({
  seed,
  yes: play(seed, acceptAll),
  no: play(seed, declineAll),
  firstOnly: play(seed, (id) => id === 'close-and-reraise'),
}));
const withoutOffers = (r: RepairsReport) => ({ ...r, offers: null, events: null });

describe('the ways into housing repairs', () => {
  it('four-star is the level as written: the first scenario, no offers, the same report as no scenario', () => {
    const fourStar = scenario('four-star');
    expect(scenario(null)).toEqual(fourStar);
    expect(fourStar).toEqual(base);
    expect(levelHash(fourStar)).toBe(levelHash(base));
    expect(fourStar.offers).toEqual([]);
    expect(housingRepairs.simulate(fourStar, 1, 'deliverology', 60, [])).toEqual(housingRepairs.simulate(base, 1, 'deliverology', 60, []));
    expect(housingRepairs.simulate(fourStar, 1, 'deliverology', 60, []).offers).toBeUndefined();
  });

  it('takeover is an honest service, its history inherited with no gaming in force', () => {
    expect(takeover.regimes.deliverology.design).toMatchObject({ closeAndReraise: false, reclassify: false });
    expect(takeover.offers.map((o) => [o.id, o.from, o.design])).toEqual([
      ['close-and-reraise', 'deputy', { closeAndReraise: true }],
      ['reclassify', 'consultant', { reclassify: true }],
    ]);
    expect(createRepairsRun(takeover, 1, 'deliverology').snapshot().design).toMatchObject({ closeAndReraise: false, reclassify: false });
    // No job of the inherited history was closed and re-raised: a fault has a job per trade at most.
    const inherited = (level: RepairsLevel) => runRepairs(level, 1, 'deliverology', 0).faults.filter((f) => f.reportedAt < 0);
    expect(Math.max(...inherited(takeover).map((f) => f.jobs))).toBeLessThanOrEqual(2);
    expect(Math.max(...inherited(base).map((f) => f.jobs))).toBeGreaterThan(2);
  });

  it('an unknown scenario is an error naming the ones there are', () => {
    const r = withRepairsScenario(base, 'nowhere');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('four-star, takeover');
  });

  it('a bad scenario or offer in a level file gets a message naming the field', () => {
    const raw = structuredClone(LEVEL_FILES['housing-repairs']) as {
      scenarios: { id: string; offers: { id: string; latestDay: number; design: object; when: string[] }[] }[];
    };
    const offers = raw.scenarios[1]!.offers;
    offers[0]!.latestDay = 1;
    offers[1]!.design = { frontLine: 'repairs-expert' };
    offers.push(
      { ...structuredClone(offers[0]!), design: {}, latestDay: 300 },
      { ...structuredClone(offers[0]!), id: 'budget', when: ['budget-cut'], latestDay: 300 },
    );
    raw.scenarios[0]!.id = 'takeover';
    const r = parseRepairsLevel(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual(
      expect.stringMatching(/^scenarios\.1\.offers\.1\.design: an offer is a gaming move \(closeAndReraise, reclassify\), not frontLine/),
    );
    expect(r.errors).toContainEqual(expect.stringMatching(/^scenarios\.1\.offers\.2\.design: an offer changes at least one design setting/));
    expect(r.errors).toContainEqual(expect.stringMatching(/^scenarios\.1\.offers\.3\.when\.0: /));
    // Checks across fields come once the schema is met.
    const cross = structuredClone(LEVEL_FILES['housing-repairs']) as typeof raw;
    cross.scenarios[1]!.offers[0]!.latestDay = 1;
    cross.scenarios[1]!.offers[1]!.id = 'close-and-reraise';
    cross.scenarios[0]!.id = 'takeover';
    const c = parseRepairsLevel(cross);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors).toEqual([
      'scenarios.1.id: "takeover" is used twice',
      'scenarios.1.offers.1.id: "close-and-reraise" is used twice',
      'scenarios.1.offers.0.latestDay: must be on or after notBeforeDay (20)',
    ]);
  });
});

describe('the offers of the takeover', () => {
  it('come one at a time, in order, never before their first day, and stop play in the game', () => {
    for (const p of played) {
      for (const { report } of [p.yes, p.no]) {
        expect(report.offers!.map((o) => o.id)).toEqual(['close-and-reraise', 'reclassify']);
        const [first, second] = report.offers!;
        expect(first!.raisedDay!).toBeGreaterThanOrEqual(20);
        expect(first!.raisedDay!).toBeLessThanOrEqual(120);
        expect(second!.raisedDay!).toBeGreaterThanOrEqual(Math.max(130, first!.answeredDay!));
        expect(second!.raisedDay!).toBeLessThanOrEqual(220 + 3);
        // Answered the morning it was put: the game stops play at the line's opening.
        for (const o of report.offers!) expect(o.answeredDay!).toBeCloseTo(o.raisedDay! + OPENS / DAY, 2);
      }
    }
  });

  it('are put when a target is red, or by their latest day when none is', () => {
    // The honest service misses its target for jobs within target: the deputy speaks on day 20 or soon after.
    expect(played[0]!.no.report.offers!.map((o) => o.reason)).toEqual(['red-target', 'red-target']);
    expect(played[0]!.no.report.offers![0]!.raisedDay!).toBeLessThan(25);
    // With targets nobody misses, each comes on its latest day (or the first opening after it).
    const easy = scenario('takeover', repairsLevel({ 'inspection.targets': { jobsWithinTarget: 0.01, callsAnsweredIn20s: 0.01, daysPerJob: 365 } }));
    const run = createRepairsRun(easy, 1, 'deliverology');
    run.advanceTo(119 * DAY + DAY - 1);
    expect(run.offer()).toBeNull();
    run.advanceTo(120 * DAY + OPENS);
    expect(run.snapshot().offer).toMatchObject({ id: 'close-and-reraise', from: 'deputy', reason: 'deadline', design: { closeAndReraise: true } });
    run.apply({ kind: 'offer', offer: 'close-and-reraise', accept: false });
    run.advanceTo(220 * DAY + OPENS);
    expect(run.offer()).toMatchObject({ id: 'reclassify', reason: 'deadline' });
    expect(run.report().offers).toEqual([
      { id: 'close-and-reraise', from: 'deputy', raisedDay: 120, reason: 'deadline', answer: 'declined', answeredDay: 120.33 },
      { id: 'reclassify', from: 'consultant', raisedDay: 220, reason: 'deadline', answer: null, answeredDay: null },
    ]);
  });

  it('accepting close-and-reraise turns jobs within target green, and costs tenants days and the council money', () => {
    for (const { seed, firstOnly, no } of played) {
      const yes = firstOnly.report;
      const nay = no.report;
      expect(yes.dashboard.jobsWithinTarget!, `seed ${seed}`).toBeGreaterThan(0.95);
      expect(nay.dashboard.jobsWithinTarget!, `seed ${seed}`).toBeLessThan(0.75);
      expect(yes.waitingDays.mean!, `seed ${seed}`).toBeGreaterThan(nay.waitingDays.mean! + 5);
      expect(yes.endToEndDays.mean!, `seed ${seed}`).toBeGreaterThan(nay.endToEndDays.mean! + 5);
      expect(yes.cost.perRepair!, `seed ${seed}`).toBeGreaterThan(nay.cost.perRepair! + 20);
      expect(yes.jobsPerNeed!, `seed ${seed}`).toBeGreaterThan(nay.jobsPerNeed!);
    }
  });

  it('accepting both flatters the dashboard most; tenants wait longer than in the honest service', () => {
    for (const { seed, yes, no } of played) {
      const stars = (r: RepairsReport) => r.inspections.reduce((a, i) => a + i.stars, 0);
      expect(stars(yes.report), `seed ${seed}`).toBeGreaterThan(stars(no.report));
      expect(yes.report.waitingDays.mean!, `seed ${seed}`).toBeGreaterThan(no.report.waitingDays.mean!);
      expect(yes.report.offers!.every((o) => o.answer === 'accepted')).toBe(true);
    }
  });

  it("declining keeps the gaming off: the run is the honest service's, as if nobody had asked", () => {
    for (const { seed, no } of played) {
      expect(no.report.offers!.every((o) => o.answer === 'declined')).toBe(true);
      expect(withoutOffers(no.report), `seed ${seed}`).toEqual(withoutOffers(housingRepairs.simulate(takeover, seed, 'deliverology', takeover.days, [])));
    }
  });

  it('a log of answers replays to the same report', () => {
    const p = played[0]!;
    expect(housingRepairs.simulate(takeover, 1, 'deliverology', takeover.days, p.yes.actions)).toEqual(p.yes.report);
    expect(p.yes.actions.map((a) => a.kind)).toEqual(['offer', 'offer']);
  });

  it('no more offers once the targets are dropped; an offer whose move is in force is passed over', () => {
    const dropped = housingRepairs.simulate(takeover, 1, 'deliverology', 200, [{ at: 10 * DAY, kind: 'regime', regime: 'systems' }]);
    expect(dropped.offers).toEqual([]);
    const gamed = play(1, declineAll, base, [{ kind: 'design', key: 'closeAndReraise', value: true }]);
    expect(gamed.report.offers!.map((o) => o.id)).toEqual(['reclassify']);
  });

  it('an offer answered twice, or one the run does not have, is refused, naming the field', () => {
    const twice = [
      { at: 0, kind: 'offer', offer: 'close-and-reraise', accept: true },
      { at: 10, kind: 'offer', offer: 'close-and-reraise', accept: false },
      { at: 20, kind: 'offer', offer: 'bribe', accept: true },
      { at: 30, kind: 'offer', offer: 'reclassify' },
    ];
    const r = parseRepairsActions(twice, 364, takeover);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'actions.1.offer: "close-and-reraise" was answered already (actions.0); an offer is answered once',
      'actions.2.offer: no offer "bribe" in this run (its offers: "close-and-reraise", "reclassify")',
      expect.stringMatching(/^actions\.3\.accept: /),
    ]);
    const four = parseRepairsActions(twice.slice(0, 1), 364, base);
    expect(!four.ok && four.errors[0]).toMatch(
      /^actions\.0\.offer: no offer "close-and-reraise" in this run \(it has no offers: choose its scenario with --scenario\)/,
    );
    // The run refuses them too, and logs nothing it refused.
    const run = createRepairsRun(takeover, 1, 'deliverology');
    run.apply({ kind: 'offer', offer: 'close-and-reraise', accept: true });
    expect(() => run.apply({ kind: 'offer', offer: 'close-and-reraise', accept: false })).toThrow(/answered already/);
    expect(() => run.apply({ kind: 'offer', offer: 'bribe', accept: false })).toThrow(/no offer "bribe"/);
    expect(run.actions).toHaveLength(1);
    expect(run.snapshot().design.closeAndReraise).toBe(true);
    expect(() => runRepairs(takeover, 1, 'deliverology', 10, twice.slice(0, 2) as ServiceAction[])).toThrow(/answered already/);
  });
});

describe('the CLI and the repairs scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'its-the-system-repairs-offers-'));

  it('--scenario takeover runs the honest service and raises its first offer; an unknown one exits 2', () => {
    const r = runCli('--level', 'housing-repairs', '--scenario', 'takeover', '--days', '60', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as RepairsReport;
    expect(report.model.levelHash).toBe(levelHash(takeover));
    expect(report.dashboard.jobsWithinTarget!).toBeLessThan(0.8);
    expect(report.offers).toEqual([expect.objectContaining({ id: 'close-and-reraise', reason: 'red-target', answer: null })]);
    expect(runCli('--level', 'housing-repairs', '--scenario', 'takeover', '--days', '60').out).toMatch(
      /Offers\n {2}close-and-reraise \(deputy\): raised day \d+ \(red-target\), not answered/,
    );
    const four = JSON.parse(runCli('--level', 'housing-repairs', '--scenario', 'four-star', '--days', '30', '--json').out) as RepairsReport;
    expect(four).toEqual(JSON.parse(runCli('--level', 'housing-repairs', '--days', '30', '--json').out));
    const bad = runCli('--level', 'housing-repairs', '--scenario', 'nowhere');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no scenario "nowhere" in level housing-repairs: use four-star, takeover/);
  });

  it('an exported run names its scenario and replays in it; on another level it is refused', () => {
    const p = played[1]!;
    const exported = {
      format: 'its-the-system/run',
      service: 'housing-repairs',
      level: 'housing-repairs',
      scenario: 'takeover',
      model: { version: MODEL_VERSION, levelHash: levelHash(takeover) },
      seed: 2,
      regime: 'deliverology',
      days: 364,
      actions: p.yes.actions,
    };
    const file = join(dir, 'takeover.json');
    writeFileSync(file, JSON.stringify(exported));
    const replay = runCli('--level', 'housing-repairs', '--actions', file, '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out)).toEqual(JSON.parse(JSON.stringify(p.yes.report)));
    // Played in one scenario, replayed in the other: another level, refused (unless --any-model).
    const other = runCli('--level', 'housing-repairs', '--actions', file, '--scenario', 'four-star', '--json');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/cannot be replayed to the same figures/);
    const any = runCli('--level', 'housing-repairs', '--actions', file, '--scenario', 'four-star', '--any-model', '--json');
    expect(any.code).toBe(2);
    expect(any.err).toMatch(/actions\.0\.offer: no offer "close-and-reraise" in this run/);
  });
});
