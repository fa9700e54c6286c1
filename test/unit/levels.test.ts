import { describe, expect, it } from 'vitest';
import { LEVEL_FILES, LEVEL_IDS } from '../../src/levels/catalogue';
import { checkLevel, serviceOf } from '../../src/services/index';
import housingBenefit from '../../levels/housing-benefit.json';
import { parseActionLog } from '../../src/levels/actionLog';
import { parseLevel, parseLevelText } from '../../src/levels/load';
import { applyOverride } from '../../src/levels/override';

describe('level files', () => {
  it('every shipped level in the catalogue is valid', () => {
    expect(Object.keys(LEVEL_FILES)).toEqual(['front-desk', 'front-desk-queue', 'housing-benefit', 'housing-repairs']);
    expect(serviceOf(LEVEL_FILES['front-desk-queue'])).toBe('front-desk');
    for (const data of Object.values(LEVEL_FILES)) {
      const r = checkLevel(data);
      expect(r.ok, r.ok ? '' : r.errors.join('\n')).toBe(true);
    }
    expect(checkLevel({ service: 'planning' })).toEqual({ ok: false, errors: [expect.stringMatching(/^service: unknown service "planning"/)] });
  });

  it('the game plays the housing-benefit levels, in their order', () => {
    expect(LEVEL_IDS).toEqual(['front-desk', 'housing-benefit']);
    for (const id of LEVEL_IDS) expect(serviceOf(LEVEL_FILES[id])).toBe('housing-benefit');
  });

  it('an unknown field is an error naming it', () => {
    const r = parseLevel({ ...housingBenefit, handoffs: { ...housingBenefit.handoffs, itemLots: 0.1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('handoffs: unknown field "itemLots"');
  });

  it('an out-of-range value names the field and the problem', () => {
    const r = parseLevel({ ...housingBenefit, citizens: { ...housingBenefit.citizens, itemIfTold: 1.2 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/^citizens\.itemIfTold: .*1/m);
  });

  it('roles are checked across the file', () => {
    const r = parseLevel({ ...housingBenefit, assign: { ...housingBenefit.assign, scan: 'robot' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('assign.scan: unknown role "robot"');
  });

  it('bad times of day and distributions are caught', () => {
    const r = parseLevel({ ...housingBenefit, hours: { days: [0], open: '9am', close: '08:00' }, postDays: { dist: 'gamma', mean: 2 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('hours'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('postDays'))).toBe(true);
    }
  });

  it('untrusted text is size-limited and must be JSON', () => {
    expect(parseLevelText('x'.repeat(300 * 1024)).ok).toBe(false);
    const r = parseLevelText('{');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain('not valid JSON');
  });

  it('overrides only touch fields that exist, and cannot reach the prototype', () => {
    const level = structuredClone(housingBenefit) as unknown;
    expect(applyOverride(level, 'demand.needsPerDay', '30')).toEqual({ ok: true });
    expect((level as typeof housingBenefit).demand.needsPerDay).toBe(30);
    expect(applyOverride(level, 'demand.needsPerDya', '30').ok).toBe(false);
    expect(applyOverride(level, '__proto__.polluted', '1').ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(applyOverride(level, 'inspection.league.0', '10')).toEqual({ ok: true });
  });

  it('action logs are validated against the level', () => {
    const roles = Object.keys(housingBenefit.roles);
    expect(parseActionLog([{ at: 0, kind: 'design', key: 'nilQualifyDays', value: null }], roles).ok).toBe(true);
    expect(parseActionLog([{ at: 0, kind: 'design', key: 'nilQualifyDays', value: 'soon' }], roles).ok).toBe(false);
    expect(parseActionLog([{ at: -1, kind: 'regime', regime: 'systems' }], roles).ok).toBe(false);
    expect(
      parseActionLog(
        [
          { at: 5, kind: 'regime', regime: 'systems' },
          { at: 1, kind: 'regime', regime: 'systems' },
        ],
        roles,
      ).ok,
    ).toBe(false);
    expect(parseActionLog({ not: 'a list' }, roles).ok).toBe(false);
  });

  it('a pilot share needs a pilot team, or its citizens would never be served', () => {
    const design = { ...housingBenefit.regimes.deliverology.design, pilotShare: 0.2, pilotTeam: 0 };
    const r = parseLevel({ ...housingBenefit, regimes: { ...housingBenefit.regimes, deliverology: { ...housingBenefit.regimes.deliverology, design } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/^regimes\.deliverology\.design\.pilotTeam: a pilot share of 0\.2 needs a pilot team/m);
  });

  it('a run too big to simulate in reasonable time and memory is refused, naming demand', () => {
    const r = parseLevel({ ...housingBenefit, demand: { ...housingBenefit.demand, needsPerDay: 200 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/^demand\.needsPerDay: about 146000 citizens .* at most 120000 fit in one run/m);
    const ok = parseLevel({ ...housingBenefit, demand: { ...housingBenefit.demand, needsPerDay: 80 } });
    expect(ok.ok).toBe(true);
  });
});
