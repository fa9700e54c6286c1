// Runs the other regime on the same seed in a Web Worker, so the debrief stays responsive.
import type { RunSpec } from '../game/controller';
import { levelForRun } from '../game/levels';
import type { Report } from '../services/housing-benefit';
import { reportFromWorker } from './workerReport';

export function compareInWorker(run: RunSpec): Promise<Report> {
  return reportFromWorker(
    () => new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module' }),
    // The validated level goes over as data, so the worker needs no validator of its own.
    () => ({ level: levelForRun(run.levelId, run.scenario), seed: run.seed, regime: run.regime, days: run.days, actions: run.actions }),
    'comparison',
  );
}
