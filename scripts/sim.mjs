#!/usr/bin/env node
// npm run sim: the headless runner (src/cli/main.ts) without tsx's start-up.
//   node scripts/sim.mjs --level front-desk --days 1      (what npm run sim -- ... runs)
// The CLI is bundled with esbuild into one ESM file under node_modules/.cache/its-the-system/
// (git-ignored with node_modules), rebuilt only when a file under src/ or levels/, the lock
// files, tsconfig.json or this launcher has changed (paths, sizes and mtimes, fingerprinted into
// the bundle's first line, so bundle and fingerprint are replaced together by one rename). The
// bundle's main() is then called in this process: same output, same exit codes as tsx.
// Without esbuild (or if the bundle cannot be built or written) it runs tsx as before, with a
// one-line note on stderr. ITS_THE_SYSTEM_SIM=tsx always runs tsx (debugging with .ts stack
// traces); ITS_THE_SYSTEM_SIM_CACHE=<dir> keeps the bundle elsewhere (the launcher's own test).
// `npx tsx src/cli/main.ts ...` still works and is what the tests run in-process.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');
const cacheDir = process.env.ITS_THE_SYSTEM_SIM_CACHE ? resolve(process.env.ITS_THE_SYSTEM_SIM_CACHE) : join(root, 'node_modules', '.cache', 'its-the-system');
const bundle = join(cacheDir, 'cli.mjs');
const MARK = '// its-the-system sim bundle';
const args = process.argv.slice(2);

/** Every input of the bundle, as path:size:mtime lines, hashed. A missing file is a line too. */
function fingerprint() {
  const lines = [`node-target:node20`];
  const add = (path) => {
    try {
      const s = statSync(path);
      lines.push(`${relative(root, path)}:${s.size}:${s.mtimeMs}`);
    } catch {
      lines.push(`${relative(root, path)}:missing`);
    }
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      lines.push(`${relative(root, dir)}/:missing`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else add(p);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'levels'));
  for (const f of ['package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'scripts/sim.mjs']) add(join(root, f));
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
}

/** The fingerprint written in the bundle's first line, or null if there is no bundle. */
function bundledFingerprint() {
  let fd;
  try {
    fd = openSync(bundle, 'r');
    const buf = Buffer.alloc(MARK.length + 40);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const m = /^(.*?) ([0-9a-f]{32})\n/.exec(buf.toString('utf8', 0, n));
    return m && m[1] === MARK ? m[2] : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Builds the bundle; returns null, or why it could not (then tsx runs instead). */
async function build(fp) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    return `esbuild is not available (${firstLine(e)})`;
  }
  let text;
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // As tsx transforms: functions and classes keep their names even where bundling renames them.
      keepNames: true,
      write: false,
      logLevel: 'silent',
      // CommonJS dependencies (seedrandom) may require Node's built-ins, as they can under tsx.
      banner: {
        js: `${MARK} ${fp}\nimport { createRequire as __simCreateRequire } from 'node:module';\nconst require = __simCreateRequire(import.meta.url);`,
      },
    });
    text = result.outputFiles.find((f) => f.path === bundle)?.text;
    if (text === undefined) return 'esbuild wrote no bundle';
  } catch (e) {
    const first = e?.errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
    return `the bundle could not be built (${first ? `${where}${first.text}` : firstLine(e)})`;
  } finally {
    await esbuild.stop?.();
  }
  const tmp = `${bundle}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, bundle); // atomic: a run started meanwhile sees the old bundle or the new, whole
  } catch (e) {
    rmSync(tmp, { force: true });
    return `the bundle could not be written to ${cacheDir} (${firstLine(e)})`;
  }
  return null;
}

function firstLine(e) {
  return String(e?.message ?? e).split('\n')[0];
}

/** The runner as it was: tsx on the TypeScript source, its output and exit code passed through. */
function runTsx() {
  let cli;
  try {
    cli = createRequire(import.meta.url).resolve('tsx/cli');
  } catch (e) {
    process.stderr.write(`sim: cannot run the simulator: tsx is not available either (${firstLine(e)}); run npm ci\n`);
    return 1;
  }
  const r = spawnSync(process.execPath, [cli, entry, ...args], { stdio: 'inherit' });
  if (r.error) {
    process.stderr.write(`sim: cannot run tsx: ${firstLine(r.error)}\n`);
    return 1;
  }
  if (r.signal) {
    process.kill(process.pid, r.signal);
    return 1;
  }
  return r.status ?? 1;
}

async function run() {
  if (process.env.ITS_THE_SYSTEM_SIM === 'tsx') return runTsx();
  const fp = fingerprint();
  if (bundledFingerprint() !== fp) {
    const problem = await build(fp);
    if (problem) {
      process.stderr.write(`sim: ${problem}; running the simulator with tsx instead (slower start-up)\n`);
      return runTsx();
    }
  }
  const { main } = await import(pathToFileURL(bundle).href);
  // Writes go straight to the streams (synchronous for files and pipes on Linux); the process ends
  // by itself once they are flushed: exitCode is set, process.exit is never called.
  return main(
    args,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}

// A reader that stops early (`npm run sim | head`) closes the pipe: that ends the output, not in a crash.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
process.exitCode = await run();
