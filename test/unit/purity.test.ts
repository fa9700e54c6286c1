// The core's boundary, enforced: the engine, the services and the sim's public API import no
// Phaser, zustand or DOM, and call no clock or unseeded randomness. (tsconfig.core.json also
// compiles them without the DOM library.)
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from './helpers';

const root = join(__dirname, '../..');
const files = ['src/engine', 'src/services'].filter((dir) => existsSync(join(root, dir))).flatMap((dir) => tsFiles(join(root, dir)));

const forbidden: [RegExp, string][] = [
  [/from\s+['"](phaser|zustand)/, 'imports Phaser or zustand'],
  [/from\s+['"]node:/, 'imports a Node module'],
  [/\b(window|document|localStorage|navigator)\s*\./, 'touches a DOM global'],
  [/Math\.random/, 'calls Math.random'],
  [/Date\.now|new Date\(/, 'reads the clock'],
  [/performance\.now/, 'reads the clock'],
  [/Math\.(log|exp|pow|sin|cos|tan|log1p|expm1|log2|log10|cbrt)\b/, 'uses engine-dependent Math (use exactMath)'],
  [/[\w)\]]\s*\*\*\s*[A-Za-z_(]/, 'uses ** with a variable exponent'],
];

describe('the core stays pure', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    const name = relative(root, file);
    it(name, () => {
      // Comments may name what the code must not do; only the code is checked.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
      for (const [pattern, why] of forbidden) {
        expect(pattern.test(text), `${name} ${why}`).toBe(false);
      }
    });
  }
});
