// A run as files a trainer or student can keep: the action log with the report (replayable with
// `npm run sim -- --actions`), and one row per citizen as CSV.
import type { Action, Report, Sim } from '../services/housing-benefit';

export interface RunExport {
  format: 'its-the-system/run';
  version: 1;
  /** The model that played it and the level it ran on: a replay under another model says so. */
  model: Report['model'];
  level: string;
  /** The scenario played (null: the level has none); the CLI replays the run in it. */
  scenario: string | null;
  regime: Report['startRegime'];
  seed: number;
  days: number;
  actions: readonly Action[];
  report: Report;
}

export function runExport(levelId: string, scenario: string | null, sim: Sim, report: Report): RunExport {
  return {
    format: 'its-the-system/run',
    version: 1,
    model: report.model,
    level: levelId,
    scenario,
    regime: report.startRegime,
    seed: sim.seed,
    days: report.days,
    actions: sim.actions,
    report,
  };
}

export function runExportJson(levelId: string, scenario: string | null, sim: Sim, report: Report): string {
  return `${JSON.stringify(runExport(levelId, scenario, sim, report), null, 2)}\n`;
}

export function runNeedsCsv(sim: Sim): string {
  return sim.needsCsv();
}
