// npm run loadtest -- --teams N [--seconds S] [--url http://127.0.0.1:PORT] [--json]
// A room at full stretch against the session service: a trainer makes a session, N teams join
// (N at most 250; past the server's 200 a team a session, the teams are spread over more than one
// session, as on a server with several rooms), each opens its event stream, and for S seconds
// (default 30, at most 120) each team sends an update every 2-4 s while each trainer broadcasts a
// command every ~5 s. Every team sends the same valid run of the session's seed, simulated once
// here (one run a team would take longer than the test), each under its own numbers, all before
// the gate, so every update is one the server checks and stores.
//
// Without --url it starts the server itself (node --import tsx src/server/main.ts, which is what
// `tsx src/server/main.ts` runs, as one process so its memory can be read) on a free port of
// 127.0.0.1, with its PGlite data in a fresh temporary folder, and stops it and removes the folder
// afterwards, whatever happens. With --url it uses a server already running on this machine
// (127.0.0.1 or localhost only: this is a load test, never to be pointed at someone else's server).
//
// Reports the latency of every POST of the timed part (updates and commands: p50, p95, p99), the
// share delivered ((updates accepted + commands received by teams over their event streams) /
// (updates sent + commands x teams)), and the server's resident memory at the end (VmRSS of its
// process; not known with --url). With --json, exactly one line:
//   {"teams":N,"posts":n,"delivered":share,"p50Ms":n,"p95Ms":n,"p99Ms":n,"serverRssMb":n|null}
// Joining is not timed with the rest: the server lets one address join at a burst of 60 and then
// 2 a second, and every team here comes from 127.0.0.1, as a room behind one hotspot does; a join
// refused with 429 is tried again a moment later, and the summary says how long seating took.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MAX_TEAMS, type SessionConfig, sessionConfigSchema, type TeamSummary } from '../src/room/protocol';
import { teamSummary } from '../src/room/summary';
import { sessionLevel, sessionModel } from '../src/room/verify';
import { type Action, type ActionInput, createSim, DAY } from '../src/services/housing-benefit';

const MAX_LOAD_TEAMS = 250;
const MAX_SECONDS = 120;
const UPDATE_EVERY_MS = [2000, 4000] as const;
const COMMAND_EVERY_MS = 5000;
/** How long the teams' streams are given, after the last command, to deliver it. */
const DRAIN_MS = 5000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// --- Arguments -------------------------------------------------------------------------------

function fail(message: string): never {
  console.error(`loadtest: ${message}`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    teams: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '30' },
    url: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});

const teamCount = Number(args.teams);
if (!Number.isInteger(teamCount) || teamCount < 1) fail(`--teams must be a whole number of at least 1, not "${args.teams}"`);
if (teamCount > MAX_LOAD_TEAMS) fail(`--teams is at most ${MAX_LOAD_TEAMS}, not ${teamCount}`);
const seconds = Number(args.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) fail(`--seconds must be a positive number, not "${args.seconds}"`);
if (seconds > MAX_SECONDS) fail(`--seconds is at most ${MAX_SECONDS}, not ${seconds}`);
const json = args.json === true;

let givenUrl: URL | null = null;
if (args.url !== undefined) {
  try {
    givenUrl = new URL(args.url);
  } catch {
    fail(`--url "${args.url}" is not an address`);
  }
  if (givenUrl.protocol !== 'http:') fail(`--url must be http://127.0.0.1:PORT or http://localhost:PORT, not ${givenUrl.protocol}`);
  if (givenUrl.hostname !== '127.0.0.1' && givenUrl.hostname !== 'localhost') {
    fail(`--url must be a server on this machine (127.0.0.1 or localhost), not ${givenUrl.hostname}`);
  }
}

/** Progress, on stderr (stdout is kept for the result), and not at all with --json. */
const say = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};

// --- The run every team sends ----------------------------------------------------------------

const config: SessionConfig = sessionConfigSchema.parse({
  title: 'Load test',
  level: 'housing-benefit',
  seed: 2026,
  phases: [
    { label: 'Load test', untilDay: 120 },
    { label: 'The rest of the year', untilDay: 365 },
  ],
});
const model = sessionModel(config);

interface Step {
  actions: Action[];
  summary: TeamSummary;
}

/** One update a sim day, from day 1, with a staff change now and then; all before the first gate. */
function precompute(count: number): Step[] {
  const changes = new Map<number, ActionInput>([
    [1, { kind: 'staff', role: 'assessor', count: 12 }],
    [8, { kind: 'staff', role: 'agent', count: 5 }],
    [15, { kind: 'staff', role: 'scanner', count: 4 }],
    [29, { kind: 'staff', role: 'assessor', count: 14 }],
    [45, { kind: 'staff', role: 'receptionist', count: 3 }],
  ]);
  const gate = config.phases[0]!.untilDay;
  if (count >= gate) throw new Error(`${count} updates of a day each would pass the gate at day ${gate}`);
  const sim = createSim(sessionLevel(config), config.seed, config.regime);
  const steps: Step[] = [];
  let sent = 0;
  for (let i = 1; i <= count; i++) {
    const change = changes.get(i);
    if (change) sim.apply(change);
    sim.advanceTo(i * DAY);
    steps.push(JSON.parse(JSON.stringify({ actions: sim.actions.slice(sent), summary: teamSummary(sim) })) as Step);
    sent = sim.actions.length;
  }
  return steps;
}

// --- The server --------------------------------------------------------------------------------

interface Server {
  base: string;
  pid: number | null;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Folders and processes to remove, whatever happens (an error, Ctrl-C). */
const cleanups: (() => void)[] = [];
let child: ChildProcess | null = null;

function cleanUpNow(): void {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const c of cleanups.splice(0)) c();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUpNow();
    process.exit(130);
  });
}

async function startServer(): Promise<Server> {
  const temp = mkdtempSync(join(tmpdir(), 'its-the-system-loadtest-'));
  cleanups.push(() => rmSync(temp, { recursive: true, force: true }));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROOM_DATA: join(temp, 'room-data'), GAME_DIR: join(temp, 'no-game') };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`the server stopped before it was ready:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server was not ready in 60 s:\n${output}`);
    await sleep(200);
  }

  return {
    base,
    pid: proc.pid ?? null,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
        if (!stopped) {
          proc.kill('SIGKILL');
          await exited;
        }
      }
      child = null;
    },
  };
}

async function useServer(url: URL): Promise<Server> {
  const base = url.origin;
  const res = await fetch(`${base}/api/health`).catch((e: Error) => {
    throw new Error(`no server answers at ${base}: ${e.message}`);
  });
  if (!res.ok) throw new Error(`${base}/api/health answered ${res.status}`);
  return { base, pid: null, async stop() {} };
}

/** Resident and peak memory of a process in MB (Linux), or null. */
function memoryOf(pid: number | null): { rssMb: number; peakMb: number } | null {
  if (pid === null || !existsSync(`/proc/${pid}/status`)) return null;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  const mb = (x: number) => Math.round((x / 1024) * 10) / 10;
  return { rssMb: mb(kb('VmRSS')), peakMb: mb(kb('VmHWM')) };
}

// --- The room ----------------------------------------------------------------------------------

interface Room {
  code: string;
  trainerToken: string;
  teams: Team[];
  /** Numbers of the commands the trainer made (answered 201). */
  commands: Set<number>;
  dashboards: number;
}

interface Team {
  name: string;
  token: string;
  room: Room;
  /** The next update's number. */
  seq: number;
  received: Set<number>;
  helloed: boolean;
  reconnects: number;
}

const stats = {
  latencies: [] as number[],
  updatesSent: 0,
  updatesAccepted: 0,
  statuses: new Map<string, number>(),
  joinRefusals: 0,
  streamErrors: 0,
};

const count = (status: string) => stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);

/** A POST of the timed part, timed to its last byte. */
async function post(url: string, token: string, body: unknown): Promise<number> {
  const started = performance.now();
  let status: number;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    status = res.status;
  } catch {
    status = 0;
  }
  stats.latencies.push(performance.now() - started);
  return status;
}

async function createRoom(base: string): Promise<Room> {
  const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`making a session answered ${res.status}: ${text}`);
  const { code, trainerToken } = JSON.parse(text) as { code: string; trainerToken: string };
  return { code, trainerToken, teams: [], commands: new Set(), dashboards: 0 };
}

async function joinRoom(base: string, room: Room, name: string, deadline: number): Promise<Team> {
  for (;;) {
    const res = await fetch(`${base}/api/sessions/${room.code}/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const text = await res.text();
    if (res.status === 201) {
      const { token } = JSON.parse(text) as { token: string };
      return { name, token, room, seq: 1, received: new Set(), helloed: false, reconnects: 0 };
    }
    if (res.status !== 429 || Date.now() > deadline) throw new Error(`joining ${name} answered ${res.status}: ${text}`);
    stats.joinRefusals++;
    await sleep(300 + Math.random() * 400);
  }
}

/** Reads a text/event-stream, calling `onEvent` for each event (comments skipped). */
async function readEvents(res: Response, onEvent: (event: string, id: string | null, data: string) => void): Promise<void> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      let id: string | null = null;
      const data: string[] = [];
      let any = false;
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        any = true;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = v;
        else if (field === 'id') id = v;
        else if (field === 'data') data.push(v);
      }
      if (any) onEvent(event, id, data.join('\n'));
    }
  }
}

/** A team's event stream, as EventSource would keep it: reopened from the last id after a drop, until `stop`. */
async function listen(base: string, team: Team, stop: AbortSignal): Promise<void> {
  let lastId: string | null = null;
  while (!stop.aborted) {
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${team.token}` };
      if (lastId !== null) headers['last-event-id'] = lastId;
      const res = await fetch(`${base}/api/team/events`, { headers, signal: stop });
      if (res.status !== 200) throw new Error(`the event stream answered ${res.status}`);
      await readEvents(res, (event, id, data) => {
        if (event === 'hello') team.helloed = true;
        if (event === 'command') {
          const n = (JSON.parse(data) as { n: number }).n;
          team.received.add(n);
          lastId = id;
        }
      });
    } catch {
      if (stop.aborted) return;
      stats.streamErrors++;
    }
    if (stop.aborted) return;
    team.reconnects++;
    await sleep(1000);
  }
}

/** The trainer's dashboard stream, as the trainer's page keeps it open (counted, not checked). */
async function watch(base: string, room: Room, stop: AbortSignal): Promise<void> {
  try {
    const res = await fetch(`${base}/api/sessions/${room.code}/stream`, { headers: { authorization: `Bearer ${room.trainerToken}` }, signal: stop });
    await readEvents(res, (event) => {
      if (event === 'dashboard') room.dashboards++;
    });
  } catch {
    // closed at the end
  }
}

async function teamLoop(base: string, team: Team, steps: Step[], until: number): Promise<void> {
  await sleep(Math.random() * UPDATE_EVERY_MS[1]);
  while (performance.now() < until && team.seq <= steps.length) {
    const step = steps[team.seq - 1]!;
    stats.updatesSent++;
    const status = await post(`${base}/api/team/updates`, team.token, { seq: team.seq, model, actions: step.actions, summary: step.summary });
    count(String(status));
    if (status === 200) {
      stats.updatesAccepted++;
      team.seq++;
    }
    // Anything else: the same update again next time, as the game retries.
    const wait = UPDATE_EVERY_MS[0] + Math.random() * (UPDATE_EVERY_MS[1] - UPDATE_EVERY_MS[0]);
    if (performance.now() + wait >= until) break;
    await sleep(wait);
  }
}

async function trainerLoop(base: string, room: Room, until: number): Promise<void> {
  let i = 0;
  await sleep(COMMAND_EVERY_MS * (0.5 + Math.random() * 0.2));
  while (performance.now() < until) {
    i++;
    const started = performance.now();
    let n: number | null = null;
    try {
      const res = await fetch(`${base}/api/sessions/${room.code}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${room.trainerToken}` },
        body: JSON.stringify({ kind: 'broadcast', message: `Load test message ${i}: keep going` }),
      });
      const text = await res.text();
      count(`command ${res.status}`);
      if (res.status === 201) n = (JSON.parse(text) as { n: number }).n;
    } catch {
      count('command 0');
    }
    stats.latencies.push(performance.now() - started);
    if (n !== null) room.commands.add(n);
    const wait = COMMAND_EVERY_MS * (0.9 + Math.random() * 0.2);
    if (performance.now() + wait >= until) break;
    await sleep(wait);
  }
}

/** The p-th percentile by nearest rank. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main(): Promise<void> {
  const updatesEach = Math.ceil((seconds * 1000) / UPDATE_EVERY_MS[0]) + 2;
  say(`Simulating the run every team sends (${updatesEach} updates, a sim day each)...`);
  const steps = precompute(updatesEach);

  say(givenUrl ? `Using the server at ${givenUrl.origin}` : 'Starting the server...');
  const server = givenUrl ? await useServer(givenUrl) : await startServer();
  const stop = new AbortController();
  const streams: Promise<void>[] = [];
  try {
    const { base } = server;
    const roomCount = Math.ceil(teamCount / MAX_TEAMS);
    const rooms: Room[] = [];
    for (let r = 0; r < roomCount; r++) rooms.push(await createRoom(base));
    const teams: Team[] = [];

    const joinStarted = performance.now();
    const joinDeadline = Date.now() + 5 * 60_000;
    let next = 0;
    const joiner = async () => {
      for (let i = next++; i < teamCount; i = next++) {
        const room = rooms[i % roomCount]!;
        const team = await joinRoom(base, room, `Team ${i + 1}`, joinDeadline);
        room.teams.push(team);
        teams.push(team);
      }
    };
    await Promise.all(Array.from({ length: 8 }, joiner));
    const joinSeconds = (performance.now() - joinStarted) / 1000;
    say(
      `Joined ${teamCount} teams in ${rooms.length} session(s) in ${joinSeconds.toFixed(1)} s (${stats.joinRefusals} joins refused with 429 and tried again)`,
    );

    for (const team of teams) streams.push(listen(base, team, stop.signal));
    for (const room of rooms) streams.push(watch(base, room, stop.signal));
    const helloBy = Date.now() + 30_000;
    while (teams.some((t) => !t.helloed) && Date.now() < helloBy) await sleep(100);
    const open = teams.filter((t) => t.helloed).length;
    say(`Event streams open: ${open}/${teamCount}`);

    say(`Sending updates and commands for ${seconds} s...`);
    const until = performance.now() + seconds * 1000;
    await Promise.all([...teams.map((t) => teamLoop(base, t, steps, until)), ...rooms.map((r) => trainerLoop(base, r, until))]);

    // Give the streams a moment to deliver the last command.
    const drainBy = Date.now() + DRAIN_MS;
    const missing = () => teams.some((t) => [...t.room.commands].some((n) => !t.received.has(n)));
    while (missing() && Date.now() < drainBy) await sleep(100);
    const memory = memoryOf(server.pid);

    const commandsSent = rooms.reduce((s, r) => s + r.commands.size, 0);
    const deliveriesDue = rooms.reduce((s, r) => s + r.commands.size * r.teams.length, 0);
    const deliveries = teams.reduce((s, t) => s + [...t.room.commands].filter((n) => t.received.has(n)).length, 0);
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    const ms = (x: number) => Math.round(x * 10) / 10;
    const delivered = (stats.updatesAccepted + deliveries) / (stats.updatesSent + deliveriesDue);
    const result = {
      teams: teamCount,
      posts: sorted.length,
      delivered: Math.round(delivered * 10_000) / 10_000,
      p50Ms: ms(percentile(sorted, 50)),
      p95Ms: ms(percentile(sorted, 95)),
      p99Ms: ms(percentile(sorted, 99)),
      serverRssMb: memory?.rssMb ?? null,
    };
    if (json) {
      console.log(JSON.stringify(result));
    } else {
      const statuses = [...stats.statuses].map(([s, n]) => `${s}: ${n}`).join(', ');
      const reconnects = teams.reduce((s, t) => s + t.reconnects, 0);
      console.log(
        `\nLoad test: ${teamCount} teams in ${rooms.length} session(s), ${seconds} s, server ${server.base}${server.pid ? ` (pid ${server.pid})` : ''}`,
      );
      console.log(`  joining:        ${joinSeconds.toFixed(1)} s for ${teamCount} teams (${stats.joinRefusals} refused with 429 and tried again)`);
      console.log(`  event streams:  ${open}/${teamCount} open before the start; ${reconnects} reconnects, ${stats.streamErrors} errors`);
      console.log(`  updates:        ${stats.updatesSent} sent, ${stats.updatesAccepted} accepted`);
      console.log(`  commands:       ${commandsSent} sent, ${deliveries}/${deliveriesDue} received by the teams`);
      console.log(`  dashboards:     ${rooms.reduce((s, r) => s + r.dashboards, 0)} sent to the trainer(s)`);
      console.log(`  answers:        ${statuses}`);
      console.log(
        `  POST latency:   p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, max ${ms(sorted[sorted.length - 1] ?? Number.NaN)} ms (${result.posts} POSTs)`,
      );
      console.log(`  delivered:      ${(delivered * 100).toFixed(2)}%`);
      console.log(
        `  server memory:  ${memory ? `${memory.rssMb} MB resident at the end (peak ${memory.peakMb} MB)` : 'not known (a server not started here)'}`,
      );
    }
  } finally {
    stop.abort();
    await Promise.race([Promise.allSettled(streams), sleep(3000)]);
    await server.stop();
    cleanUpNow();
  }
}

main().catch((e: unknown) => {
  cleanUpNow();
  console.error(`loadtest: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
