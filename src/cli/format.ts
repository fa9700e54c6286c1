import type { Attribution } from '../services/housing-benefit/attribution';
import type { Report } from '../services/housing-benefit/report';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, d = 1) => (x === null ? '-' : x.toFixed(d));
const money = (x: number | null) => (x === null ? '-' : `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

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
    lines.push(
      `  inspection day ${num(i.day, 0)}: ${'*'.repeat(i.stars)}${'.'.repeat(4 - i.stars)} league ${i.leaguePosition}/${i.leagueSize}${i.markedDown ? ' (marked down: not the approved process)' : ''}`,
    );
  }
  lines.push('');
  lines.push('What citizens lived');
  lines.push(`  needs: ${r.needs.arrived} arrived, ${r.needs.met} met, ${r.needs.open} still open, ${r.needs.abandoned} gave up`);
  lines.push(
    `  days from first contact to need met: mean ${num(r.endToEndDays.mean)}, median ${num(r.endToEndDays.p50)}, 95th percentile ${num(r.endToEndDays.p95)}, worst ${num(r.endToEndDays.max)}`,
  );
  lines.push(`  contacts: ${r.contacts.total} (${r.contacts.value} value, ${r.contacts.failure} failure demand = ${pct(r.failureDemandShare)})`);
  lines.push(`  contacts per need ${num(r.contactsPerNeed, 2)}; met in one contact ${pct(r.oneStopShare)}`);
  lines.push(`  harmed by waiting (rent arrears): ${r.needs.harmed}`);
  lines.push(
    `  every citizen: mean wait ${num(r.waitingDays.mean)} days (without help, giving up or not: ${num(r.waitingDays.withoutHelpMean)}); helped within 28 / 56 / 91 days ${pct(r.helpedWithin.d28)} / ${pct(r.helpedWithin.d56)} / ${pct(r.helpedWithin.d91)}`,
  );
  lines.push(
    `  complicated claims: mean wait ${num(r.byComplexity.hard.waitingDaysMean)} days, ${r.byComplexity.hard.harmed} of ${r.byComplexity.hard.arrived} harmed`,
  );
  lines.push('');
  lines.push('Cost');
  lines.push(
    `  total ${money(r.cost.total)}: staff ${money(r.cost.staff)}, outsourcing ${money(r.cost.outsourcing)}, post ${money(r.cost.post)}, IT ${money(r.cost.itLicence)}`,
  );
  lines.push(`  per need met ${money(r.cost.perNeedMet)}`);
  lines.push('');
  lines.push('Queues');
  for (const [id, q] of Object.entries(r.queues)) {
    lines.push(`  ${id.padEnd(14)} staff ${String(q.staff).padStart(3)}  mean wait ${num(q.meanWaitMinutes)} min  utilisation ${pct(q.utilisation)}`);
  }
  lines.push('');
  lines.push(`Where staff time went (hours): ${pct(r.staffTime.failureShare)} of the work was failure work`);
  for (const [id, t] of Object.entries(r.staffTime.byRole)) {
    lines.push(
      `  ${id.padEnd(14)} value ${num(t.value, 0).padStart(7)}  failure ${num(t.failure, 0).padStart(7)}  idle ${num(t.idle, 0).padStart(7)}  of ${num(t.paid, 0)} paid`,
    );
  }
  return lines.join('\n');
}

/** A difference with its sign; one that rounds to nothing is "0" (never "-0.0"). */
function signed(x: number | null, d = 1): string {
  if (x === null) return '-';
  const shown = x.toFixed(d);
  if (Number(shown) === 0) return '0';
  return `${x > 0 ? '+' : ''}${shown}`;
}

/** What each choice cost: the run with it minus the run without it. */
export function formatAttribution(list: readonly Attribution[]): string {
  // Actions at one minute are one choice: shown together, undone together.
  const lines = ['What each choice cost (this run minus the same run without it; for an answer to an offer, minus the other answer)'];
  lines.push(
    '  #  day  action                                reported  end-to-end  waiting  contacts/need  failure contacts  cost/need met  harmed  complicated: waiting  harmed  stars',
  );
  for (const { index, action, actions, delta: d } of list) {
    const what = actions
      .map((action) =>
        action.kind === 'staff'
          ? `${action.role} = ${action.count}`
          : action.kind === 'regime'
            ? `regime ${action.regime}`
            : action.kind === 'offer'
              ? `${action.accept ? 'accepted' : 'declined'} offer ${action.offer}`
              : action.kind === 'event'
                ? `event ${action.event}`
                : `${action.key} = ${JSON.stringify(action.value)}`,
      )
      .join(', ');
    lines.push(
      `  ${String(index).padStart(2)} ${String(Math.floor(action.at / 1440)).padStart(4)}  ${what.padEnd(36)}  ${signed(d.reportedDays).padStart(8)}  ${signed(d.endToEndMean).padStart(10)}  ${signed(d.waitingDaysMean).padStart(7)}  ${signed(d.contactsPerNeed, 2).padStart(13)}  ${signed(d.failureContacts, 0).padStart(16)}  ${signed(d.costPerNeedMet, 2).padStart(13)}  ${signed(d.harmed, 0).padStart(6)}  ${signed(d.hardWaitingDaysMean).padStart(20)}  ${signed(d.hardHarmed, 0).padStart(6)}  ${signed(d.stars, 2).padStart(5)}`,
    );
  }
  return lines.join('\n');
}
