// The shipped housing-repairs level, validated once, as the game asks for it.
import { LEVEL_FILES } from '../../levels/catalogue';
import { parseRepairsLevel, type RepairsLevel } from '../../services/housing-repairs/index';

let cached: RepairsLevel | null = null;

export function repairsLevel(): RepairsLevel {
  if (cached) return cached;
  const r = parseRepairsLevel(LEVEL_FILES['housing-repairs']);
  if (!r.ok) throw new Error(`Level "housing-repairs" is invalid:\n${r.errors.join('\n')}`);
  cached = r.level;
  return cached;
}
