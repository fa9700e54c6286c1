// Every service's catalogue is the one list of its vocabulary: the pictures lay out its places,
// and the game's words are keyed by its ids, so the lists must be whole and agree with each other.
import { describe, expect, it } from 'vitest';
import { STEP_KINDS } from '../../../src/content/journey';
import { PICTURE_WORDS } from '../../../src/content/office';
import { REPAIRS_WORDS } from '../../../src/content/repairs';
import { SERVICES } from '../../../src/services';
import { createSim } from '../../../src/services/housing-benefit';
import { level } from '../helpers';

describe.each(Object.entries(SERVICES))('the %s catalogue', (_id, service) => {
  const c = service.catalogue;

  it('names each place once, public side first, and holds each stage in at most one place', () => {
    const ids = c.places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(c.places[0]?.side).toBe('public');
    const held = c.places.flatMap((p) => p.stages);
    expect(new Set(held).size).toBe(held.length);
    for (const stage of held) expect(c.stages, stage).toContain(stage);
  });

  it('names each reason, stage, kind of work and journey step once', () => {
    for (const list of [c.reasons.map((r) => r.id), c.stages, c.work, c.journey, c.roles]) {
      expect(new Set(list).size).toBe(list.length);
    }
    expect(c.work.length).toBeGreaterThan(0);
  });
});

describe('the pictures and stories speak the catalogues’ words', () => {
  it('housing benefit: a name for every place and a sentence for every journey step but a contact (told in its own words)', () => {
    const c = SERVICES['housing-benefit'].catalogue;
    expect(Object.keys(PICTURE_WORDS.zones).sort()).toEqual(c.places.map((p) => p.id).sort());
    expect(Object.keys(STEP_KINDS).sort()).toEqual(c.journey.filter((k) => k !== 'contact').sort());
    const piles = c.places.filter((p) => p.side === 'back').flatMap((p) => p.stages);
    expect(Object.keys(PICTURE_WORDS.piles).sort()).toEqual([...piles].sort());
    expect(Object.keys(PICTURE_WORDS.held).sort()).toEqual(
      c.places
        .filter((p) => p.side !== 'public')
        .flatMap((p) => p.stages)
        .sort(),
    );
  });

  it('housing repairs: a name for every place', () => {
    expect(Object.keys(REPAIRS_WORDS.zones).sort()).toEqual(SERVICES['housing-repairs'].catalogue.places.map((p) => p.id).sort());
  });

  it('housing benefit: every team sits in a place of the catalogue, and the calls and visits each have one taker', () => {
    const places = SERVICES['housing-benefit'].catalogue.places.map((p) => p.id);
    for (const expertsAtFront of [false, true]) {
      const sim = createSim(level('housing-benefit'), 1, 'deliverology');
      sim.apply({ kind: 'design', key: 'expertsAtFront', value: expertsAtFront });
      sim.apply({ kind: 'design', key: 'pilotTeam', value: 2 });
      const roles = sim.snapshot().roles;
      for (const r of roles) expect(places).toContain(r.place);
      const phone = roles.filter((r) => r.takes.includes('phone'));
      const visit = roles.filter((r) => r.takes.includes('visit'));
      expect(phone).toHaveLength(1);
      expect(visit).toHaveLength(1);
      // Experts at the front take both, from desks at the front; otherwise a call centre and a front desk.
      if (expertsAtFront) expect([phone[0]?.id, visit[0]?.place]).toEqual([visit[0]?.id, 'front']);
      else expect([phone[0]?.place, visit[0]?.place]).toEqual(['calls', 'front']);
    }
  });
});
