// One row per fault of the run's cohort (reported by its tenant on or after day 0, or found by a
// tradesperson on or after day 0): the raw data from which the report's lived measures can be
// recomputed in a spreadsheet.
import { csvDays } from '../../engine/calendar';
import type { RepairsSim } from './model';
import { PRIORITIES, TRADES } from './schema';

export function faultsCsv(sim: RepairsSim): string {
  const rows = ['id,trade,priority,reportedDay,foundDay,fixedDay,visits,jobs,contacts,failureContacts,fixedAtFirstVisit'];
  for (const f of sim.faults) {
    const reported = !f.found && f.reportedAt >= 0;
    const found = f.found && f.foundAt >= 0;
    if (!reported && !found) continue;
    const fixed = !Number.isNaN(f.fixedAt);
    rows.push(
      [
        f.id,
        TRADES[f.trade],
        PRIORITIES[f.priority],
        reported ? csvDays(f.reportedAt) : '',
        found ? csvDays(f.foundAt) : '',
        fixed ? csvDays(f.fixedAt) : '',
        f.visits,
        f.jobs,
        f.contacts,
        f.failureContacts,
        fixed ? String(f.fixedAtFirstVisit) : '',
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
