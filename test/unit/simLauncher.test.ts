// npm run sim runs scripts/sim.mjs: the CLI bundled with esbuild, rebuilt when a source changes,
// falling back to tsx. Its output and exit codes must be the CLI's own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers';

const root = resolve(import.meta.dirname, '../..');
const launcher = join(root, 'scripts', 'sim.mjs');
const MARK = '// its-the-system sim bundle ';

function sim(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, launcher, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/sim.mjs (npm run sim)', () => {
  it('prints the same JSON report as the CLI itself', () => {
    const args = ['--level', 'front-desk', '--days', '2', '--json'];
    const r = sim(args);
    const expected = runCli(...args);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected.out);
    expect(JSON.parse(r.out)).toMatchObject({ level: 'front-desk', days: 2 });
  });

  it('a bad argument: exit code 2 and the same message', () => {
    const r = sim(['--level', 'front-desk', '--days', 'two']);
    const expected = runCli('--level', 'front-desk', '--days', 'two');
    expect(expected.code).toBe(2);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(expected.err);
  });

  it('builds the bundle once, reuses it, and rebuilds it when its fingerprint is stale', () => {
    const cache = mkdtempSync(join(tmpdir(), 'its-the-system-sim-'));
    const bundle = join(cache, 'cli.mjs');
    const env = { ITS_THE_SYSTEM_SIM_CACHE: cache };
    const args = ['--level', 'front-desk', '--days', '1'];
    const expected = runCli(...args).out;

    const first = sim(args, env);
    expect(first).toEqual({ code: 0, out: expected, err: '' });
    const text = readFileSync(bundle, 'utf8');
    const fingerprint = text.slice(0, text.indexOf('\n'));
    expect(fingerprint).toMatch(/^\/\/ its-the-system sim bundle [0-9a-f]{32}$/);
    const built = statSync(bundle);

    expect(sim(args, env)).toEqual({ code: 0, out: expected, err: '' });
    const reused = statSync(bundle);
    expect([reused.ino, reused.mtimeMs]).toEqual([built.ino, built.mtimeMs]);

    // As if a source had changed since the bundle was built: another fingerprint in its first line.
    writeFileSync(bundle, `${MARK}${'0'.repeat(32)}\n${text.slice(text.indexOf('\n') + 1)}`);
    expect(sim(args, env)).toEqual({ code: 0, out: expected, err: '' });
    const rebuilt = readFileSync(bundle, 'utf8');
    expect(rebuilt.slice(0, rebuilt.indexOf('\n'))).toBe(fingerprint);
  });

  it('without esbuild, runs tsx as before, with a one-line note', () => {
    const cache = mkdtempSync(join(tmpdir(), 'its-the-system-sim-'));
    // A loader hook that makes `import('esbuild')` fail, as on a machine without it.
    const hook = join(cache, 'no-esbuild.mjs');
    writeFileSync(hook, `export async function resolve(s, c, next) { if (s === 'esbuild') throw new Error('no esbuild here'); return next(s, c); }\n`);
    const register = join(cache, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);

    const args = ['--level', 'front-desk', '--days', '2', '--json'];
    const r = sim(args, { ITS_THE_SYSTEM_SIM_CACHE: cache }, ['--import', register]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(runCli(...args).out);
    expect(r.err).toBe('sim: esbuild is not available (no esbuild here); running the simulator with tsx instead (slower start-up)\n');

    const bad = sim(['--bogus'], { ITS_THE_SYSTEM_SIM: 'tsx' });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(runCli('--bogus').err);
  });
});
