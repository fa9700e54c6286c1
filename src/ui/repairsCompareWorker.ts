// Background run of housing repairs (level, seed, regime, days, actions); the level arrives validated by the page.
import type { Regime, ServiceAction } from '../engine/service';
import { housingRepairs, type RepairsLevel } from '../services/housing-repairs/index';

self.onmessage = (e: MessageEvent<{ level: RepairsLevel; seed: number; regime: Regime; days: number; actions: ServiceAction[] }>) => {
  try {
    const { level, seed, regime, days, actions } = e.data;
    self.postMessage({ report: housingRepairs.simulate(level, seed, regime, days, actions) });
  } catch (err) {
    self.postMessage({ error: (err as Error).message });
  }
};
