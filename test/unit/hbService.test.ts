// Housing benefit as a service of the engine: its run takes the engine's actions only once they
// pass as an action log of its own.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/engine/calendar';
import { simulate } from '../../src/services/housing-benefit/index';
import { housingBenefit } from '../../src/services/housing-benefit/service';
import { level } from './helpers';

describe('housing benefit as a service', () => {
  const lv = level('housing-benefit');

  it("runs a valid log to simulate()'s report, in any order it is given", () => {
    const log = [
      { at: 40 * DAY, kind: 'design', key: 'nilQualifyDays', value: 28 },
      { at: 10 * DAY, kind: 'staff', role: 'assessor', count: 20 },
    ] as const;
    const viaService = housingBenefit.simulate(lv, 3, 'deliverology', 60, log);
    expect(viaService).toEqual(simulate(lv, 3, 'deliverology', 60, [log[1], log[0]]));
  });

  it('refuses a design key or value that is not its own, an unknown role, and an action after the end', () => {
    const run = (actions: Parameters<typeof housingBenefit.simulate>[4]) => () => housingBenefit.simulate(lv, 1, 'deliverology', 10, actions);
    expect(run([{ at: 0, kind: 'design', key: 'frontLine', value: 'repairs-expert' }])).toThrow(/actions\.0/);
    expect(run([{ at: 0, kind: 'design', key: 'cherryPick', value: 'yes' }])).toThrow(/actions\.0/);
    expect(run([{ at: 0, kind: 'staff', role: 'plumber', count: 2 }])).toThrow(/unknown role "plumber"/);
    expect(run([{ at: 11 * DAY, kind: 'staff', role: 'assessor', count: 2 }])).toThrow(/after the run's end/);
  });
});
