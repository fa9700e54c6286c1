// The headless runner's front-desk path: a textbook queue, run and reported (no action log).
import { frontDesk } from '../services/front-desk/index';
import type { FrontDeskReport } from '../services/front-desk/report';
import { MAX_VISITORS_PER_DAY } from '../services/front-desk/schema';
import type { CliOptions } from './args';

/** Visitors over the warm-up and the run together: beyond this a run takes many seconds. */
const MAX_VISITORS_PER_RUN = 2_000_000;

export function frontDeskMain(raw: unknown, opts: CliOptions, out: (s: string) => void, err: (s: string) => void): number {
  const unsupported = [
    opts.needsCsv !== null && '--needs-csv',
    opts.attribute && '--attribute',
    opts.actions !== null && '--actions',
    opts.scenario !== null && '--scenario',
  ].filter(Boolean);
  if (unsupported.length > 0) {
    err(`${unsupported.join(', ')}: not available for the front desk (a textbook queue: change it with --set)\n`);
    return 2;
  }
  const parsed = frontDesk.parseLevel(raw);
  if (!parsed.ok) {
    err(`invalid level ${opts.level}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  const level = parsed.level;
  const days = opts.days ?? level.days;
  const visitors = Math.round(level.demand.visitorsPerDay * (level.warmUpDays + days));
  if (visitors > MAX_VISITORS_PER_RUN) {
    err(
      `run too big for ${opts.level}: about ${visitors} visitors (at most ${MAX_VISITORS_PER_RUN}; at most ${MAX_VISITORS_PER_DAY} a day): fewer a day, or fewer days\n`,
    );
    return 2;
  }
  const report = frontDesk.simulate(level, opts.seed ?? 1, opts.regime ?? 'deliverology', days, []);
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatFrontDesk(report));
  return 0;
}

function formatFrontDesk(r: FrontDeskReport): string {
  const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  const min = (x: number | null) => (x === null ? '-' : `${x.toFixed(1)} min`);
  return [
    `${r.level} (front desk), seed ${r.seed}, ${r.days} days: ${r.visitors.arrived} visitors, ${r.visitors.seen} seen, ${r.visitors.queueing} still queueing`,
    `  official: seen in time ${pct(r.seenInTimeShare)}`,
    `  waits: mean ${min(r.meanWaitMinutes)}, 95th percentile ${min(r.p95WaitMinutes)}; ${pct(r.waitedShare)} waited at all`,
    `  the desk: clerks busy ${pct(r.utilisation)} of their time; ${r.meanQueueLength?.toFixed(2) ?? '-'} queueing on average`,
    '',
  ].join('\n');
}
