// The sim's public face is the only way in: the game, its views and the CLI ask a Sim (src/services/housing-benefit/run.ts)
// for what they show, and never reach the Simulation's columns, which are all writable.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from './helpers';

const root = join(__dirname, '../..');
const outside = ['src/game', 'src/ui', 'src/office', 'src/cli'].flatMap((dir) => tsFiles(join(root, dir)));

const internals: [RegExp, string][] = [
  [/\bmodelOf\b/, "uses modelOf (the core's own tests and analyses only)"],
  [/from\s+['"][\w./-]*housing-benefit\/(simulation|needTable|claimTable|contactLog|rolePool|fork|cohort)['"]/, 'imports the sim’s internals'],
  [/\.model\.(needs|claims|contacts|roles|journeyOf|offers)\b/, 'reaches into a sim’s model'],
];

describe('views and the CLI use the public sim', () => {
  it('has files to check', () => {
    expect(outside.length).toBeGreaterThan(20);
  });
  for (const file of outside) {
    const name = relative(root, file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      for (const [pattern, why] of internals) expect(pattern.test(text), `${name} ${why}`).toBe(false);
    });
  }
});
