// Bot teams for a trainer's rehearsal: each strategy plays a year of housing benefit, leaves a log
// any session would accept and that replays to the same report, and the four differ the way the
// sources say: the gamer's dashboard beats the honest manager's while citizens wait longer, and the
// team that studies demand before it redesigns leaves citizens waiting least.
import { describe, expect, it } from 'vitest';
import { checkActionsForRun, parseActionLog } from '../../../src/levels/actionLog';
import { shippedLevel } from '../../../src/levels/catalogue';
import { withScenario } from '../../../src/levels/scenario';
import type { Level } from '../../../src/levels/schema';
import { BOT_STRATEGIES, type BotStrategy, botDecisions, STUDY_DAYS } from '../../../src/room/bots';
import { type Action, createSim, DAY, type Report, runSim, type Sim } from '../../../src/services/housing-benefit';

function scenarioLevel(id: string | null): Level {
  const r = withScenario(shippedLevel('housing-benefit'), id);
  if (!r.ok) throw new Error(r.error);
  return r.level;
}

/** A bot's run as a session would drive it: at the start of each day, its decisions, applied now. */
function play(level: Level, strategy: BotStrategy, seed: number, days = level.days): Sim {
  const sim = createSim(level, seed);
  for (let day = 0; day < days; day++) {
    sim.advanceTo(day * DAY);
    for (const action of botDecisions(strategy, sim, day)) sim.apply(action);
  }
  sim.advanceTo(days * DAY);
  return sim;
}

/** The log as a session receives it (JSON), checked as the server checks a team's log. */
function checkedLog(level: Level, sim: Sim): Action[] {
  const parsed = parseActionLog(JSON.parse(JSON.stringify(sim.actions)), Object.keys(level.roles));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  expect(checkActionsForRun(level, 'deliverology', level.days, parsed.actions)).toEqual([]);
  return parsed.actions;
}

const fourStar = scenarioLevel(null);
const SEEDS = [1, 2];
const played = SEEDS.map((seed) => {
  const sims = Object.fromEntries(BOT_STRATEGIES.map((s) => [s, play(fourStar, s, seed)])) as Record<BotStrategy, Sim>;
  const reports = Object.fromEntries(BOT_STRATEGIES.map((s) => [s, sims[s].report()])) as Record<BotStrategy, Report>;
  return { seed, sims, reports };
});

const lastInspection = (r: Report) => r.inspections[r.inspections.length - 1]!;

describe('bot teams: a year of the default housing-benefit office', () => {
  for (const strategy of BOT_STRATEGIES) {
    it(`${strategy}: a valid log, acted at the start of a day, that replays to the byte-identical report`, () => {
      for (const { seed, sims, reports } of played) {
        const sim = sims[strategy];
        const actions = checkedLog(fourStar, sim);
        for (const a of actions) expect(a.at % DAY).toBe(0);
        const replayed = runSim(fourStar, seed, 'deliverology', fourStar.days, actions).report();
        expect(JSON.stringify(replayed)).toBe(JSON.stringify(reports[strategy]));
      }
    });
  }

  it('every bot decides the same given the same sim: a second run makes the same log', () => {
    const { sims } = played[0]!;
    const days = 120;
    for (const strategy of BOT_STRATEGIES) {
      const again = play(fourStar, strategy, SEEDS[0]!, days).actions;
      expect(JSON.stringify(again)).toBe(JSON.stringify(sims[strategy].actions.filter((a) => a.at < days * DAY)));
    }
  });

  it('does what its team would: the gamer games, the honest manager un-games, one regime switch after the study, the tools alone', () => {
    const { sims } = played[0]!;
    const designAt0 = (s: BotStrategy) => sims[s].actions.flatMap((a) => (a.kind === 'design' && a.at === 0 ? [a.key] : []));
    expect(designAt0('gamer')).toEqual(['cherryPick']);
    expect(designAt0('honest-manager')).toEqual(['nilQualifyDays', 'clockStart', 'formHandOut', 'outsourcedCallCentre']);
    expect(sims['studies-first'].actions).toEqual([{ at: STUDY_DAYS * DAY, kind: 'regime', regime: 'systems' }]);
    expect(designAt0('blind-redesigner')).toEqual(['expertsAtFront', 'caseOwner', 'pullEvidence', 'decideAtFirstContact']);
    expect(sims['blind-redesigner'].regime).toBe('deliverology');
    // Staff are only ever added within the weekly budget (here never cut below what they had hired).
    for (const s of BOT_STRATEGIES) expect(sims[s].snapshot().staffSpend).toBeLessThanOrEqual(fourStar.budgetPerWeek!);
  });

  it("the gamer's dashboard looks at least as good as the honest manager's, while its citizens wait longer and chase more", () => {
    for (const { reports } of played) {
      const gamer = reports.gamer;
      const honest = reports['honest-manager'];
      expect(gamer.dashboard.processingDays!).toBeLessThan(honest.dashboard.processingDays!);
      expect(lastInspection(gamer).stars).toBeGreaterThanOrEqual(lastInspection(honest).stars);
      const metByGamer = lastInspection(gamer).targetsMet;
      const metByHonest = lastInspection(honest).targetsMet;
      for (const target of Object.keys(metByHonest) as (keyof typeof metByHonest)[]) if (metByHonest[target]) expect(metByGamer[target]).toBe(true);
      expect(gamer.waitingDays.mean!).toBeGreaterThan(honest.waitingDays.mean!);
      expect(gamer.failureDemandShare!).toBeGreaterThan(honest.failureDemandShare!);
    }
  });

  it('studying demand first, then redesigning, leaves citizens waiting least, with the least failure demand, at the lowest cost', () => {
    for (const { reports } of played) {
      const studied = reports['studies-first'];
      for (const other of ['gamer', 'honest-manager', 'blind-redesigner'] as const) {
        expect(studied.waitingDays.mean!).toBeLessThan(reports[other].waitingDays.mean!);
        expect(studied.failureDemandShare!).toBeLessThan(reports[other].failureDemandShare!);
        expect(studied.cost.perNeedMet!).toBeLessThan(reports[other].cost.perNeedMet!);
      }
    }
  });

  it('the tools copied blind help citizens against the deliverology bots, but cost more and are marked down', () => {
    for (const { reports } of played) {
      const blind = reports['blind-redesigner'];
      expect(blind.waitingDays.mean!).toBeLessThan(reports['honest-manager'].waitingDays.mean!);
      expect(blind.waitingDays.mean!).toBeLessThan(reports.gamer.waitingDays.mean!);
      expect(lastInspection(blind).markedDown).toBe(true);
      expect(lastInspection(blind).stars).toBeLessThan(lastInspection(reports['studies-first']).stars);
    }
  });
});

describe('bot teams in the struggling office: the offers', () => {
  const takeover = scenarioLevel('takeover');
  const seed = 1;
  for (const [strategy, answer] of [
    ['gamer', 'accepted'],
    ['honest-manager', 'declined'],
  ] as const) {
    it(`${strategy}: answers every offer (${answer}) the first morning it can, in a log that replays`, () => {
      const sim = play(takeover, strategy, seed);
      const report = sim.report();
      expect(report.offers.map((o) => o.id)).toEqual(takeover.offers.map((o) => o.id));
      for (const o of report.offers) {
        expect(o.answer).toBe(answer);
        expect(o.answeredDay! - o.raisedDay!).toBeLessThanOrEqual(1);
      }
      expect(sim.openOffer()).toBeNull();
      const actions = checkedLog(takeover, sim);
      expect(JSON.stringify(runSim(takeover, seed, 'deliverology', takeover.days, actions).report())).toBe(JSON.stringify(report));
    });
  }
});
