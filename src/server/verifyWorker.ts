// A worker thread that re-simulates teams' logs (see verifier.ts): the inherited history of each
// (level, scenario, seed, regime) is simulated once per worker and reused.
import { parentPort } from 'node:worker_threads';
import { type Verdict, verifyTeam } from '../room/verify';
import type { VerifyJob } from './verifier';

parentPort?.on('message', (job: VerifyJob & { id: number }) => {
  let verdict: Verdict;
  try {
    verdict = verifyTeam(job.config, job.log, job.summary);
  } catch (e) {
    verdict = { verified: false, at: job.summary.at, mismatch: `the log could not be re-simulated: ${(e as Error).message}` };
  }
  parentPort?.postMessage({ id: job.id, verdict });
});
