// Background run of (level, seed, regime, days, actions). The level arrives
// already validated by the page (the worker only ever talks to our own page).
import type { Level } from '../levels/schema';
import { simulate, type Action, type Regime } from '../services/housing-benefit';

self.onmessage = (e: MessageEvent<{ level: Level; seed: number; regime: Regime; days: number; actions: Action[] }>) => {
  try {
    const { level, seed, regime, days, actions } = e.data;
    self.postMessage({ report: simulate(level, seed, regime, days, actions) });
  } catch (err) {
    self.postMessage({ error: (err as Error).message });
  }
};
