// npx tsx scripts/bench-simpy.ts [-- --json] [--customers=N] [--with-bench]
// Events per second on our engine against SimPy, on the same machine and the same model: a
// textbook M/M/c queue (c = 2, load 95%, exponential service with a mean of 10 minutes), a fixed
// number of customers per run.
// - Ours: the front-desk service (src/services/front-desk: the engine's Scheduler and Stream,
//   two events a customer), run for as many days as bring that many customers. Ten measured
//   runs after three that let the JIT settle.
// - SimPy: scripts/simpy/mmc.py, the same queue with simpy.Resource (six events a customer:
//   each arrival's timeout, the customer process's start, its request, its service timeout, its
//   release of the server, and its end), three runs. Needs SimPy 3 or newer (Debian's
//   python3-simpy3; python3-simpy is SimPy 2, another API).
// Events are not the same unit in both (SimPy cuts a customer into three times as many), so the
// customers-per-second ratio, the same work done, is printed beside the events-per-second one.
// Both mean waits should be near Erlang C's. --with-bench also runs scripts/bench.ts and prints
// its front-desk events per second (the full housing-benefit sim's engine and service code).
import { spawnSync } from 'node:child_process';
import { parseFrontDeskLevel, runFrontDesk } from '../src/services/front-desk/index';
import { buildFrontDeskReport } from '../src/services/front-desk/report';

const json = process.argv.includes('--json');
const argNum = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const SERVERS = 2;
const LOAD = 0.95;
const SERVICE = 10;
const CUSTOMERS = argNum('customers', 200_000);

// ---------------------------------------------------------------- the M/M/c queue on our engine

/** The front-desk service (src/services/front-desk) as this queue, for as many days as bring CUSTOMERS visitors. */
const VISITORS_PER_DAY = (1440 * LOAD * SERVERS) / SERVICE;
const DAYS = Math.ceil(CUSTOMERS / VISITORS_PER_DAY);
const parsed = parseFrontDeskLevel({
  service: 'front-desk',
  id: 'bench-mmc',
  title: 'M/M/2 at 95% load',
  summary: 'The queue SimPy runs too.',
  days: DAYS,
  warmUpDays: 0,
  demand: { visitorsPerDay: VISITORS_PER_DAY, serviceMinutes: { dist: 'exponential', mean: SERVICE } },
  clerks: SERVERS,
  seenWithinMinutes: 15,
});
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const LEVEL = parsed.level;

function mmc(seed: number): { events: number; ms: number; customers: number; served: number; waitTotal: number } {
  const t = performance.now();
  const sim = runFrontDesk(LEVEL, seed, 'deliverology', DAYS);
  const ms = performance.now() - t;
  const r = buildFrontDeskReport(sim, DAYS);
  return { events: sim.eventsProcessed, ms, customers: r.visitors.arrived, served: r.visitors.seen, waitTotal: r.meanWaitMinutes! * r.visitors.seen };
}

/** Erlang C's mean wait in the queue for M/M/c. */
function erlangCWait(c: number, load: number, serviceMean: number): number {
  const a = load * c;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = (term * a) / c / (1 - load);
  const pWait = top / (sum + top);
  return (pWait * serviceMean) / (c - a);
}

const JIT_RUNS = 3;
const RUNS = 10;
let events = 0;
let ms = 0;
let customers = 0;
let served = 0;
let waitTotal = 0;
const perRun: number[] = [];
for (let rep = 0; rep < JIT_RUNS + RUNS; rep++) {
  const r = mmc(1 + rep);
  if (rep < JIT_RUNS) continue;
  perRun.push((r.events / r.ms) * 1000);
  events += r.events;
  ms += r.ms;
  customers += r.customers;
  served += r.served;
  waitTotal += r.waitTotal;
}
const ours = {
  customers,
  runs: RUNS,
  events,
  eventsPerCustomer: events / customers,
  seconds: ms / 1000,
  /** Sustained: all events over all time in the measured runs (the garbage collector's pauses count). */
  eventsPerSecond: (events / ms) * 1000,
  /** The median run's, for information: steadier when other work shares the machine. */
  medianRunEventsPerSecond: [...perRun].sort((a, b) => a - b)[Math.floor(perRun.length / 2)]!,
  customersPerSecond: (customers / ms) * 1000,
  meanWait: waitTotal / served,
};

// ---------------------------------------------------------------- SimPy

interface SimpyResult {
  simpy: string;
  python: string;
  customers: number;
  events: number;
  eventsPerCustomer: number;
  seconds: number;
  eventsPerSecond: number;
  customersPerSecond: number;
  meanWait: number;
}

/** A Python that has SimPy 3: SIMPY_PYTHON, else python3 on the PATH, else Debian's. */
function pythonWithSimpy(): string | undefined {
  const candidates = [process.env.SIMPY_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  return candidates.find((p) => spawnSync(p, ['-c', 'import simpy; simpy.Environment.step'], { stdio: 'ignore' }).status === 0);
}

function runSimpy(): SimpyResult | { error: string } {
  const python = pythonWithSimpy();
  if (!python) return { error: 'no python3 with SimPy 3 (apt-get install python3-simpy3)' };
  const r = spawnSync(
    python,
    ['scripts/simpy/mmc.py', `--customers=${CUSTOMERS}`, '--runs=3', `--servers=${SERVERS}`, `--load=${LOAD}`, `--service=${SERVICE}`],
    {
      encoding: 'utf8',
    },
  );
  return r.status === 0 ? (JSON.parse(r.stdout) as SimpyResult) : { error: r.stderr || `exit ${r.status}` };
}

const simpy = runSimpy();

// ---------------------------------------------------------------- the existing bench, for information

let frontDeskEventsPerSecond: number | null = null;
if (process.argv.includes('--with-bench')) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--json'], { encoding: 'utf8' });
  if (r.status === 0) frontDeskEventsPerSecond = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { eventsPerSecond: number }).eventsPerSecond;
}

// ---------------------------------------------------------------- report

const erlang = erlangCWait(SERVERS, LOAD, SERVICE);
const ratio = 'eventsPerSecond' in simpy ? ours.eventsPerSecond / simpy.eventsPerSecond : null;
const customerRatio = 'eventsPerSecond' in simpy ? ours.customersPerSecond / simpy.customersPerSecond : null;
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

if (json) {
  console.log(
    JSON.stringify({
      model: { servers: SERVERS, load: LOAD, serviceMean: SERVICE, customersPerRun: CUSTOMERS, erlangCMeanWait: round(erlang, 2) },
      ours: {
        ...ours,
        eventsPerSecond: round(ours.eventsPerSecond),
        medianRunEventsPerSecond: round(ours.medianRunEventsPerSecond),
        customersPerSecond: round(ours.customersPerSecond),
        meanWait: round(ours.meanWait, 2),
      },
      simpy:
        'eventsPerSecond' in simpy
          ? { ...simpy, eventsPerSecond: round(simpy.eventsPerSecond), customersPerSecond: round(simpy.customersPerSecond), meanWait: round(simpy.meanWait, 2) }
          : simpy,
      eventsPerSecondRatio: ratio === null ? null : round(ratio, 1),
      customersPerSecondRatio: customerRatio === null ? null : round(customerRatio, 1),
      ...(frontDeskEventsPerSecond !== null ? { frontDeskEventsPerSecond } : {}),
    }),
  );
} else {
  const n = (x: number) => Math.round(x).toLocaleString('en-GB');
  console.log(`M/M/${SERVERS} at ${LOAD * 100}% load, ${n(CUSTOMERS)} customers a run; Erlang C mean wait ${round(erlang, 1)} min`);
  console.log(
    `ours:  ${n(ours.eventsPerSecond)} events/s (median run ${n(ours.medianRunEventsPerSecond)}), ${n(ours.customersPerSecond)} customers/s ` +
      `(${ours.eventsPerCustomer.toFixed(2)} events a customer, ${RUNS} runs after ${JIT_RUNS}), mean wait ${round(ours.meanWait, 1)} min`,
  );
  if ('eventsPerSecond' in simpy) {
    console.log(
      `SimPy: ${n(simpy.eventsPerSecond)} events/s, ${n(simpy.customersPerSecond)} customers/s ` +
        `(${simpy.eventsPerCustomer.toFixed(2)} events a customer; SimPy ${simpy.simpy}, Python ${simpy.python}), mean wait ${round(simpy.meanWait, 1)} min`,
    );
    console.log(`ratio: ${round(ratio!, 1)}x the events per second, ${round(customerRatio!, 1)}x the customers per second`);
  } else console.log(`SimPy: not run: ${simpy.error}`);
  if (frontDeskEventsPerSecond !== null) console.log(`for information, npm run bench's front-desk figure: ${n(frontDeskEventsPerSecond)} events/s`);
}
