// Re-simulating teams off the request path: a small pool of worker threads, each keeping the
// inherited histories it has simulated, so that verifying a room's logs never holds up a request.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SessionConfig, TeamSummary } from '../room/protocol';
import { type Verdict, verifyTeam } from '../room/verify';

export interface VerifyJob {
  config: SessionConfig;
  log: readonly unknown[];
  summary: TeamSummary;
}

export interface Verifier {
  verify(job: VerifyJob): Promise<Verdict>;
  close(): Promise<void>;
}

/** In this thread (tests, and a machine with one core). */
export function inlineVerifier(): Verifier {
  return {
    async verify(job) {
      try {
        return verifyTeam(job.config, job.log, job.summary);
      } catch (e) {
        return { verified: false, at: job.summary.at, mismatch: `the log could not be re-simulated: ${(e as Error).message}` };
      }
    },
    async close() {},
  };
}

/** Jobs go to the worker with the fewest waiting; a worker that dies is replaced and its jobs fail with a message. */
export function workerVerifier(size = Math.max(1, Math.min(4, availableParallelism() - 1))): Verifier {
  // Under tsx (the server's launcher) and under Vitest the worker is TypeScript: started through tsWorker.mjs.
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(typescript ? './verifyWorker.ts' : './verifyWorker.js', import.meta.url);
  const start = () => (typescript ? new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { entry: entry.href } }) : new Worker(entry));
  let nextId = 1;
  const slots = Array.from({ length: size }, () => spawn());
  let closing = false;

  function spawn() {
    const pending = new Map<number, { job: VerifyJob; resolve: (v: Verdict) => void }>();
    const worker = start();
    const slot = { worker, pending };
    worker.on('message', (m: { id: number; verdict: Verdict }) => {
      pending.get(m.id)?.resolve(m.verdict);
      pending.delete(m.id);
    });
    worker.on('error', (e) => console.error(`a re-simulation worker failed: ${e.message}`));
    worker.on('exit', () => {
      for (const { job, resolve } of pending.values())
        resolve({ verified: false, at: job.summary.at, mismatch: 'the re-simulation stopped before it finished' });
      pending.clear();
      if (!closing) slots[slots.indexOf(slot)] = spawn();
    });
    return slot;
  }

  return {
    verify(job) {
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve) => {
        slot.pending.set(id, { job, resolve });
        slot.worker.postMessage({ ...job, id });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
