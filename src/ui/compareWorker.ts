// Background run of (level, seed, regime, days) with no player actions. The level arrives
// already validated by the page (the worker only ever talks to our own page).
import type { Level } from '../levels/schema';
import { simulate, type Regime } from '../sim';

self.onmessage = (e: MessageEvent<{ level: Level; seed: number; regime: Regime; days: number }>) => {
  try {
    const { level, seed, regime, days } = e.data;
    self.postMessage({ report: simulate(level, seed, regime, days) });
  } catch (err) {
    self.postMessage({ error: (err as Error).message });
  }
};
