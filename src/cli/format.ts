import type { Report } from '../sim/report';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, d = 1) => (x === null ? '-' : x.toFixed(d));
const money = (x: number | null) =>
  x === null ? '-' : `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The report as a person reads it: the dashboard beside what citizens lived. */
export function formatReport(r: Report): string {
  const lines: string[] = [];
  const regime = r.startRegime === r.regime ? r.regime : `${r.startRegime} -> ${r.regime}`;
  lines.push(`${r.level} | ${regime} | seed ${r.seed} | ${r.days} days`);
  lines.push('');
  lines.push('What the dashboard said');
  lines.push(`  average days to process      ${num(r.reportedDays.mean)}`);
  lines.push(`  calls answered within 20 s   ${pct(r.dashboard.callsAnsweredIn20s)}`);
  lines.push(`  visitors seen within 15 min  ${pct(r.dashboard.visitorsSeenIn15m)}`);
  lines.push(`  claims decided               ${r.claims.decided} of ${r.claims.opened} opened (${r.claims.nilQualified} nil-qualified)`);
  for (const i of r.inspections) {
    lines.push(`  inspection day ${num(i.day, 0)}: ${'*'.repeat(i.stars)}${'.'.repeat(4 - i.stars)} league ${i.leaguePosition}/${i.leagueSize}${i.markedDown ? ' (marked down: not the approved process)' : ''}`);
  }
  lines.push('');
  lines.push('What citizens lived');
  lines.push(`  needs: ${r.needs.arrived} arrived, ${r.needs.met} met, ${r.needs.open} still open, ${r.needs.abandoned} gave up`);
  lines.push(`  days from first contact to need met: mean ${num(r.endToEndDays.mean)}, median ${num(r.endToEndDays.p50)}, 95th percentile ${num(r.endToEndDays.p95)}, worst ${num(r.endToEndDays.max)}`);
  lines.push(`  contacts: ${r.contacts.total} (${r.contacts.value} value, ${r.contacts.failure} failure demand = ${pct(r.failureDemandShare)})`);
  lines.push(`  contacts per need ${num(r.contactsPerNeed, 2)}; met in one contact ${pct(r.oneStopShare)}`);
  lines.push(`  harmed by waiting (rent arrears): ${r.needs.harmed}`);
  lines.push('');
  lines.push('Cost');
  lines.push(`  total ${money(r.cost.total)}: staff ${money(r.cost.staff)}, outsourcing ${money(r.cost.outsourcing)}, post ${money(r.cost.post)}, IT ${money(r.cost.itLicence)}`);
  lines.push(`  per need met ${money(r.cost.perNeedMet)}`);
  lines.push('');
  lines.push('Queues');
  for (const [id, q] of Object.entries(r.queues)) {
    lines.push(`  ${id.padEnd(14)} staff ${String(q.staff).padStart(3)}  mean wait ${num(q.meanWaitMinutes)} min  utilisation ${pct(q.utilisation)}`);
  }
  return lines.join('\n');
}
