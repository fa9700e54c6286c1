import type { RepairsReport } from '../services/housing-repairs/report';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, d = 1) => (x === null ? '-' : x.toFixed(d));
const money = (x: number | null) => (x === null ? '-' : `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

/** A housing-repairs report as a person reads it: the dashboard beside what tenants lived. */
export function formatRepairsReport(r: RepairsReport): string {
  const regime = r.startRegime === r.regime ? r.regime : `${r.startRegime} -> ${r.regime}`;
  const lines = [`${r.level} | ${regime} | seed ${r.seed} | ${r.days} days`, ''];
  lines.push('What the dashboard said');
  lines.push(`  jobs completed within target  ${pct(r.dashboard.jobsWithinTarget)}`);
  lines.push(`  average days per job          ${num(r.dashboard.daysPerJob)}`);
  lines.push(`  calls answered within 20 s    ${pct(r.dashboard.callsAnsweredIn20s)}`);
  for (const i of r.inspections) lines.push(`  inspection day ${num(i.day, 0)}: ${'*'.repeat(i.stars)}${'.'.repeat(4 - i.stars)}`);
  lines.push('');
  lines.push('What tenants lived');
  lines.push(
    `  faults: ${r.faults.reported} reported, ${r.faults.fixed} fixed, ${r.faults.open} still waiting; ${r.faults.found} more found by a tradesperson who asked`,
  );
  lines.push(
    `  days from first call to repair done: mean ${num(r.endToEndDays.mean)}, median ${num(r.endToEndDays.p50)}, 95th percentile ${num(r.endToEndDays.p95)}, worst ${num(r.endToEndDays.max)}`,
  );
  lines.push(`  every tenant, fixed or still waiting: mean wait ${num(r.waitingDays.mean)} days`);
  lines.push(`  fixed at the first visit ${pct(r.firstVisitFixShare)}; visits per repair ${num(r.visitsPerNeed, 2)}; jobs per repair ${num(r.jobsPerNeed, 2)}`);
  lines.push(
    `  visits that fixed nothing: ${r.failedVisits['no-access']} nobody in, ${r.failedVisits['wrong-trade']} wrong trade, ${r.failedVisits['no-parts']} without the parts`,
  );
  lines.push(
    `  calls: ${r.contacts.total} (${r.contacts.value} value, ${r.contacts.failure} failure demand = ${pct(r.failureDemandShare)}); ${r.contacts.unanswered} hung up`,
  );
  lines.push(
    `    ${Object.entries(r.contacts.byReason)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  lines.push('');
  lines.push('Cost');
  lines.push(
    `  total ${money(r.cost.total)}: repairs line ${money(r.cost.phone)}, in-house trades ${money(r.cost.trades)}, contractor ${money(r.cost.contractor)}, parts ${money(r.cost.parts)}`,
  );
  lines.push(`  per repair ${money(r.cost.perRepair)} (${r.repairsDone} repairs done)`);
  lines.push('');
  lines.push('Where staff time went (hours)');
  for (const [id, t] of Object.entries(r.staffTime)) {
    lines.push(`  ${id.padEnd(8)} value ${num(t.value, 0).padStart(7)}  failure ${num(t.failure, 0).padStart(7)}  of ${num(t.paid, 0)} paid`);
  }
  return lines.join('\n');
}
