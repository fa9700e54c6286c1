// What each choice cost, in the background: one re-run per choice, each posted as it is done so the
// debrief can show rows as they arrive. The level arrives already validated by the page.
import type { Level } from '../levels/schema';
import { attributeChoice, choicesOf, MAX_ATTRIBUTED_ACTIONS, type Action, type AttributedMeasures, type Regime } from '../services/housing-benefit';

interface Job {
  level: Level;
  seed: number;
  regime: Regime;
  days: number;
  actions: Action[];
  full: AttributedMeasures;
}

self.onmessage = (e: MessageEvent<Job>) => {
  try {
    const { level, seed, regime, days, actions, full } = e.data;
    for (const indices of choicesOf(actions).slice(0, MAX_ATTRIBUTED_ACTIONS)) {
      self.postMessage({ row: attributeChoice(level, seed, regime, days, actions, indices, full) });
    }
    self.postMessage({ done: true });
  } catch (err) {
    self.postMessage({ error: (err as Error).message });
  }
};
