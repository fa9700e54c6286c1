// Runs the other regime on the same seed in a Web Worker, so the debrief stays responsive.
import type { RunSpec } from '../game/controller';
import { levelForRun } from '../game/levels';
import type { Report } from '../sim';

export function compareInWorker(run: RunSpec): Promise<Report> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ report?: Report; error?: string }>) => {
      worker.terminate();
      if (e.data.report) resolve(e.data.report);
      else reject(new Error(e.data.error ?? 'comparison failed'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    // The validated level goes over as data, so the worker needs no validator of its own.
    worker.postMessage({ level: levelForRun(run.levelId, run.scenario), seed: run.seed, regime: run.regime, days: run.days, actions: run.actions });
  });
}
