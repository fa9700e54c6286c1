// The faults CSV of a repairs run holds the report's cohort: from it a spreadsheet recomputes the
// lived measures the report gives.
import { describe, expect, it } from 'vitest';
import { faultsCsv } from '../../../src/services/housing-repairs/faultsCsv';
import { runRepairs } from '../../../src/services/housing-repairs/index';
import { buildRepairsReport } from '../../../src/services/housing-repairs/report';
import { repairsLevel } from '../helpers';

describe('the faults CSV', () => {
  for (const regime of ['deliverology', 'systems'] as const) {
    it(`${regime}: one row per fault of the cohort; its days, visits and first-visit fixes are the report's`, () => {
      const sim = runRepairs(repairsLevel(), 3, regime, 120);
      const report = buildRepairsReport(sim, 120);
      const [header, ...lines] = faultsCsv(sim).trimEnd().split('\n');
      const cols = header!.split(',');
      const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
      const reported = rows.filter((r) => r.reportedDay !== '');
      expect(reported.length).toBe(report.faults.reported);
      expect(rows.filter((r) => r.foundDay !== '').length).toBe(report.faults.found);
      const fixed = reported.filter((r) => r.fixedDay !== '');
      expect(fixed.length).toBe(report.faults.fixed);
      const e2e = fixed.map((r) => Number(r.fixedDay) - Number(r.reportedDay));
      expect(e2e.reduce((a, b) => a + b, 0) / e2e.length).toBeCloseTo(report.endToEndDays.mean!, 2);
      const visits = reported.reduce((a, r) => a + Number(r.visits), 0);
      expect(visits / fixed.length).toBeCloseTo(report.visitsPerNeed!, 2);
      const visited = reported.filter((r) => Number(r.visits) > 0);
      expect(visited.filter((r) => r.fixedAtFirstVisit === 'true').length / visited.length).toBeCloseTo(report.firstVisitFixShare!, 3);
    });
  }
});
