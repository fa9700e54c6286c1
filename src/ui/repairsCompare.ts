// Runs housing repairs another way on the same tenants in a Web Worker, so the debrief stays responsive.
import { repairsLevel } from '../game/repairs/repairsLevel';
import type { RepairsRunSpec } from '../game/repairs/repairsState';
import type { RepairsReport } from '../services/housing-repairs/index';
import { reportFromWorker } from './workerReport';

export function compareRepairsInWorker(run: RepairsRunSpec): Promise<RepairsReport> {
  return reportFromWorker(
    () => new Worker(new URL('./repairsCompareWorker.ts', import.meta.url), { type: 'module' }),
    () => ({ level: repairsLevel(), ...run }),
    'comparison',
  );
}
