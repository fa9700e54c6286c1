// The two ways into housing benefit, and the gaming moves a struggling office is offered.
import { modelOf } from '../../src/services/housing-benefit/run';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import housingBenefit from '../../levels/housing-benefit.json';
import { acceptAll, declineAll, playOffers } from '../../src/analysis/offerPlay';
import { parseActionLog, checkActionsForRun } from '../../src/levels/actionLog';
import { parseLevel } from '../../src/levels/load';
import { withScenario } from '../../src/levels/scenario';
import type { Level } from '../../src/levels/schema';
import { attribute } from '../../src/services/housing-benefit/attribution';
import { DAY } from '../../src/engine/calendar';
import type { Report } from '../../src/services/housing-benefit/report';
import { createSim, simulate } from '../../src/services/housing-benefit/run';
import { levelHash, MODEL_VERSION } from '../../src/engine/version';
import { level, runCli } from './helpers';

const hb = level('housing-benefit');
function scenario(id: string | null): Level {
  const s = withScenario(hb, id);
  if (!s.ok) throw new Error(s.error);
  return s.level;
}
const takeover = scenario('takeover');
const seeds = [1, 2, 3];
const played = seeds.map((seed) => {
  const accepted = playOffers(takeover, seed, 'deliverology', 365, acceptAll);
  const declined = playOffers(takeover, seed, 'deliverology', 365, declineAll);
  return {
    accepted,
    declined,
    yes: simulate(takeover, seed, 'deliverology', 365, accepted),
    no: simulate(takeover, seed, 'deliverology', 365, declined),
  };
});

describe('scenarios', () => {
  it('four-star is the level as written: the same report as no scenario at all', () => {
    const fourStar = scenario('four-star');
    expect(scenario(null)).toEqual(fourStar);
    expect(simulate(fourStar, 1, 'deliverology', 60)).toEqual(simulate(hb, 1, 'deliverology', 60));
    expect(fourStar.offers).toEqual([]);
  });

  it('takeover is an honest office, with its history inherited under the same rules', () => {
    expect(takeover.regimes.deliverology.design).toMatchObject({
      nilQualifyDays: null,
      clockStart: 'received',
      formHandOut: false,
      outsourcedCallCentre: false,
      cherryPick: false,
    });
    // No claim of the inherited year was closed for being incomplete.
    const sim = createSim(takeover, 1);
    expect(modelOf(sim).claims.count).toBeGreaterThan(1000);
    expect(simulate(takeover, 1, 'deliverology', 1).claims.nilQualified).toBe(0);
  });

  it('an unknown scenario is an error naming the ones there are', () => {
    const r = withScenario(hb, 'nowhere');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('four-star, takeover');
  });

  it('a bad scenario or offer in a level file gets a message naming the field', () => {
    const raw = structuredClone(housingBenefit) as { scenarios: { id: string; offers: { latestDay: number; design: object }[] }[] };
    raw.scenarios[1]!.offers[0]!.latestDay = 1;
    raw.scenarios[1]!.offers[1]!.design = { pilotTeam: 3 };
    raw.scenarios[0]!.id = 'takeover';
    const r = parseLevel(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual(expect.stringContaining('scenarios.1.offers.0.latestDay: must be on or after notBeforeDay'));
    expect(r.errors).toContainEqual(expect.stringContaining('scenarios.1.offers.1.design: a pilot is'));
    expect(r.errors).toContainEqual(expect.stringContaining('scenarios.1.id: "takeover" is used twice'));
  });
});

describe('the offers of the takeover', () => {
  it('come one at a time, in order, and every quarter brings at least one, whatever the answers', () => {
    for (const p of played) {
      for (const r of [p.yes, p.no]) {
        const days = r.offers.map((o) => o.raisedDay!);
        expect(r.offers.map((o) => o.id)).toEqual(takeover.offers.map((o) => o.id));
        expect(days).toEqual([...days].sort((a, b) => a - b));
        for (let q = 0; q < 4; q++)
          expect(
            days.some((d) => d >= q * 91 && d < (q + 1) * 91),
            `quarter ${q + 1}`,
          ).toBe(true);
      }
    }
  });

  it('are put when the pressure builds: a red target, a budget cut', () => {
    const reasons = played[0]!.no.offers.map((o) => o.reason);
    expect(reasons[0]).toBe('red-target');
    expect(reasons[1]).toBe('budget-cut');
  });

  it('accepted, turn the dashboard green while citizens wait longer, give up more and cost more', () => {
    for (const { yes, no } of played) {
      const stars = (r: Report) => r.inspections.reduce((a, i) => a + i.stars, 0);
      expect(yes.reportedDays.mean!).toBeLessThan(no.reportedDays.mean! - 20);
      expect(stars(yes)).toBeGreaterThan(stars(no));
      expect(yes.waitingDays.mean!).toBeGreaterThan(no.waitingDays.mean!);
      expect(yes.needs.abandoned).toBeGreaterThan(2 * no.needs.abandoned);
      expect(yes.cost.perNeedMet!).toBeGreaterThan(no.cost.perNeedMet!);
      expect(yes.failureDemandShare!).toBeGreaterThan(no.failureDemandShare!);
    }
  });

  it('a log of answers replays to the same report, and the answers are in it', () => {
    const p = played[0]!;
    expect(simulate(takeover, 1, 'deliverology', 365, p.accepted)).toEqual(p.yes);
    expect(p.yes.offers.every((o) => o.answer === 'accepted')).toBe(true);
    expect(p.no.offers.every((o) => o.answer === 'declined')).toBe(true);
  });

  it('no more offers once the office has dropped the targets', () => {
    const log = playOffers(takeover, 1, 'deliverology', 365, declineAll, [{ at: 100 * DAY, kind: 'regime', regime: 'systems' }]);
    const r = simulate(takeover, 1, 'deliverology', 365, log);
    expect(r.offers.map((o) => o.id)).toEqual(['clock', 'nil-qualify']);
  });

  it('an offer whose move is already in force is passed over', () => {
    const log = playOffers(takeover, 1, 'deliverology', 120, declineAll, [{ at: 0, kind: 'design', key: 'clockStart', value: 'complete' }]);
    const r = simulate(takeover, 1, 'deliverology', 120, log);
    expect(r.offers[0]!.id).toBe('nil-qualify');
  });

  it('attribution: an answer costs what the other answer would have given', () => {
    const p = played[0]!;
    const log = p.declined.slice(0, 1);
    const [one] = attribute(takeover, 1, 'deliverology', 120, log);
    const had = simulate(takeover, 1, 'deliverology', 120, log);
    const other = simulate(takeover, 1, 'deliverology', 120, [{ ...log[0]!, kind: 'offer', offer: 'clock', accept: true }]);
    expect(one!.delta.reportedDays).toBeCloseTo(had.reportedDays.mean! - other.reportedDays.mean!, 3);
    // Declining the clock rule shows on the dashboard only: citizens live the same.
    expect(one!.delta.reportedDays!).toBeGreaterThan(10);
    expect(one!.delta.waitingDaysMean).toBe(0);
  });

  it('a log naming an offer the run does not have is refused, naming the field', () => {
    const parsed = parseActionLog([{ at: 0, kind: 'offer', offer: 'bribe', accept: true }], Object.keys(hb.roles));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(checkActionsForRun(takeover, 'deliverology', 365, parsed.actions)[0]).toMatch(/^actions\.0\.offer: no offer "bribe"/);
    expect(checkActionsForRun(hb, 'deliverology', 365, parsed.actions)[0]).toContain('--scenario');
    expect(parseActionLog([{ at: 0, kind: 'offer', offer: 'clock' }], Object.keys(hb.roles)).ok).toBe(false);
  });
});

describe('the CLI and scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'its-the-system-offers-'));
  const run = runCli;

  it('--scenario takeover runs the honest office; an unknown one exits 2', () => {
    const r = run('--level', 'housing-benefit', '--scenario', 'takeover', '--days', '60', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Report).claims.nilQualified).toBe(0);
    const bad = run('--level', 'housing-benefit', '--scenario', 'nowhere');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no scenario "nowhere"');
  });

  it('an exported run replays in its own scenario and regime without naming them', () => {
    const file = join(dir, 'run.json');
    const actions = played[0]!.declined.slice(0, 2);
    const model = { version: MODEL_VERSION, levelHash: levelHash(takeover) };
    writeFileSync(
      file,
      JSON.stringify({
        format: 'its-the-system/run',
        version: 1,
        model,
        level: 'housing-benefit',
        scenario: 'takeover',
        regime: 'deliverology',
        seed: 1,
        days: 120,
        actions,
      }),
    );
    const r = run('--level', 'housing-benefit', '--seed', '1', '--days', '120', '--json', '--actions', file);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(simulate(takeover, 1, 'deliverology', 120, actions))));
  });
});

describe('answers to offers', () => {
  it('an offer is answered once: a second answer is refused, in the log check and in the sim', () => {
    const log = [
      { at: 1440, kind: 'offer' as const, offer: 'outsource', accept: true },
      { at: 183 * 1440, kind: 'offer' as const, offer: 'outsource', accept: false },
    ];
    expect(checkActionsForRun(takeover, 'deliverology', 365, log)[0]).toMatch(/^actions\.1\.offer: "outsource" was answered already \(actions\.0\)/);
    expect(() => simulate(takeover, 1, 'deliverology', 365, log)).toThrow(/answered already/);
  });

  it('attribution shows what easy claims first costs complicated claims, even where it helps most citizens', () => {
    const log = [{ at: 1440, kind: 'offer' as const, offer: 'easy-first', accept: true }];
    const [a] = attribute(takeover, 1, 'deliverology', 365, log);
    expect(a!.delta.hardWaitingDaysMean!).toBeGreaterThan(10);
    expect(a!.delta.hardHarmed!).toBeGreaterThan(0);
  });
});

describe('versioned runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'its-the-system-version-'));
  const run = runCli;
  const write = (name: string, model: object | undefined) => {
    const file = join(dir, name);
    writeFileSync(
      file,
      JSON.stringify({
        format: 'its-the-system/run',
        version: 1,
        ...(model ? { model } : {}),
        level: 'housing-benefit',
        scenario: 'takeover',
        regime: 'deliverology',
        seed: 1,
        days: 30,
        actions: [],
      }),
    );
    return file;
  };

  it('every report names the model version and the level it ran on', () => {
    const r = simulate(takeover, 1, 'deliverology', 5);
    expect(r.model).toEqual({ version: MODEL_VERSION, levelHash: levelHash(takeover) });
    expect(levelHash(takeover)).not.toBe(levelHash(hb));
    expect(levelHash(structuredClone(takeover))).toBe(levelHash(takeover));
  });

  it('a run of another model version, or of another level, is refused, saying why; --any-model replays it anyway', () => {
    const old = write('old.json', { version: '1999-01-01', levelHash: levelHash(takeover) });
    const r = run('--level', 'housing-benefit', '--days', '30', '--json', '--actions', old);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`recorded by model version 1999-01-01; this is ${MODEL_VERSION}`);
    expect(run('--level', 'housing-benefit', '--days', '30', '--json', '--any-model', '--actions', old).code).toBe(0);
    const same = write('same.json', { version: MODEL_VERSION, levelHash: levelHash(takeover) });
    const changed = run('--level', 'housing-benefit', '--days', '30', '--json', '--set', 'citizens.itemIfTold=0.5', '--actions', same);
    expect(changed.code).toBe(2);
    expect(changed.err).toContain('played on a different level');
  });

  it('a run exported before versions were kept replays with a note that its figures may differ', () => {
    const r = run('--level', 'housing-benefit', '--days', '30', '--json', '--actions', write('none.json', undefined));
    expect(r.code).toBe(0);
    expect(r.err).toContain('names no model version');
  });
});
