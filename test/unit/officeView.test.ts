// The office view's pure parts: what the snapshot says must be what the office shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Crowd, DESK_SECONDS, FADE_SECONDS, WALK_SPEED, type CrowdPlaces, type Walker } from '../../src/office/crowd';
import { approach, pictureResolution, Smoother, Tweened } from '../../src/office/geometry';
import { envelopePhase, glideSeconds, handsetShake, phoneGlowAlpha, prefersReducedMotion, REDUCED_MOTION_QUERY } from '../../src/office/motion';
import { FAILURE_CITIZEN, NEUTRAL_CITIZEN } from '../../src/office/citizenColours';
import { CALLS_CAP, clockText, officeView, pileStages, QUEUE_CAP, type OfficeView } from '../../src/office/officeView';
import { PILE_MAX_HEIGHT, pileHeight } from '../../src/office/piles';
import type { Level } from '../../src/levels/schema';
import { createSim, DAY, type Regime, type Sim } from '../../src/services/housing-benefit';
import type { Snapshot } from '../../src/services/housing-benefit/snapshot';
import { level } from './helpers';

const hb = level('housing-benefit');
const fd = level('front-desk');
const off = { colourFailure: false };

/** Monday of week 1, 11:00: the office is open and busy. */
const MON_11 = 7 * DAY + 11 * 60;

function simAt(lv: Level, regime: Regime, time: number, setup?: (sim: Sim) => void): Sim {
  const sim = createSim(lv, 1, regime);
  setup?.(sim);
  sim.advanceTo(time);
  return sim;
}

function desksOf(view: OfficeView, roleId: string) {
  return view.desks.filter((d) => d.roleId === roleId);
}

function zoneIds(view: OfficeView) {
  return view.zones.map((z) => z.id);
}

describe('officeView: zones and desks follow the staff and the design', () => {
  it('under deliverology, each role sits in its own zone, one desk per member of staff', () => {
    const snap = simAt(hb, 'deliverology', MON_11).snapshot();
    const view = officeView(hb, snap, off);
    expect(zoneIds(view)).toEqual(['calls', 'front', 'scanning', 'casework']);
    for (const r of snap.roles) expect(desksOf(view, r.id)).toHaveLength(r.staff);
    expect(new Set(desksOf(view, 'agent').map((d) => d.zone))).toEqual(new Set(['calls']));
    expect(new Set(desksOf(view, 'receptionist').map((d) => d.zone))).toEqual(new Set(['front']));
    expect(new Set(desksOf(view, 'scanner').map((d) => d.zone))).toEqual(new Set(['scanning']));
    expect(new Set(desksOf(view, 'assessor').map((d) => d.zone))).toEqual(new Set(['casework']));
    // Only the call centre has phones.
    expect(view.desks.filter((d) => d.phone).every((d) => d.roleId === 'agent')).toBe(true);
    expect(desksOf(view, 'agent').every((d) => d.phone)).toBe(true);
    expect(view.post).not.toBeNull();
    expect(view.piles.map((p) => p.id)).toEqual(['scanning', 'casework', 'awaiting-evidence']);
  });

  it('shows exactly as many staff working as the role has busy', () => {
    const sim = simAt(hb, 'deliverology', MON_11);
    let previous: OfficeView | null = null;
    for (let i = 0; i < 12; i++) {
      sim.advanceTo(sim.now + 20);
      const snap = sim.snapshot();
      const view: OfficeView = officeView(hb, snap, off, previous);
      for (const r of snap.roles) {
        expect(desksOf(view, r.id).filter((d) => d.working)).toHaveLength(Math.min(r.busy, r.staff));
      }
      previous = view;
    }
  });

  it('keeps the same desks working while the busy count holds (no lights hopping about)', () => {
    const snap = simAt(hb, 'deliverology', MON_11).snapshot();
    const first = officeView(hb, snap, off);
    const second = officeView(hb, { ...snap, time: snap.time + 1 }, off, first);
    expect(second.desks.map((d) => d.working)).toEqual(first.desks.map((d) => d.working));
    // One fewer busy in a role: exactly one of its desks goes dark, the rest stay as they were.
    const role = snap.roles.find((r) => r.busy > 0)!;
    expect(role).toBeDefined();
    const fewer = { ...snap, roles: snap.roles.map((r) => (r.id === role.id ? { ...r, busy: r.busy - 1 } : r)) };
    const third = officeView(hb, fewer, off, first);
    const was = desksOf(first, role.id).map((d) => d.working);
    const now = desksOf(third, role.id).map((d) => d.working);
    expect(now.filter((w, i) => w !== was[i])).toHaveLength(1);
    expect(now.filter((w, i) => w && !was[i])).toHaveLength(0);
  });

  it('experts at the front: the assessors move to the front desk and take the phones', () => {
    const sim = simAt(hb, 'deliverology', MON_11, (s) => s.apply({ kind: 'design', key: 'expertsAtFront', value: true }));
    const view = officeView(hb, sim.snapshot(), off);
    const assessors = desksOf(view, 'assessor');
    expect(assessors).toHaveLength(hb.regimes.deliverology.staff.assessor!);
    expect(assessors.every((d) => d.zone === 'front' && d.phone)).toBe(true);
    // The agents and receptionists keep their desks, but their phones no longer ring.
    expect(desksOf(view, 'agent').every((d) => d.zone === 'calls' && !d.phone)).toBe(true);
  });

  it('the redesigned flow: experts at the front with phones, no call centre, no scanning room', () => {
    const snap = simAt(hb, 'systems', MON_11).snapshot();
    expect(snap.design.expertsAtFront).toBe(true);
    const view = officeView(hb, snap, off);
    expect(zoneIds(view)).not.toContain('calls');
    expect(zoneIds(view)).not.toContain('scanning');
    expect(zoneIds(view)).toContain('front');
    expect(zoneIds(view)).toContain('casework');
    const assessors = desksOf(view, 'assessor');
    expect(assessors).toHaveLength(7);
    expect(assessors.every((d) => d.zone === 'front' && d.phone)).toBe(true);
    expect(view.calls).not.toBeNull();
    // The waiting calls ring at the front desk, inside its zone.
    const front = view.zones.find((z) => z.id === 'front')!.rect;
    expect(view.calls!.rect.x).toBeGreaterThanOrEqual(front.x);
    expect(view.calls!.rect.x + view.calls!.rect.w).toBeLessThanOrEqual(front.x + front.w);
  });

  it('a role with no staff has no desks', () => {
    const sim = simAt(hb, 'deliverology', MON_11, (s) => s.apply({ kind: 'staff', role: 'scanner', count: 0 }));
    const snap = sim.snapshot();
    const view = officeView(hb, snap, off);
    expect(desksOf(view, 'scanner')).toHaveLength(0);
    for (const id of ['agent', 'receptionist', 'assessor']) expect(desksOf(view, id)).toHaveLength(snap.roles.find((r) => r.id === id)!.staff);
  });

  it('the front-desk tutorial lays out only the front desk: no call centre, back office or post', () => {
    const snap = simAt(fd, 'deliverology', 0.5 * DAY).snapshot();
    const view = officeView(fd, snap, off);
    expect(zoneIds(view)).toEqual(['front']);
    expect(view.calls).toBeNull();
    expect(view.piles).toEqual([]);
    expect(view.post).toBeNull();
    expect(desksOf(view, 'clerk')).toHaveLength(2);
    expect(desksOf(view, 'clerk').every((d) => !d.phone)).toBe(true);
    expect(view.queue).not.toBeNull();
  });

  it('every zone and desk is on the canvas, and zones do not overlap', () => {
    for (const [lv, regime] of [
      [hb, 'deliverology'],
      [hb, 'systems'],
      [fd, 'deliverology'],
    ] as const) {
      const view = officeView(lv, simAt(lv, regime, MON_11).snapshot(), off);
      for (const z of view.zones) {
        expect(z.rect.x).toBeGreaterThanOrEqual(0);
        expect(z.rect.y).toBeGreaterThanOrEqual(0);
        expect(z.rect.x + z.rect.w).toBeLessThanOrEqual(view.width);
        expect(z.rect.y + z.rect.h).toBeLessThanOrEqual(view.street.y);
        for (const o of view.zones) {
          if (o === z) continue;
          const apart =
            o.rect.x >= z.rect.x + z.rect.w || z.rect.x >= o.rect.x + o.rect.w || o.rect.y >= z.rect.y + z.rect.h || z.rect.y >= o.rect.y + o.rect.h;
          expect(apart, `${z.id} and ${o.id}`).toBe(true);
        }
      }
      for (const d of view.desks) {
        const z = view.zones.find((zone) => zone.id === d.zone)!.rect;
        expect(d.x).toBeGreaterThan(z.x);
        expect(d.x).toBeLessThan(z.x + z.w);
        expect(d.y).toBeGreaterThan(z.y);
        expect(d.y).toBeLessThan(z.y + z.h);
      }
    }
  });
});

describe('officeView: queues, calls and piles', () => {
  const base = simAt(hb, 'deliverology', MON_11).snapshot();

  it('draws at most QUEUE_CAP visitors and says "+N" for the rest', () => {
    const view = officeView(hb, { ...base, visitorsWaiting: 40 }, off);
    expect(view.queue!.count).toBe(40);
    expect(view.queue!.shown).toBe(QUEUE_CAP);
    expect(view.queue!.overflow).toBe(40 - QUEUE_CAP);
    expect(view.queue!.slots).toHaveLength(QUEUE_CAP);
    expect(view.queue!.colours).toHaveLength(QUEUE_CAP);
    expect(view.labels.find((l) => l.key === 'queue:overflow')?.text).toBe(`+${40 - QUEUE_CAP}`);

    const few = officeView(hb, { ...base, visitorsWaiting: 5 }, off);
    expect(few.queue!.shown).toBe(5);
    expect(few.queue!.overflow).toBe(0);
    expect(few.labels.find((l) => l.key === 'queue:overflow')).toBeUndefined();
  });

  it('draws at most CALLS_CAP ringing phones and counts every waiting call', () => {
    const view = officeView(hb, { ...base, phonesWaiting: 30 }, off);
    expect(view.calls!.count).toBe(30);
    expect(view.calls!.icons).toHaveLength(CALLS_CAP);
    expect(view.calls!.overflow).toBe(30 - CALLS_CAP);
    expect(view.labels.find((l) => l.key === 'calls:title')?.text).toBe('Calls waiting: 30');
  });

  it('pile height grows with the count, sublinearly, and never leaves its bounds', () => {
    let last = 0;
    for (let n = 0; n <= 5000; n += 7) {
      const h = pileHeight(n, 100);
      expect(h).toBeGreaterThanOrEqual(last);
      expect(h).toBeLessThanOrEqual(100);
      last = h;
    }
    expect(pileHeight(0, 100)).toBe(0);
    expect(pileHeight(1, 100)).toBeGreaterThan(0);
    expect(pileHeight(20, 100)).toBeGreaterThan(pileHeight(10, 100));
    expect(pileHeight(2000, 100)).toBeGreaterThan(pileHeight(1000, 100));
    expect(pileHeight(2000, 100)).toBeLessThanOrEqual(100);
    // Sublinear: ten times the files is far less than ten times the height.
    expect(pileHeight(1000, 100)).toBeLessThan(2 * pileHeight(100, 100));
  });

  it('piles in the view follow the stage counts on one scale, whatever the zone', () => {
    const big = officeView(hb, { ...base, stages: { ...base.stages, casework: 1200, 'awaiting-evidence': 30 } }, off);
    const pile = (v: OfficeView, id: string) => v.piles.find((p) => p.id === id)!;
    expect(pile(big, 'casework').count).toBe(1200);
    expect(pile(big, 'casework').height).toBeGreaterThan(pile(big, 'awaiting-evidence').height);
    for (const p of big.piles) expect(p.height).toBeLessThanOrEqual(PILE_MAX_HEIGHT);
    const huge = officeView(hb, { ...base, stages: { ...base.stages, casework: 100_000 } }, off);
    expect(pile(huge, 'casework').height).toBeLessThanOrEqual(PILE_MAX_HEIGHT);
    expect(huge.labels.find((l) => l.key === 'pile:casework')?.text).toBe('100,000');
    // The redesigned office's roomier back office does not make its small pile look big.
    const sys = simAt(hb, 'systems', MON_11).snapshot();
    const same = { ...sys, stages: { ...sys.stages, casework: 35 } };
    const small = pile(officeView(hb, same, off), 'casework').height;
    expect(small).toBeCloseTo(pileHeight(35, PILE_MAX_HEIGHT), 6);
  });
});

describe('officeView: the "to scan" pile is only what someone will scan', () => {
  /** Deliverology for four weeks, then the redesign adopted, the scanning clerks gone; two weeks on. */
  function redesignedMidRun(): Snapshot {
    const sim = createSim(hb, 1, 'deliverology');
    sim.advanceTo(4 * 7 * DAY);
    sim.apply({ kind: 'regime', regime: 'systems' });
    sim.apply({ kind: 'staff', role: 'scanner', count: 0 });
    sim.advanceTo(6 * 7 * DAY + 11 * 60);
    return sim.snapshot();
  }

  it('after the redesign, with no scanning clerks, nothing piles up "to scan": the files wait for their owner', () => {
    const snap = redesignedMidRun();
    expect(snap.design.caseOwner).toBe(true);
    const view = officeView(hb, snap, off);
    const pile = (id: string) => view.piles.find((p) => p.id === id);
    expect(pile('scanning')?.count ?? 0).toBe(0);
    expect(zoneIds(view)).not.toContain('scanning');
    // Every file the sim has in the back office is on a pile (none lost from the picture).
    expect(pile('casework')!.count).toBe(snap.stages.casework + snap.stages.scanning);
    expect(pile('awaiting-evidence')!.count).toBe(snap.stages['awaiting-evidence']);
  });

  it('where someone scans (clerks, or assessors in a split office without them), the pile is the real one', () => {
    const deliv = simAt(hb, 'deliverology', MON_11).snapshot();
    expect(deliv.stages.scanning).toBeGreaterThan(0);
    expect(pileStages(hb, deliv)).toEqual({
      scanning: deliv.stages.scanning,
      casework: deliv.stages.casework,
      'awaiting-evidence': deliv.stages['awaiting-evidence'],
    });
    const noClerks = simAt(hb, 'deliverology', MON_11, (sim) => sim.apply({ kind: 'staff', role: 'scanner', count: 0 })).snapshot();
    expect(noClerks.design.caseOwner).toBe(false);
    expect(pileStages(hb, noClerks).scanning).toBe(noClerks.stages.scanning);
    expect(noClerks.stages.scanning).toBeGreaterThan(0);
  });
});

describe('officeView: clock and closed hours', () => {
  it('writes the day, weekday and time, day 0 being a Monday', () => {
    expect(clockText(0)).toBe('Day 1, Mon 00:00');
    expect(clockText(12 * DAY + 10 * 60 + 40)).toBe('Day 13, Sat 10:40');
    expect(clockText(8 * DAY + 10 * 60 + 40)).toBe('Day 9, Tue 10:40');
    expect(clockText(6 * DAY + 23 * 60 + 59.9)).toBe('Day 7, Sun 23:59');
    expect(clockText(-DAY + 60)).toBe('Day 0, Sun 01:00');
  });

  it('shows the office closed at the weekend, with when it opens', () => {
    const sat = simAt(hb, 'deliverology', 5 * DAY + 12 * 60).snapshot();
    expect(sat.open).toBe(false);
    const view = officeView(hb, sat, off);
    expect(view.open).toBe(false);
    expect(view.closedNote).toBe('Closed · opens Mon 09:00');
    expect(view.labels.find((l) => l.key === 'sign')?.text).toBe('Closed · opens Mon 09:00');
    expect(view.clock).toBe('Day 6, Sat 12:00');
    // Nobody at an idle desk after hours; only someone finishing a job stays.
    for (const d of view.desks) expect(d.present).toBe(d.working);

    const evening = officeView(hb, simAt(hb, 'deliverology', MON_11 + 7 * 60).snapshot(), off);
    expect(evening.closedNote).toBe('Closed · opens Tue 09:00');
    const open = officeView(hb, simAt(hb, 'deliverology', MON_11).snapshot(), off);
    expect(open.closedNote).toBeNull();
    expect(open.labels.find((l) => l.key === 'sign')?.text).toBe('Open');
  });

  it('an office that never closes is always open', () => {
    const view = officeView(fd, simAt(fd, 'deliverology', 5 * DAY + 3 * 60).snapshot(), off);
    expect(view.open).toBe(true);
    expect(view.closedNote).toBeNull();
  });
});

describe('officeView: failure demand is only coloured once the player has studied demand', () => {
  const base = simAt(hb, 'deliverology', MON_11).snapshot();
  const failing: Snapshot = {
    ...base,
    visitorsWaiting: 6,
    phonesWaiting: 6,
    recentContacts: Array.from({ length: 12 }, (_, i) => ({
      needId: i,
      at: base.time - 12 + i,
      channel: i % 2 === 0 ? 'visit' : 'phone',
      reason: i % 4 < 2 ? 'progress-chasing' : 'new-claim',
      failure: i % 4 < 2,
    })),
  };

  it('colourFailure off: every citizen and call in one neutral colour', () => {
    const view = officeView(hb, failing, { colourFailure: false });
    const colours = new Set([...view.queue!.colours, ...view.calls!.icons.map((c) => c.colour)]);
    expect(colours).toEqual(new Set([NEUTRAL_CITIZEN]));
  });

  it('colourFailure on: the failure contacts among the newest arrivals turn warm', () => {
    const view = officeView(hb, failing, { colourFailure: true });
    const visits = failing.recentContacts.filter((c) => c.channel === 'visit');
    expect(view.queue!.colours).toEqual(visits.map((c) => (c.failure ? FAILURE_CITIZEN : NEUTRAL_CITIZEN)));
    const phones = failing.recentContacts.filter((c) => c.channel === 'phone');
    expect(view.calls!.icons.map((c) => c.colour)).toEqual(phones.map((c) => (c.failure ? FAILURE_CITIZEN : NEUTRAL_CITIZEN)));
    expect(new Set(view.queue!.colours)).toEqual(new Set([FAILURE_CITIZEN, NEUTRAL_CITIZEN]));
  });
});

// ------------------------------------------------------------------ the crowd

function places(seats = 2): CrowdPlaces {
  return {
    slots: Array.from({ length: 10 }, (_, i) => ({ x: 100 + i * 24, y: 200 })),
    entrance: { x: 40, y: 480 },
    enterVia: [{ x: 40, y: 420 }],
    exitVia: [
      { x: 400, y: 420 },
      { x: 400, y: 470 },
      { x: 460, y: 490 },
    ],
    seats: Array.from({ length: seats }, (_, i) => ({ x: 150 + i * 70, y: 140 })),
  };
}

const FRAME = 1 / 60;

/** Steps the crowd, checking nobody jumps further than a hurried walk in one frame. */
function run(crowd: Crowd, p: CrowdPlaces, seconds: number, onFrame?: (before: Map<number, Walker>) => void) {
  for (let t = 0; t < seconds; t += FRAME) {
    const before = new Map(crowd.walkers.map((w) => [w.id, { ...w }]));
    crowd.step(FRAME, p);
    for (const w of crowd.walkers) {
      const was = before.get(w.id);
      if (!was) continue;
      expect(Math.hypot(w.x - was.x, w.y - was.y)).toBeLessThanOrEqual(WALK_SPEED * 5 * FRAME + 1e-6);
    }
    onFrame?.(before);
  }
}

describe('crowd: visitors are people who walk, never counters that jump', () => {
  it('the first picture stands everyone already waiting in the queue', () => {
    const crowd = new Crowd();
    crowd.reconcile(3, places(), [1, 2, 3]);
    expect(crowd.walkers.map((w) => [w.state, w.slot, w.x, w.y, w.colour])).toEqual([
      ['queued', 0, 100, 200, 1],
      ['queued', 1, 124, 200, 2],
      ['queued', 2, 148, 200, 3],
    ]);
  });

  it('a rising count spawns figures at the entrance, who walk to the end of the queue', () => {
    const p = places();
    const crowd = new Crowd();
    crowd.reconcile(2, p, []);
    crowd.reconcile(5, p, [0, 0, 7, 8, 9]);
    const fresh = crowd.walkers.filter((w) => w.state === 'entering');
    expect(fresh).toHaveLength(3);
    for (const w of fresh) expect([w.x, w.y]).toEqual([p.entrance.x, p.entrance.y]);
    expect(fresh.map((w) => w.slot)).toEqual([2, 3, 4]);
    expect(fresh.map((w) => w.colour)).toEqual([7, 8, 9]);
    run(crowd, p, 6);
    expect(crowd.queued.map((w) => [w.state, w.x, w.y])).toEqual(p.slots.slice(0, 5).map((s) => ['queued', s.x, s.y]));
  });

  it('never draws more queue figures than there are slots', () => {
    const p = places();
    const crowd = new Crowd();
    crowd.reconcile(0, p, []);
    crowd.reconcile(50, p, []);
    expect(crowd.queued).toHaveLength(p.slots.length);
    crowd.reconcile(60, p, []);
    expect(crowd.queued).toHaveLength(p.slots.length);
  });

  it('a falling count sends the head of the queue to a desk, then out of the door, fading', () => {
    const p = places();
    const crowd = new Crowd();
    crowd.reconcile(3, p, []);
    const [head, second, third] = crowd.queued;
    crowd.reconcile(2, p, []);
    expect(crowd.walkers.find((w) => w.id === head!.id)!.state).toBe('to-desk');
    expect(crowd.queued.map((w) => [w.id, w.slot])).toEqual([
      [second!.id, 0],
      [third!.id, 1],
    ]);

    // Follow the head: desk, a while at the desk, then out; alpha only ever falls gradually.
    const seen: string[] = [];
    let lastAlpha = 1;
    let gone = false;
    run(crowd, p, 10, (before) => {
      const w = crowd.walkers.find((o) => o.id === head!.id);
      if (!w) {
        if (!gone) {
          // It was still (faintly) there in the frame before it went, and already nearly invisible.
          expect(before.get(head!.id)!.alpha).toBeLessThan(0.1);
          gone = true;
        }
        return;
      }
      if (seen[seen.length - 1] !== w.state) seen.push(w.state);
      expect(lastAlpha - w.alpha).toBeLessThanOrEqual(FRAME / FADE_SECONDS + 1e-9);
      lastAlpha = w.alpha;
    });
    expect(seen).toEqual(['to-desk', 'at-desk', 'leaving']);
    expect(gone).toBe(true);
    // The queue shuffled forward behind it.
    expect(crowd.queued.map((w) => [w.x, w.y])).toEqual([
      [p.slots[0]!.x, p.slots[0]!.y],
      [p.slots[1]!.x, p.slots[1]!.y],
    ]);
  });

  it('a visitor stays at the desk a moment before leaving', () => {
    const p = places();
    const crowd = new Crowd();
    crowd.reconcile(1, p, []);
    crowd.reconcile(0, p, []);
    let atDesk = 0;
    run(crowd, p, 5, () => {
      if (crowd.walkers[0]?.state === 'at-desk') atDesk += FRAME;
    });
    expect(atDesk).toBeGreaterThan(DESK_SECONDS - 2 * FRAME);
  });

  it('with every desk taken, the longest-seated visitor gets up for the next', () => {
    const p = places(1);
    const crowd = new Crowd();
    crowd.reconcile(2, p, []);
    crowd.reconcile(1, p, []);
    run(crowd, p, 1); // the first is now at the only desk
    const first = crowd.walkers.find((w) => w.state === 'at-desk')!;
    expect(first).toBeDefined();
    crowd.reconcile(0, p, []);
    expect(crowd.walkers.find((w) => w.id === first.id)!.state).toBe('leaving');
    expect(crowd.walkers.filter((w) => w.state === 'to-desk')).toHaveLength(1);
  });

  it('repaints everyone when the way of seeing changes', () => {
    const p = places();
    const crowd = new Crowd();
    crowd.reconcile(3, p, [NEUTRAL_CITIZEN, NEUTRAL_CITIZEN, NEUTRAL_CITIZEN]);
    crowd.reconcile(2, p, []);
    crowd.repaint([FAILURE_CITIZEN, NEUTRAL_CITIZEN], null);
    expect(crowd.queued.map((w) => w.colour)).toEqual([FAILURE_CITIZEN, NEUTRAL_CITIZEN]);
    crowd.repaint([NEUTRAL_CITIZEN, NEUTRAL_CITIZEN], NEUTRAL_CITIZEN);
    expect(new Set(crowd.walkers.map((w) => w.colour))).toEqual(new Set([NEUTRAL_CITIZEN]));
  });

  it('starts again from nothing after a reset', () => {
    const crowd = new Crowd();
    crowd.reconcile(4, places(), []);
    crowd.reset();
    expect(crowd.walkers).toEqual([]);
    crowd.reconcile(2, places(), []);
    expect(crowd.walkers.every((w) => w.state === 'queued')).toBe(true);
  });
});

describe('reduced motion: the office keeps still', () => {
  it('reads the preference from matchMedia, and is false where it cannot be asked', () => {
    const asked: string[] = [];
    const media = (matches: boolean) => ({
      matchMedia: (q: string) => {
        asked.push(q);
        return { matches };
      },
    });
    expect(prefersReducedMotion(media(true))).toBe(true);
    expect(prefersReducedMotion(media(false))).toBe(false);
    expect(asked).toEqual([REDUCED_MOTION_QUERY, REDUCED_MOTION_QUERY]);
    expect(prefersReducedMotion({})).toBe(false);
    expect(prefersReducedMotion(undefined)).toBe(false);
    expect(
      prefersReducedMotion({
        matchMedia: () => {
          throw new Error('no');
        },
      }),
    ).toBe(false);
  });

  it('citizens jump to their places and are gone at once when they leave', () => {
    const p = places();
    const crowd = new Crowd({ jump: true });
    crowd.reconcile(2, p, []);
    crowd.reconcile(5, p, []);
    crowd.step(FRAME, p);
    expect(crowd.queued.map((w) => [w.state, w.x, w.y])).toEqual(p.slots.slice(0, 5).map((s) => ['queued', s.x, s.y]));
    crowd.reconcile(4, p, []);
    crowd.step(FRAME, p);
    const seated = crowd.walkers.filter((w) => w.state === 'at-desk');
    expect(seated).toHaveLength(1);
    expect([seated[0]!.x, seated[0]!.y]).toEqual([p.seats[0]!.x, p.seats[0]!.y]);
    // The rest of the queue moved up in the same frame.
    expect(crowd.queued.map((w) => [w.x, w.y])).toEqual(p.slots.slice(0, 4).map((s) => [s.x, s.y]));
    // Seen, then gone: no walk to the door, no fade.
    for (let t = 0; t < DESK_SECONDS + 2 * FRAME; t += FRAME) crowd.step(FRAME, p);
    expect(crowd.walkers).toHaveLength(4);
    expect(crowd.walkers.every((w) => w.state === 'queued' && w.alpha === 1)).toBe(true);
  });

  it('nothing glows, jiggles, travels or glides', () => {
    for (const anim of [0, 0.3, 1.7, 12]) {
      expect(phoneGlowAlpha(anim, 40, true)).toBe(phoneGlowAlpha(0, 300, true));
      expect(handsetShake(anim, 3, true)).toBe(0);
      expect(envelopePhase(anim, 2, 5, true)).toBeCloseTo(2 / 5, 12);
    }
    // With motion, they do move.
    expect(handsetShake(0.3, 3, false)).not.toBe(handsetShake(0.31, 3, false));
    expect(envelopePhase(1, 2, 5, false)).not.toBeCloseTo(envelopePhase(2, 2, 5, false), 6);
    const still = new Smoother(glideSeconds(true));
    still.follow('x', 0, FRAME);
    expect(still.follow('x', 100, FRAME)).toBe(100);
    const gliding = new Smoother(glideSeconds(false));
    gliding.follow('x', 0, FRAME);
    expect(gliding.follow('x', 100, FRAME)).toBeLessThan(100);
  });
});

describe('easing', () => {
  it('is frame-rate independent: one step of 2dt equals two steps of dt', () => {
    for (const [from, to, dt, tau] of [
      [0, 100, 1 / 60, 0.25],
      [300, -20, 1 / 30, 0.1],
      [5, 5.5, 0.2, 1],
    ] as const) {
      const once = approach(from, to, 2 * dt, tau);
      const twice = approach(approach(from, to, dt, tau), to, dt, tau);
      expect(once).toBeCloseTo(twice, 9);
    }
    // Sixty small frames land where six big ones do.
    let a = 0;
    let b = 0;
    for (let i = 0; i < 60; i++) a = approach(a, 10, 1 / 60, 0.3);
    for (let i = 0; i < 6; i++) b = approach(b, 10, 1 / 6, 0.3);
    expect(a).toBeCloseTo(b, 9);
  });

  it('moves toward the target without overshooting, and settles', () => {
    const t = new Tweened(0, 0.2);
    t.target = 50;
    let last = 0;
    for (let i = 0; i < 120; i++) {
      const v = t.step(1 / 60);
      expect(v).toBeGreaterThanOrEqual(last);
      expect(v).toBeLessThanOrEqual(50);
      last = v;
    }
    expect(t.value).toBe(50);
    expect(approach(3, 9, 0, 0.2)).toBe(3);
    expect(approach(3, 9, 0.1, 0)).toBe(9);
  });

  it('Smoother starts new keys at their target and forgets keys no longer followed', () => {
    const s = new Smoother(0.2);
    expect(s.follow('a', 40, 1 / 60)).toBe(40);
    expect(s.follow('a', 80, 1 / 60)).toBeGreaterThan(40);
    expect(s.follow('a', 80, 1 / 60)).toBeLessThan(80);
    s.follow('b', 1, 1 / 60);
    s.sweep();
    s.follow('a', 80, 1 / 60);
    s.sweep();
    expect(s.size).toBe(1);
  });
});

describe('office: the pure parts stay pure', () => {
  it('officeView, crowd and geometry import neither Phaser nor the DOM', () => {
    for (const file of ['officeView', 'crowd', 'geometry', 'motion']) {
      const src = readFileSync(new URL(`../../src/office/${file}.ts`, import.meta.url), 'utf8');
      expect(src, file).not.toMatch(/from ['"]phaser['"]|import\(['"]phaser['"]\)/);
      expect(src, file).not.toMatch(/\b(document|window|requestAnimationFrame|performance)\./);
    }
  });
});

describe('the picture draws as many pixels as it is shown with, from 1 to 2 per design pixel', () => {
  it('is 1 on a phone and a laptop, more when blown up on a projector or a dense screen, never more than 2', () => {
    expect(pictureResolution(373, 960, 1)).toBe(1); // a phone, 390 px
    expect(pictureResolution(373, 960, 3)).toBe(1); // the same phone's three device pixels per CSS pixel
    expect(pictureResolution(942, 960, 1)).toBe(1); // a laptop, 1366 x 768
    expect(pictureResolution(1392, 960, 1)).toBe(1.5); // 1920 x 1080
    expect(pictureResolution(1900, 960, 1)).toBe(2); // 2560 x 1440
    expect(pictureResolution(1300, 960, 2)).toBe(2); // a dense laptop screen
    expect(pictureResolution(4000, 960, 2)).toBe(2);
  });
  it('is 1 while the element has no size yet, or the browser reports no pixel ratio', () => {
    expect(pictureResolution(0, 960, 1)).toBe(1);
    expect(pictureResolution(1392, 960, 0)).toBe(1.5);
    expect(pictureResolution(Number.NaN, 960, 1)).toBe(1);
  });
});
