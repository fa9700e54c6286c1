import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/sim/index';
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
