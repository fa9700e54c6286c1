import { describe, expect, it } from 'vitest';
import { Calendar, DAY, weekday } from '../../../src/engine/calendar';

const H = 60;
const MON = 0;
const FRI = 4;
const SAT = 5;
const SUN = 6;

/** Minutes from day 0 (a Monday) for day d at hh:mm. */
const at = (d: number, hh: number, mm = 0) => d * DAY + hh * H + mm;

/** Monday to Friday, 09:00 to 17:00. */
const officeHours = () => new Calendar({ days: [0, 1, 2, 3, 4], open: 9 * H, close: 17 * H });

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Open minutes in [from, to) counted minute by minute (integer bounds, integer hours). */
function bruteOpenMinutes(cal: Calendar, from: number, to: number): number {
  let n = 0;
  for (let m = from; m < to; m++) if (cal.isOpen(m)) n++;
  return n;
}

/** The first whole minute at or after an integer t that is open, scanning up to two weeks. */
function bruteNextOpen(cal: Calendar, t: number): number {
  for (let m = t; m < t + 14 * DAY; m++) if (cal.isOpen(m)) return m;
  return Infinity;
}

describe('DAY and weekday', () => {
  it('has 1440 minutes in a day', () => {
    expect(DAY).toBe(1440);
  });

  it('numbers day 0 as Monday and wraps every 7 days', () => {
    expect(weekday(0)).toBe(0);
    expect(weekday(4)).toBe(4);
    expect(weekday(5)).toBe(5);
    expect(weekday(6)).toBe(6);
    expect(weekday(7)).toBe(0);
    expect(weekday(13)).toBe(6);
    expect(weekday(700)).toBe(0);
    expect(weekday(703)).toBe(3);
  });

  it('works for negative days (the warm-up runs in the past)', () => {
    expect(weekday(-1)).toBe(6); // the Sunday before day 0
    expect(weekday(-2)).toBe(5);
    expect(weekday(-3)).toBe(4);
    expect(weekday(-6)).toBe(1);
    expect(weekday(-7)).toBe(0);
    expect(weekday(-8)).toBe(6);
    expect(weekday(-700)).toBe(0);
    expect(weekday(-701)).toBe(6);
  });

  it('always lies in 0..6 and agrees with day + 7k', () => {
    for (let d = -100; d <= 100; d++) {
      const w = weekday(d);
      expect(Number.isInteger(w)).toBe(true);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(6);
      expect(Object.is(w, -0)).toBe(false);
      expect(weekday(d + 7)).toBe(w);
      expect(weekday(d + 1)).toBe((w + 1) % 7);
    }
  });
});

describe('Calendar with office hours (Mon-Fri 09:00-17:00)', () => {
  const cal = officeHours();

  it('is not "always"', () => {
    expect(cal.always).toBe(false);
  });

  it('counts 5 x 8 hours a week', () => {
    expect(cal.minutesPerWeek).toBe(5 * 8 * H);
  });

  it('is open inside hours on a weekday', () => {
    expect(cal.isOpen(at(MON, 9))).toBe(true);
    expect(cal.isOpen(at(MON, 12, 30))).toBe(true);
    expect(cal.isOpen(at(2, 16, 59))).toBe(true);
    expect(cal.isOpen(at(FRI, 16, 59.5))).toBe(true);
  });

  it('opens exactly at the opening minute and closes exactly at the closing minute (exclusive)', () => {
    expect(cal.isOpen(at(MON, 9) - 1e-6)).toBe(false);
    expect(cal.isOpen(at(MON, 9))).toBe(true);
    expect(cal.isOpen(at(MON, 17) - 1e-6)).toBe(true);
    expect(cal.isOpen(at(MON, 17))).toBe(false);
    expect(cal.isOpen(at(FRI, 17))).toBe(false);
  });

  it('is closed at night and all weekend', () => {
    expect(cal.isOpen(at(MON, 0))).toBe(false);
    expect(cal.isOpen(at(MON, 8, 59))).toBe(false);
    expect(cal.isOpen(at(MON, 23, 59))).toBe(false);
    for (let h = 0; h < 24; h++) {
      expect(cal.isOpen(at(SAT, h))).toBe(false);
      expect(cal.isOpen(at(SUN, h, 30))).toBe(false);
    }
  });

  it('goes from Friday 17:00 to Monday 09:00', () => {
    expect(cal.nextOpen(at(FRI, 17))).toBe(at(7, 9));
    expect(cal.nextOpen(at(FRI, 20))).toBe(at(7, 9));
  });

  it('goes from any time on Saturday or Sunday to Monday 09:00', () => {
    expect(cal.nextOpen(at(SAT, 0))).toBe(at(7, 9));
    expect(cal.nextOpen(at(SAT, 10))).toBe(at(7, 9));
    expect(cal.nextOpen(at(SUN, 9))).toBe(at(7, 9));
    expect(cal.nextOpen(at(SUN, 23, 59.9))).toBe(at(7, 9));
  });

  it('returns t itself when open, including exactly at opening', () => {
    expect(cal.nextOpen(at(MON, 9))).toBe(at(MON, 9));
    expect(cal.nextOpen(at(3, 11, 17.25))).toBe(at(3, 11, 17.25));
  });

  it('goes to the same day before opening, and the next day after closing', () => {
    expect(cal.nextOpen(at(2, 0))).toBe(at(2, 9));
    expect(cal.nextOpen(at(2, 8, 59))).toBe(at(2, 9));
    expect(cal.nextOpen(at(2, 17))).toBe(at(3, 9));
    expect(cal.nextOpen(at(2, 23, 59))).toBe(at(3, 9));
  });

  it('handles negative times: the weekend before day 0', () => {
    expect(cal.isOpen(-1)).toBe(false); // Sunday 23:59
    expect(cal.nextOpen(-1)).toBe(at(MON, 9));
    expect(cal.nextOpen(at(-2, 12))).toBe(at(MON, 9)); // Saturday noon
    expect(cal.nextOpen(-0.5)).toBe(at(MON, 9));
  });

  it('handles negative times: weekdays before day 0', () => {
    // Day -3 is a Friday, day -7 a Monday.
    expect(cal.isOpen(at(-3, 10))).toBe(true);
    expect(cal.isOpen(at(-3, 17))).toBe(false);
    expect(cal.isOpen(at(-7, 9))).toBe(true);
    expect(cal.isOpen(at(-7, 8, 59))).toBe(false);
    expect(cal.nextOpen(at(-3, 10))).toBe(at(-3, 10));
    expect(cal.nextOpen(at(-3, 17))).toBe(at(MON, 9));
    expect(cal.nextOpen(at(-7, 3))).toBe(at(-7, 9));
    expect(cal.nextOpen(at(-6, 18))).toBe(at(-5, 9));
    expect(cal.nextOpen(at(-33, 0))).toBe(at(-33, 9)); // day -33 is a Wednesday
    expect(cal.nextOpen(at(-30, 0))).toBe(at(-28, 9)); // day -30 is a Saturday, -28 a Monday
  });

  it('closesAt gives the end of the open period', () => {
    expect(cal.closesAt(at(MON, 9))).toBe(at(MON, 17));
    expect(cal.closesAt(at(FRI, 16, 59))).toBe(at(FRI, 17));
    expect(cal.closesAt(at(-3, 10))).toBe(at(-3, 17));
    expect(cal.closesAt(at(-7, 9))).toBe(at(-7, 17));
  });

  it('open periods are [nextOpen, closesAt(nextOpen)) of 8 hours', () => {
    for (const t of [at(FRI, 17), -1, at(-4, 20), at(10, 3)]) {
      const opens = cal.nextOpen(t);
      const closes = cal.closesAt(opens);
      expect(closes - opens).toBe(8 * H);
      expect(cal.isOpen(opens)).toBe(true);
      expect(cal.isOpen(closes - 0.001)).toBe(true);
      expect(cal.isOpen(closes)).toBe(false);
    }
  });

  it('openMinutesBetween over a whole week equals minutesPerWeek, wherever the week starts', () => {
    expect(cal.openMinutesBetween(0, 7 * DAY)).toBe(cal.minutesPerWeek);
    expect(cal.openMinutesBetween(-7 * DAY, 0)).toBe(cal.minutesPerWeek);
    for (const start of [1, 540, 600, 1020, at(FRI, 12), -1, -12345.5, at(-30, 13, 7), 99999.25]) {
      expect(cal.openMinutesBetween(start, start + 7 * DAY)).toBe(cal.minutesPerWeek);
    }
    expect(cal.openMinutesBetween(-14 * DAY, 14 * DAY)).toBe(4 * cal.minutesPerWeek);
  });

  it('openMinutesBetween on partial days', () => {
    expect(cal.openMinutesBetween(at(MON, 0), at(MON, 10))).toBe(60);
    expect(cal.openMinutesBetween(at(MON, 10), at(MON, 11, 30))).toBe(90);
    expect(cal.openMinutesBetween(at(MON, 16), at(1, 10))).toBe(120);
    expect(cal.openMinutesBetween(at(MON, 16), at(2, 10))).toBe(600);
    expect(cal.openMinutesBetween(at(FRI, 16), at(7, 10))).toBe(120);
    expect(cal.openMinutesBetween(at(SAT, 0), at(7, 0))).toBe(0);
    expect(cal.openMinutesBetween(at(-3, 16), at(MON, 9, 30))).toBe(90);
  });

  it('openMinutesBetween is 0 for empty or reversed ranges', () => {
    expect(cal.openMinutesBetween(at(MON, 10), at(MON, 10))).toBe(0);
    expect(cal.openMinutesBetween(at(MON, 11), at(MON, 10))).toBe(0);
  });

  it('openMinutesBetween is additive and matches a minute-by-minute count', () => {
    const rand = lcg(2024);
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(rand() * 20 * DAY) - 10 * DAY;
      const b = a + Math.floor(rand() * 3 * DAY);
      const c = b + Math.floor(rand() * 3 * DAY);
      const ab = cal.openMinutesBetween(a, b);
      const bc = cal.openMinutesBetween(b, c);
      expect(ab + bc).toBe(cal.openMinutesBetween(a, c));
      expect(ab).toBe(bruteOpenMinutes(cal, a, b));
    }
  });

  it('nextOpen matches a minute-by-minute search', () => {
    const rand = lcg(31337);
    for (let i = 0; i < 300; i++) {
      const t = Math.floor(rand() * 28 * DAY) - 14 * DAY;
      expect(cal.nextOpen(t)).toBe(bruteNextOpen(cal, t));
    }
  });
});

describe('Calendar with unusual hours', () => {
  it('weekend-only hours (days given out of order)', () => {
    const cal = new Calendar({ days: [SUN, SAT], open: 10 * H, close: 14 * H });
    expect(cal.minutesPerWeek).toBe(2 * 4 * H);
    expect(cal.isOpen(at(SAT, 10))).toBe(true);
    expect(cal.isOpen(at(SUN, 13, 59))).toBe(true);
    expect(cal.isOpen(at(FRI, 12))).toBe(false);
    expect(cal.nextOpen(at(MON, 12))).toBe(at(SAT, 10));
    expect(cal.nextOpen(at(SAT, 14))).toBe(at(SUN, 10));
    expect(cal.nextOpen(at(SUN, 14))).toBe(at(12, 10));
    expect(cal.nextOpen(-1)).toBe(at(SAT, 10)); // Sunday 23:59 before day 0
    expect(cal.isOpen(at(-1, 11))).toBe(true); // Sunday before day 0
    expect(cal.openMinutesBetween(-3 * DAY, 4 * DAY)).toBe(cal.minutesPerWeek);
    const rand = lcg(5);
    for (let i = 0; i < 100; i++) {
      const t = Math.floor(rand() * 28 * DAY) - 14 * DAY;
      expect(cal.nextOpen(t)).toBe(bruteNextOpen(cal, t));
    }
  });

  it('one day a week: nextOpen can be almost a week away', () => {
    const cal = new Calendar({ days: [2], open: 9 * H, close: 12 * H });
    expect(cal.nextOpen(at(2, 12))).toBe(at(9, 9));
    expect(cal.nextOpen(at(-5, 12))).toBe(at(2, 9)); // day -5 is a Wednesday
    expect(cal.openMinutesBetween(-5 * DAY, 2 * DAY)).toBe(3 * H);
  });

  it('never open: nextOpen is Infinity and no open minutes', () => {
    const cal = new Calendar({ days: [], open: 9 * H, close: 17 * H });
    expect(cal.minutesPerWeek).toBe(0);
    expect(cal.isOpen(at(MON, 10))).toBe(false);
    expect(cal.nextOpen(at(MON, 10))).toBe(Infinity);
    expect(cal.openMinutesBetween(-7 * DAY, 7 * DAY)).toBe(0);
  });
});

describe('Calendar "always"', () => {
  const cal = new Calendar('always');

  it('is always open, every minute of the week', () => {
    expect(cal.always).toBe(true);
    expect(cal.minutesPerWeek).toBe(7 * DAY);
    for (const t of [0, -1, -0.5, at(SAT, 3), at(SUN, 23, 59), at(-3, 17), 1e7, -1e7]) {
      expect(cal.isOpen(t)).toBe(true);
      expect(cal.nextOpen(t)).toBe(t);
      expect(cal.closesAt(t)).toBe(Infinity);
    }
  });

  it('counts every minute between two times', () => {
    expect(cal.openMinutesBetween(0, 7 * DAY)).toBe(cal.minutesPerWeek);
    expect(cal.openMinutesBetween(-100.5, 250.25)).toBe(350.75);
    expect(cal.openMinutesBetween(10, 10)).toBe(0);
    expect(cal.openMinutesBetween(10, 5)).toBe(0);
  });
});
