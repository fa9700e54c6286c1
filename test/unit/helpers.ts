import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { LEVEL_FILES, type LevelId } from '../../src/levels/catalogue';
import { parseLevel } from '../../src/levels/load';
import { applyOverride } from '../../src/levels/override';
import type { Level } from '../../src/levels/schema';
import { parseRepairsLevel, type RepairsLevel } from '../../src/services/housing-repairs/index';

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

/** The shipped housing-repairs level with "what if?" overrides applied by dotted path, validated like a file. */
export function repairsLevel(overrides: Record<string, unknown> = {}): RepairsLevel {
  const raw = structuredClone(LEVEL_FILES['housing-repairs']);
  for (const [path, value] of Object.entries(overrides)) {
    const r = applyOverride(raw, path, JSON.stringify(value));
    if (!r.ok) throw new Error(r.error);
  }
  const parsed = parseRepairsLevel(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

/** Runs the headless runner in-process, capturing what it writes. */
export function runCli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

/** Every .ts file under a folder, for tests that read the source. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}
