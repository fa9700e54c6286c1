// What the debrief shows, computed once from the finished run: the dashboard's story and the
// citizens' story, on the same citizens.
import { DAY, type Report, type Sim } from '../services/housing-benefit';
import { percentile } from '../services/housing-benefit/report';
import { weeklyEndToEnd, type WeekPoint } from '../analysis/endToEnd';
import { phaseChanges, processChart, type ProcessChart } from '../analysis/xmrPhases';
import type { DaysSplit } from '../analysis/whereTheDaysWent';
import { JOURNEY_WORDS } from '../content/journey';
import { citizenName, findNeed } from './citizens';

function changedWeekOf(sim: Sim): number | null {
  const change = sim.actions.find((a) => a.kind === 'regime');
  return change ? Math.floor(change.at / (7 * DAY)) + 1 : null;
}

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
  /** The scenario played (null: the level has none). */
  scenario: string | null;
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
  /** Those the two distributions leave out: not helped by the end, or off the official clock. */
  unhelped: Unhelped;
  /** Weekly mean end-to-end days of needs met, and its process behaviour chart, a phase per change of system. */
  weeks: WeekPoint[];
  xmr: ProcessChart | null;
  /** The helped citizens' days, split by what the official clock saw of them (null: nobody helped). */
  daysSplit: DaysSplit | null;
  /** Paid staff hours by week: value work, failure work, idle (all roles). */
  staffWeeks: StaffWeek[];
  /** The week the office changed regime, if it did. */
  changedWeek: number | null;
  /** Ids of the citizens who arrived during the run. */
  firstNeedId: number;
  lastNeedId: number;
}

export interface StaffWeek {
  week: number;
  value: number;
  failure: number;
  idle: number;
}

/** Paid hours by week over every team (the report's weekly time is in hours): value, failure, and what was left idle (overtime shows as no idle). */
export function staffWeeks(report: Report): StaffWeek[] {
  const out: StaffWeek[] = [];
  for (const role of Object.values(report.staffTime.byRole)) {
    role.weeks.paid.forEach((paid, i) => {
      const w = (out[i] ??= { week: i + 1, value: 0, failure: 0, idle: 0 });
      const value = role.weeks.value[i] ?? 0;
      const failure = role.weeks.failure[i] ?? 0;
      w.value += value;
      w.failure += failure;
      w.idle += Math.max(0, paid - value - failure);
    });
  }
  // The last week may be a part week: leave it off rather than draw it short.
  const whole = Math.floor(report.days / 7);
  return out.slice(0, whole);
}

export interface Unhelped {
  /** Citizens of the run still waiting for help at the end, and their mean days waited so far. */
  stillWaiting: number;
  stillWaitingMeanDays: number | null;
  /** Citizens who gave up. */
  gaveUp: number;
  /** Claims of the run closed as incomplete: off the official clock, not decided. */
  closedIncomplete: number;
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
  return (
    percentile(
      [...values].sort((a, b) => a - b),
      95,
    ) ?? 0
  );
}

export function buildDebrief(sim: Sim, levelId: string, report: Report, scenario: string | null = null): Debrief {
  const { reportedDays: reported, closedIncomplete } = sim.cohortClaims();
  let stillWaiting = 0;
  let waitedSoFar = 0;
  let gaveUpCount = 0;
  const lived: number[] = [];
  let firstNeedId = 0;
  let lastNeedId = 0;
  let longest = null as null | { id: number; days: number };
  let busiest = null as null | { id: number; contacts: number };
  let oneStop = null as null | number;
  let gaveUp = null as null | number;
  for (const n of sim.needs()) {
    if (n.arrivedAt < 0) continue;
    if (firstNeedId === 0) firstNeedId = n.id;
    lastNeedId = n.id;
    if (n.outcome === 'met') {
      const days = (n.closedAt - n.arrivedAt) / DAY;
      lived.push(days);
      if (!longest || days > longest.days) longest = { id: n.id, days };
      if (n.contacts === 1 && oneStop === null) oneStop = n.id;
    }
    if (n.outcome === 'abandoned') {
      gaveUpCount++;
      if (gaveUp === null) gaveUp = n.id;
    }
    if (n.outcome === 'open') {
      stillWaiting++;
      waitedSoFar += (sim.now - n.arrivedAt) / DAY;
    }
    if (!busiest || n.contacts > busiest.contacts) busiest = { id: n.id, contacts: n.contacts };
  }
  const weeks = weeklyEndToEnd(sim.needRows(), report.days);
  const bin = binWidth(Math.max(p95(reported), p95(lived), 1 / 24));
  const notable: NotableCitizen[] = [];
  const add = (id: number | null | undefined, why: string) => {
    if (id && !notable.some((x) => x.needId === id) && findNeed(sim, id)) {
      notable.push({ needId: id, label: JOURNEY_WORDS.notableLabel(citizenName(id), why) });
    }
  };
  const reasons = JOURNEY_WORDS.notable;
  add(longest?.id, reasons.longest);
  add(busiest?.id, reasons.busiest);
  add(gaveUp, reasons.gaveUp);
  add(oneStop, reasons.oneStop);
  return {
    levelId,
    scenario,
    levelTitle: sim.level.title,
    regime: report.regime,
    startRegime: report.startRegime,
    seed: report.seed,
    report,
    reported: histogram(reported, bin),
    lived: histogram(lived, bin),
    notable,
    unhelped: { stillWaiting, stillWaitingMeanDays: stillWaiting > 0 ? waitedSoFar / stillWaiting : null, gaveUp: gaveUpCount, closedIncomplete },
    weeks,
    xmr: processChart(weeks, phaseChanges(sim.actions)),
    daysSplit: sim.daysSplit(),
    staffWeeks: staffWeeks(report),
    changedWeek: changedWeekOf(sim),
    firstNeedId,
    lastNeedId,
  };
}
