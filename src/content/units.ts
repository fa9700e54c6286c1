// The words that go with numbers everywhere: times, days of the run, the clock. ui/format.ts
// formats the numbers (Intl.NumberFormat) and asks these for the words around them.
import { plural } from './intl';

export const UNIT_WORDS = {
  /** A figure the run has no value for. */
  notAvailable: 'n/a',
  /** Whole minutes, from the number formatted. */
  minutes: (n: number, format?: Intl.NumberFormat) => plural(n, { other: '# min' }, format),
  /** Days to one decimal ("1.0 days", "8.6 days"), as the format given says. */
  days: (x: number, format: Intl.NumberFormat) => plural(x, { one: '# day', other: '# days' }, format),
  /** An axis title's unit. */
  unitName: { minutes: 'minutes', days: 'days' },
  /** The dashboard's clock: "Day 12 · Tue 10:40". */
  clock: (day: string, weekday: string, time: string) => `Day ${day} · ${weekday} ${time}`,
  /** A day of the run, counted from 1. */
  day: (day: string) => `Day ${day}`,
  /** A day before the player took over. */
  daysBefore: (n: number) => plural(n, { one: '# day before', other: '# days before' }),
} as const;
