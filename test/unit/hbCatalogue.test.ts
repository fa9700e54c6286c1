// Housing benefit's catalogue is the one list of its levers, reasons and official thresholds: the
// level format, the sim and the game's lever lists read it, so it must cover them exactly.
import { describe, expect, it } from 'vitest';
import { DESIGN_LEVERS } from '../../src/game/levers';
import { designSchema } from '../../src/levels/schema';
import { catalogue, GAMING_MOVES, WAYS_OF_WORKING } from '../../src/services/housing-benefit/catalogue';
import { isFailureDemand } from '../../src/services/housing-benefit/types';

describe("housing benefit's catalogue", () => {
  it('names every design setting once, each value one the level format accepts', () => {
    const keys = catalogue.levers.map((l) => l.key);
    expect([...keys].sort()).toEqual(Object.keys(designSchema.shape).sort());
    expect(new Set(keys).size).toBe(keys.length);
    for (const lever of catalogue.levers) {
      const field = designSchema.shape[lever.key as keyof typeof designSchema.shape];
      for (const value of lever.values) expect(field.safeParse(value).success, `${lever.key} = ${String(value)}`).toBe(true);
      expect(new Set(lever.values).size).toBe(lever.values.length);
    }
  });

  it('gives the game a lever in words for each, with a distinct label for each value', () => {
    for (const lever of catalogue.levers) {
      const game = DESIGN_LEVERS[lever.key as keyof typeof DESIGN_LEVERS];
      expect(game.kind).toBe(lever.kind);
      expect(game.choices.map((c) => c.value)).toEqual(lever.values);
      const labels = game.choices.map((c) => c.label);
      expect(labels.every((l) => l.length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
    expect(DESIGN_LEVERS.pilotShare.choices.map((c) => c.label)).toEqual(['No pilot', '1 in 10', '1 in 5', '3 in 10', '1 in 2']);
  });

  it('keeps ways of working and gaming moves apart', () => {
    expect(WAYS_OF_WORKING).toEqual(['expertsAtFront', 'decideAtFirstContact', 'caseOwner', 'pullEvidence']);
    expect(WAYS_OF_WORKING.some((k) => GAMING_MOVES.includes(k))).toBe(false);
    expect(GAMING_MOVES).toContain('nilQualifyDays');
  });

  it('sorts each contact reason as the sim counts it', () => {
    for (const r of catalogue.reasons) expect(isFailureDemand(r.id as never)).toBe(r.failure);
    expect(catalogue.reasons.filter((r) => !r.failure).map((r) => r.id)).toEqual(['new-claim', 'send-evidence']);
  });

  it('holds the official dashboard’s thresholds: calls within 20 seconds, visitors within 15 minutes', () => {
    const within = Object.fromEntries(catalogue.official.map((m) => [m.id, m.withinMinutes]));
    expect(within).toEqual({ processingDays: undefined, callsAnsweredIn20s: 20 / 60, visitorsSeenIn15m: 15 });
  });
});
