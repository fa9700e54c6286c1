// Golden reports: the full report of each default level, regime and two seeds, stored under
// test/golden/ and compared field by field by test/unit/golden.test.ts. After an intended model
// change, refresh them here and read the diff this prints (say in the commit why figures moved).
//   npm run golden            refresh the files and print what changed
//   npm run golden -- --check print what would change, write nothing (exit 1 if anything would)
// Figures that change under the same MODEL_VERSION are refused: a model change must be recorded
// (bump src/engine/version.ts and say why there), so that exported runs know they are out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GOLDEN_CASES, goldenFile, goldenReport } from '../test/golden/cases';
import { MODEL_VERSION } from '../src/engine/version';

/** Every leaf that differs between two JSON values, as "path: old -> new". */
function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`  ${path}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
}

const check = process.argv.includes('--check');
let changed = 0;
let unrecorded = 0;
const writes: [string, string][] = [];
for (const c of GOLDEN_CASES) {
  const file = goldenFile(c);
  const fresh = goldenReport(c);
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : null;
  const lines: string[] = [];
  if (old === null) lines.push('  (a new file)');
  else diff(old, fresh, '', lines);
  if (lines.length === 0) continue;
  changed++;
  const figures = lines.filter((l) => !l.startsWith('  model.'));
  const sameVersion = (old as { model?: { version?: string } } | null)?.model?.version === MODEL_VERSION;
  if (figures.length > 0 && sameVersion) unrecorded++;
  console.log(`${c.level} ${c.regime} seed ${c.seed}: ${old === null ? 'new' : `${lines.length} field(s) changed`}`);
  for (const l of lines.slice(0, 60)) console.log(l);
  if (lines.length > 60) console.log(`  ... and ${lines.length - 60} more`);
  writes.push([file, `${JSON.stringify(fresh, null, 2)}\n`]);
}
// All or nothing: no file is refreshed while any change is unrecorded.
if (!check && unrecorded === 0) for (const [file, text] of writes) writeFileSync(file, text);
if (unrecorded > 0) {
  console.error(
    `\n${unrecorded} report(s) changed under the same model version ${MODEL_VERSION}: bump MODEL_VERSION in src/engine/version.ts and say why there, then run this again.`,
  );
  process.exitCode = 1;
}
console.log(
  changed === 0
    ? 'golden reports: unchanged'
    : `golden reports: ${changed} ${check ? 'would change' : unrecorded > 0 ? 'changed, none refreshed' : 'refreshed'}`,
);
if (check && changed > 0) process.exitCode = 1;
