import { modelOf } from '../../src/services/housing-benefit/run';
import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/services/housing-benefit/index';
import { level } from './helpers';

describe('snapshot for a renderer', () => {
  it('is plain data that agrees with the report, and moves as the sim runs', () => {
    const sim = createSim(level('housing-benefit', { warmUpDays: 60 }), 9, 'deliverology');
    const first = sim.snapshot();
    sim.advanceDays(10.4);
    const snap = sim.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.time).toBeGreaterThan(first.time);
    expect(snap.day).toBeCloseTo(10.4, 6);
    expect(snap.needs.arrived).toBe(snap.needs.open + snap.needs.met + snap.needs.abandoned);
    const stagesTotal = Object.values(snap.stages).reduce((a, b) => a + b, 0);
    expect(stagesTotal).toBe(snap.needs.arrived);
    expect(snap.stages.met).toBe(snap.needs.met);
    expect(snap.roles.map((r) => r.id)).toEqual(['agent', 'receptionist', 'scanner', 'assessor']);
    for (const r of snap.roles) expect(r.busy).toBeGreaterThanOrEqual(0);
    expect(snap.phonesWaiting).toBeGreaterThanOrEqual(0);
    expect(snap.recentContacts.length).toBeLessThanOrEqual(20);
    expect(snap.contacts.failure).toBeLessThanOrEqual(snap.contacts.total);
    // Taking a snapshot changes nothing: the report is the same with or without one.
    const again = createSim(level('housing-benefit', { warmUpDays: 60 }), 9, 'deliverology');
    again.advanceDays(10.4);
    expect(JSON.stringify(again.report())).toBe(JSON.stringify(sim.report()));
  });
});

describe('the counts a snapshot reads, kept as the sim goes', () => {
  it('equal a count over every need and contact, with a pilot and a change of regime', () => {
    const sim = createSim(level('housing-benefit', { warmUpDays: 60 }), 3, 'deliverology');
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 2 });
    sim.apply({ kind: 'design', key: 'pilotShare', value: 0.2 });
    for (const days of [5, 20, 40]) {
      sim.advanceDays(days);
      if (days === 20) sim.apply({ kind: 'regime', regime: 'systems' });
      const snap = sim.snapshot();
      const n = modelOf(sim).needs;
      const byStage: Record<string, number> = {};
      let pilotOpen = 0;
      let pilotMet = 0;
      for (let id = 1; id <= n.count; id++) {
        const stage = n.stageOf(id);
        byStage[stage] = (byStage[stage] ?? 0) + 1;
        if (n.pilot[id] === 1 && n.outcomeOf(id) === 'open') pilotOpen++;
        if (n.pilot[id] === 1 && n.outcomeOf(id) === 'met') pilotMet++;
      }
      for (const [stage, count] of Object.entries(snap.stages)) expect(count, stage).toBe(byStage[stage] ?? 0);
      expect(snap.flows?.pilot).toEqual({ open: pilotOpen, met: pilotMet });
      const contacts = modelOf(sim).contacts;
      expect(snap.contacts.total).toBe(contacts.length);
      expect(snap.recentContacts).toEqual(contacts.slice(-20).map(({ needId, at, channel, reason, failure }) => ({ needId, at, channel, reason, failure })));
    }
  });
});
