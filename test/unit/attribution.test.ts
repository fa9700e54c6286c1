// What each choice cost, by re-simulation: the full run minus the same run without the action.
import { describe, expect, it } from 'vitest';
import { attribute, attributedMeasures, choicesOf, simulate, withoutChoice } from '../../src/services/housing-benefit/index';
import type { Action } from '../../src/services/housing-benefit/types';
import { level } from './helpers';

const hb = level('housing-benefit', { warmUpDays: 90 });
const DAY = 1440;
const log: Action[] = [
  { at: 10 * DAY, kind: 'design', key: 'clockStart', value: 'received' },
  { at: 20 * DAY, kind: 'design', key: 'formHandOut', value: true },
  { at: 30 * DAY, kind: 'design', key: 'nilQualifyDays', value: null },
  { at: 40 * DAY, kind: 'staff', role: 'assessor', count: 12 },
];

describe('attribution by re-simulation', () => {
  const full = simulate(hb, 6, 'deliverology', 120, log);
  const list = attribute(hb, 6, 'deliverology', 120, log, full);

  it('one entry per action, in order, each the full run minus the run without it', () => {
    expect(list.map((a) => a.index)).toEqual([0, 1, 2, 3]);
    expect(list.map((a) => a.action)).toEqual(log);
    const withoutNil = attributedMeasures(
      simulate(
        hb,
        6,
        'deliverology',
        120,
        log.filter((_, i) => i !== 2),
      ),
    );
    const measures = attributedMeasures(full);
    for (const key of Object.keys(measures) as (keyof typeof measures)[]) {
      expect(list[2]!.delta[key]).toBeCloseTo(measures[key]! - withoutNil[key]!, 3);
    }
  });

  it('an action that changes nothing costs nothing', () => {
    // The form is already handed out in the default design: setting it again changes nothing.
    expect(Object.values(list[1]!.delta).every((d) => d === 0)).toBe(true);
  });

  it('the clock rule moves the figure and nothing citizens live', () => {
    const d = list[0]!.delta;
    expect(d.reportedDays!).toBeGreaterThan(0);
    expect([d.endToEndMean, d.waitingDaysMean, d.contactsPerNeed, d.failureContacts, d.costPerNeedMet, d.harmed]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('stopping nil-qualifying raises the reported figure and spares citizens repeat contacts', () => {
    const d = list[2]!.delta;
    expect(d.reportedDays!).toBeGreaterThan(0);
    expect(d.failureContacts!).toBeLessThan(0);
    expect(d.contactsPerNeed!).toBeLessThan(0);
  });

  it('is a pure function of its inputs', () => {
    expect(attribute(hb, 6, 'deliverology', 120, log)).toEqual(list);
  });
});

describe('choices', () => {
  it('actions at one minute are one choice, but an answer to an offer is always its own', () => {
    const at = 30 * DAY;
    const log: Action[] = [
      { at, kind: 'regime', regime: 'systems' },
      { at, kind: 'staff', role: 'assessor', count: 12 },
      { at, kind: 'offer', offer: 'clock', accept: false },
      { at: at + 1, kind: 'staff', role: 'assessor', count: 11 },
      { at: at + 1, kind: 'staff', role: 'assessor', count: 10 },
    ];
    expect(choicesOf(log)).toEqual([[0, 1], [2], [3, 4]]);
    expect(withoutChoice(log, [0, 1])).toEqual(log.slice(2));
    expect(withoutChoice(log, [2])[2]).toEqual({ at, kind: 'offer', offer: 'clock', accept: true });
  });

  it('adopting the redesign and changing its staffing is measured as one choice, undone together', () => {
    const at = 30 * DAY;
    const log: Action[] = [
      { at, kind: 'regime', regime: 'systems' },
      { at, kind: 'staff', role: 'assessor', count: 10 },
    ];
    const [one, ...rest] = attribute(hb, 6, 'deliverology', 90, log);
    expect(rest).toEqual([]);
    expect(one!.indices).toEqual([0, 1]);
    const full = attributedMeasures(simulate(hb, 6, 'deliverology', 90, log));
    const none = attributedMeasures(simulate(hb, 6, 'deliverology', 90));
    expect(one!.delta.waitingDaysMean).toBeCloseTo(full.waitingDaysMean! - none.waitingDaysMean!, 3);
  });
});
