// Adopting another way of working moves the people on the books into its roles; nobody is laid
// off by a change of design, and the redesign, done that way, works off the inherited backlog.
import { describe, expect, it } from 'vitest';
import { redesignPath } from '../../src/analysis/modelChecks';
import { offeredStaffing, weeklyStaffCost } from '../../src/services/housing-benefit/staffing';
import { createSim } from '../../src/services/housing-benefit/run';
import { DAY } from '../../src/engine/calendar';
import { level } from './helpers';

const hb = level('housing-benefit');
const deliverologyBooks = { agent: 3, receptionist: 4, scanner: 3, assessor: 12 };

describe('the staffing a change of regime offers', () => {
  it('moves the council’s own staff spend into the redesigned roles, in whole people', () => {
    // Receptionists £2,080, scanning clerks £1,440 and assessors £8,640 a week: £12,160, which
    // pays for 16 assessors at £720 (16.9 of them). The provider's agents are paid per call.
    const offer = offeredStaffing(hb, 'systems', deliverologyBooks, 'agent', 15_000);
    expect(offer).toEqual({ agent: 0, receptionist: 0, scanner: 0, assessor: 16 });
    expect(weeklyStaffCost(hb, offer)).toBeLessThanOrEqual(weeklyStaffCost(hb, deliverologyBooks, 'agent'));
  });

  it('counts in-house agents as people to move, and never offers more than the budget', () => {
    expect(offeredStaffing(hb, 'systems', deliverologyBooks, null, 15_000).assessor).toBe(19);
    expect(offeredStaffing(hb, 'systems', deliverologyBooks, null, 7_300).assessor).toBe(10);
  });

  it('moves people back into the approved roles in its proportions when an office complies', () => {
    const offer = offeredStaffing(hb, 'deliverology', { agent: 0, receptionist: 0, scanner: 0, assessor: 16 }, null, 15_000);
    // £11,520 into receptionists, clerks and assessors in the proportions 4 : 3 : 12 of £12,160.
    expect(offer.receptionist! + offer.scanner! + offer.assessor!).toBeGreaterThanOrEqual(17);
    expect(offer.assessor).toBeGreaterThan(offer.receptionist!);
    expect(weeklyStaffCost(hb, offer, 'agent')).toBeLessThanOrEqual(11_520);
    expect(11_520 - weeklyStaffCost(hb, offer, 'agent')).toBeLessThan(480);
    // The provider's agents are the regime's own count: the council does not pay them by the hour.
    expect(offer.agent).toBe(3);
  });

  it('falls back on the regime’s own staffing when nobody is on the books', () => {
    expect(offeredStaffing(hb, 'systems', { agent: 0, receptionist: 0, scanner: 0, assessor: 0 }, null, 15_000)).toEqual(hb.regimes.systems.staff);
  });

  it('is what the regime action gives, unless staff actions follow it', () => {
    const sim = createSim(hb, 1, 'deliverology');
    sim.apply({ at: 10 * DAY, kind: 'regime', regime: 'systems' });
    expect(sim.staffOnBooks()).toMatchObject({ receptionist: 0, scanner: 0, assessor: 16 });
    sim.apply({ at: 10 * DAY, kind: 'staff', role: 'assessor', count: 9 });
    expect(sim.staffOnBooks().assessor).toBe(9);
  });
});

describe('the redesign path: deliverology until day 90, then the redesigned flow with the offered staffing', () => {
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  const offered = redesignPath(hb, seeds);

  it('gives citizens arriving from day 150 at most 10 days end to end, at no more than 0.6 of deliverology’s cost per need met, on 20 of 20 seeds', () => {
    for (const s of offered) {
      expect(s.laterEndToEndMean, `seed ${s.seed}`).toBeLessThanOrEqual(10);
      expect(s.laterWaitingMean, `seed ${s.seed}`).toBeLessThanOrEqual(10);
      expect(s.costPerNeedMet / s.deliverologyCostPerNeedMet, `seed ${s.seed}`).toBeLessThanOrEqual(0.6);
    }
  });

  it('works off the inherited backlog', () => {
    for (const s of offered) expect(s.openAtEnd, `seed ${s.seed}`).toBeLessThan(s.openAtSwitch / 10);
  });

  it('laying staff off at the switch leaves later citizens waiting longer (the trap the offer avoids)', () => {
    const cut = redesignPath(hb, seeds.slice(0, 3), { after: [{ kind: 'staff', role: 'assessor', count: 7 }] });
    cut.forEach((c, i) => expect(c.laterEndToEndMean).toBeGreaterThan(2 * offered[i]!.laterEndToEndMean));
  });
});

describe('the rules the views ask of the snapshot', () => {
  it('says whether one more of each role fits the budget, what the staff cost, and the largest pilot team', () => {
    const sim = createSim(level('housing-benefit', { budgetPerWeek: 12_500 }), 1, 'deliverology');
    const s = sim.snapshot();
    // £12,160 on the council's own staff: another receptionist (£520) would not fit £12,500, nor an assessor (£720).
    expect(s.staffSpend).toBe(12_160);
    expect(s.canAdd).toMatchObject({ receptionist: false, assessor: false, scanner: false });
    expect(s.pilotTeamMax).toBe(11);
    expect(s.redesigned).toBe(false);
    // One scanner fewer: £11,680, so one more of any role (at most £720) fits again.
    sim.apply({ kind: 'staff', role: 'scanner', count: 2 });
    expect(sim.snapshot().canAdd).toMatchObject({ scanner: true, receptionist: true, assessor: true });
    sim.apply({ kind: 'staff', role: 'assessor', count: 13 });
    expect(sim.snapshot().canAdd).toMatchObject({ scanner: false, assessor: false });
  });

  it('judges each dashboard figure against its target, and knows a redesigned office', () => {
    const sim = createSim(hb, 1, 'deliverology');
    sim.advanceDays(30);
    const s = sim.snapshot();
    expect(s.targets!.visitorsSeenIn15m).toBe(s.dashboard.visitorsSeenIn15m! >= 0.9 ? 'met' : 'missed');
    sim.apply({ kind: 'regime', regime: 'systems' });
    expect(sim.snapshot().redesigned).toBe(true);
    // The tutorial desk has no inspection, so no targets to be met or missed.
    expect(createSim(level('front-desk'), 1).snapshot().targets).toBeNull();
  });
});
