// Result codes into a session, through the HTTP interface: a trainer pastes codes of runs played
// alone; each that fits the session becomes a team (its log, its re-simulated figures, its
// verdict) on the dashboard and in the exports, once however often it is pasted; each that does
// not is refused, saying what differs. One in-memory PGlite for the file.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, type SessionConfig, sessionConfigSchema } from '../../../src/room/protocol';
import { encodeResultCode, type ImportResult, MAX_CODE_CHARS, MAX_CODES_PER_IMPORT, type ResultRun, summaryDigest } from '../../../src/room/resultCode';
import { teamSummary } from '../../../src/room/summary';
import { sessionLevel, sessionModel } from '../../../src/room/verify';
import { type ActionInput, createSim, DAY } from '../../../src/services/housing-benefit';
import { createApp } from '../../../src/server/app';
import type { Db } from '../../../src/server/db';
import { type Change, Hub } from '../../../src/server/hub';
import { openPglite } from '../../../src/server/pgliteDb';
import { RoomStore } from '../../../src/server/roomStore';
import { inlineVerifier } from '../../../src/server/verifier';

const SEED = 7;
const CONFIG_INPUT = { title: 'Alone, then together', level: 'housing-benefit', seed: SEED, phases: [{ label: 'The year', untilDay: 365 }] } as const;
const config: SessionConfig = sessionConfigSchema.parse(CONFIG_INPUT);

const PLAN: { day: number; action: ActionInput }[] = [
  { day: 10, action: { kind: 'staff', role: 'assessor', count: 12 } },
  { day: 30, action: { kind: 'design', key: 'nilQualifyDays', value: 56 } },
  { day: 60, action: { kind: 'staff', role: 'agent', count: 5 } },
];

/** A run played alone to `untilDay`, as the debrief would make it (the figures' digest at the minute reached). */
function playAlone(untilDay: number, seed = SEED, plan = PLAN, scenarioConfig: SessionConfig = config): Omit<ResultRun, 'name'> {
  const sim = createSim(sessionLevel(scenarioConfig), seed, scenarioConfig.regime);
  for (const { day, action } of plan) {
    sim.advanceTo(day * DAY);
    sim.apply(action);
  }
  sim.advanceTo(untilDay * DAY);
  return {
    model: sessionModel(scenarioConfig),
    level: scenarioConfig.level,
    scenario: scenarioConfig.scenario ?? sessionLevel(scenarioConfig).scenarios[0]?.id ?? null,
    seed,
    regime: scenarioConfig.regime,
    at: sim.now,
    digest: summaryDigest(teamSummary(sim)),
    actions: sim.actions.map((a) => ({ ...a })),
  };
}

let db: Db;
let store: RoomStore;
let hub: Hub;
let app: Hono;
let clock = Date.UTC(2026, 0, 20, 14, 0);
/** A year with three choices; the same run to day 120; the first 120 days with seed 12. */
let year: Omit<ResultRun, 'name'>;
let short: Omit<ResultRun, 'name'>;
let otherSeed: Omit<ResultRun, 'name'>;

beforeAll(async () => {
  year = playAlone(365);
  short = playAlone(120);
  otherSeed = playAlone(120, 12);
  db = await openPglite();
  store = await RoomStore.open(db);
  hub = await Hub.open(db);
  app = createApp({ store, hub, verifier: inlineVerifier(), now: () => (clock += 1000), publicUrl: 'http://room.test', heartbeatMs: 25 });
}, 60_000);

afterAll(async () => {
  await db.close();
});

interface Created {
  code: string;
  trainerToken: string;
}

async function call(path: string, init: { token?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  return app.request(path, { method: body === undefined ? 'GET' : 'POST', headers, body });
}

async function ok<T>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const createSession = (input: object = CONFIG_INPUT) => ok<Created>(call('/api/sessions', { body: input }), 201);
const dashboard = (s: Created) => ok<Dashboard>(call(`/api/sessions/${s.code}/dashboard`, { token: s.trainerToken }));
const importCodes = (s: Created, codes: string[]) =>
  ok<{ results: ImportResult[] }>(call(`/api/sessions/${s.code}/results`, { token: s.trainerToken, body: { codes } })).then((r) => r.results);
const codeOf = (run: Omit<ResultRun, 'name'>, name = '', change: Partial<ResultRun> = {}) => encodeResultCode({ ...run, name, ...change });

/** The one refusal of a single code. */
async function refusalOf(s: Created, code: string): Promise<string> {
  const [r] = await importCodes(s, [code]);
  if (r?.status !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
  return r.error;
}

describe('an accepted code', () => {
  it('becomes a team of the session: named from the code, marked as imported, its figures re-simulated and verified', async () => {
    const s = await createSession();
    const changes: Change[] = [];
    const stop = hub.subscribe(s.code, (c) => changes.push(c));
    const results = await importCodes(s, [await codeOf(year, 'Alice Smith')]);
    stop();
    expect(results).toEqual([{ status: 'accepted', team: 'Alice Smith (result code)', verified: true, mismatch: null }]);
    // The dashboards were told.
    expect(changes).toContain('team');

    const d = await dashboard(s);
    expect(d.teams).toHaveLength(1);
    const team = d.teams[0]!;
    expect(team.name).toBe('Alice Smith (result code)');
    expect(team.connected).toBe(false);
    expect(team.seq).toBe(1);
    expect(team.verdict).toEqual({ verified: true, at: 365 * DAY });
    // The figures are the re-simulation's, and they are the ones the student saw.
    expect(team.summary?.at).toBe(365 * DAY);
    expect(summaryDigest(team.summary!)).toBe(year.digest);

    // In the exports like any team: its log, its figures, its verdict.
    const exported = await ok<{ teams: { name: string; actions: unknown[]; summary: unknown; verdict: unknown }[] }>(
      call(`/api/sessions/${s.code}/export.json`, { token: s.trainerToken }),
    );
    expect(exported.teams).toHaveLength(1);
    expect(exported.teams[0]!.actions).toEqual(year.actions);
    expect(exported.teams[0]!.summary).toEqual(team.summary);
    const csv = await (await call(`/api/sessions/${s.code}/export.csv`, { token: s.trainerToken })).text();
    expect(csv).toContain('Alice Smith (result code),');

    // Re-simulating every team again (the trainer's button) verifies it again from the stored log.
    const after = await ok<Dashboard>(call(`/api/sessions/${s.code}/verify`, { token: s.trainerToken, body: {} }));
    expect(after.teams[0]!.verdict).toEqual({ verified: true, at: 365 * DAY });
  });

  it('is re-simulated to the minute the student reached, short of the end', async () => {
    const s = await createSession();
    expect(await importCodes(s, [await codeOf(short, 'Bea')])).toEqual([{ status: 'accepted', team: 'Bea (result code)', verified: true, mismatch: null }]);
    const team = (await dashboard(s)).teams[0]!;
    expect(team.summary?.at).toBe(120 * DAY);
    expect(team.verdict).toEqual({ verified: true, at: 120 * DAY });
  });

  it('without a name is a student; a second student of the same name gets a number', async () => {
    const s = await createSession();
    const results = await importCodes(s, [await codeOf(short), await codeOf(short, 'Cy'), await codeOf(year, 'Cy'), await codeOf(year)]);
    expect(results.map((r) => r.status === 'accepted' && r.team)).toEqual([
      'A student (result code)',
      'Cy (result code)',
      'Cy (result code 2)',
      'A student (result code 2)',
    ]);
    expect((await dashboard(s)).teams.map((t) => t.name)).toHaveLength(4);
  });
});

describe('importing is idempotent', () => {
  it('the same code again, in the same request or a later one, or wrapped over lines, is the same team', async () => {
    const s = await createSession();
    const code = await codeOf(short, 'Dee');
    expect(await importCodes(s, [code, code])).toEqual([
      { status: 'accepted', team: 'Dee (result code)', verified: true, mismatch: null },
      { status: 'already', team: 'Dee (result code)' },
    ]);
    const wrapped = `${code.slice(0, 50)}\n${code.slice(50)}`;
    expect(await importCodes(s, [wrapped])).toEqual([{ status: 'already', team: 'Dee (result code)' }]);
    expect((await dashboard(s)).teams).toHaveLength(1);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM room_update WHERE code = $1', [s.code]))[0]!.n).toBe(1);
    // The same code into another session is a team there too.
    const other = await createSession();
    expect((await importCodes(other, [code]))[0]).toMatchObject({ status: 'accepted', team: 'Dee (result code)' });
  });
});

describe('a code that does not fit is refused, saying what differs', () => {
  let s: Created;
  beforeAll(async () => {
    s = await createSession();
  });

  it('not a code, a truncated one, one too big', async () => {
    expect(await refusalOf(s, 'my result was great')).toMatch(/not a result code: a result code starts with ITS1-/);
    const code = await codeOf(short, 'Eve');
    expect(await refusalOf(s, code.slice(0, -6))).toMatch(/incomplete or damaged/);
    expect(await refusalOf(s, `ITS1-${'A'.repeat(MAX_CODE_CHARS)}`)).toMatch(/at most 32768/);
  });

  it('another model version, another level, another scenario, another version of the level', async () => {
    expect(await refusalOf(s, await codeOf(short, '', { model: { ...short.model, version: '2025-01-01' } }))).toMatch(
      /played on model 2025-01-01; this server runs model/,
    );
    const frontDesk = sessionConfigSchema.parse({ ...CONFIG_INPUT, level: 'front-desk', phases: [{ label: 'All', untilDay: 5 }] });
    expect(await refusalOf(s, await codeOf(playAlone(3, SEED, [], frontDesk)))).toBe(
      "this run was played on level front-desk; the session's level is housing-benefit",
    );
    const takeover = sessionConfigSchema.parse({ ...CONFIG_INPUT, scenario: 'takeover' });
    expect(await refusalOf(s, await codeOf(playAlone(20, SEED, [], takeover)))).toBe(
      "this run was played in scenario takeover; the session's scenario is four-star",
    );
    expect(await refusalOf(s, await codeOf(short, '', { model: { ...short.model, levelHash: '0123456789abcdef' } }))).toMatch(
      /level \(fingerprint 0123456789abcdef\) is not the session's/,
    );
  });

  it('another seed, another starting regime', async () => {
    expect(await refusalOf(s, await codeOf(otherSeed))).toBe("this run was played with seed 12; the session's seed is 7");
    expect(await refusalOf(s, await codeOf(short, '', { regime: 'systems' }))).toBe('this run started under systems; the session starts under deliverology');
  });

  it('a log that is not valid: an unknown role, an injected event, an action after the minute reached, past the end', async () => {
    const bad = (actions: unknown[], at = short.at) => codeOf(short, '', { actions, at });
    expect(await refusalOf(s, await bad([{ at: 100, kind: 'staff', role: 'wizard', count: 3 }]))).toMatch(
      /not valid for the session's level: .*unknown role "wizard"/,
    );
    expect(await refusalOf(s, await bad([{ at: 100, kind: 'event', event: 'budget-cut' }]))).toMatch(/event a trainer injects \(budget-cut\)/);
    expect(await refusalOf(s, await bad([{ at: short.at + 10, kind: 'staff', role: 'assessor', count: 3 }]))).toMatch(/after the minute the run reached/);
    expect(await refusalOf(s, await bad([], 400 * DAY))).toMatch(/past the end of the run \(day 365\)/);
  });

  it('and no team is made of any of them', async () => {
    expect((await dashboard(s)).teams).toEqual([]);
  });
});

describe('a changed code', () => {
  it('a changed choice is imported, but not verified: its figures are not the digest the student saw', async () => {
    const s = await createSession();
    const actions = short.actions.map((a) => ({ ...(a as object) })) as { count?: number }[];
    actions[0] = { ...actions[0], count: 20 };
    const [r] = await importCodes(s, [await codeOf(short, 'Fay', { actions })]);
    expect(r).toMatchObject({ status: 'accepted', team: 'Fay (result code)', verified: false });
    expect(r?.status === 'accepted' && r.mismatch).toMatch(/digest .* are not the figures its log gives/);
    const team = (await dashboard(s)).teams[0]!;
    expect(team.verdict?.verified).toBe(false);
  });

  it('a changed digest likewise', async () => {
    const s = await createSession();
    const [r] = await importCodes(s, [await codeOf(short, 'Gus', { digest: 'ffffffffffffffff' })]);
    expect(r).toMatchObject({ status: 'accepted', verified: false });
  });
});

describe('the request', () => {
  it("needs the session's trainer token", async () => {
    const s = await createSession();
    const other = await createSession();
    const body = { codes: [await codeOf(short)] };
    expect((await call(`/api/sessions/${s.code}/results`, { body })).status).toBe(401);
    expect((await call(`/api/sessions/${s.code}/results`, { token: 'not-a-token', body })).status).toBe(401);
    expect((await call(`/api/sessions/${s.code}/results`, { token: other.trainerToken, body })).status).toBe(401);
    expect((await call('/api/sessions/ZZZZZZ/results', { token: s.trainerToken, body })).status).toBe(404);
    expect((await dashboard(s)).teams).toEqual([]);
  });

  it('is bounded: at least one code, at most a hundred, each a string', async () => {
    const s = await createSession();
    const post = (body: unknown) => call(`/api/sessions/${s.code}/results`, { token: s.trainerToken, body });
    expect((await post({ codes: [] })).status).toBe(400);
    expect((await post({ codes: Array.from({ length: MAX_CODES_PER_IMPORT + 1 }, () => 'x') })).status).toBe(400);
    expect((await post({ codes: [42] })).status).toBe(400);
    expect((await post({ codes: ['x'], more: true })).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
  });
});
