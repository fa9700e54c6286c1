// End-to-end time as a manager who studies the work would measure it: for each week of first
// contact, the mean days from first contact to need met of that week's citizens. Computed from the
// same rows as the exported CSV, so anyone can redo it in a spreadsheet.
//
// By week of first contact, not of completion: the first weeks then count the citizens who met the
// inherited backlog at its full length. A week is charted only once it is whole and settled (at
// most 5% of its citizens still waiting), so recent weeks do not look quick merely because only
// their quick cases have finished yet.

export interface NeedRow {
  arrivedDay: number;
  closedDay: number | null;
  outcome: 'met' | 'abandoned' | 'open';
}

export interface WeekPoint {
  /** Week of the run, from 1, by first contact. */
  week: number;
  meanDays: number;
  needsMet: number;
}

/** Largest share of a week's citizens still waiting for the week to be charted. */
export const SETTLED_OPEN_SHARE = 0.05;

export function weeklyEndToEnd(rows: Iterable<NeedRow>, runDays: number): WeekPoint[] {
  const weeks = new Map<number, { sum: number; met: number; open: number; all: number }>();
  for (const r of rows) {
    if (r.arrivedDay < 0) continue;
    const week = Math.floor(r.arrivedDay / 7) + 1;
    if (week * 7 > runDays) continue; // a week not yet whole
    const w = weeks.get(week) ?? { sum: 0, met: 0, open: 0, all: 0 };
    w.all++;
    if (r.outcome === 'open') w.open++;
    else if (r.outcome === 'met' && r.closedDay !== null) {
      w.sum += r.closedDay - r.arrivedDay;
      w.met++;
    }
    weeks.set(week, w);
  }
  return [...weeks.entries()]
    .filter(([, w]) => w.met > 0 && w.open <= SETTLED_OPEN_SHARE * w.all)
    .sort((a, b) => a[0] - b[0])
    .map(([week, w]) => ({ week, meanDays: w.sum / w.met, needsMet: w.met }));
}

/** The rows of a needs CSV (as exported): header first, one need per line. */
export function parseNeedsCsv(text: string): NeedRow[] {
  const lines = text.trim().split('\n');
  const header = lines.shift()?.split(',') ?? [];
  const col = (name: string) => header.indexOf(name);
  const [a, c, o] = [col('arrivedDay'), col('closedDay'), col('outcome')];
  if (a < 0 || c < 0 || o < 0) throw new Error('not a needs CSV: expected arrivedDay, closedDay and outcome columns');
  return lines.map((line) => {
    const f = line.split(',');
    return { arrivedDay: Number(f[a]), closedDay: f[c] === '' ? null : Number(f[c]), outcome: f[o] as NeedRow['outcome'] };
  });
}
