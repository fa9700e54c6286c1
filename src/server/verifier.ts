// Re-simulating teams off the request path: a small pool of worker threads, each keeping the
// inherited histories it has simulated and the runs of the teams it checks, so that verifying a
// room's logs never holds up a request and a team's check plays on from its last.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SessionConfig, TeamSummary } from '../room/protocol';
import type { Action } from '../services/housing-benefit';
import { replayTeam, TeamReplays, type Verdict, verifyTeam } from '../room/verify';

export interface VerifyJob {
  config: SessionConfig;
  log: readonly unknown[];
  summary: TeamSummary;
  /** The team's key (session code and team id): its run is kept for its next check. Without it, a fresh re-simulation. */
  team?: string;
}

/** An imported run's figures, made by re-simulating its (checked) log to the minute it reached. */
export interface ReplayJob {
  config: SessionConfig;
  actions: readonly Action[];
  at: number;
}
export type Replayed = { ok: true; summary: TeamSummary } | { ok: false; error: string };

export interface Verifier {
  verify(job: VerifyJob): Promise<Verdict>;
  replay(job: ReplayJob): Promise<Replayed>;
  close(): Promise<void>;
}

/** What a worker is asked to do, and what it answers. */
export type WorkRequest = { verify: VerifyJob } | { replay: ReplayJob };
type Answer = Verdict | Replayed;

/** The work itself, in a worker or in this thread: never throws, a failure is the answer's. */
export function work(request: WorkRequest, replays: TeamReplays): Answer {
  if ('replay' in request) {
    const { config, actions, at } = request.replay;
    try {
      return { ok: true, summary: replayTeam(config, actions, at) };
    } catch (e) {
      return { ok: false, error: `the log could not be re-simulated: ${(e as Error).message}` };
    }
  }
  const job = request.verify;
  try {
    return job.team === undefined ? verifyTeam(job.config, job.log, job.summary) : replays.verify(job.team, job.config, job.log, job.summary);
  } catch (e) {
    return { verified: false, at: job.summary.at, mismatch: `the log could not be re-simulated: ${(e as Error).message}` };
  }
}

/** The answer when the worker doing it stopped first. */
function stopped(request: WorkRequest): Answer {
  const message = 'the re-simulation stopped before it finished';
  return 'replay' in request ? { ok: false, error: message } : { verified: false, at: request.verify.summary.at, mismatch: message };
}

/** In this thread (tests, and a machine with one core). */
export function inlineVerifier(): Verifier {
  const replays = new TeamReplays();
  return {
    async verify(job) {
      return work({ verify: job }, replays) as Verdict;
    },
    async replay(job) {
      return work({ replay: job }, replays) as Replayed;
    },
    async close() {},
  };
}

/**
 * A team's jobs always go to the same worker, which keeps its run; other jobs to the worker with
 * the fewest waiting. A worker that dies is replaced (its kept runs are played afresh next time)
 * and its jobs fail with a message.
 */
export function workerVerifier(size = Math.max(1, Math.min(4, availableParallelism() - 1))): Verifier {
  // Under tsx (the server's launcher) and under Vitest the worker is TypeScript: started through tsWorker.mjs.
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(typescript ? './verifyWorker.ts' : './verifyWorker.js', import.meta.url);
  const start = () => (typescript ? new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { entry: entry.href } }) : new Worker(entry));
  let nextId = 1;
  const slots = Array.from({ length: size }, () => spawn());
  let closing = false;

  function spawn() {
    const pending = new Map<number, { request: WorkRequest; resolve: (a: Answer) => void }>();
    const worker = start();
    const slot = { worker, pending };
    worker.on('message', (m: { id: number; answer: Answer }) => {
      pending.get(m.id)?.resolve(m.answer);
      pending.delete(m.id);
    });
    worker.on('error', (e) => console.error(`a re-simulation worker failed: ${e.message}`));
    worker.on('exit', () => {
      for (const { request, resolve } of pending.values()) resolve(stopped(request));
      pending.clear();
      if (!closing) slots[slots.indexOf(slot)] = spawn();
    });
    return slot;
  }

  function send(request: WorkRequest, team: string | undefined): Promise<Answer> {
    const slot = team === undefined ? slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)) : slots[hashOf(team) % slots.length]!;
    const id = nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, { request, resolve });
      slot.worker.postMessage({ id, request });
    });
  }

  return {
    verify: (job) => send({ verify: job }, job.team) as Promise<Verdict>,
    replay: (job) => send({ replay: job }, undefined) as Promise<Replayed>,
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** FNV-1a of a string: spreads teams over the workers the same way every time. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
