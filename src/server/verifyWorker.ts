// A worker thread that re-simulates teams' logs (see verifier.ts). Each team's run is kept here
// between its checks (TeamReplays), so a check plays on only from the team's last one; the
// inherited history of each (level, scenario, seed, regime) is simulated once per worker.
import { parentPort } from 'node:worker_threads';
import { TeamReplays } from '../room/verify';
import { type WorkRequest, work } from './verifier';

const replays = new TeamReplays();

parentPort?.on('message', ({ id, request }: { id: number; request: WorkRequest }) => {
  parentPort?.postMessage({ id, answer: work(request, replays) });
});
