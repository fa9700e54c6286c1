// Runs the attribution of a finished run's choices in a Web Worker, row by row.
import type { RunSpec } from '../game/controller';
import { levelForRun } from '../game/levels';
import type { AttributedMeasures } from '../services/housing-benefit';
import type { Attribution } from '../services/housing-benefit/attribution';

export function attributeInWorker(run: RunSpec, full: AttributedMeasures, onRow: (row: Attribution) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./choicesWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ row?: Attribution; done?: boolean; error?: string }>) => {
      if (e.data.row) onRow(e.data.row);
      else {
        worker.terminate();
        if (e.data.done) resolve();
        else reject(new Error(e.data.error ?? 'attribution failed'));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ level: levelForRun(run.levelId, run.scenario), seed: run.seed, regime: run.regime, days: run.days, actions: run.actions, full });
  });
}
