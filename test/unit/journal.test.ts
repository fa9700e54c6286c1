// The per-citizen journal: off by default and free of consequences when on; each journey is a
// time-ordered story that agrees with the need's own counts.
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/levels/schema';
import { DAY } from '../../src/engine/calendar';
import { JOURNEY_KINDS, type JourneyStep } from '../../src/services/housing-benefit/journal';
import { buildReport } from '../../src/services/housing-benefit/report';
import { Simulation } from '../../src/services/housing-benefit/simulation';
import type { Action, Regime } from '../../src/services/housing-benefit/types';
import { level } from './helpers';

function run(lv: Level, seed: number, regime: Regime, days: number, journal: boolean, actions: Action[] = []): Simulation {
  const sim = new Simulation(lv, seed, regime, { journal });
  for (const action of actions) sim.apply(action);
  sim.advanceTo(days * DAY);
  return sim;
}

const hb = level('housing-benefit', { warmUpDays: 60 });
const D = 'regimes.deliverology.design';

const configs: { name: string; lv: Level; regime: Regime; actions?: Action[] }[] = [
  { name: 'deliverology', lv: hb, regime: 'deliverology' },
  { name: 'systems', lv: hb, regime: 'systems' },
  {
    name: 'deliverology, cherry-picking, no form hand-out',
    lv: level('housing-benefit', { warmUpDays: 60, [`${D}.cherryPick`]: true, [`${D}.formHandOut`]: false }),
    regime: 'deliverology',
  },
  {
    name: 'deliverology, then the redesign mid-run',
    lv: hb,
    regime: 'deliverology',
    actions: [{ at: 50 * DAY, kind: 'regime', regime: 'systems' }],
  },
];

describe('the journal changes nothing', () => {
  for (const c of configs) {
    it(`${c.name}: the report is byte-identical with the journal on and off`, () => {
      const off = run(c.lv, 4, c.regime, 120, false, c.actions);
      const on = run(c.lv, 4, c.regime, 120, true, c.actions);
      expect(JSON.stringify(buildReport(on, c.regime))).toBe(JSON.stringify(buildReport(off, c.regime)));
      expect(on.eventsProcessed).toBe(off.eventsProcessed);
    });
  }

  it('is off by default: journeys are empty', () => {
    const sim = run(hb, 4, 'deliverology', 20, false);
    expect(sim.needs.list().length).toBeGreaterThan(0);
    expect(sim.journeyOf(sim.needs.list()[0]!.id)).toEqual([]);
    expect(new Simulation(hb, 4).journeyOf(1)).toEqual([]);
  });
});

describe('each journey tells the need its story', () => {
  for (const c of configs) {
    describe(c.name, () => {
      const sim = run(c.lv, 7, c.regime, 150, true, c.actions);

      it('unknown ids have an empty journey', () => {
        expect(sim.journeyOf(0)).toEqual([]);
        expect(sim.journeyOf(-3)).toEqual([]);
        expect(sim.journeyOf(sim.needs.list().length + 1)).toEqual([]);
        expect(sim.journeyOf(1.5)).toEqual([]);
      });

      it('steps are in time order, within the run, of known kinds, and contacts agree with the need', () => {
        // Problems are collected and compared once: thousands of expect calls would be slow.
        const problems: string[] = [];
        const kinds = new Set<string>(JOURNEY_KINDS);
        for (const need of sim.needs.list()) {
          const steps = sim.journeyOf(need.id);
          const where = `need ${need.id}`;
          if (steps.length === 0) {
            problems.push(`${where}: no steps`);
            continue;
          }
          for (let i = 0; i < steps.length; i++) {
            const s = steps[i]!;
            if (!kinds.has(s.kind)) problems.push(`${where}: unknown kind ${s.kind}`);
            if (s.at < need.arrivedAt || s.at > sim.now) problems.push(`${where}: step ${i} at ${s.at} outside the run`);
            if (i > 0 && s.at < steps[i - 1]!.at) problems.push(`${where}: step ${i} goes back in time`);
          }
          const contacts = steps.filter((s) => s.kind === 'contact');
          if (contacts.length !== need.contacts) problems.push(`${where}: ${contacts.length} contact steps, ${need.contacts} contacts`);
          const failures = contacts.filter((s) => s.failure).length;
          if (failures !== need.failureContacts) problems.push(`${where}: ${failures} failure steps, ${need.failureContacts} failures`);
          const first = steps[0]!;
          if (first.kind !== 'contact' || first.at !== need.arrivedAt || first.reason !== 'new-claim' || first.channel !== need.firstChannel) {
            problems.push(`${where}: does not start with its first contact`);
          }
          const opened = steps.filter((s) => s.kind === 'claim-opened').length;
          if (opened !== need.claims) problems.push(`${where}: ${opened} claims opened, ${need.claims} claims`);
        }
        expect(problems).toEqual([]);
      });

      it('a met need ends with need-met, an abandoned one with gave-up, an open one with neither', () => {
        let met = 0;
        let abandoned = 0;
        for (const need of sim.needs.list()) {
          const steps = sim.journeyOf(need.id);
          // Harm goes on after giving up (the rent is still unpaid): the last step of what happened.
          const happened = steps.filter((s) => s.kind !== 'harmed');
          const last = happened[happened.length - 1]!;
          const ends = steps.filter((s) => s.kind === 'need-met' || s.kind === 'gave-up');
          if (need.outcome === 'met') {
            met++;
            expect(last.kind).toBe('need-met');
            expect(last.at).toBe(need.closedAt);
            expect(ends.length).toBe(1);
          } else if (need.outcome === 'abandoned') {
            abandoned++;
            expect(last.kind).toBe('gave-up');
            expect(last.at).toBe(need.closedAt);
            expect(ends.length).toBe(1);
          } else {
            expect(ends.length).toBe(0);
          }
        }
        expect(met).toBeGreaterThan(0);
        if (c.regime === 'deliverology' && !c.actions) expect(abandoned).toBeGreaterThan(0);
      });

      it('contacts carry their channel, reason and wait, matching the contact records', () => {
        const all = sim.contacts;
        const byNeed = new Map<number, typeof all>();
        for (const ct of all) {
          const list = byNeed.get(ct.needId) ?? [];
          list.push(ct);
          byNeed.set(ct.needId, list);
        }
        for (const need of sim.needs.list().slice(0, 400)) {
          const steps = sim.journeyOf(need.id).filter((s) => s.kind === 'contact');
          const records = byNeed.get(need.id) ?? [];
          expect(steps.map((s) => [s.at, s.channel, s.reason, s.failure, s.cause])).toEqual(
            records.map((r) => [r.at, r.channel, r.reason, r.failure, r.cause]),
          );
          // Value demand has no cause; failure demand always has one.
          for (const r of records) expect(r.cause === 'none').toBe(!r.failure);
          steps.forEach((s, i) => {
            if (s.waited !== undefined) expect(s.waited).toBe(records[i]!.waited);
            else expect(records[i]!.channel).not.toBe('letter');
          });
        }
      });
    });
  }

  it('shows the handoffs of the deliverology design, and the redesign without them', () => {
    const kindsIn = (sim: Simulation) => {
      const seen = new Set<string>();
      for (const need of sim.needs.list()) for (const s of sim.journeyOf(need.id)) seen.add(s.kind);
      return seen;
    };
    const deliverology = kindsIn(run(hb, 7, 'deliverology', 150, true));
    for (const k of [
      'form-handed-out',
      'form-posted',
      'claim-opened',
      'documents-posted',
      'queued-for-scanning',
      'scanned',
      'item-lost',
      'queued-for-casework',
      'file-picked-up',
      'evidence-requested',
      'letter-sent',
      'letter-received',
      'message-passed',
      'decided',
      'wrong-decision',
      'queued-for-rework',
      'nil-qualified',
      'need-met',
      'gave-up',
      'harmed',
    ]) {
      expect(deliverology, k).toContain(k);
    }
    const systems = kindsIn(run(hb, 7, 'systems', 150, true));
    for (const k of ['told-what-to-bring', 'claim-opened', 'evidence-pulled', 'decided', 'need-met']) expect(systems, k).toContain(k);
    for (const k of ['form-handed-out', 'queued-for-scanning', 'file-picked-up', 'nil-qualified', 'message-passed']) {
      expect(systems, k).not.toContain(k);
    }
  });

  it('a harmed step marks when the wait crossed the harm threshold', () => {
    const sim = run(hb, 7, 'deliverology', 150, true);
    const harmAfter = hb.demand.harmAfterDays!;
    let harmed = 0;
    for (const need of sim.needs.list()) {
      const steps: JourneyStep[] = sim.journeyOf(need.id);
      // Unpaid until met: giving up does not end the harm.
      const waited = ((need.outcome === 'met' ? need.closedAt : sim.now) - need.arrivedAt) / DAY;
      const harm = steps.filter((s) => s.kind === 'harmed');
      expect(harm.length).toBe(waited > harmAfter ? 1 : 0);
      if (harm.length === 1) {
        harmed++;
        expect(harm[0]!.at).toBe(need.arrivedAt + harmAfter * DAY);
      }
    }
    expect(harmed).toBeGreaterThan(0);
  });

  it('journeys read mid-run are the start of the journeys read later', () => {
    const sim = new Simulation(hb, 11, 'deliverology', { journal: true });
    sim.advanceTo(30 * DAY);
    const ids = sim.needs.list().map((n) => n.id);
    const early = ids.map((id) => sim.journeyOf(id).filter((s) => s.kind !== 'harmed'));
    sim.advanceTo(60 * DAY);
    early.forEach((steps, i) => {
      const later = sim.journeyOf(ids[i]!).filter((s) => s.kind !== 'harmed');
      // A contact still waiting at day 30 may have been answered since: compare without the wait.
      const strip = (s: JourneyStep) => ({ ...s, waited: undefined });
      expect(later.slice(0, steps.length).map(strip)).toEqual(steps.map(strip));
    });
  });
});
