// Each mechanism matters: turn it off (or change it) and the outcome it drives moves, in the
// direction the sources describe, on every one of several seeds. Golden figures for the default
// housing-benefit level (DESIGN.md section 4) are checked here too; the full reports are in
// golden.test.ts, the price of each gaming move in gaming.test.ts.
import { modelOf } from '../../src/services/housing-benefit/run';
import { describe, expect, it } from 'vitest';
import { type Report, runSim, simulate } from '../../src/services/housing-benefit/index';
import { level } from './helpers';

const D = 'regimes.deliverology.design';
const S = 'regimes.systems.design';
const SEEDS = [1, 2, 3];
/** Honest deliverology: no gaming rules, so each mechanism is seen on its own. */
const HONEST = {
  [`${D}.nilQualifyDays`]: null,
  [`${D}.clockStart`]: 'received',
  [`${D}.formHandOut`]: false,
  [`${D}.outsourcedCallCentre`]: false,
};

type Over = Record<string, unknown>;
const run = (over: Over, seed: number, regime: 'deliverology' | 'systems' = 'deliverology', days = 365) =>
  simulate(level('housing-benefit', over), seed, regime, days);

/** On every seed: f(with the change) compared with f(without it). */
function eachSeed(
  base: Over,
  changed: Over,
  check: (withIt: Report, without: Report) => void,
  regime: 'deliverology' | 'systems' = 'deliverology',
  days = 365,
): void {
  for (const seed of SEEDS) check(run({ ...base, ...changed }, seed, regime, days), run(base, seed, regime, days));
}

const utilisations = (r: Report) => Object.values(r.queues).map((q) => q.utilisation ?? 0);

describe('housing benefit, default settings, one year (DESIGN section 4)', () => {
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
      expect(deliverology.claims.cohort.nilQualified / deliverology.claims.cohort.opened).toBeGreaterThan(0.3);
      // Failure demand takes a large share of the staff's working time too.
      expect(deliverology.staffTime.failureShare!).toBeGreaterThan(0.4);
    });

    it(`seed ${seed}: the deliverology office is slow but not over capacity`, () => {
      for (const u of utilisations(deliverology)) expect(u).toBeLessThanOrEqual(0.97);
      expect(deliverology.needs.abandoned / deliverology.needs.arrived).toBeLessThan(0.1);
      // Four stars: every target met, as the inherited office's dashboard promises.
      expect(deliverology.inspections.every((i) => i.stars === 4)).toBe(true);
    });

    it(`seed ${seed}: the redesigned flow takes about a week, settles most claims in one contact, far cheaper`, () => {
      expect(systems.endToEndDays.mean!).toBeGreaterThanOrEqual(4);
      expect(systems.endToEndDays.mean!).toBeLessThanOrEqual(10);
      expect(systems.failureDemandShare!).toBeLessThan(0.15);
      expect(systems.oneStopShare!).toBeGreaterThanOrEqual(0.5);
      expect(systems.claims.nilQualified).toBe(0);
      expect(systems.cost.perNeedMet!).toBeLessThanOrEqual(0.6 * deliverology.cost.perNeedMet!);
      for (const u of utilisations(systems)) expect(u).toBeLessThanOrEqual(0.97);
    });

    it(`seed ${seed}: the same citizens meet both designs`, () => {
      expect(systems.needs.arrived).toBe(deliverology.needs.arrived);
    });
  }
});

describe('each mechanism moves its outcome, on every seed', () => {
  it('a back office managed to its in-tray keeps work waiting; worked as it comes, the same staff are quicker', () => {
    eachSeed(HONEST, { 'regimes.deliverology.inTrayDays': null }, (flow, tray) => {
      expect(flow.endToEndDays.mean!).toBeLessThan(tray.endToEndDays.mean! - 10);
      expect(flow.reportedDays.mean!).toBeLessThan(tray.reportedDays.mean!);
      // The same work is done: the hours are the same, only the waiting differs.
      expect(flow.queues.assessor!.utilisation!).toBeCloseTo(tray.queues.assessor!.utilisation!, 1);
    });
  });

  it('fewer assessors than the in-tray needs lengthen the wait; more than it needs stand idle', () => {
    eachSeed(HONEST, { 'regimes.deliverology.staff.assessor': 7 }, (few, base) => {
      expect(few.waitingDays.mean!).toBeGreaterThan(base.waitingDays.mean! + 5);
    });
    eachSeed(HONEST, { 'regimes.deliverology.staff.assessor': 18 }, (many, base) => {
      expect(Math.abs(many.waitingDays.mean! - base.waitingDays.mean!)).toBeLessThan(0.03 * base.waitingDays.mean!);
      expect(many.queues.assessor!.utilisation!).toBeLessThan(base.queues.assessor!.utilisation! - 0.15);
      expect(many.cost.perNeedMet!).toBeGreaterThan(base.cost.perNeedMet!);
    });
  });

  it('landlords and employers confirming by post keep the claim waiting after it is complete', () => {
    eachSeed(HONEST, { 'confirmation.replyDays': { dist: 'fixed', value: 0 } }, (quick, slow) => {
      expect(quick.reportedDays.mean!).toBeLessThan(slow.reportedDays.mean! - 5);
      // Hearing nothing meanwhile, citizens chase.
      expect(quick.contacts.byReason['progress-chasing']).toBeLessThan(slow.contacts.byReason['progress-chasing']);
    });
  });

  it('money is paid in a weekly run: paid the moment it is decided, citizens would be helped sooner', () => {
    eachSeed(
      {},
      { paymentRunDays: null },
      (atOnce, weekly) => {
        expect(atOnce.endToEndDays.mean!).toBeLessThan(weekly.endToEndDays.mean! - 2);
        expect(atOnce.endToEndDays.mean!).toBeGreaterThan(weekly.endToEndDays.mean! - 6);
      },
      'systems',
    );
  });

  it('callers who wait too long hang up and try again; with endless patience nobody does', () => {
    eachSeed(HONEST, { 'citizens.holdMinutes': null }, (patient, base) => {
      expect(base.contacts.unanswered).toBeGreaterThan(0);
      expect(patient.contacts.unanswered).toBe(0);
    });
  });

  it('citizens who act while the office is closed come when it opens: the morning queue', () => {
    eachSeed(HONEST, { 'citizens.morningRushMinutes': null }, (even, rush) => {
      expect(even.dashboard.callsAnsweredIn20s!).toBeGreaterThan(rush.dashboard.callsAnsweredIn20s!);
      expect(even.dashboard.visitorsSeenIn15m!).toBeGreaterThanOrEqual(rush.dashboard.visitorsSeenIn15m!);
    });
  });

  it('lost documents at the handoff make citizens send evidence again, and say so', () => {
    eachSeed({}, { 'handoffs.itemLost': 0 }, (none, lost) => {
      expect(lost.contacts.byCause['lost-document']).toBeGreaterThan(0);
      expect(none.contacts.byCause['lost-document']).toBe(0);
      expect(none.contacts.byReason['resend-evidence']).toBeLessThan(lost.contacts.byReason['resend-evidence']);
    });
  });

  it('citizens who hear nothing chase; without chasing there is no progress-chasing demand', () => {
    eachSeed({}, { 'citizens.chaseScaleDays': null }, (quiet, base) => {
      expect(base.contacts.byReason['progress-chasing']).toBeGreaterThan(0);
      expect(quiet.contacts.byReason['progress-chasing']).toBe(0);
      expect(quiet.contacts.byReason.complaint).toBe(0);
      expect(quiet.contacts.byCause.silence).toBe(0);
    });
  });

  it('chases passed on become messages for the back office, one note per file at a time', () => {
    eachSeed(HONEST, { 'handoffs.chasePassedOn': 0 }, (kept, passed) => {
      expect(passed.staffTime.byRole.assessor!.byWork.message.failure).toBeGreaterThan(0);
      expect(kept.staffTime.byRole.assessor!.byWork.message.failure).toBe(0);
    });
    // Dropping notes nobody reached in time caps the work they can make.
    eachSeed(HONEST, { 'handoffs.messageKeepDays': 1 }, (brief, base) => {
      expect(brief.staffTime.byRole.assessor!.byWork.message.failure).toBeLessThan(base.staffTime.byRole.assessor!.byWork.message.failure);
    });
  });

  it('nil-qualifying throws the evidence away: it must all come again, and says why', () => {
    eachSeed(HONEST, { [`${D}.nilQualifyDays`]: 28 }, (nil, honest) => {
      expect(honest.contacts.byCause['nil-qualified']).toBe(0);
      expect(nil.contacts.byCause['nil-qualified']).toBeGreaterThan(0.5 * nil.contacts.byReason.reapply);
      expect(nil.contacts.byReason['resend-evidence']).toBeGreaterThan(honest.contacts.byReason['resend-evidence']);
      expect(nil.needs.abandoned).toBeGreaterThan(honest.needs.abandoned);
    });
  });

  it("nil-qualifying closes claims still waiting on the claimant, not on the council's scanning pile", () => {
    // With one scanning clerk the pile grows: claims would be closed for the council's own delay.
    const slowScan = { ...HONEST, 'regimes.deliverology.staff.scanner': 1, [`${D}.nilQualifyDays`]: 28 };
    for (const seed of SEEDS) {
      const sim = runSim(level('housing-benefit', slowScan), seed, 'deliverology', 200);
      const claims = modelOf(sim).claims;
      let nil = 0;
      for (let id = 1; id <= claims.count; id++) {
        if (claims.statusOf(id) === 'nil-qualified') {
          nil++;
          expect(claims.awaitingScan[id]).toBe(0);
        }
      }
      expect(nil).toBeGreaterThan(0);
    }
  });

  it('starting the clock at a complete claim changes the figure and nothing citizens live', () => {
    eachSeed(HONEST, { [`${D}.clockStart`]: 'complete' }, (late, honest) => {
      expect(late.reportedDays.mean!).toBeLessThan(honest.reportedDays.mean! - 20);
      // The level differs (so does its fingerprint), and so does what the dashboard counts; nothing else.
      const { model, reportedDays, dashboard, inspections, ...lived } = late;
      const { model: m2, reportedDays: r2, dashboard: d2, inspections: i2, ...lived2 } = honest;
      expect(lived).toEqual(lived2);
    });
  });

  it('cherry-picking puts complicated claims behind the simple ones', () => {
    eachSeed(HONEST, { [`${D}.cherryPick`]: true }, (picked, honest) => {
      expect(picked.reportedDays.mean!).toBeLessThan(honest.reportedDays.mean!);
      expect(picked.byComplexity.hard.waitingDaysMean!).toBeGreaterThan(honest.byComplexity.hard.waitingDaysMean! + 10);
      expect(picked.byComplexity.easy.waitingDaysMean!).toBeLessThan(honest.byComplexity.easy.waitingDaysMean!);
    });
  });

  it('a form handed out in place of advice: visitors go home with their documents and guess', () => {
    eachSeed(HONEST, { [`${D}.formHandOut`]: true }, (form, honest) => {
      expect(form.dashboard.visitorsSeenIn15m!).toBeGreaterThan(honest.dashboard.visitorsSeenIn15m!);
      expect(form.contacts.byCause['form-hand-out']).toBeGreaterThan(0);
      expect(honest.contacts.byCause['form-hand-out']).toBe(0);
      expect(form.contacts.byReason['resend-evidence']).toBeGreaterThan(honest.contacts.byReason['resend-evidence']);
    });
  });

  it('an outsourced call centre paid per call staffs to answer, passes more chases on, and is paid for them all', () => {
    eachSeed(HONEST, { [`${D}.outsourcedCallCentre`]: true }, (out, own) => {
      expect(out.dashboard.callsAnsweredIn20s!).toBeGreaterThan(own.dashboard.callsAnsweredIn20s! + 0.1);
      expect(out.cost.outsourcing).toBeGreaterThan(0);
      expect(own.cost.outsourcing).toBe(0);
      expect(out.cost.perNeedMet!).toBeGreaterThan(own.cost.perNeedMet!);
      expect(out.staffTime.byRole.assessor!.byWork.message.failure).toBeGreaterThan(own.staffTime.byRole.assessor!.byWork.message.failure);
    });
    // Paid per call, its cost follows the calls, not the council's agents.
    const a = run({ 'regimes.deliverology.staff.agent': 3 }, 1);
    const b = run({ 'regimes.deliverology.staff.agent': 20 }, 1);
    expect(b.cost.total).toBe(a.cost.total);
    expect(run(HONEST, 1).cost.staff).toBeLessThan(run({ ...HONEST, 'regimes.deliverology.staff.agent': 20 }, 1).cost.staff);
  });

  it('experts deciding at first contact settle most straightforward claims in one contact', () => {
    eachSeed(
      {},
      { [`${S}.decideAtFirstContact`]: false },
      (off, on) => {
        expect(on.oneStopShare!).toBeGreaterThanOrEqual(0.5);
        expect(off.oneStopShare!).toBeLessThan(0.1);
      },
      'systems',
    );
    // What makes it possible: checking what is missing there and then.
    eachSeed(
      {},
      { 'handoffs.verifiedAtContact': 0 },
      (none, base) => {
        expect(none.oneStopShare!).toBeLessThan(base.oneStopShare! / 2);
      },
      'systems',
    );
  });

  it('a team at the front and the back keeps cases moving however many ring', () => {
    // Three experts for the work of seven: with contacts always first, casework starves.
    const short = { 'regimes.systems.staff.assessor': 3 };
    eachSeed(
      short,
      { 'teams.frontShare': 1 },
      (contactsFirst, rota) => {
        expect(contactsFirst.throughput.officeNeedsMetPerDay).toBeLessThan(rota.throughput.officeNeedsMetPerDay);
      },
      'systems',
      200,
    );
  });

  it('removing the front/back-office handoff removes much of the failure demand', () => {
    eachSeed(HONEST, { [`${D}.expertsAtFront`]: true, [`${D}.caseOwner`]: true }, (joined, split) => {
      expect(joined.failureDemandShare!).toBeLessThan(0.75 * split.failureDemandShare!);
    });
  });

  it('citizens give up after long waits; with endless patience nobody abandons', () => {
    eachSeed(
      { 'demand.patienceDays': null, 'citizens.giveUpOnNilQualify': 0, warmUpDays: 60 },
      { 'demand.patienceDays': { dist: 'fixed', value: 30 } },
      (impatient, patient) => {
        expect(patient.needs.abandoned).toBe(0);
        expect(impatient.needs.abandoned).toBeGreaterThan(0);
      },
      'deliverology',
      120,
    );
  });

  it('harm is rent unpaid past the threshold: giving up never ends it', () => {
    for (const seed of SEEDS) {
      const sim = runSim(level('housing-benefit'), seed, 'deliverology', 365);
      const r = sim.report();
      const gaveUpLong = modelOf(sim)
        .needs.list()
        .filter((n) => n.arrivedAt >= 0 && n.outcome === 'abandoned' && sim.now - n.arrivedAt > 42 * 1440);
      expect(gaveUpLong.length).toBeGreaterThan(0);
      const metLate = modelOf(sim)
        .needs.list()
        .filter((n) => n.arrivedAt >= 0 && n.outcome === 'met' && n.closedAt - n.arrivedAt > 42 * 1440);
      const waiting = modelOf(sim)
        .needs.list()
        .filter((n) => n.arrivedAt >= 0 && n.outcome === 'open' && sim.now - n.arrivedAt > 42 * 1440);
      expect(r.needs.harmed).toBe(metLate.length + waiting.length + gaveUpLong.length);
    }
  });

  it('days without help count on for those who give up: more giving up never looks like less waiting', () => {
    eachSeed({}, { 'citizens.giveUpOnNilQualify': 0.5 }, (quitting, base) => {
      expect(quitting.needs.abandoned).toBeGreaterThan(2 * base.needs.abandoned);
      // The wait to giving up falls as more give up; days without help do not.
      expect(quitting.waitingDays.withoutHelpMean!).toBeGreaterThanOrEqual(base.waitingDays.withoutHelpMean!);
      expect(quitting.helpedWithin.d91!).toBeLessThan(base.helpedWithin.d91!);
    });
  });

  it('inspectors mark down an authority that leaves the approved process', () => {
    const base = run({}, 3);
    expect(base.inspections.length).toBe(4);
    expect(base.inspections.every((i) => !i.markedDown)).toBe(true);
    expect(run({}, 3, 'systems').inspections.every((i) => i.markedDown)).toBe(true);
  });

  it('moving to the redesigned flow mid-run cuts failure demand in what follows', () => {
    for (const seed of SEEDS) {
      const base = run({}, seed);
      const switched = simulate(level('housing-benefit'), seed, 'deliverology', 365, [{ at: 0, kind: 'regime', regime: 'systems' }]);
      expect(switched.regime).toBe('systems');
      expect(switched.failureDemandShare!).toBeLessThan(base.failureDemandShare!);
    }
  });

  it('a redesign costs a learning dip: the deeper the dip, the slower the weeks after the change', () => {
    const change = [{ at: 30 * 1440, kind: 'regime' as const, regime: 'systems' as const }];
    for (const seed of SEEDS) {
      const noDip = simulate(level('housing-benefit', { 'transition.dip': 0 }), seed, 'deliverology', 90, change);
      const dip = simulate(level('housing-benefit', { 'transition.dip': 0.8 }), seed, 'deliverology', 90, change);
      expect(dip.wip.meanNeedsOpen).toBeGreaterThan(noDip.wip.meanNeedsOpen);
    }
    // A design that never changes pays nothing.
    const { model, ...settled } = simulate(level('housing-benefit', { 'transition.dip': 0.8 }), 3, 'systems', 90);
    const { model: m2, ...plain } = simulate(level('housing-benefit'), 3, 'systems', 90);
    expect(model.levelHash).not.toBe(m2.levelHash);
    expect(JSON.stringify(settled)).toBe(JSON.stringify(plain));
  });

  it('a new pilot team has its new way of working to learn; the usual flow does not slow for it', () => {
    const pilot = [
      { at: 10 * 1440, kind: 'design' as const, key: 'pilotTeam' as const, value: 3 },
      { at: 10 * 1440, kind: 'design' as const, key: 'pilotShare' as const, value: 0.2 },
    ];
    const noDip = simulate(level('housing-benefit', { 'transition.dip': 0 }), 3, 'deliverology', 60, pilot);
    const dip = simulate(level('housing-benefit', { 'transition.dip': 0.9 }), 3, 'deliverology', 60, pilot);
    // The same work takes the pilot team longer while it learns: busier for it.
    expect(dip.queues.assessorPilot!.utilisation!).toBeGreaterThan(noDip.queues.assessorPilot!.utilisation! + 0.05);
    // The usual back office changed nothing about its way of working, so it pays no dip of its own.
    expect(Math.abs(dip.queues.assessor!.utilisation! - noDip.queues.assessor!.utilisation!)).toBeLessThan(0.05);
  });
});

describe('edges found in review', () => {
  it('a level cannot make callers hang up and ring back in the same moment', () => {
    expect(() => level('housing-benefit', { 'citizens.retryHours': { dist: 'fixed', value: 0 } })).toThrow(
      /citizens\.retryHours: the time before trying again must average at least/,
    );
    expect(() => level('housing-benefit', { 'citizens.holdMinutes': { phone: { dist: 'fixed', value: 0 }, visit: { dist: 'fixed', value: 5 } } })).toThrow(
      /citizens\.holdMinutes\.phone/,
    );
  });

  it('switching to the redesign leaves no documents in a scanning pile nobody works', () => {
    for (const seed of SEEDS) {
      const sim = runSim(level('housing-benefit'), seed, 'deliverology', 120, [{ at: 30 * 1440, kind: 'regime', regime: 'systems' }]);
      const scanner = modelOf(sim).roleById.get('scanner')!;
      expect(scanner.staff).toBe(0);
      expect(scanner.queue.size).toBe(0);
      const claims = modelOf(sim).claims;
      for (let id = 1; id <= claims.count; id++) expect(claims.awaitingScan[id]).toBe(0);
    }
  });

  it('a split office with no scanning clerks has its assessors scan: no free lunch from cutting them', () => {
    eachSeed(
      {},
      { 'regimes.deliverology.staff.scanner': 0 },
      (none, base) => {
        expect(none.staffTime.byRole.assessor!.byWork.scan.value + none.staffTime.byRole.assessor!.byWork.scan.failure).toBeGreaterThan(0);
        expect(none.waitingDays.withoutHelpMean!).toBeGreaterThan(base.waitingDays.withoutHelpMean!);
        expect(none.contacts.byCause['lost-document']).toBeGreaterThan(0);
      },
      'deliverology',
      200,
    );
  });

  it('an office open all hours still plans its days and staffs an outsourced centre', () => {
    const always = { hours: 'always', warmUpDays: 30 };
    const tray = run({ ...always, ...HONEST }, 1, 'deliverology', 60);
    const flow = run({ ...always, ...HONEST, 'regimes.deliverology.inTrayDays': null }, 1, 'deliverology', 60);
    expect(flow.waitingDays.mean!).toBeLessThan(tray.waitingDays.mean!);
    const out = run({ ...always }, 1, 'deliverology', 60);
    expect(out.queues.agent!.staff).not.toBe(level('housing-benefit').regimes.deliverology.staff.agent);
  });

  it('a citizen told exactly what to bring who still sends more could not find it; a form counts only the first time', () => {
    for (const seed of SEEDS) {
      const r = run({}, seed, 'systems');
      expect(r.contacts.byCause['hard-to-find']).toBeGreaterThan(0);
      expect(r.contacts.byCause['form-hand-out']).toBe(0);
      const d = run({}, seed);
      expect(d.contacts.byCause['form-hand-out']).toBeLessThan(d.contacts.byCause['not-told'] + d.contacts.byCause['lost-document']);
    }
  });
});
