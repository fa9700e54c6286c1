import { describe, expect, it } from 'vitest';
import { targetState, targetStates } from '../../../src/engine/measures';
import { catalogue as benefit } from '../../../src/services/housing-benefit/catalogue';
import { catalogue as repairs } from '../../../src/services/housing-repairs/catalogue';

describe('a figure against its target', () => {
  it('a share meets its target at or above it, days at or below; no figure is neither', () => {
    expect(targetState({ better: 'higher' }, 0.8, 0.8)).toBe('met');
    expect(targetState({ better: 'higher' }, 0.79, 0.8)).toBe('missed');
    expect(targetState({ better: 'lower' }, 30, 30)).toBe('met');
    expect(targetState({ better: 'lower' }, 30.1, 30)).toBe('missed');
    expect(targetState({ better: 'lower' }, null, 30)).toBeNull();
  });

  it("judges each service's official dashboard by its catalogue", () => {
    expect(
      targetStates(
        benefit.official,
        { processingDays: 31, callsAnsweredIn20s: 0.95, visitorsSeenIn15m: null },
        { processingDays: 30, callsAnsweredIn20s: 0.8, visitorsSeenIn15m: 0.9 },
      ),
    ).toEqual({ processingDays: 'missed', callsAnsweredIn20s: 'met', visitorsSeenIn15m: null });
    expect(
      targetStates(
        repairs.official,
        { jobsWithinTarget: 0.97, daysPerJob: 6, callsAnsweredIn20s: 0.5 },
        { jobsWithinTarget: 0.95, daysPerJob: 5, callsAnsweredIn20s: 0.8 },
      ),
    ).toEqual({ jobsWithinTarget: 'met', daysPerJob: 'missed', callsAnsweredIn20s: 'missed' });
  });
});
