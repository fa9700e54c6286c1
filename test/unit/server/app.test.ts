// The session service through its HTTP interface, as a room uses it: a trainer makes a session,
// teams join and send the updates of a real run, the trainer commands the room over Server-Sent
// Events, and the dashboard, the verdicts and the exports follow. One in-memory PGlite for the
// file; a clock the tests move themselves (rate limits and "connected" read it).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Hono } from 'hono';
import {
  CODE_ALPHABET,
  type Dashboard,
  MAX_BODY_BYTES,
  MAX_TEAMS,
  type Seat,
  type SessionConfig,
  sessionConfigSchema,
  type TeamSummary,
} from '../../../src/room/protocol';
import { initialRoomState } from '../../../src/room/roomState';
import { teamSummary } from '../../../src/room/summary';
import { sessionLevel, sessionModel } from '../../../src/room/verify';
import { type Action, type ActionInput, createSim, DAY } from '../../../src/services/housing-benefit';
import { createApp } from '../../../src/server/app';
import type { Db } from '../../../src/server/db';
import { Hub } from '../../../src/server/hub';
import { openPglite } from '../../../src/server/pgliteDb';
import { RoomStore } from '../../../src/server/roomStore';
import { CHECK_EVERY_MS } from '../../../src/server/teamChecks';
import { inlineVerifier } from '../../../src/server/verifier';

const CONFIG_INPUT = {
  title: 'Tuesday cohort',
  level: 'housing-benefit',
  seed: 424242,
  phases: [
    { label: 'First month', untilDay: 30 },
    { label: 'Second month', untilDay: 60 },
    { label: 'Third month', untilDay: 90 },
  ],
} as const;
const config: SessionConfig = sessionConfigSchema.parse(CONFIG_INPUT);
const model = sessionModel(config);

interface Step {
  actions: Action[];
  summary: TeamSummary;
}

/** One real run of the session's level, played once for the file: each step is what a team sends. */
function play(plan: readonly { day: number; actions?: ActionInput[] }[]): Step[] {
  const sim = createSim(sessionLevel(config), config.seed, config.regime);
  let sent = 0;
  return plan.map(({ day, actions = [] }) => {
    for (const a of actions) sim.apply(a);
    sim.advanceTo(day * DAY);
    const fresh = sim.actions.slice(sent).map((a) => ({ ...a }));
    sent = sim.actions.length;
    return { actions: fresh, summary: teamSummary(sim) };
  });
}

let run: Step[];
/** The same run, but its pilot's team set in one update and its share in the next. */
let pilotRun: Step[];
/** A run that takes in a budget cut the trainer injected, and one that makes up a demand surge. */
let cutRun: Step[];
let surgeRun: Step[];

let db: Db;
let store: RoomStore;
let hub: Hub;
let app: Hono;
let clock = Date.UTC(2026, 0, 13, 9, 30);
const tick = (ms: number) => {
  clock += ms;
};

beforeAll(async () => {
  run = play([
    { day: 10, actions: [{ kind: 'staff', role: 'assessor', count: 12 }] },
    { day: 20, actions: [{ kind: 'staff', role: 'agent', count: 5 }] },
    { day: 30 },
    { day: 45, actions: [{ kind: 'staff', role: 'assessor', count: 9 }] },
    { day: 60 },
  ]);
  pilotRun = play([
    { day: 5, actions: [{ kind: 'design', key: 'pilotTeam', value: 2 }] },
    { day: 10, actions: [{ kind: 'design', key: 'pilotShare', value: 0.2 }] },
  ]);
  cutRun = play([{ day: 8, actions: [{ kind: 'event', event: 'budget-cut' }] }]);
  surgeRun = play([{ day: 8, actions: [{ kind: 'event', event: 'demand-surge' }] }]);
  db = await openPglite();
  store = await RoomStore.open(db);
  hub = await Hub.open(db);
  app = createApp({ store, hub, verifier: inlineVerifier(), now: () => clock, publicUrl: 'http://room.test', heartbeatMs: 25 });
}, 60_000);

afterAll(async () => {
  // Every event stream has closed (and said so to the store) before the database goes.
  await vi.waitFor(() => expect(hub.size).toBe(0), { timeout: 5000 });
  await db.close();
});

// Each test starts with every rate-limit bucket full again.
beforeEach(() => tick(10 * 60_000));

// --- Requests ---------------------------------------------------------------------------------

interface CallInit {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

function call(path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  return Promise.resolve(app.request(path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }));
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
  const { error } = JSON.parse(text) as { error: string };
  expect(typeof error).toBe('string');
  return error;
}

interface Created {
  code: string;
  trainerToken: string;
  joinUrl: string;
}
interface Joined {
  teamId: string;
  token: string;
  name: string;
}

const createSession = (input: object = CONFIG_INPUT) => ok<Created>(call('/api/sessions', { body: input }), 201);
/** Joins a team (a millisecond after the one before: the dashboard lists teams in the order they joined). */
const joinTeam = (code: string, name: string) => {
  tick(1);
  return ok<Joined>(call(`/api/sessions/${code}/teams`, { body: { name } }), 201);
};

function updateBody(seq: number, step: Step, change: Partial<{ model: unknown; actions: unknown[]; summary: unknown }> = {}) {
  return { seq, model, actions: step.actions, summary: step.summary, ...change };
}
const sendUpdate = (token: string, body: object) => call('/api/team/updates', { token, body });

/** Sends the run's first `n` steps as updates 1..n, each answered 200. */
async function sendSteps(token: string, n: number, steps: Step[] = run): Promise<void> {
  for (let i = 0; i < n; i++) expect(await ok<{ seq: number }>(sendUpdate(token, updateBody(i + 1, steps[i]!)))).toEqual({ seq: i + 1 });
}

const command = (s: Created, body: object) => call(`/api/sessions/${s.code}/commands`, { token: s.trainerToken, body });
const dashboard = (s: Created) => ok<Dashboard>(call(`/api/sessions/${s.code}/dashboard`, { token: s.trainerToken }));
const updateRows = async (code: string, teamId: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM room_update WHERE code = $1 AND team_id = $2', [code, teamId]))[0]!.n;

/** A session with one team joined. */
async function seatedTeam(name = 'Blue') {
  const session = await createSession();
  const team = await joinTeam(session.code, name);
  return { session, team };
}

// --- Server-Sent Events -------------------------------------------------------------------------

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads a text/event-stream body event by event (keep-alive comments skipped). */
function sse(res: Response) {
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

  /** The next event (comments skipped); throws if none comes in time. */
  async function next(timeoutMs = 4000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const e = parse(block);
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
      if (got === 'timeout') throw new Error(`no event in ${timeoutMs} ms (buffered: ${JSON.stringify(buffer)})`);
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

  /** Everything that arrives within `ms` (for "nothing else came"). */
  async function drain(ms: number): Promise<SseEvent[]> {
    const out: SseEvent[] = [];
    const deadline = Date.now() + ms;
    for (;;) {
      try {
        out.push(await next(Math.max(1, deadline - Date.now())));
      } catch {
        return out;
      }
    }
  }

  return { next, until, drain, cancel: () => reader.cancel() };
}

const teamEvents = async (token: string, headers: Record<string, string> = {}) => {
  const res = await call(`/api/team/events?token=${encodeURIComponent(token)}`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return sse(res);
};

// --- Tests ------------------------------------------------------------------------------------

describe('making a session', () => {
  it('answers with a join code of six unambiguous characters, a long trainer token and the join link', async () => {
    const s = await createSession();
    expect(s.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(s.code).not.toMatch(/[O0I1LS8B]/);
    expect(s.trainerToken.length).toBeGreaterThanOrEqual(43);
    expect(s.joinUrl).toBe(`http://room.test/?join=${s.code}`);
    const other = await createSession();
    expect(other.code).not.toBe(s.code);
    expect(other.trainerToken).not.toBe(s.trainerToken);
    // The session is there, with the config as checked (defaults filled in).
    expect((await dashboard(s)).config).toEqual(config);
    expect(await ok(call(`/api/sessions/${s.code}`))).toEqual({ code: s.code, title: 'Tuesday cohort', level: 'housing-benefit' });
  });

  it('refuses a bad config with a 400 naming the field', async () => {
    expect(await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, seed: -1 } }), 400)).toMatch(/^seed: /);
    expect(await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, level: 'moon-base' } }), 400)).toMatch(/^level: /);
    expect(await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, phases: [] } }), 400)).toMatch(/^phases: /);
    const backwards = [
      { label: 'A', untilDay: 30 },
      { label: 'B', untilDay: 20 },
    ];
    expect(await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, phases: backwards } }), 400)).toMatch(/^phases: each phase ends on a later day/);
    expect(await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, phases: [{ label: '', untilDay: 30 }] } }), 400)).toMatch(/^phases\.0\.label: /);
    expect(await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, cheat: true } }), 400)).toMatch(/cheat/);
    expect(await refused(call('/api/sessions', { body: '{not json' }), 400)).toMatch(/not JSON/);
  });

  it('refuses a scenario the level does not have, naming the ones it has', async () => {
    const error = await refused(call('/api/sessions', { body: { ...CONFIG_INPUT, scenario: 'no-such-thing' } }), 400);
    expect(error).toMatch(/^scenario: no scenario "no-such-thing"/);
    expect(error).toMatch(/four-star/);
  });
});

describe('joining', () => {
  it('seats a team under its normalised name; its token finds its seat, a forged one does not', async () => {
    const s = await createSession();
    const team = await joinTeam(s.code.toLowerCase(), '  The   Red\tTeam ');
    expect(team.name).toBe('The Red Team');
    expect(team.token.length).toBeGreaterThanOrEqual(43);
    const seat = await ok<Seat>(call('/api/team', { token: team.token }));
    expect(seat.code).toBe(s.code);
    expect(seat.config).toEqual(config);
    expect(seat.model).toEqual(model);
    expect(seat.team).toEqual({ id: team.teamId, name: 'The Red Team', seq: 0 });
    expect(seat.actions).toEqual([]);
    expect(seat.summary).toBeNull();
    expect(seat.room).toEqual(initialRoomState(config));
    expect(seat.room).toMatchObject({ phase: 0, gateDay: 30, revealed: false, lastEvent: 0 });

    const forged = `${team.token.slice(0, -2)}${team.token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await refused(call('/api/team', { token: forged }), 401)).toMatch(/not known/);
    expect(await refused(call('/api/team'), 401)).toMatch(/token/);
    // The trainer's token is not a team's.
    await refused(call('/api/team', { token: s.trainerToken }), 401);
  });

  it('refuses a name taken already, whatever its case', async () => {
    const s = await createSession();
    await joinTeam(s.code, 'Team Kestrel');
    expect(await refused(call(`/api/sessions/${s.code}/teams`, { body: { name: 'team KESTREL' } }), 409)).toMatch(/has joined already/);
    expect(await refused(call(`/api/sessions/${s.code}/teams`, { body: { name: ' Team  Kestrel ' } }), 409)).toMatch(/has joined already/);
    // The same name in another session is fine.
    const other = await createSession();
    await joinTeam(other.code, 'Team Kestrel');
  });

  it(`refuses a team once ${MAX_TEAMS} have joined`, async () => {
    const s = await createSession();
    for (let i = 0; i < MAX_TEAMS; i++) {
      tick(1000); // within the joining rate limit
      await ok(call(`/api/sessions/${s.code}/teams`, { body: { name: `Team ${i}` } }), 201);
    }
    tick(1000);
    expect(await refused(call(`/api/sessions/${s.code}/teams`, { body: { name: 'One too many' } }), 409)).toMatch(new RegExp(`full \\(${MAX_TEAMS} teams\\)`));
    expect((await dashboard(s)).teams).toHaveLength(MAX_TEAMS);
  });

  it('refuses a bad code (400), a code with no session (404), and a bad name (400)', async () => {
    expect(await refused(call('/api/sessions/O0I1AB/teams', { body: { name: 'A' } }), 400)).toMatch(/join code/);
    expect(await refused(call('/api/sessions/ABC/teams', { body: { name: 'A' } }), 400)).toMatch(/join code/);
    let unused = 'ZZZZZZ';
    while (await store.session(unused)) unused = unused.replace('Z', '2');
    expect(await refused(call(`/api/sessions/${unused}/teams`, { body: { name: 'A' } }), 404)).toMatch(/no session/);
    await refused(call(`/api/sessions/${unused}`), 404);
    const s = await createSession();
    expect(await refused(call(`/api/sessions/${s.code}/teams`, { body: { name: '   ' } }), 400)).toMatch(/^name: /);
    expect(await refused(call(`/api/sessions/${s.code}/teams`, { body: { name: 'x'.repeat(41) } }), 400)).toMatch(/^name: .*40/);
  });
});

describe('updates', () => {
  it('stores an update, and shows it in the seat', async () => {
    const { team } = await seatedTeam();
    expect(await ok(sendUpdate(team.token, updateBody(1, run[0]!)))).toEqual({ seq: 1 });
    const seat = await ok<Seat>(call('/api/team', { token: team.token }));
    expect(seat.team.seq).toBe(1);
    expect(seat.actions).toEqual(run[0]!.actions);
    expect(seat.summary).toEqual(run[0]!.summary);
  });

  it('answers the same update again with 200 and stores nothing twice; other contents under the same number are a 409', async () => {
    const { session, team } = await seatedTeam();
    await sendSteps(team.token, 2);
    expect(await ok(sendUpdate(team.token, updateBody(2, run[1]!)))).toEqual({ seq: 2 });
    expect(await ok(sendUpdate(team.token, updateBody(1, run[0]!)))).toEqual({ seq: 1 });
    expect(await updateRows(session.code, team.teamId)).toBe(2);
    expect(await store.actionsOf(session.code, team.teamId)).toEqual([...run[0]!.actions, ...run[1]!.actions]);

    const changed = { ...run[1]!.summary, lived: { ...run[1]!.summary.lived, met: run[1]!.summary.lived.met + 1 } };
    expect(await refused(sendUpdate(team.token, updateBody(2, run[1]!, { summary: changed })), 409)).toMatch(/update 2 was already stored with other contents/);
    expect(await refused(sendUpdate(team.token, updateBody(1, run[0]!, { actions: [] })), 409)).toMatch(/update 1 was already stored/);
    expect(await updateRows(session.code, team.teamId)).toBe(2);
    expect((await ok<Seat>(call('/api/team', { token: team.token }))).summary).toEqual(run[1]!.summary);
  });

  // A retry is compared with what was stored, never checked again on its own (its actions may be
  // valid only after the earlier ones: a pilot share once the pilot team was set).
  it('answers a retry of an update with 200 even when its actions are valid only after the earlier ones', async () => {
    const { team } = await seatedTeam();
    await sendSteps(team.token, 2, pilotRun);
    expect(await ok(sendUpdate(team.token, updateBody(2, pilotRun[1]!)))).toEqual({ seq: 2 });
  });

  it('refuses a gap in the numbers, naming the update it expects', async () => {
    const { session, team } = await seatedTeam();
    await sendSteps(team.token, 1);
    expect(await refused(sendUpdate(team.token, updateBody(3, run[2]!, { actions: [...run[1]!.actions, ...run[2]!.actions] })), 409)).toMatch(
      /update 3 arrived before update 2: send 2 first/,
    );
    expect(await updateRows(session.code, team.teamId)).toBe(1);
  });

  it('refuses an action before one already sent, and an action after the figures', async () => {
    const { session, team } = await seatedTeam();
    await sendSteps(team.token, 2); // the last action sent is at day 10
    const early = { at: 5 * DAY, kind: 'staff', role: 'scanner', count: 4 };
    const error = await refused(sendUpdate(team.token, updateBody(3, run[2]!, { actions: [early] })), 400);
    expect(error).toMatch(/actions\.2\.at: actions must be in time order/);
    const late = { at: 31 * DAY, kind: 'staff', role: 'scanner', count: 4 };
    expect(await refused(sendUpdate(team.token, updateBody(3, run[2]!, { actions: [late] })), 400)).toMatch(/after the figures' minute/);
    expect(await updateRows(session.code, team.teamId)).toBe(2);
    expect((await ok<Seat>(call('/api/team', { token: team.token }))).team.seq).toBe(2);
  });

  it('refuses an action for a role the level does not have, with a clear message, storing nothing', async () => {
    const { session, team } = await seatedTeam();
    const plumber = { at: 0, kind: 'staff', role: 'plumber', count: 2 };
    expect(await refused(sendUpdate(team.token, updateBody(1, run[0]!, { actions: [plumber] })), 400)).toMatch(/actions\.0\.role: unknown role "plumber"/);
    expect(await refused(sendUpdate(team.token, updateBody(1, run[0]!, { actions: [{ at: 0, kind: 'bribe' }] })), 400)).toMatch(/actions\.0\.kind/);
    expect(await updateRows(session.code, team.teamId)).toBe(0);
  });

  it('refuses a log of another model version or another level, storing nothing', async () => {
    const { session, team } = await seatedTeam();
    const oldModel = await refused(sendUpdate(team.token, updateBody(1, run[0]!, { model: { ...model, version: '1999-01-01' } })), 409);
    expect(oldModel).toMatch(/model 1999-01-01/);
    expect(oldModel).toMatch(new RegExp(`session runs model ${model.version}`));
    const otherLevel = await refused(sendUpdate(team.token, updateBody(1, run[0]!, { model: { ...model, levelHash: 'deadbeefdeadbeef' } })), 409);
    expect(otherLevel).toMatch(/level deadbeefdeadbeef/);
    expect(otherLevel).toMatch(new RegExp(`level ${model.levelHash}`));
    expect(await updateRows(session.code, team.teamId)).toBe(0);
  });

  it('refuses figures past the gate, and takes them once the trainer releases the next phase', async () => {
    const { session, team } = await seatedTeam();
    await sendSteps(team.token, 3); // to day 30, the gate
    expect(await refused(sendUpdate(team.token, updateBody(4, run[3]!)), 409)).toMatch(/past the gate at day 30/);
    expect(await updateRows(session.code, team.teamId)).toBe(3);
    expect(await ok(command(session, { kind: 'release', phase: 1 }), 201)).toMatchObject({ n: 1, command: { kind: 'release', phase: 1 } });
    expect(await ok(sendUpdate(team.token, updateBody(4, run[3]!)))).toEqual({ seq: 4 });
    expect(await ok(sendUpdate(team.token, updateBody(5, run[4]!)))).toEqual({ seq: 5 });
    expect((await ok<Seat>(call('/api/team', { token: team.token }))).room.gateDay).toBe(60);
  });

  it('refuses a body over the limit with 413, whether or not it says its length', async () => {
    const { session, team } = await seatedTeam();
    const big = JSON.stringify({ ...updateBody(1, run[0]!), padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect(big.length).toBeGreaterThan(MAX_BODY_BYTES);
    const withLength = { token: team.token, body: big, headers: { 'content-length': String(Buffer.byteLength(big)) } };
    expect(await refused(call('/api/team/updates', withLength), 413)).toMatch(/at most 256 kB/);
    expect(await refused(call('/api/team/updates', { token: team.token, body: big }), 413)).toMatch(/at most 256 kB/);
    expect(await updateRows(session.code, team.teamId)).toBe(0);
  });

  it('refuses a malformed update with a 400 naming the field', async () => {
    const { team } = await seatedTeam();
    expect(await refused(sendUpdate(team.token, updateBody(0, run[0]!)), 400)).toMatch(/^seq: /);
    const badSummary = { ...run[0]!.summary, official: { ...run[0]!.summary.official, stars: 9 } };
    expect(await refused(sendUpdate(team.token, updateBody(1, run[0]!, { summary: badSummary })), 400)).toMatch(/^summary\.official\.stars: /);
  });

  it('answers a flood of requests from one token with 429 in the end', async () => {
    const { team } = await seatedTeam();
    const statuses: number[] = [];
    for (let i = 0; i < 80 && !statuses.includes(429); i++) statuses.push((await call('/api/team', { token: team.token })).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(5);
    expect(await refused(call('/api/team', { token: team.token }), 429)).toMatch(/too many requests/);
    // Another team is not held up by it, and the first is let in again after a while.
    const other = await joinTeam((await createSession()).code, 'Other');
    await ok(call('/api/team', { token: other.token }));
    tick(5_000);
    await ok(call('/api/team', { token: team.token }));
  });
});

describe('verification', () => {
  it('checks a team as it plays, at most every few seconds, and at once at the gate', async () => {
    const { session, team } = await seatedTeam();
    const verdict = async () => (await dashboard(session)).teams[0]!.verdict;
    await sendSteps(team.token, 1);
    await vi.waitFor(async () => expect(await verdict()).toEqual({ verified: true, at: 10 * DAY }), { timeout: 10_000 });
    // Day 20 comes sooner than the next check is due: the verdict stays at day 10.
    tick(CHECK_EVERY_MS - 1);
    expect(await ok(sendUpdate(team.token, updateBody(2, run[1]!)))).toEqual({ seq: 2 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await verdict()).toEqual({ verified: true, at: 10 * DAY });
    // The gate (day 30) is checked at once, however soon.
    expect(await ok(sendUpdate(team.token, updateBody(3, run[2]!)))).toEqual({ seq: 3 });
    await vi.waitFor(async () => expect(await verdict()).toEqual({ verified: true, at: 30 * DAY }), { timeout: 10_000 });
  });

  it('marks figures with one changed as not verified, naming the figure that differs', async () => {
    const { session, team } = await seatedTeam();
    await sendSteps(team.token, 2);
    const s = run[2]!.summary;
    const claimed = { ...s, lived: { ...s.lived, abandoned: s.lived.abandoned + 3 } };
    await ok(sendUpdate(team.token, updateBody(3, run[2]!, { summary: claimed })));
    await vi.waitFor(async () => expect((await dashboard(session)).teams[0]!.verdict).not.toBeNull(), { timeout: 10_000 });
    const verdict = (await dashboard(session)).teams[0]!.verdict!;
    expect(verdict.verified).toBe(false);
    if (verdict.verified) return;
    expect(verdict.mismatch).toBe(`lived.abandoned: claimed ${s.lived.abandoned + 3}, re-simulated ${s.lived.abandoned}`);
  });

  it("re-simulates every team on the trainer's request, wherever it has reached", async () => {
    const session = await createSession();
    const honest = await joinTeam(session.code, 'Honest');
    const boastful = await joinTeam(session.code, 'Boastful');
    await sendSteps(honest.token, 1);
    const s = run[0]!.summary;
    const better = { ...s, official: { ...s.official, callsAnsweredIn20s: 1 } };
    expect(s.official.callsAnsweredIn20s).not.toBe(1);
    await ok(sendUpdate(boastful.token, updateBody(1, run[0]!, { summary: better })));
    const d = await ok<Dashboard>(call(`/api/sessions/${session.code}/verify`, { method: 'POST', token: session.trainerToken }));
    const byName = Object.fromEntries(d.teams.map((t) => [t.name, t.verdict]));
    expect(byName.Honest).toEqual({ verified: true, at: 10 * DAY });
    expect(byName.Boastful).toMatchObject({ verified: false, at: 10 * DAY, mismatch: expect.stringMatching(/^official\.callsAnsweredIn20s: claimed 1, /) });
  });
});

describe("the trainer's requests", () => {
  it("need the session's trainer token: a team's, another session's or none is a 401", async () => {
    const { session, team } = await seatedTeam();
    const other = await createSession();
    const requests: [string, CallInit][] = [
      [`/api/sessions/${session.code}/dashboard`, {}],
      [`/api/sessions/${session.code}/stream`, {}],
      [`/api/sessions/${session.code}/commands`, { body: { kind: 'pause' } }],
      [`/api/sessions/${session.code}/verify`, { method: 'POST' }],
      [`/api/sessions/${session.code}/export.json`, {}],
      [`/api/sessions/${session.code}/export.csv`, {}],
    ];
    for (const [path, init] of requests) {
      for (const token of [team.token, other.trainerToken, undefined]) {
        expect(await refused(call(path, { ...init, token }), 401), path).toMatch(/trainer token/);
      }
    }
    expect(await store.eventsAfter(session.code, 0)).toEqual([]);
    // And with it, they work.
    await ok(command(session, { kind: 'pause' }), 201);
    await ok(call(`/api/sessions/${session.code}/export.json`, { token: session.trainerToken }));
  });

  it('refuses a release of a phase the session does not have, and a command it does not know', async () => {
    const session = await createSession();
    expect(await refused(command(session, { kind: 'release', phase: 3 }), 400)).toMatch(/^phase: this session has 3 phases \(0 to 2\)/);
    expect(await refused(command(session, { kind: 'release', phase: 12 }), 400)).toMatch(/^phase: /);
    expect(await refused(command(session, { kind: 'explode' }), 400)).toMatch(/kind/);
    expect(await refused(command(session, { kind: 'broadcast', message: '   ' }), 400)).toMatch(/^message: /);
    expect(await store.eventsAfter(session.code, 0)).toEqual([]);
    expect(await ok(command(session, { kind: 'release', phase: 2 }), 201)).toMatchObject({ n: 1 });
    expect((await dashboard(session)).room).toMatchObject({ phase: 2, gateDay: 90 });
  });

  it('numbers commands from 1 and folds them into the room', async () => {
    const session = await createSession();
    await ok(command(session, { kind: 'pause' }), 201);
    await ok(command(session, { kind: 'broadcast', message: 'Ten minutes to lunch' }), 201);
    const last = await ok<{ n: number }>(command(session, { kind: 'broadcast', message: 'Back to it' }), 201);
    expect(last.n).toBe(3);
    expect((await dashboard(session)).room).toEqual({
      paused: true,
      phase: 0,
      gateDay: 30,
      revealed: false,
      message: 'Back to it',
      asking: null,
      answered: [],
      injected: [],
      lastEvent: 3,
    });
  });

  it("takes in a log's events only as the trainer injected them, in order", async () => {
    const { session, team } = await seatedTeam();
    expect(await refused(sendUpdate(team.token, updateBody(1, cutRun[0]!)), 400)).toMatch(/event 1 of the log \(budget-cut\) is not one the trainer injected/);
    await ok(command(session, { kind: 'inject', event: 'budget-cut' }), 201);
    expect((await dashboard(session)).room.injected).toEqual(['budget-cut']);
    expect(await refused(sendUpdate(team.token, updateBody(1, surgeRun[0]!)), 400)).toMatch(/demand-surge/);
    expect(await updateRows(session.code, team.teamId)).toBe(0);
    expect(await ok(sendUpdate(team.token, updateBody(1, cutRun[0]!)))).toEqual({ seq: 1 });
  });
});

describe('reveal', () => {
  it("keeps the other teams' figures from a team until the trainer reveals them", async () => {
    const { session, team } = await seatedTeam('Otters');
    const badgers = await joinTeam(session.code, 'Badgers');
    await sendSteps(badgers.token, 1);
    expect(await refused(call('/api/team/room', { token: team.token }), 403)).toMatch(/not shown the teams/);
    await ok(command(session, { kind: 'reveal' }), 201);
    const { teams } = await ok<{ teams: { name: string; summary: TeamSummary | null }[] }>(call('/api/team/room', { token: team.token }));
    expect(teams).toEqual([
      { name: 'Otters', summary: null },
      { name: 'Badgers', summary: run[0]!.summary },
    ]);
    await refused(call('/api/team/room', { token: session.trainerToken }), 401);
  });
});

describe('event streams', () => {
  it("sends a team hello, then each trainer's command as it is made, numbered", async () => {
    const { session, team } = await seatedTeam();
    const events = await teamEvents(team.token);
    try {
      const hello = await events.next();
      expect(hello.event).toBe('hello');
      expect(JSON.parse(hello.data)).toEqual({ after: 0 });
      await ok(command(session, { kind: 'broadcast', message: 'Hello, room' }), 201);
      const first = await events.until((e) => e.event === 'command');
      expect(first.id).toBe('1');
      expect(JSON.parse(first.data)).toMatchObject({ n: 1, command: { kind: 'broadcast', message: 'Hello, room' } });
      await ok(command(session, { kind: 'pause' }), 201);
      await ok(command(session, { kind: 'resume' }), 201);
      const next = [await events.until((e) => e.event === 'command'), await events.until((e) => e.event === 'command')];
      expect(next.map((e) => [e.id, JSON.parse(e.data).command.kind])).toEqual([
        ['2', 'pause'],
        ['3', 'resume'],
      ]);
    } finally {
      await events.cancel();
    }
  });

  it('resumes after a drop from Last-Event-ID, sending only the commands after it', async () => {
    const { session, team } = await seatedTeam();
    const first = await teamEvents(team.token);
    await first.until((e) => e.event === 'hello');
    await ok(command(session, { kind: 'broadcast', message: 'one' }), 201);
    await ok(command(session, { kind: 'broadcast', message: 'two' }), 201);
    await first.until((e) => e.id === '2');
    await first.cancel();
    await ok(command(session, { kind: 'broadcast', message: 'three' }), 201); // while it was away

    const again = await teamEvents(team.token, { 'last-event-id': '1' });
    try {
      expect(JSON.parse((await again.until((e) => e.event === 'hello')).data)).toEqual({ after: 1 });
      const got = [await again.until((e) => e.event === 'command'), await again.until((e) => e.event === 'command')];
      expect(got.map((e) => JSON.parse(e.data).command.message)).toEqual(['two', 'three']);
      expect(got.map((e) => e.id)).toEqual(['2', '3']);
      await ok(command(session, { kind: 'broadcast', message: 'four' }), 201);
      const later = (await again.drain(400)).filter((e) => e.event === 'command');
      expect(later.map((e) => e.id)).toEqual(['4']);
    } finally {
      await again.cancel();
    }
  });

  it('refuses an event stream to a forged token', async () => {
    expect((await call('/api/team/events?token=forged-token')).status).toBe(401);
  });

  it("sends the trainer's stream the dashboard, and again after a team's update", async () => {
    const { session, team } = await seatedTeam();
    const res = await call(`/api/sessions/${session.code}/stream`, { token: session.trainerToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = sse(res);
    try {
      const first = await stream.until((e) => e.event === 'dashboard');
      expect((JSON.parse(first.data) as Dashboard).teams.map((t) => [t.name, t.seq])).toEqual([['Blue', 0]]);
      await sendSteps(team.token, 1);
      const after = await stream.until((e) => e.event === 'dashboard' && (JSON.parse(e.data) as Dashboard).teams[0]!.seq === 1);
      expect((JSON.parse(after.data) as Dashboard).teams[0]!.summary).toEqual(run[0]!.summary);
    } finally {
      await stream.cancel();
    }
  });
});

describe('the dashboard', () => {
  it('shows a team connected while its event stream is open, and not once it has closed', async () => {
    const { session, team } = await seatedTeam();
    tick(60_000); // long enough since it joined to count as gone
    expect((await dashboard(session)).teams[0]!.connected).toBe(false);
    const events = await teamEvents(team.token);
    await events.until((e) => e.event === 'hello');
    tick(1);
    expect((await dashboard(session)).teams[0]!.connected).toBe(true);
    await events.cancel();
    await vi.waitFor(async () => expect((await dashboard(session)).teams[0]!.connected).toBe(false), { timeout: 3000 });
  });

  it('shows the last summary each team sent, and which teams are at the gate', async () => {
    const session = await createSession();
    const ahead = await joinTeam(session.code, 'Ahead');
    const behind = await joinTeam(session.code, 'Behind');
    await sendSteps(ahead.token, 3);
    await sendSteps(behind.token, 2);
    const d = await dashboard(session);
    expect(d.code).toBe(session.code);
    expect(d.joinUrl).toBe(`http://room.test/?join=${session.code}`);
    const byName = Object.fromEntries(d.teams.map((t) => [t.name, t]));
    expect(byName.Ahead).toMatchObject({ seq: 3, summary: run[2]!.summary, atGate: true });
    expect(byName.Behind).toMatchObject({ seq: 2, summary: run[1]!.summary, atGate: false });
    await ok(command(session, { kind: 'release', phase: 1 }), 201);
    expect((await dashboard(session)).teams.map((t) => t.atGate)).toEqual([false, false]);
  });

  it('refuses a phase that ends after the run, naming it; a team at the end of the run is at the gate', async () => {
    const res = await call('/api/sessions', { body: { ...CONFIG_INPUT, phases: [{ label: 'All of it', untilDay: 400 }] } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^phases\.0\.untilDay: the run has 365 days/);
    const session = await createSession({ ...CONFIG_INPUT, phases: [{ label: 'All of it', untilDay: 365 }] });
    const team = await joinTeam(session.code, 'Finishers');
    const sim = createSim(sessionLevel(config), config.seed, config.regime);
    sim.advanceTo(365 * DAY);
    await ok(sendUpdate(team.token, { seq: 1, model, actions: [], summary: teamSummary(sim) }));
    expect((await dashboard(session)).teams[0]!.atGate).toBe(true);
  });
});

describe('exports', () => {
  it("has every team's actions and summary, and every command, in the JSON", async () => {
    const session = await createSession();
    const a = await joinTeam(session.code, 'Alpha');
    const b = await joinTeam(session.code, 'Bravo');
    await sendSteps(a.token, 3);
    await sendSteps(b.token, 1);
    await ok(command(session, { kind: 'broadcast', message: 'Half time' }), 201);
    await ok(command(session, { kind: 'release', phase: 1 }), 201);
    const res = await call(`/api/sessions/${session.code}/export.json`, { token: session.trainerToken });
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="session-${session.code}.json"`);
    const exported = await ok<{
      code: string;
      config: SessionConfig;
      model: unknown;
      events: { n: number; command: unknown }[];
      teams: { name: string; updates: number; actions: unknown[]; summary: unknown; verdict: unknown }[];
    }>(res);
    expect(exported).toMatchObject({ code: session.code, config, model });
    expect(exported.events.map((e) => [e.n, e.command])).toEqual([
      [1, { kind: 'broadcast', message: 'Half time' }],
      [2, { kind: 'release', phase: 1 }],
    ]);
    expect(exported.teams.map((t) => [t.name, t.updates])).toEqual([
      ['Alpha', 3],
      ['Bravo', 1],
    ]);
    expect(exported.teams[0]!.actions).toEqual(run.slice(0, 3).flatMap((s) => s.actions));
    expect(exported.teams[0]!.actions).toHaveLength(2);
    expect(exported.teams[0]!.summary).toEqual(run[2]!.summary);
    expect(exported.teams[0]!.verdict).toEqual({ verified: true, at: 30 * DAY });
    expect(exported.teams[1]!.actions).toEqual(run[0]!.actions);
  });

  it('makes a CSV with a byte-order mark, one row per team, commas quoted and formulas made text', async () => {
    const session = await createSession();
    const names = ['Smith, Jones & Co', '=SUM(A1)', 'The "Quotes"', '+44 Team'];
    const tokens = [];
    for (const name of names) tokens.push((await joinTeam(session.code, name)).token);
    await sendSteps(tokens[0]!, 1);
    const res = await call(`/api/sessions/${session.code}/export.csv`, { token: session.trainerToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + names.length);
    const header = rows[0]!;
    expect(header[0]).toBe('team');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Smith, Jones & Co', "'=SUM(A1)", 'The "Quotes"', "'+44 Team"]);
    expect(text).toContain('"Smith, Jones & Co",');
    expect(text).toContain("\r\n'=SUM(A1),");
    expect(text).toContain('"The ""Quotes""",');
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(first).toMatchObject({ updates: '1', 'day reached': '10', helped: String(run[0]!.summary.lived.met) });
    expect(rows[2]![header.indexOf('day reached')]).toBe('');
  });
});

/** RFC 4180, enough for the test: quoted fields with "" for a quote, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('bot teams for a rehearsal', () => {
  it('seats one bot per strategy, which plays to the gate through the same checks and is verified', async () => {
    const session = await createSession();
    const added = await ok<Dashboard>(call(`/api/sessions/${session.code}/bots`, { token: session.trainerToken, body: {} }), 201);
    expect(added.teams.map((t) => t.name).sort()).toEqual(['Bot: studies first', 'Bot: the blind redesigner', 'Bot: the gamer', 'Bot: the honest manager']);
    const team = await joinTeam(session.code, 'Human');
    expect(await refused(call(`/api/sessions/${session.code}/bots`, { token: team.token, body: {} }), 401)).toMatch(/trainer token/);
    // Paused, the bots wait; started, each plays to the first gate (day 30) and is re-simulated there.
    await new Promise((r) => setTimeout(r, 500));
    expect((await dashboard(session)).teams.filter((t) => t.summary !== null && t.summary.at > 0)).toEqual([]);
    await ok(command(session, { kind: 'resume' }), 201);
    await vi.waitFor(
      async () => {
        const d = await dashboard(session);
        const bots = d.teams.filter((t) => t.name.startsWith('Bot'));
        expect(bots.map((t) => [t.atGate, t.verdict?.verified])).toEqual(bots.map(() => [true, true]));
      },
      { timeout: 30_000, interval: 250 },
    );
  });
});

describe('predict, then reveal', () => {
  it('takes a prediction only while its question is asked, and shows every team’s on the dashboard', async () => {
    const { session, team } = await seatedTeam();
    const predict = (body: object) => call('/api/team/predictions', { token: team.token, body });
    expect(await refused(predict({ question: 'failure-share', value: 0.4 }), 409)).toMatch(/not asking that question/);
    await ok(command(session, { kind: 'ask', question: 'failure-share' }), 201);
    expect(await refused(predict({ question: 'failure-share', value: 40 }), 400)).toMatch(/a share is from 0 to 1/);
    expect(await refused(predict({ question: 'days-waited', value: 40 }), 409)).toMatch(/not asking/);
    await ok(predict({ question: 'failure-share', value: 0.4 }));
    await ok(predict({ question: 'failure-share', value: 0.45 }));
    expect((await dashboard(session)).teams[0]!.predictions).toEqual({ 'failure-share': 0.45 });
    await ok(command(session, { kind: 'answer', question: 'failure-share' }), 201);
    expect((await dashboard(session)).room).toMatchObject({ asking: null, answered: ['failure-share'] });
    expect(await refused(predict({ question: 'failure-share', value: 0.5 }), 409)).toMatch(/not asking/);
  });
});
