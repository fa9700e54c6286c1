// End-to-end time as a manager who studies the work would measure it: for each week, the mean
// days from first contact to need met of the needs met that week. Computed from the same rows
// as the exported CSV, so anyone can redo it in a spreadsheet.

export interface NeedRow {
  arrivedDay: number;
  closedDay: number | null;
  outcome: 'met' | 'abandoned' | 'open';
}

export interface WeekPoint {
  /** Week of the run, from 1. */
  week: number;
  meanDays: number;
  needsMet: number;
}

export function weeklyEndToEnd(rows: Iterable<NeedRow>): WeekPoint[] {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const r of rows) {
    if (r.outcome !== 'met' || r.closedDay === null || r.arrivedDay < 0) continue;
    const week = Math.floor(r.closedDay / 7) + 1;
    const s = sums.get(week) ?? { sum: 0, n: 0 };
    s.sum += r.closedDay - r.arrivedDay;
    s.n++;
    sums.set(week, s);
  }
  return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([week, s]) => ({ week, meanDays: s.sum / s.n, needsMet: s.n }));
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
