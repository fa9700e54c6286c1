// npm run bench [-- --json]
// 1. Events per second on front-desk configured as a busy textbook queue (M/M/2 at 95% load),
//    sustained over ten runs after two that let the JIT settle.
// 2. Time to simulate a year of housing-benefit under each regime: creating the run (which
//    replays the inherited warm-up history), 365 days, and the report. Median of seven runs
//    (seeds 1-7), after three runs to let the JIT settle. Wall-clock figures: they belong here,
//    never in tests.
// 3. For information: the same year of deliverology with every citizen's journey recorded (the
//    journal is off everywhere else, and in figures 1 and 2).
// 4. What a debrief's "what each choice cost" waits for: attribute() on a year of housing benefit
//    with a 10-action log (eleven runs), median of three after one.
import { modelOf } from '../src/services/housing-benefit/run';
import frontDesk from '../levels/front-desk.json';
import housingBenefit from '../levels/housing-benefit.json';
import { parseLevel } from '../src/levels/load';
import { attribute, createSim } from '../src/services/housing-benefit/index';
import type { Action, Regime } from '../src/services/housing-benefit/types';

function load(data: unknown) {
  const r = parseLevel(data);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const busy = load({ ...frontDesk, demand: { ...frontDesk.demand, needsPerDay: 136.8 } });

/**
 * Events per second, sustained: all events over all time in ten runs of 200 days, after two runs
 * that let the JIT settle (the first runs are several times slower while V8 optimises the event
 * loop). The garbage collector's pauses fall in the measured runs, so they count.
 */
function eventsPerSecond(): number {
  let events = 0;
  let ms = 0;
  for (let rep = 0; rep < 12; rep++) {
    const sim = createSim(busy, 1000 + rep);
    const t = performance.now();
    sim.advanceDays(200);
    const dt = performance.now() - t;
    if (rep < 2) continue; // JIT warm-up
    events += modelOf(sim).eventsProcessed;
    ms += dt;
  }
  return (events / ms) * 1000;
}

const hb = load(housingBenefit);

/** Runs that let the JIT settle before any is measured: the first two years run at half speed or less. */
const JIT_RUNS = 3;
/** Seeds measured: the median of these runs is the figure. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7];

function yearMs(regime: Regime, journal = false): { total: number; warmUp: number; year: number; events: number } {
  const totals: number[] = [];
  const warmUps: number[] = [];
  const years: number[] = [];
  let events = 0;
  for (let rep = 0; rep < JIT_RUNS + SEEDS.length; rep++) {
    const measured = rep >= JIT_RUNS;
    const t0 = performance.now();
    const sim = createSim(hb, measured ? SEEDS[rep - JIT_RUNS]! : 100 + rep, regime, { journal });
    const t1 = performance.now();
    sim.advanceDays(365);
    sim.report();
    const t2 = performance.now();
    if (!measured) continue;
    totals.push(t2 - t0);
    warmUps.push(t1 - t0);
    years.push(t2 - t1);
    events = modelOf(sim).eventsProcessed;
  }
  return { total: median(totals), warmUp: median(warmUps), year: median(years), events };
}

/** Ten choices a player might make over a year, one every five weeks. */
const TEN_ACTIONS: Action[] = [
  { at: 14, kind: 'staff', role: 'assessor', count: 13 },
  { at: 30, kind: 'design', key: 'cherryPick', value: true },
  { at: 45, kind: 'design', key: 'formHandOut', value: false },
  { at: 60, kind: 'staff', role: 'receptionist', count: 5 },
  { at: 91, kind: 'design', key: 'nilQualifyDays', value: 14 },
  { at: 120, kind: 'design', key: 'clockStart', value: 'received' },
  { at: 150, kind: 'design', key: 'outsourcedCallCentre', value: false },
  { at: 180, kind: 'staff', role: 'agent', count: 4 },
  { at: 210, kind: 'design', key: 'nilQualifyDays', value: null },
  { at: 240, kind: 'regime', regime: 'systems' },
].map((a) => ({ ...a, at: a.at * 1440 }) as Action);

function attributeMs(): number {
  const times: number[] = [];
  for (let rep = 0; rep < 4; rep++) {
    const t = performance.now();
    attribute(hb, 1 + rep, 'deliverology', 365, TEN_ACTIONS);
    if (rep > 0) times.push(performance.now() - t);
  }
  return median(times);
}

const eps = eventsPerSecond();
const d = yearMs('deliverology');
const s = yearMs('systems');
const dj = yearMs('deliverology', true);
const attr = attributeMs();
const round1 = (x: number) => Math.round(x * 10) / 10;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({
      eventsPerSecond: Math.round(eps),
      housingBenefitYearMs: { deliverology: round1(d.total), systems: round1(s.total) },
      housingBenefitYearOnlyMs: { deliverology: round1(d.year), systems: round1(s.year) },
      housingBenefitWarmUpMs: { deliverology: round1(d.warmUp), systems: round1(s.warmUp) },
      housingBenefitYearMsWithJournal: { deliverology: round1(dj.total) },
      attributeYearTenActionsMs: round1(attr),
    }),
  );
} else {
  console.log(`front-desk, busy M/M/2 queue: ${Math.round(eps).toLocaleString('en-GB')} events per second`);
  for (const [name, r] of [
    ['deliverology', d],
    ['systems', s],
  ] as const) {
    console.log(
      `housing-benefit, 365 days, ${name}: ${round1(r.total)} ms ` +
        `(inherited history ${round1(r.warmUp)} ms + year ${round1(r.year)} ms, ${r.events.toLocaleString('en-GB')} events in the year)`,
    );
  }
  console.log(`housing-benefit, 365 days, deliverology, every journey recorded: ${round1(dj.total)} ms`);
  console.log(`what each of 10 choices cost (attribute, 11 runs of a year): ${round1(attr)} ms`);
}
