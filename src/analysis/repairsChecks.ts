// Housing repairs against its source (Portsmouth): the figures over many seeds, and each lever alone.
import type { Regime } from '../engine/service';
import { housingRepairs, type RepairsLevel, type RepairsReport } from '../services/housing-repairs/index';
import { catalogue } from '../services/housing-repairs/catalogue';
import { LINE_ROLES } from '../services/housing-repairs/schema';
import { type Spread, spread } from './modelChecks';

export const REPAIRS_MEASURES = {
  endToEndMean: (r: RepairsReport) => r.endToEndDays.mean ?? Number.NaN,
  waitingDaysMean: (r: RepairsReport) => r.waitingDays.mean ?? Number.NaN,
  firstVisitFixShare: (r: RepairsReport) => r.firstVisitFixShare ?? Number.NaN,
  visitsPerNeed: (r: RepairsReport) => r.visitsPerNeed ?? Number.NaN,
  failureDemandShare: (r: RepairsReport) => r.failureDemandShare ?? Number.NaN,
  costPerRepair: (r: RepairsReport) => r.cost.perRepair ?? Number.NaN,
  jobsWithinTarget: (r: RepairsReport) => r.dashboard.jobsWithinTarget ?? Number.NaN,
  reportedDays: (r: RepairsReport) => r.reportedDays.mean ?? Number.NaN,
  fewestStars: (r: RepairsReport) => Math.min(...r.inspections.map((i) => i.stars)),
} as const;
export type RepairsMeasureId = keyof typeof REPAIRS_MEASURES;

function reports(level: RepairsLevel, regime: Regime, seeds: readonly number[], days: number): RepairsReport[] {
  return seeds.map((seed) => housingRepairs.simulate(level, seed, regime, days, []));
}

/** Each measure's spread over the seeds, per regime, and the cost per repair redesigned over deliverology's, seed by seed. */
export function repairsCalibration(level: RepairsLevel, seeds: readonly number[], days: number) {
  const d = reports(level, 'deliverology', seeds, days);
  const s = reports(level, 'systems', seeds, days);
  const stats = (rs: RepairsReport[]) =>
    Object.fromEntries(Object.entries(REPAIRS_MEASURES).map(([id, m]) => [id, spread(rs.map(m))])) as Record<RepairsMeasureId, Spread>;
  const ratios = seeds.map((_, i) => REPAIRS_MEASURES.costPerRepair(s[i]!) / REPAIRS_MEASURES.costPerRepair(d[i]!));
  return { deliverology: stats(d), systems: stats(s), costRatio: spread(ratios), perSeed: { deliverology: d, systems: s } };
}

export interface LeverRow {
  from: Regime;
  key: string;
  kind: string;
  value: string | boolean;
  /** Mean over the seeds, the regime as designed -> with this lever changed. */
  measures: Record<RepairsMeasureId, { before: number; after: number }>;
}

/** From each regime's own design, each lever turned to its other value alone (staffing unchanged). */
export function repairsLevers(level: RepairsLevel, seeds: readonly number[], days: number): LeverRow[] {
  const mean = (rs: RepairsReport[], id: RepairsMeasureId) => spread(rs.map(REPAIRS_MEASURES[id])).mean;
  const rows: LeverRow[] = [];
  for (const from of ['deliverology', 'systems'] as const) {
    const base = reports(level, from, seeds, days);
    for (const lever of catalogue.levers) {
      const current = level.regimes[from].design[lever.key as keyof RepairsLevel['regimes']['systems']['design']];
      const value = lever.values.find((v) => v !== current)!;
      const changed: RepairsLevel = structuredClone(level);
      (changed.regimes[from].design as Record<string, unknown>)[lever.key] = value;
      if (lever.key === 'frontLine') {
        // As the sim does for a design action: the people on the line stay on it, in the new role.
        const staff = changed.regimes[from].staff;
        const was = LINE_ROLES[current as keyof typeof LINE_ROLES];
        const now = LINE_ROLES[value as keyof typeof LINE_ROLES];
        staff[now] += staff[was];
        staff[was] = 0;
      }
      const after = reports(changed, from, seeds, days);
      rows.push({
        from,
        key: lever.key,
        kind: lever.kind,
        value,
        measures: Object.fromEntries(
          (Object.keys(REPAIRS_MEASURES) as RepairsMeasureId[]).map((id) => [id, { before: mean(base, id), after: mean(after, id) }]),
        ) as LeverRow['measures'],
      });
    }
  }
  return rows;
}
