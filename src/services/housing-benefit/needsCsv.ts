import { csvDays } from '../../engine/calendar';
import type { Simulation } from './simulation';

/**
 * One row per need of the run's cohort (first contact on or after day 0): the raw data from
 * which every true measure of the report can be recomputed in a spreadsheet.
 */
export function needsCsv(sim: Simulation): string {
  const rows = ['id,arrivedDay,closedDay,outcome,contacts,failureContacts,claims'];
  const n = sim.needs;
  for (let id = 1; id <= n.count; id++) {
    if (n.arrivedAt[id]! < 0) continue;
    const outcome = n.outcomeOf(id);
    const closed = outcome === 'open' ? '' : csvDays(n.closedAt[id]!);
    rows.push(`${id},${csvDays(n.arrivedAt[id]!)},${closed},${outcome},${n.contacts[id]},${n.failureContacts[id]},${n.claims[id]}`);
  }
  return `${rows.join('\n')}\n`;
}
