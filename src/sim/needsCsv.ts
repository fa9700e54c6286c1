import { DAY } from './calendar';
import type { Simulation } from './simulation';

/**
 * One row per need of the run's cohort (first contact on or after day 0): the raw data from
 * which every true measure of the report can be recomputed in a spreadsheet.
 */
export function needsCsv(sim: Simulation): string {
  const rows = ['id,arrivedDay,closedDay,outcome,contacts,failureContacts,claims'];
  for (const need of sim.needs) {
    if (need.arrivedAt < 0) continue;
    const closed = need.outcome === 'open' ? '' : fmt(need.closedAt / DAY);
    rows.push(
      `${need.id},${fmt(need.arrivedAt / DAY)},${closed},${need.outcome},${need.contacts},${need.failureContacts},${need.claims}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** Decimal days to the minute's precision and a little more, without float noise. */
function fmt(days: number): string {
  return String(Math.round(days * 1e6) / 1e6);
}
