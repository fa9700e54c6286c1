// Runs housing repairs another way on the same tenants in a Web Worker, so the debrief stays responsive.
import { repairsLevel } from '../game/repairs/repairsLevel';
import type { RepairsRunSpec } from '../game/repairs/repairsState';
import type { RepairsReport } from '../services/housing-repairs/index';

export function compareRepairsInWorker(run: RepairsRunSpec): Promise<RepairsReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./repairsCompareWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ report?: RepairsReport; error?: string }>) => {
      worker.terminate();
      if (e.data.report) resolve(e.data.report);
      else reject(new Error(e.data.error ?? 'comparison failed'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ level: repairsLevel(), ...run });
  });
}
