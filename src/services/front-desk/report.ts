// What a front-desk run measured, of the visitors who arrived on or after day 0: the official
// "seen in time", and the waits themselves, with the figures queueing theory predicts (the chance
// of waiting, the mean wait, the clerks' utilisation, the mean queue, arrivals per minute).
import type { ServiceReportBase } from '../../engine/service';
import { round } from '../housing-benefit/report';
import { levelHash, MODEL_VERSION } from '../../engine/version';
import type { FrontDeskSim } from './model';

export interface FrontDeskReport extends ServiceReportBase {
  service: 'front-desk';
  visitors: { arrived: number; seen: number; queueing: number };
  /** Share of visitors seen by a clerk within the level's target minutes (the official dashboard). */
  seenInTimeShare: number | null;
  /** Minutes visitors waited before a clerk took them (of those taken by the end). */
  meanWaitMinutes: number | null;
  p95WaitMinutes: number | null;
  /** Share of visitors who had to wait at all (Erlang C's probability, for M/M/c). */
  waitedShare: number | null;
  /** Clerks' time with visitors over their time on the books. */
  utilisation: number | null;
  /** The number queueing, averaged over time (Little's law: arrivals per minute times the mean wait). */
  meanQueueLength: number | null;
  arrivalsPerMinute: number;
}

export function buildFrontDeskReport(sim: FrontDeskSim, days: number): FrontDeskReport {
  const from = Math.max(sim.firstMeasured, 0);
  const waits: number[] = [];
  let arrived = 0;
  let inTime = 0;
  let waited = 0;
  for (let id = from; id < sim.count; id++) {
    if (sim.arrivedAtOf(id) < 0) continue;
    arrived++;
    const w = sim.waitedOf(id);
    if (Number.isNaN(w)) continue;
    waits.push(w);
    if (w <= sim.level.seenWithinMinutes) inTime++;
    if (w > 0) waited++;
  }
  const seen = waits.length;
  const sorted = waits.sort((a, b) => a - b);
  const elapsed = Math.max(sim.now, 0);
  return {
    service: 'front-desk',
    model: { version: MODEL_VERSION, levelHash: levelHash(sim.level) },
    level: sim.level.id,
    regime: sim.regime,
    seed: sim.seed,
    days,
    events: sim.eventsProcessed,
    visitors: { arrived, seen, queueing: arrived - seen },
    seenInTimeShare: round(seen > 0 ? inTime / seen : null),
    meanWaitMinutes: round(seen > 0 ? sorted.reduce((a, b) => a + b, 0) / seen : null),
    p95WaitMinutes: round(seen > 0 ? sorted[Math.min(seen, Math.ceil(0.95 * seen)) - 1]! : null),
    waitedShare: round(seen > 0 ? waited / seen : null),
    utilisation: round(sim.staffedMinutes > 0 ? sim.busyMinutes / sim.staffedMinutes : null),
    meanQueueLength: round(elapsed > 0 ? sim.queueMinutes / elapsed : null),
    arrivalsPerMinute: round(elapsed > 0 ? arrived / elapsed : 0, 6)!,
  };
}
