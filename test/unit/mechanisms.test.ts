// Each mechanism matters: change it and the outcome it drives moves, in the direction the
// sources describe. Golden figures for the default housing-benefit level (DESIGN.md section 4).
import { describe, expect, it } from 'vitest';
import { runSim, simulate } from '../../src/sim/index';
import type { Report } from '../../src/sim/report';
import { level } from './helpers';

const D = 'regimes.deliverology.design';
const nilShare = (r: Report) => r.claims.nilQualified / r.claims.opened;

describe('housing benefit, default settings, one year (golden figures)', () => {
  const hb = level('housing-benefit');
  for (const seed of [1, 2]) {
    const deliverology = simulate(hb, seed, 'deliverology', 365);
    const systems = simulate(hb, seed, 'systems', 365);

    it(`seed ${seed}: deliverology reports about 28 days while citizens wait 3-4 times that`, () => {
      const reported = deliverology.reportedDays.mean!;
      expect(reported).toBeGreaterThan(24);
      expect(reported).toBeLessThan(32);
      const ratio = deliverology.endToEndDays.mean! / reported;
      expect(ratio).toBeGreaterThanOrEqual(3);
      expect(ratio).toBeLessThanOrEqual(4);
    });

    it(`seed ${seed}: deliverology is mostly failure demand, rarely one-stop, often nil-qualified`, () => {
      expect(deliverology.failureDemandShare!).toBeGreaterThanOrEqual(0.6);
      expect(deliverology.failureDemandShare!).toBeLessThanOrEqual(0.8);
      expect(deliverology.oneStopShare!).toBeLessThan(0.1);
      expect(nilShare(deliverology)).toBeGreaterThan(0.25);
    });

    it(`seed ${seed}: the redesigned flow takes about a week, with little failure demand, far cheaper`, () => {
      expect(systems.endToEndDays.mean!).toBeLessThanOrEqual(10);
      expect(systems.failureDemandShare!).toBeLessThan(0.15);
      expect(systems.claims.nilQualified).toBe(0);
      expect(systems.cost.perNeedMet!).toBeLessThanOrEqual(0.6 * deliverology.cost.perNeedMet!);
    });

    it(`seed ${seed}: the same citizens meet both designs`, () => {
      expect(systems.needs.arrived).toBe(deliverology.needs.arrived);
    });
  }
});

describe('each mechanism moves its outcome', () => {
  const seed = 3;
  const base = simulate(level('housing-benefit'), seed, 'deliverology', 365);

  it('turning nil-qualify off moves the reported figure up and the claim count down', () => {
    const r = simulate(level('housing-benefit', { [`${D}.nilQualifyDays`]: null }), seed, 'deliverology', 365);
    expect(r.claims.nilQualified).toBe(0);
    expect(r.reportedDays.mean!).toBeGreaterThan(base.reportedDays.mean!);
    expect(r.claims.opened).toBeLessThan(base.claims.opened);
  });

  it('starting the clock when the claim arrives, not when it is complete, reports more days', () => {
    const r = simulate(level('housing-benefit', { [`${D}.clockStart`]: 'received' }), seed, 'deliverology', 365);
    expect(r.reportedDays.mean!).toBeGreaterThan(base.reportedDays.mean! + 5);
  });

  it('removing the front/back-office handoff removes most failure demand', () => {
    const r = simulate(
      level('housing-benefit', {
        [`${D}.expertsAtFront`]: true,
        [`${D}.caseOwner`]: true,
        'regimes.deliverology.staff.assessor': 8,
      }),
      seed,
      'deliverology',
      365,
    );
    expect(r.failureDemandShare!).toBeLessThan(base.failureDemandShare! / 2);
  });

  it('cherry-picking easy cases flatters the reported figure', () => {
    const r = simulate(level('housing-benefit', { [`${D}.cherryPick`]: true }), seed, 'deliverology', 365);
    expect(r.reportedDays.mean!).toBeLessThan(base.reportedDays.mean!);
  });

  it('handing out forms meets the 15-minute target but leaves citizens guessing what to bring', () => {
    const r = simulate(level('housing-benefit', { [`${D}.formHandOut`]: false }), seed, 'deliverology', 365);
    // Seen properly, visitors are told what to bring more often: fewer documents re-sent per need.
    const resendPerNeed = (x: Report) => x.contacts.byReason['resend-evidence'] / x.needs.arrived;
    expect(resendPerNeed(r)).toBeLessThan(resendPerNeed(base));
    expect(base.dashboard.visitorsSeenIn15m!).toBeGreaterThanOrEqual(r.dashboard.visitorsSeenIn15m!);
  });

  it('an outsourced call centre paid per call is paid for failure demand', () => {
    expect(base.cost.outsourcing).toBeGreaterThan(0);
    const r = simulate(level('housing-benefit', { [`${D}.outsourcedCallCentre`]: false }), seed, 'deliverology', 365);
    expect(r.cost.outsourcing).toBe(0);
  });

  it('lost documents at the handoff cause re-sent evidence', () => {
    const r = simulate(level('housing-benefit', { 'handoffs.itemLost': 0 }), seed, 'deliverology', 365);
    expect(r.contacts.byReason['resend-evidence'] / r.needs.arrived).toBeLessThan(
      base.contacts.byReason['resend-evidence'] / base.needs.arrived,
    );
  });

  it('citizens who hear nothing chase; without chasing there is no progress-chasing demand', () => {
    expect(base.contacts.byReason['progress-chasing']).toBeGreaterThan(0);
    const r = simulate(level('housing-benefit', { 'citizens.chaseScaleDays': null }), seed, 'deliverology', 365);
    expect(r.contacts.byReason['progress-chasing']).toBe(0);
    expect(r.contacts.byReason.complaint).toBe(0);
  });

  it('citizens give up after long waits; with endless patience nobody abandons', () => {
    expect(base.needs.abandoned).toBeGreaterThan(0);
    const r = simulate(
      level('housing-benefit', { 'demand.patienceDays': null, 'citizens.giveUpOnNilQualify': 0, warmUpDays: 60 }),
      seed,
      'deliverology',
      120,
    );
    expect(r.needs.abandoned).toBe(0);
  });

  it('more assessors shorten the backlog', () => {
    const r = simulate(level('housing-benefit', { 'regimes.deliverology.staff.assessor': 7 }), seed, 'deliverology', 365);
    expect(r.endToEndDays.mean!).toBeLessThan(base.endToEndDays.mean!);
    expect(r.queues.assessor!.meanWaitMinutes!).toBeLessThan(base.queues.assessor!.meanWaitMinutes!);
  });

  it('inspectors mark down an authority that leaves the approved process', () => {
    expect(base.inspections.length).toBe(4);
    expect(base.inspections.every((i) => !i.markedDown)).toBe(true);
    const systems = simulate(level('housing-benefit'), seed, 'systems', 365);
    expect(systems.inspections.every((i) => i.markedDown)).toBe(true);
  });

  it('deciding at first contact lets a visitor with everything be helped there and then', () => {
    // Share of the year's citizens helped within four hours of first getting in touch: at the
    // counter, or (without the lever) only when casework happens to be that quick.
    const helpedSameVisit = (decideAtFirstContact: boolean) => {
      const sim = runSim(level('housing-benefit', { 'regimes.systems.design.decideAtFirstContact': decideAtFirstContact }), seed, 'systems', 200);
      const cohort = sim.model.needs.list().filter((n) => n.arrivedAt >= 0);
      return cohort.filter((n) => n.outcome === 'met' && n.closedAt - n.arrivedAt < 4 * 60).length / cohort.length;
    };
    const on = helpedSameVisit(true);
    const off = helpedSameVisit(false);
    expect(on).toBeGreaterThan(1.5 * off);
  });

  it('moving to the redesigned flow mid-run cuts failure demand in what follows', () => {
    const hb = level('housing-benefit');
    const switched = simulate(hb, seed, 'deliverology', 365, [{ at: 0, kind: 'regime', regime: 'systems' }]);
    expect(switched.regime).toBe('systems');
    expect(switched.failureDemandShare!).toBeLessThan(base.failureDemandShare!);
  });

  it('a redesign costs a learning dip: the deeper the dip, the slower the weeks after the change', () => {
    const change = [{ at: 30 * 1440, kind: 'regime' as const, regime: 'systems' as const }];
    const noDip = simulate(level('housing-benefit', { 'transition.dip': 0 }), seed, 'deliverology', 90, change);
    const dip = simulate(level('housing-benefit', { 'transition.dip': 0.8 }), seed, 'deliverology', 90, change);
    expect(dip.needs.met).toBeLessThan(noDip.needs.met);
    expect(dip.wip.meanNeedsOpen).toBeGreaterThan(noDip.wip.meanNeedsOpen);
    // A design that never changes pays nothing.
    const settled = simulate(level('housing-benefit', { 'transition.dip': 0.8 }), seed, 'systems', 90);
    expect(JSON.stringify(settled)).toBe(JSON.stringify(simulate(level('housing-benefit'), seed, 'systems', 90)));
  });

  it('a new pilot team has its new way of working to learn; the usual flow does not slow for it', () => {
    const pilot = [
      { at: 10 * 1440, kind: 'design' as const, key: 'pilotTeam' as const, value: 2 },
      { at: 10 * 1440, kind: 'design' as const, key: 'pilotShare' as const, value: 0.2 },
    ];
    const noDip = simulate(level('housing-benefit', { 'transition.dip': 0 }), seed, 'deliverology', 60, pilot);
    const dip = simulate(level('housing-benefit', { 'transition.dip': 0.9 }), seed, 'deliverology', 60, pilot);
    // The same work takes the pilot team longer while it learns: busier for it.
    expect(dip.queues.assessorPilot!.utilisation!).toBeGreaterThan(noDip.queues.assessorPilot!.utilisation! + 0.05);
    // The usual back office changed nothing about its way of working, so it pays no dip of its own:
    // what differs there is only the pilot's knock-on (fewer chases from pilot citizens).
    expect(Math.abs(dip.queues.assessor!.utilisation! - noDip.queues.assessor!.utilisation!)).toBeLessThan(0.05);
  });
});
