// npm run bench:verify [-- --teams 40] [--workers N] [--json]
// What a trainer waits for when the server re-simulates a room: 40 teams (the four bot strategies,
// ten teams each) play a year of housing benefit; their logs go through the server's pool of
// re-simulation workers (src/server/verifier.ts) three ways:
// 1. From scratch: every team's year-long log re-simulated by workers that have kept no team's run
//    (as on the trainer's "re-simulate every team" just after the server restarted). The workers
//    are warmed first, as a running server's are: see warmPool.
// 2. At a gate, checked as they play: each team's figures checked every week of the run (the
//    service checks a team between gates as its updates come, at most every few seconds), so at
//    each quarter's gate the workers play on only from the week before. The slowest gate.
// 3. At a gate, checked only at gates: the same quarters, each worker playing on a whole quarter.
// Every verdict must be "verified". Wall-clock figures: they belong here, never in tests.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { SessionConfig, TeamSummary } from '../src/room/protocol';
import { BOT_STRATEGIES, botDecisions } from '../src/room/bots';
import { teamSummary } from '../src/room/summary';
import { sessionLevel } from '../src/room/verify';
import { type VerifyJob, workerVerifier } from '../src/server/verifier';
import { createSim, DAY } from '../src/services/housing-benefit';

const { values: args } = parseArgs({
  options: { teams: { type: 'string', default: '40' }, workers: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const TEAMS = Math.min(200, Math.max(1, Number(args.teams) || 40));
const GATES = [91, 182, 273, 365];

const config: SessionConfig = {
  title: 'bench',
  level: 'housing-benefit',
  scenario: null,
  seed: 7,
  regime: 'deliverology',
  phases: GATES.map((untilDay, i) => ({ label: `Quarter ${i + 1}`, untilDay })),
};
const level = sessionLevel(config);

/** Each strategy's log and figures at the end of every week and at each gate, as a team would send them. */
type Point = { day: number; log: unknown[]; summary: TeamSummary };
function playStrategy(strategy: (typeof BOT_STRATEGIES)[number]): Point[] {
  const sim = createSim(level, config.seed, config.regime);
  const points: Point[] = [];
  for (let day = 0; day < level.days; day++) {
    for (const action of botDecisions(strategy, sim, day)) sim.apply(action);
    sim.advanceTo((day + 1) * DAY);
    if ((day + 1) % 7 === 0 || GATES.includes(day + 1)) points.push({ day: day + 1, log: JSON.parse(JSON.stringify(sim.actions)), summary: teamSummary(sim) });
  }
  return points;
}

const t0 = performance.now();
const played = BOT_STRATEGIES.map(playStrategy);
const playMs = performance.now() - t0;
const teams = Array.from({ length: TEAMS }, (_, i) => ({ key: `BENCH/${i}`, points: played[i % played.length]! }));
const pointAt = (points: Point[], day: number) => points.find((p) => p.day === day)!;

/** The server's own pool size unless --workers says otherwise. */
const size = args.workers ? Math.max(1, Math.min(8, Number(args.workers) || 1)) : Math.max(1, Math.min(4, availableParallelism() - 1));

/** All the jobs at once, as the service sends them; the wall time until the last verdict. */
async function timed(verifier: ReturnType<typeof workerVerifier>, jobs: VerifyJob[]): Promise<number> {
  const t = performance.now();
  const verdicts = await Promise.all(jobs.map((j) => verifier.verify(j)));
  const ms = performance.now() - t;
  const wrong = verdicts.find((v) => !v.verified);
  if (wrong) throw new Error(`a team was not verified: ${JSON.stringify(wrong)}`);
  return ms;
}
const jobOf = (p: Point, team?: string): VerifyJob => ({ config, log: p.log, summary: p.summary, team });

/**
 * A pool as a running server has it: the inherited history simulated in every worker, and the
 * JIT settled by a few year-long runs in each (a cold worker's first years take several times as long).
 */
async function warmPool() {
  const verifier = workerVerifier(size);
  const year = pointAt(played[0]!, 365);
  for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: size }, () => verifier.verify(jobOf(year))));
  return verifier;
}

// 1. From scratch.
let verifier = await warmPool();
const fromScratchMs = await timed(
  verifier,
  teams.map((t) => jobOf(pointAt(t.points, 365))),
);
await verifier.close();

// 2 and 3. Quarter by quarter, checked as they play or only at gates.
async function gates(asTheyPlay: boolean): Promise<number[]> {
  const v = await warmPool();
  const waits: number[] = [];
  let from = 0;
  for (const gate of GATES) {
    if (asTheyPlay) {
      for (const p of teams[0]!.points.filter((p) => p.day > from && p.day < gate).map((p) => p.day)) {
        await timed(
          v,
          teams.map((t) => jobOf(pointAt(t.points, p), t.key)),
        );
      }
    }
    waits.push(
      await timed(
        v,
        teams.map((t) => jobOf(pointAt(t.points, gate), t.key)),
      ),
    );
    from = gate;
  }
  await v.close();
  return waits;
}
const asTheyPlay = await gates(true);
const gatesOnly = await gates(false);
verifier = null as never;

const round = (ms: number) => Math.round(ms);
const result = {
  teams: TEAMS,
  workers: size,
  fromScratchMs: round(fromScratchMs),
  gateAsTheyPlayMs: asTheyPlay.map(round),
  gateOnlyMs: gatesOnly.map(round),
};
if (args.json) console.log(JSON.stringify(result));
else {
  console.log(`${TEAMS} teams, ${size} re-simulation worker(s); the four strategies played in ${round(playMs)} ms`);
  console.log(`from scratch, every year-long log:           ${result.fromScratchMs} ms`);
  console.log(`at each quarter's gate, checked as they play: ${result.gateAsTheyPlayMs.join(', ')} ms`);
  console.log(`at each quarter's gate, checked only there:   ${result.gateOnlyMs.join(', ')} ms`);
}
