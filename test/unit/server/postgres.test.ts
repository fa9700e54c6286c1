// The session service on a real Postgres (scripts/postgres.mjs: DATABASE_URL, else the project's
// own throwaway cluster, set up by `npm test`'s setup), in a database of this file's own: the store
// (sessions, seats, updates, commands, and each of them raced), the app through HTTP, and two
// servers on two connection pools sharing one database, each waking the other's event streams by
// LISTEN/NOTIFY, even after the database has killed their LISTEN connections.
//
// Where no Postgres can be had (no binaries and no way to install them) it fails, saying why.
// The tests under "when Postgres misbehaves" each failed before its fault in src/server was mended.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Hono } from 'hono';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensurePostgres, freshDatabase } from '../../../scripts/postgres.mjs';
import type { Dashboard, Seat, SessionConfig, TeamSummary } from '../../../src/room/protocol';
import { sessionConfigSchema } from '../../../src/room/protocol';
import { teamSummary } from '../../../src/room/summary';
import { sessionLevel, sessionModel } from '../../../src/room/verify';
import { type Action, type ActionInput, createSim, DAY } from '../../../src/services/housing-benefit';
import { createApp } from '../../../src/server/app';
import type { Db } from '../../../src/server/db';
import { type Change, Hub } from '../../../src/server/hub';
import { openPostgres } from '../../../src/server/postgresDb';
import { RoomStore } from '../../../src/server/roomStore';
import { inlineVerifier } from '../../../src/server/verifier';

/** The test Postgres: `npm test`'s setup provides one; without it this file fails, saying why (it never skips). */
const postgres = { url: await ensurePostgres() };
const onPostgres = 'on Postgres';

const config: SessionConfig = sessionConfigSchema.parse({
  title: 'Postgres cohort',
  level: 'front-desk',
  seed: 7,
  phases: [
    { label: 'Week one', untilDay: 7 },
    { label: 'The rest', untilDay: 30 },
  ],
});
const model = sessionModel(config);

/** The keep-alive of both servers' streams: a dashboard within less than this came from a NOTIFY. */
const HEARTBEAT_MS = 2500;

interface Step {
  actions: Action[];
  summary: TeamSummary;
}

/** A real run of the session's level: each step is one update a team sends. */
function play(plan: readonly { day: number; actions?: ActionInput[] }[]): Step[] {
  const sim = createSim(sessionLevel(config), config.seed, config.regime);
  let sent = 0;
  return plan.map(({ day, actions = [] }) => {
    for (const a of actions) sim.apply(a);
    sim.advanceTo(day * DAY);
    // As it goes over the wire (the sim's first minute is -0, which JSON writes as 0).
    const fresh = JSON.parse(JSON.stringify(sim.actions.slice(sent))) as Action[];
    sent = sim.actions.length;
    return { actions: fresh, summary: JSON.parse(JSON.stringify(teamSummary(sim))) as TeamSummary };
  });
}
const run = play([
  { day: 2, actions: [{ kind: 'staff', role: 'clerk', count: 3 }] },
  { day: 4, actions: [{ kind: 'staff', role: 'clerk', count: 2 }] },
  { day: 6 },
]);
const updateBody = (seq: number, step: Step, change: Partial<{ summary: unknown; actions: unknown[] }> = {}) => ({
  seq,
  model,
  actions: step.actions,
  summary: step.summary,
  ...change,
});

let clock = Date.UTC(2026, 2, 3, 9, 0);
const now = () => clock;

interface Server {
  db: Db;
  store: RoomStore;
  hub: Hub;
  app: Hono;
}

/** One server of the service: its own connection pool (and LISTEN connection) to the database. */
async function server(url: string): Promise<Server> {
  const db = await openPostgres(url);
  const store = await RoomStore.open(db);
  const hub = await Hub.open(db);
  const app = createApp({ store, hub, verifier: inlineVerifier(), now, publicUrl: 'http://room.test', heartbeatMs: HEARTBEAT_MS });
  return { db, store, hub, app };
}

function call(s: Server, path: string, init: { token?: string; body?: unknown; method?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return Promise.resolve(s.app.request(path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }));
}

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function refused(res: Response | Promise<Response>, status: number): Promise<string> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return (JSON.parse(text) as { error: string }).error;
}

interface Created {
  code: string;
  trainerToken: string;
}
interface Joined {
  teamId: string;
  token: string;
}
const createSession = (s: Server) => ok<Created>(call(s, '/api/sessions', { body: config }), 201);
const joinTeam = (s: Server, code: string, name: string) => {
  clock += 1; // teams are listed in the order they joined
  return ok<Joined>(call(s, `/api/sessions/${code}/teams`, { body: { name } }), 201);
};
const sendUpdate = (s: Server, token: string, body: object) => call(s, '/api/team/updates', { token, body });
const command = (s: Server, session: Created, body: object) => call(s, `/api/sessions/${session.code}/commands`, { token: session.trainerToken, body });

// --- Server-Sent Events -------------------------------------------------------------------------

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads a text/event-stream body event by event (keep-alive comments skipped). */
function sse(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const parse = (block: string): SseEvent | null => {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      any = true;
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    return any ? { event, id, data: data.join('\n') } : null;
  };
  async function next(timeoutMs: number): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const e = parse(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
        if (e) return e;
        continue;
      }
      pending ??= reader.read();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
      });
      const got = await Promise.race([pending, timeout]);
      clearTimeout(timer);
      if (got === 'timeout') throw new Error(`no event in ${timeoutMs} ms`);
      pending = null;
      if (got.done) throw new Error('the event stream ended');
      buffer += decoder.decode(got.value, { stream: true });
    }
  }
  /** The next event that passes `test`, skipping others. */
  async function until(test: (e: SseEvent) => boolean, timeoutMs = 4000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await next(Math.max(1, deadline - Date.now()));
      if (test(e)) return e;
    }
  }
  return { until, cancel: () => reader.cancel() };
}
const isCommand = (e: SseEvent) => e.event === 'command';
const dashboardOf = (e: SseEvent) => JSON.parse(e.data) as Dashboard;

// --- The database of this file -----------------------------------------------------------------

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
/** A connection of the test's own, for looking into the database and killing connections. */
let admin: pg.Client;
let a: Server;
let b: Server;

beforeAll(async () => {
  fresh = await freshDatabase(postgres.url, 'its_the_system_unit');
  admin = new pg.Client({ connectionString: fresh.url });
  await admin.connect();
  // One after the other: two servers opening an empty database at once is a known fault (below).
  a = await server(fresh.url);
  b = await server(fresh.url);
}, 60_000);

afterAll(async () => {
  // Every event stream has closed (and told the store) before the pools go.
  await vi.waitFor(() => expect(a.hub.size + b.hub.size).toBe(0), { timeout: HEARTBEAT_MS * 4 });
  await a.db.close();
  await b.db.close();
  await admin.end();
  await fresh.drop();
}, 60_000);

// Each test starts with every rate-limit bucket full again.
beforeEach(() => {
  clock += 10 * 60_000;
});

/** The LISTEN connections in this file's database (the servers' own, one each). */
const listening = async () =>
  (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`)).rows[0]!.n;

describe(`the store ${onPostgres}`, () => {
  it('is on Postgres, with its tables in a database of its own', async () => {
    expect(a.db.kind).toBe('postgres');
    expect(await ok(call(a, '/api/health'))).toEqual({ ok: true, db: 'postgres', listeners: 0 });
    const tables = await admin.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'room_%' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['room_event', 'room_session', 'room_team', 'room_update']));
    // Opening it again (another server starting later) changes nothing.
    await RoomStore.open(a.db);
  });

  it('stores a session and refuses its code again; numbers and JSON come back as they went in', async () => {
    expect(await a.store.createSession('CCCCCC', 'hash', config, 1_234.5)).toBe(true);
    expect(await b.store.createSession('CCCCCC', 'other', config, 2)).toBe(false);
    const row = await b.store.session('CCCCCC');
    expect(row).toEqual({ code: 'CCCCCC', trainerTokenHash: 'hash', config, lastEvent: 0, createdAt: 1_234.5 });
    expect(await a.store.session('NNNNNN')).toBeNull();
  });

  it('seats teams up to the limit, a name taken in any case refused', async () => {
    await a.store.createSession('FFFFFF', 'hash', config, 1);
    expect(await a.store.addTeam('FFFFFF', 't1', 'h1', 'Herons', 10, 2)).toMatchObject({ code: 'FFFFFF', teamId: 't1', name: 'Herons', seq: 0, summary: null });
    expect(await b.store.addTeam('FFFFFF', 't2', 'h2', 'HERONS', 11, 2)).toBe('name-taken');
    expect(await b.store.addTeam('FFFFFF', 't2', 'h2', 'Egrets', 11, 2)).toMatchObject({ name: 'Egrets', joinedAt: 11 });
    expect(await a.store.addTeam('FFFFFF', 't3', 'h3', 'Storks', 12, 2)).toBe('full');
    expect((await b.store.teams('FFFFFF')).map((t) => t.name)).toEqual(['Herons', 'Egrets']);
    expect((await a.store.teamByToken('h2'))!.teamId).toBe('t2');
  });

  it('seats only up to the limit, and no name twice, when many join at once through both servers', async () => {
    await a.store.createSession('MMMMMM', 'hash', config, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).store.addTeam('MMMMMM', `t${i}`, `m${i}`, i < 4 ? 'Same name' : `Team ${i}`, i, 6)),
    );
    const seated = await a.store.teams('MMMMMM');
    expect(seated).toHaveLength(6);
    expect(outcomes.filter((o) => typeof o === 'object')).toHaveLength(6);
    // The first "Same name" to be served may find the session full; the others find the name taken or the session full.
    expect(seated.filter((t) => t.name === 'Same name').length).toBeLessThanOrEqual(1);
    expect(new Set(seated.map((t) => t.name.toLowerCase())).size).toBe(6);
  });

  it('stores updates in order: the next one stored, the same one again a duplicate, other contents a conflict, a gap refused', async () => {
    await a.store.createSession('UUUUUU', 'hash', config, 1);
    const team = { code: 'UUUUUU', teamId: 't1' };
    await a.store.addTeam('UUUUUU', 't1', 'hu', 'Updaters', 1, 5);
    const prepare = (actions: readonly { at: number }[]) => () => ({ ok: true as const, actions });
    const first = { seq: 1, actions: run[0]!.actions, summary: run[0]!.summary };
    expect(await a.store.appendUpdate(team, first, 100, prepare(first.actions))).toEqual({ kind: 'stored' });
    expect(await b.store.appendUpdate(team, first, 101, prepare(first.actions))).toEqual({ kind: 'duplicate' });
    expect(await b.store.appendUpdate(team, { ...first, summary: run[1]!.summary }, 102, prepare(first.actions))).toMatchObject({ kind: 'conflict' });
    expect(await a.store.appendUpdate(team, { seq: 3, actions: [], summary: run[2]!.summary }, 103, prepare([]))).toEqual({ kind: 'gap', expected: 2 });
    // Two servers given update 2 at the same moment: one stores it, the other finds it stored.
    const second = { seq: 2, actions: run[1]!.actions, summary: run[1]!.summary };
    const raced = await Promise.all([a, b, a, b].map((s, i) => s.store.appendUpdate(team, second, 200 + i, prepare(second.actions))));
    expect(raced.map((r) => r.kind).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'stored']);
    expect(await b.store.actionsOf('UUUUUU', 't1')).toEqual([...run[0]!.actions, ...run[1]!.actions]);
    const [stored] = await b.store.teams('UUUUUU');
    expect(stored).toMatchObject({ seq: 2, summary: run[1]!.summary, lastActionAt: Math.max(...[...run[0]!.actions, ...run[1]!.actions].map((x) => x.at)) });
  });

  it('numbers commands from 1 in each session, with no number twice when both servers append at once', async () => {
    await a.store.createSession('EEEEEE', 'hash', config, 1);
    await a.store.createSession('GGGGGG', 'hash', config, 1);
    expect(await a.store.appendEvent('EEEEEE', { kind: 'pause' }, 100)).toEqual({ n: 1, at: 100, command: { kind: 'pause' } });
    expect((await b.store.appendEvent('GGGGGG', { kind: 'reveal' }, 200)).n).toBe(1);
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).store.appendEvent('EEEEEE', { kind: 'broadcast', message: `m${i}` }, 300 + i)),
    );
    expect(many.map((e) => e.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    expect((await a.store.eventsAfter('EEEEEE', 0)).map((e) => e.n)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect((await a.store.session('EEEEEE'))!.lastEvent).toBe(13);
    await expect(a.store.appendEvent('NNNNNN', { kind: 'pause' }, 1)).rejects.toThrow(/no session NNNNNN/);
  });
});

describe(`the app ${onPostgres}`, () => {
  it('makes a session, seats a team, stores its updates (a retry a duplicate, a gap refused) and numbers the commands', async () => {
    const session = await createSession(a);
    // The other server knows it at once: the database is the only state.
    expect(await ok(call(b, `/api/sessions/${session.code}`))).toEqual({ code: session.code, title: 'Postgres cohort', level: 'front-desk' });
    const team = await joinTeam(b, session.code, 'Kestrels');
    expect(await refused(call(a, `/api/sessions/${session.code}/teams`, { body: { name: 'KESTRELS' } }), 409)).toMatch(/has joined already/);

    expect(await ok(sendUpdate(a, team.token, updateBody(1, run[0]!)))).toEqual({ seq: 1 });
    expect(await ok(sendUpdate(b, team.token, updateBody(1, run[0]!)))).toEqual({ seq: 1 });
    expect(await refused(sendUpdate(b, team.token, updateBody(1, run[0]!, { summary: run[1]!.summary })), 409)).toMatch(/already stored with other contents/);
    expect(await refused(sendUpdate(a, team.token, updateBody(3, run[2]!)), 409)).toMatch(/update 3 arrived before update 2: send 2 first/);
    expect(await ok(sendUpdate(b, team.token, updateBody(2, run[1]!)))).toEqual({ seq: 2 });
    const rows = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM room_update WHERE code = $1', [session.code]);
    expect(rows.rows[0]!.n).toBe(2);

    const seat = await ok<Seat>(call(a, '/api/team', { token: team.token }));
    expect(seat.team).toMatchObject({ name: 'Kestrels', seq: 2 });
    expect(seat.actions).toEqual([...run[0]!.actions, ...run[1]!.actions]);
    expect(seat.summary).toEqual(run[1]!.summary);

    expect(await ok(command(a, session, { kind: 'pause' }), 201)).toMatchObject({ n: 1, command: { kind: 'pause' } });
    expect(await ok(command(b, session, { kind: 'broadcast', message: 'Coffee' }), 201)).toMatchObject({ n: 2 });
    expect(await ok(command(a, session, { kind: 'release', phase: 1 }), 201)).toMatchObject({ n: 3 });
    const d = await ok<Dashboard>(call(b, `/api/sessions/${session.code}/dashboard`, { token: session.trainerToken }));
    expect(d.room).toMatchObject({ paused: true, phase: 1, gateDay: 30, message: 'Coffee', lastEvent: 3 });
    expect(d.teams.map((t) => [t.name, t.seq])).toEqual([['Kestrels', 2]]);
    // The team's figures re-simulated, the verdict stored, and the export has it all.
    const verified = await ok<Dashboard>(call(a, `/api/sessions/${session.code}/verify`, { method: 'POST', token: session.trainerToken }));
    expect(verified.teams[0]!.verdict).toEqual({ verified: true, at: run[1]!.summary.at });
    const exported = await ok<{ events: { n: number }[]; teams: { actions: unknown[]; verdict: unknown }[] }>(
      call(b, `/api/sessions/${session.code}/export.json`, { token: session.trainerToken }),
    );
    expect(exported.events.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(exported.teams[0]).toMatchObject({ actions: seat.actions, verdict: { verified: true } });
  });
});

describe(`two servers sharing one database ${onPostgres}`, () => {
  it("wakes the other server's listeners by NOTIFY, for the session listened to only", async () => {
    const heard: string[] = [];
    const stopA = a.hub.subscribe('AAAAAA', (c: Change) => heard.push(`A:${c}`));
    const stopD = b.hub.subscribe('DDDDDD', (c: Change) => heard.push(`D:${c}`));
    try {
      await b.hub.publish('AAAAAA', 'event');
      await a.hub.publish('DDDDDD', 'update');
      await b.hub.publish('ZZZZZZ', 'team');
      await vi.waitFor(() => expect(heard.sort()).toEqual(['A:event', 'D:update']), { timeout: 3000 });
    } finally {
      stopA();
      stopD();
    }
  });

  it('sends a team whose event stream is on server A a command posted through server B', async () => {
    const session = await createSession(b);
    const team = await joinTeam(a, session.code, 'Swifts');
    const events = sse(await call(a, `/api/team/events?token=${encodeURIComponent(team.token)}`));
    try {
      expect(JSON.parse((await events.until((e) => e.event === 'hello')).data)).toEqual({ after: 0 });
      const posted = await ok<{ n: number }>(command(b, session, { kind: 'broadcast', message: 'From the other server' }), 201);
      // A team's stream never polls: this arrives because B's NOTIFY woke A.
      const got = await events.until(isCommand, 3000);
      expect(got.id).toBe(String(posted.n));
      expect(JSON.parse(got.data)).toMatchObject({ n: 1, command: { kind: 'broadcast', message: 'From the other server' } });
      await ok(command(b, session, { kind: 'pause' }), 201);
      await ok(command(a, session, { kind: 'resume' }), 201);
      const next = [await events.until(isCommand, 3000), await events.until(isCommand, 3000)];
      expect(next.map((e) => [e.id, JSON.parse(e.data).command.kind])).toEqual([
        ['2', 'pause'],
        ['3', 'resume'],
      ]);
    } finally {
      await events.cancel();
    }
  });

  it("updates a trainer's dashboard stream on server B after a team's update through server A", async () => {
    const session = await createSession(a);
    const team = await joinTeam(a, session.code, 'Plovers');
    const heardOnB: Change[] = [];
    const stop = b.hub.subscribe(session.code, (c) => heardOnB.push(c));
    const stream = sse(await call(b, `/api/sessions/${session.code}/stream`, { token: session.trainerToken }));
    try {
      const first = await stream.until((e) => e.event === 'dashboard');
      expect(dashboardOf(first).teams.map((t) => [t.name, t.seq])).toEqual([['Plovers', 0]]);
      const sent = Date.now();
      expect(await ok(sendUpdate(a, team.token, updateBody(1, run[0]!)))).toEqual({ seq: 1 });
      const after = await stream.until((e) => e.event === 'dashboard' && dashboardOf(e).teams[0]!.seq === 1, 3000);
      // Sooner than the stream's own keep-alive would have sent it: the NOTIFY did.
      expect(Date.now() - sent).toBeLessThan(HEARTBEAT_MS - 500);
      expect(dashboardOf(after).teams[0]!.summary).toEqual(run[0]!.summary);
      expect(heardOnB).toContain('update');
    } finally {
      stop();
      await stream.cancel();
    }
  });

  it('listens again after the database kills the LISTEN connections, and a later command still arrives', async () => {
    const session = await createSession(b);
    const team = await joinTeam(a, session.code, 'Terns');
    const events = sse(await call(a, `/api/team/events?token=${encodeURIComponent(team.token)}`));
    try {
      await events.until((e) => e.event === 'hello');
      await ok(command(b, session, { kind: 'broadcast', message: 'before' }), 201);
      expect((await events.until(isCommand, 3000)).id).toBe('1');

      expect(await listening()).toBe(2);
      const killed = await admin.query<{ killed: boolean }>(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
      );
      expect(killed.rows.map((r) => r.killed)).toEqual([true, true]);
      // Posted while neither server listens: its NOTIFY reaches no one.
      await ok(command(b, session, { kind: 'broadcast', message: 'while deaf' }), 201);
      // Both servers listen again (a second after the drop, on a new connection).
      await vi.waitFor(async () => expect(await listening()).toBe(2), { timeout: 10_000, interval: 100 });
      await ok(command(b, session, { kind: 'broadcast', message: 'after' }), 201);
      // The later command wakes A, which sends everything after the last one the team heard.
      const got = [await events.until(isCommand, 3000), await events.until(isCommand, 3000)];
      expect(got.map((e) => [e.id, JSON.parse(e.data).command.message])).toEqual([
        ['2', 'while deaf'],
        ['3', 'after'],
      ]);
      // Both servers carry on, the database as before.
      expect(await ok(call(a, '/api/health'))).toMatchObject({ ok: true, db: 'postgres' });
      expect(await ok(call(b, '/api/health'))).toMatchObject({ ok: true, db: 'postgres' });
    } finally {
      await events.cancel();
    }
  });
});

// --- When Postgres misbehaves: each of these failed before src/server was mended -------------------

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe(`when Postgres misbehaves, ${onPostgres}`, () => {
  it('opens an empty database from two servers starting at once (roomStore.ts: CREATE TABLE IF NOT EXISTS races)', async () => {
    const db = await freshDatabase(postgres.url, 'its_the_system_race');
    const pools = await Promise.all([openPostgres(db.url), openPostgres(db.url)]);
    try {
      const opened = await Promise.allSettled(pools.map((p) => RoomStore.open(p)));
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'opened'))).toEqual(['opened', 'opened']);
    } finally {
      for (const p of pools) await p.close();
      await db.drop();
    }
  });

  it('listens again even when the database refuses connections for a few seconds (postgresDb.ts: one retry only)', async () => {
    const db = await freshDatabase(postgres.url, 'its_the_system_retry');
    const other = await openPostgres(db.url);
    const deaf = await openPostgres(db.url); // its only connection is the LISTEN one
    const hub = await Hub.open(deaf);
    const heard: Change[] = [];
    hub.subscribe('RRRRRR', (c) => heard.push(c));
    const root = new pg.Client({ connectionString: postgres.url });
    await root.connect();
    try {
      await root.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
      await root.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [db.name]);
      await new Promise((r) => setTimeout(r, 2000));
      await root.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
      await vi.waitFor(
        async () => {
          await other.notify('its_the_system_room', 'RRRRRR:event');
          await new Promise((r) => setTimeout(r, 100));
          expect(heard).toContain('event');
        },
        { timeout: 8000, interval: 500 },
      );
    } finally {
      await root.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
      await root.end();
      await deaf.close();
      await other.close();
      await db.drop();
    }
  });

  it('sends a command posted while the LISTEN connection was down once it is back, with no later command (hub.ts: missed NOTIFYs are not made up)', async () => {
    const session = await createSession(b);
    const team = await joinTeam(a, session.code, 'Gannets');
    const events = sse(await call(a, `/api/team/events?token=${encodeURIComponent(team.token)}`));
    try {
      await events.until((e) => e.event === 'hello');
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'");
      await ok(command(b, session, { kind: 'broadcast', message: 'while deaf' }), 201);
      await vi.waitFor(async () => expect(await listening()).toBe(2), { timeout: 10_000, interval: 100 });
      expect(JSON.parse((await events.until(isCommand, 5000)).data).command.message).toBe('while deaf');
    } finally {
      await events.cancel();
    }
  });

  it('a server lives on when the database drops its idle connections, as in a Postgres restart (postgresDb.ts: no pool error handler)', async () => {
    const db = await freshDatabase(postgres.url, 'its_the_system_idle');
    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db.url, GAME_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    const url = `http://127.0.0.1:${port}`;
    try {
      await vi.waitFor(async () => expect((await fetch(`${url}/api/health`)).ok).toBe(true), { timeout: 30_000, interval: 200 });
      // Busy enough to keep a few idle connections in its pool.
      await Promise.all(
        Array.from({ length: 4 }, () =>
          fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) }),
        ),
      );
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);
      await new Promise((r) => setTimeout(r, 1500));
      // What it printed as it died (not its QR code, nor the dump of the client that follows).
      const died = output.search(/Unhandled|error:/);
      expect(child.exitCode, died < 0 ? output.slice(-800) : output.slice(died, died + 400)).toBeNull();
      expect((await fetch(`${url}/api/health`)).ok).toBe(true);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await db.drop();
    }
  });
});
