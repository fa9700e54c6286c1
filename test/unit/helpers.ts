import frontDesk from '../../levels/front-desk.json';
import housingBenefit from '../../levels/housing-benefit.json';
import { parseLevel } from '../../src/levels/load';
import { applyOverride } from '../../src/levels/override';
import type { Level } from '../../src/levels/schema';

const files = { 'front-desk': frontDesk, 'housing-benefit': housingBenefit };

/** A shipped level with "what if?" overrides applied by dotted path, validated like a file. */
export function level(id: keyof typeof files, overrides: Record<string, unknown> = {}): Level {
  const raw = structuredClone(files[id]) as unknown;
  for (const [path, value] of Object.entries(overrides)) {
    const r = applyOverride(raw, path, JSON.stringify(value));
    if (!r.ok) throw new Error(r.error);
  }
  const parsed = parseLevel(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}
