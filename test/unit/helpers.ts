import { LEVEL_FILES, type LevelId } from '../../src/levels/catalogue';
import { parseLevel } from '../../src/levels/load';
import { applyOverride } from '../../src/levels/override';
import type { Level } from '../../src/levels/schema';

/** A shipped level with "what if?" overrides applied by dotted path, validated like a file. */
export function level(id: LevelId, overrides: Record<string, unknown> = {}): Level {
  const raw = structuredClone(LEVEL_FILES[id]);
  for (const [path, value] of Object.entries(overrides)) {
    const r = applyOverride(raw, path, JSON.stringify(value));
    if (!r.ok) throw new Error(r.error);
  }
  const parsed = parseLevel(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}
