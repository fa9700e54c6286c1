import { it } from 'vitest';
import { level } from './helpers';
import { createSim } from '../../src/sim';
import { drawStudy } from '../../src/game/demandStudy';
it('explore', () => {
  let n = 0; const bad: string[] = [];
  for (const regime of ['deliverology', 'systems'] as const) for (let seed = 1; seed <= 10; seed++) {
    const sim = createSim(level('housing-benefit'), seed, regime, { journal: true });
    for (let d = 0; d < 6; d++) {
      sim.advanceDays(d === 0 ? 5 : 30);
      const st = drawStudy(sim, 200);
      for (const i of st.items) { n++; if (/today ago|been today|today after|after today|1th|2th|3th|undefined/.test(i.text)) bad.push(`${regime} ${seed} day ${i.day.toFixed(1)} ${i.reason}: ${i.text}`); }
    }
  }
  console.log(n, bad.length); console.log(bad.slice(0, 15).join('\n'));
});
