import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar, DAY } from '../../../src/engine/calendar';
import { OpenSpell } from '../../../src/engine/openSpell';

const H = 60;

describe('OpenSpell', () => {
  it('answers as the calendar does at any time, asked in any order, and ends where the calendar says', () => {
    const cal = new Calendar({ days: [0, 1, 2, 3, 4], open: 9 * H, close: 17 * H });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -14 * DAY, max: 14 * DAY }), { minLength: 1, maxLength: 60 }), fc.boolean(), (times, sorted) => {
        const spell = new OpenSpell(cal);
        for (const t of sorted ? [...times].sort((a, b) => a - b) : times) {
          const open = spell.isOpen(t);
          expect(open).toBe(cal.isOpen(t));
          expect(spell.holds(t)).toBe(true);
          expect(spell.end).toBe(open ? cal.closesAt(t) : cal.nextOpen(t));
        }
      }),
    );
  });

  it('an office always open is one spell for all time', () => {
    const spell = new OpenSpell(new Calendar('always'));
    expect(spell.isOpen(-5 * DAY)).toBe(true);
    expect(spell.holds(1e9)).toBe(true);
    expect(spell.end).toBe(Infinity);
  });
});
