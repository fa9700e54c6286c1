// The core's boundary, enforced: src/sim imports no Phaser, zustand or DOM, and calls no clock
// or unseeded randomness. (Its own tsconfig also compiles it without the DOM library.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const simDir = join(__dirname, '../../src/sim');
const files = readdirSync(simDir).filter((f) => f.endsWith('.ts'));

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

describe('src/sim stays pure', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(file, () => {
      // Comments may name what the code must not do; only the code is checked.
      const text = readFileSync(join(simDir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
      for (const [pattern, why] of forbidden) {
        expect(pattern.test(text), `${file} ${why}`).toBe(false);
      }
    });
  }
});
