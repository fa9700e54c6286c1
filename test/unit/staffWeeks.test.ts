// Where the staff hours went, week by week: value, failure and idle add up to the hours paid.
import { describe, expect, it } from 'vitest';
import { staffWeeks } from '../../src/game/debriefData';
import { simulate } from '../../src/services/housing-benefit/run';
import { level } from './helpers';

const hb = level('housing-benefit', { warmUpDays: 120 });

describe('staff hours by week', () => {
  const deliverology = simulate(hb, 3, 'deliverology', 120);
  const weeks = staffWeeks(deliverology);

  it('covers the whole weeks of the run, every team together, in hours', () => {
    expect(weeks.map((w) => w.week)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    // 19 of the council's staff and the provider's 3 agents, 40 open hours a week each.
    const paid = Object.values(deliverology.staffTime.byRole).reduce((a, r) => a + r.weeks.paid[4]!, 0);
    const w = weeks[4]!;
    expect(w.value + w.failure + w.idle).toBeGreaterThanOrEqual(paid - 0.5);
    expect(paid).toBeGreaterThan(19 * 40);
  });

  it('shows the failure work the four-star office does, and the redesign releases', () => {
    const redesigned = staffWeeks(simulate(hb, 3, 'systems', 120));
    const failureShare = (ws: typeof weeks) => ws.reduce((a, w) => a + w.failure, 0) / ws.reduce((a, w) => a + w.value + w.failure + w.idle, 0);
    expect(failureShare(weeks)).toBeGreaterThan(0.2); // of paid hours, idle included
    expect(failureShare(redesigned)).toBeLessThan(0.05);
  });
});
