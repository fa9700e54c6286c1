import { DAY } from '../../engine/calendar';
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
    const closed = outcome === 'open' ? '' : fmt(n.closedAt[id]! / DAY);
    rows.push(`${id},${fmt(n.arrivedAt[id]! / DAY)},${closed},${outcome},${n.contacts[id]},${n.failureContacts[id]},${n.claims[id]}`);
  }
  return `${rows.join('\n')}\n`;
}

/** Decimal days to the minute's precision and a little more, without float noise. */
function fmt(days: number): string {
  return String(Math.round(days * 1e6) / 1e6);
}
