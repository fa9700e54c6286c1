#!/usr/bin/env node
// A throwaway Postgres for the tests, and nothing to do when it is already there.
//   node scripts/postgres.mjs          prints its URL (starting, creating or installing it first)
//   node scripts/postgres.mjs --stop   stops it (its data stays for the next run)
// DATABASE_URL, when set, is used as it is. Otherwise: Debian's postgresql package (installed with
// apt-get when we are root and it is missing), and a private cluster of our own in
// node_modules/.cache/its-the-system/postgres: 127.0.0.1 only, on a free port from 54329, trust
// authentication (for local tests only: never a real service's data), fsync off. As root, initdb
// and the server run as the postgres user (initdb refuses root). It keeps running between runs:
// the next one connects in a few milliseconds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'its-the-system');
const DATABASE = 'its_the_system_test';
const USER = 'postgres';
const FIRST_PORT = 54329;

const log = (message) => console.error(`[postgres] ${message}`);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Postgres cannot be had here (no binaries and no way to install them): the tests skip, saying why. */
export class PostgresUnavailable extends Error {
  constructor(message) {
    super(message);
    this.name = 'PostgresUnavailable';
  }
}

/** The folder of initdb, pg_ctl and postgres: PG_BIN, else the newest of Debian's, else initdb on the PATH. */
function findBinDir() {
  const has = (dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
  if (process.env.PG_BIN && has(process.env.PG_BIN)) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && has(join(debian, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && has(dir)) return dir;
  return null;
}

function install() {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
    throw new PostgresUnavailable(
      `Postgres is not installed (no initdb, pg_ctl and postgres found) and cannot be installed here (${isRoot() ? 'no apt-get' : 'not root'}): install Debian's postgresql package, set PG_BIN to its bin folder, or set DATABASE_URL`,
    );
  }
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'postgresql'],
  ]) {
    log(`apt-get ${args.join(' ')}`);
    // Its output goes to stderr: stdout is the URL alone.
    execFileSync('/usr/bin/apt-get', args, { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const bin = findBinDir();
  if (!bin) throw new Error('apt-get installed postgresql but no initdb was found under /usr/lib/postgresql: set PG_BIN');
  return bin;
}

/** Runs a Postgres program as the user that owns the cluster (postgres, when we are root). */
function asOwner(file, args, opts = {}) {
  const options = { stdio: ['ignore', 2, 2], cwd: '/', ...opts };
  if (!isRoot()) return execFileSync(file, args, options);
  // By their paths: runuser (util-linux), else su.
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));
  if (runuser) return execFileSync(runuser, ['-u', USER, '--', file, ...args], options);
  const quoted = [file, ...args].map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');
  return execFileSync(existsSync('/bin/su') ? '/bin/su' : '/usr/bin/su', [USER, '-s', '/bin/sh', '-c', quoted], options);
}

/** Whether the postgres user can reach a folder (a project under /root cannot be). */
function ownerCanReach(dir) {
  if (!isRoot()) return true;
  try {
    asOwner('test', ['-x', dir, '-a', '-w', dir]);
    return true;
  } catch {
    return false;
  }
}

const inCache = join(cacheDir, 'postgres');
/** Where the cluster lives when the postgres user cannot reach the project's cache (a project under /root). */
const inTmp = join('/tmp', `its-the-system-postgres-${Buffer.from(root).toString('hex').slice(-12)}`);

/** Where the cluster lives: the project's cache, or a folder in /tmp when the postgres user cannot reach it. */
function clusterDir() {
  if (!isRoot()) return inCache;
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    throw new PostgresUnavailable(`we are root and there is no "${USER}" user to run the server as (initdb refuses root): install Debian's postgresql package`);
  }
  mkdirSync(inCache, { recursive: true });
  execFileSync('chown', [USER, inCache]);
  if (ownerCanReach(inCache)) return inCache;
  log(`the ${USER} user cannot reach ${inCache}: the cluster lives in ${inTmp}`);
  mkdirSync(inTmp, { recursive: true });
  execFileSync('chown', [USER, inTmp]);
  return inTmp;
}

const urlOf = (port, database = DATABASE) => `postgres://${USER}@127.0.0.1:${port}/${database}`;

async function pgModule() {
  return (await import('pg')).default;
}

/**
 * Connects to the server on `port`; null if nothing answers there, or what answers is another
 * cluster than ours (its data directory is not `dataDir`).
 */
async function ours(port, dataDir) {
  const pg = await pgModule();
  const client = new pg.Client({ connectionString: urlOf(port, 'postgres'), connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const [{ data_directory: dir }] = (await client.query('SHOW data_directory')).rows;
    if (dir !== dataDir) {
      await client.end();
      return null;
    }
    return client;
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
}

async function ensureDatabase(client) {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (rowCount === 0) {
    try {
      await client.query(`CREATE DATABASE ${DATABASE}`);
      log(`created database ${DATABASE}`);
    } catch (e) {
      if (e.code !== '42P04') throw e; // made by another run at the same moment
    }
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort() {
  for (let port = FIRST_PORT; port < FIRST_PORT + 100; port++) if (await portFree(port)) return port;
  throw new Error(`no free port from ${FIRST_PORT} to ${FIRST_PORT + 99} for the test Postgres`);
}

/** One run at a time sets the cluster up (a second waits, then finds it running). */
async function withLock(dir, work) {
  const lock = join(dir, 'setup.lock');
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock left by a run that died: older than two minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > until) throw new Error(`another run holds ${lock}: remove it if no setup is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readPort(dir) {
  try {
    const port = Number(readFileSync(join(dir, 'port'), 'utf8').trim());
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** Fast: the cluster already running, our database in it. */
async function running(dir) {
  const port = readPort(dir);
  if (port === null || !existsSync(join(dir, 'data', 'PG_VERSION'))) return null;
  const client = await ours(port, join(dir, 'data'));
  if (!client) return null;
  try {
    await ensureDatabase(client);
  } finally {
    await client.end();
  }
  return urlOf(port);
}

function initCluster(bin, dir) {
  const data = join(dir, 'data');
  rmSync(data, { recursive: true, force: true });
  log(`initdb ${data}`);
  asOwner(join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'], { stdio: ['ignore', 'ignore', 2] });
  // Settings for a throwaway test server. The port is given when it starts.
  appendFileSync(
    join(data, 'postgresql.conf'),
    [
      '',
      '# its-the-system: a throwaway cluster for tests (scripts/postgres.mjs)',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 200',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
}

async function start(bin, dir) {
  const data = join(dir, 'data');
  // A stopped server's last port if it is still free, else the first free one.
  const last = readPort(dir);
  const port = last !== null && (await portFree(last)) ? last : await freePort();
  log(`starting the cluster in ${data} on 127.0.0.1:${port}`);
  try {
    asOwner(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port}`, 'start'], {
      stdio: ['ignore', 'ignore', 2],
    });
  } catch (e) {
    let tail = '';
    try {
      tail = readFileSync(join(dir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      // no log
    }
    throw new Error(`pg_ctl could not start the test Postgres (${e.message.split('\n')[0]}); the end of ${join(dir, 'server.log')}:\n${tail}`);
  }
  writeFileSync(join(dir, 'port'), `${port}\n`);
  return port;
}

/** Whether pg_ctl finds a server running on the data folder. */
function pgCtlStatus(bin, data) {
  try {
    asOwner(join(bin, 'pg_ctl'), ['-D', data, 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The URL of a Postgres for the tests: DATABASE_URL if set, else our own cluster, set up and
 * started as needed (and Debian's package installed when missing). Throws PostgresUnavailable
 * when there is no way to have one here; any other error is a real failure.
 */
export async function ensurePostgres() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  // The fast path touches no binaries: connect, check, done.
  for (const dir of [inCache, inTmp]) {
    if (!existsSync(join(dir, 'port'))) continue;
    const url = await running(dir);
    if (url) return url;
  }
  const bin = findBinDir() ?? install();
  const dir = clusterDir();
  return withLock(dir, async () => {
    const again = await running(dir);
    if (again) return again;
    const data = join(dir, 'data');
    if (!existsSync(join(data, 'PG_VERSION'))) initCluster(bin, dir);
    else if (pgCtlStatus(bin, data)) {
      // Running, but not where the port file says (or not answering): stop it and start afresh.
      log('the cluster runs but does not answer on its port: restarting it');
      asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { stdio: ['ignore', 'ignore', 2] });
    }
    const port = await start(bin, dir);
    const client = await ours(port, data);
    if (!client) throw new Error(`the test Postgres started on port ${port} but does not answer there`);
    try {
      await ensureDatabase(client);
    } finally {
      await client.end();
    }
    return urlOf(port);
  });
}

/** Stops the test cluster if it runs; its data stays for the next run. */
export function stopPostgres() {
  const bin = findBinDir();
  for (const dir of [inCache, inTmp]) {
    const data = join(dir, 'data');
    if (bin && existsSync(join(data, 'PG_VERSION')) && pgCtlStatus(bin, data)) {
      log(`stopping the cluster in ${data}`);
      asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { stdio: ['ignore', 'ignore', 2] });
    }
  }
}

/**
 * A database of its own for one test file, in the server `url` points to: { url, drop }. Where
 * the user may not create databases, a schema of its own instead (the URL sets its search_path).
 */
export async function freshDatabase(url, prefix = 'its_the_system_t') {
  const pg = await pgModule();
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    if (e.code !== '42501') throw e; // not allowed to create databases: a schema instead
    await admin.query(`CREATE SCHEMA ${name}`);
    await admin.end();
    const inSchema = new URL(url);
    inSchema.searchParams.set('options', `-c search_path=${name}`);
    return {
      url: inSchema.toString(),
      name,
      async drop() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).finally(() => c.end());
      },
    };
  }
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // A pool's end() resolves before its connections have gone: wait for them (a connection
        // killed while it closes is an error its pool may have no handler for), then FORCE any
        // that a test left open.
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--stop')) stopPostgres();
    else console.log(await ensurePostgres());
  } catch (e) {
    log(e.message);
    process.exit(e instanceof PostgresUnavailable ? 2 : 1);
  }
}
