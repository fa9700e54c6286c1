// What the debrief shows, computed once from the finished run: the dashboard's story and the
// citizens' story, on the same citizens.
import { DAY, type Report, type Sim } from '../sim';
import { percentile } from '../sim/report';
import { weeklyEndToEnd, type NeedRow, type WeekPoint } from '../analysis/endToEnd';
import { xmr, type XmR } from '../analysis/xmr';
import { citizenName, findNeed } from './citizens';

export interface Histogram {
  /** Bin width in days. */
  binDays: number;
  /** Counts per bin; the last bin holds everything at or above its lower edge. */
  counts: number[];
  total: number;
}

export interface NotableCitizen {
  needId: number;
  label: string;
}

export interface Debrief {
  levelId: string;
  levelTitle: string;
  regime: Report['regime'];
  startRegime: Report['startRegime'];
  seed: number;
  report: Report;
  /** Official days per claim decided (the dashboard's clock). */
  reported: Histogram;
  /** First contact to need met, per need met (the citizen's clock). */
  lived: Histogram;
  notable: NotableCitizen[];
  /** Weekly mean end-to-end days of needs met, and its process behaviour chart. */
  weeks: WeekPoint[];
  xmr: XmR | null;
  /** Ids of the citizens who arrived during the run. */
  firstNeedId: number;
  lastNeedId: number;
}

const NICE_DAYS = [5, 10, 15, 30, 60, 120, 240, 480].map((m) => m / (24 * 60)).concat([1, 2, 3, 5, 7, 14, 28, 56]);
const BINS = 12;

/** A bin width from a list of round values, so that about twelve bins cover the range. */
export function binWidth(maxDays: number): number {
  const want = maxDays / BINS;
  return NICE_DAYS.find((w) => w >= want) ?? NICE_DAYS[NICE_DAYS.length - 1]!;
}

export function histogram(values: readonly number[], bin: number): Histogram {
  const counts = new Array<number>(BINS + 1).fill(0);
  for (const v of values) counts[Math.min(BINS, Math.max(0, Math.floor(v / bin)))]!++;
  return { binDays: bin, counts, total: values.length };
}

function p95(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 95) ?? 0;
}

export function buildDebrief(sim: Sim, levelId: string, report: Report): Debrief {
  const m = sim.model;
  const reported: number[] = [];
  const claims = m.claims;
  for (let id = m.firstMeasuredClaim + 1; id <= claims.count; id++) {
    if (claims.statusOf(id) === 'decided' && m.needs.arrivedAt[claims.needOf[id]!]! >= 0) reported.push(claims.reportedDays[id]!);
  }
  const lived: number[] = [];
  let firstNeedId = 0;
  let lastNeedId = 0;
  let longest = null as null | { id: number; days: number };
  let busiest = null as null | { id: number; contacts: number };
  let oneStop = null as null | number;
  let gaveUp = null as null | number;
  for (const n of m.needs.list()) {
    if (n.arrivedAt < 0) continue;
    if (firstNeedId === 0) firstNeedId = n.id;
    lastNeedId = n.id;
    if (n.outcome === 'met') {
      const days = (n.closedAt - n.arrivedAt) / DAY;
      lived.push(days);
      if (!longest || days > longest.days) longest = { id: n.id, days };
      if (n.contacts === 1 && oneStop === null) oneStop = n.id;
    }
    if (n.outcome === 'abandoned' && gaveUp === null) gaveUp = n.id;
    if (!busiest || n.contacts > busiest.contacts) busiest = { id: n.id, contacts: n.contacts };
  }
  const weeks = weeklyEndToEnd(needRows(sim), report.days);
  const bin = binWidth(Math.max(p95(reported), p95(lived), 1 / 24));
  const notable: NotableCitizen[] = [];
  const add = (id: number | null | undefined, why: string) => {
    if (id && !notable.some((x) => x.needId === id) && findNeed(sim, id)) {
      notable.push({ needId: id, label: `${citizenName(id)}: ${why}` });
    }
  };
  add(longest?.id, 'the longest wait to be helped');
  add(busiest?.id, 'the most contacts');
  add(gaveUp, 'gave up');
  add(oneStop, 'helped in one contact');
  return {
    levelId,
    levelTitle: sim.level.title,
    regime: report.regime,
    startRegime: report.startRegime,
    seed: report.seed,
    report,
    reported: histogram(reported, bin),
    lived: histogram(lived, bin),
    notable,
    weeks,
    xmr: xmr(weeks.map((w) => w.meanDays)),
    firstNeedId,
    lastNeedId,
  };
}

/** The run's cohort as the rows of the needs CSV (days from the start of the run). */
export function* needRows(sim: Sim): Generator<NeedRow> {
  const n = sim.model.needs;
  for (let id = 1; id <= n.count; id++) {
    const arrivedAt = n.arrivedAt[id]!;
    if (arrivedAt < 0) continue;
    const outcome = n.outcomeOf(id);
    yield { arrivedDay: arrivedAt / DAY, closedDay: outcome === 'open' ? null : n.closedAt[id]! / DAY, outcome };
  }
}
