// How numbers read on screen. The end-to-end test formats the Node sim's report with these same
// functions and compares with the page, so both must stay pure. Every number goes through
// Intl.NumberFormat in the game's locale (content/intl.ts); the words around it are content's
// (content/units.ts).
import { LOCALE, numberFormat } from '../content/intl';
import { UNIT_WORDS as U } from '../content/units';

const oneDecimal = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percentFormat = numberFormat({ style: 'percent', maximumFractionDigits: 1 });
const moneyFormat = numberFormat({ style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const moneyPence = numberFormat({ style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = numberFormat();

export const NOT_AVAILABLE = U.notAvailable;

/** Days to one decimal; under a day (the front desk), whole minutes, so short waits do not show as 0.0. */
export function days(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  if (x < 1) return U.minutes(Math.round(x * 24 * 60));
  return U.days(x, oneDecimal);
}

/** The unit a figure shows its times in: minutes when its largest time is under a day, else days. */
export type TimeUnit = 'minutes' | 'days';

export function timeUnitFor(largestDays: number): TimeUnit {
  return Number.isFinite(largestDays) && largestDays < 1 ? 'minutes' : 'days';
}

/** A time in days as a plain number in the unit (for axes). */
export function inUnit(x: number, unit: TimeUnit): number {
  return unit === 'minutes' ? x * 24 * 60 : x;
}

/** The unit's name for an axis title: "days", "minutes". */
export function unitName(unit: TimeUnit): string {
  return U.unitName[unit];
}

/** An axis tick: whole minutes, or days to as few decimals as the step needs. */
export function tick(x: number, step: number): string {
  const digits = step >= 1 || x === 0 ? 0 : Math.min(2, Math.ceil(-Math.log10(step) - 1e-9));
  return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

/** A time (in days) in a figure's unit: "8.6 days", "1.0 days", "35 min". */
export function duration(x: number | null | undefined, unit: TimeUnit): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  if (unit === 'minutes') return U.minutes(Math.round(x * 24 * 60));
  return U.days(x, oneDecimal);
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NOT_AVAILABLE : percentFormat.format(x);
}

export function money(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NOT_AVAILABLE : moneyFormat.format(x);
}

export function moneyExact(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NOT_AVAILABLE : moneyPence.format(x);
}

export function count(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NOT_AVAILABLE : countFormat.format(x);
}

export function ratio(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NOT_AVAILABLE : oneDecimal.format(x);
}

/** An inspection's stars out of four, as a row of filled and empty stars. */
export function stars(n: number): string {
  return '★'.repeat(n) + '☆'.repeat(Math.max(0, 4 - n));
}

// Weekdays and times of day through Intl.DateTimeFormat, on a week that starts on a Monday (1 January
// 2024), in UTC so the player's time zone plays no part.
const weekdayFormat = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const MONDAY = Date.UTC(2024, 0, 1);

/** The short name of a day of the sim's calendar: day 0 is a Monday. */
export function weekdayName(day: number): string {
  return weekdayFormat.format(MONDAY + (((day % 7) + 7) % 7) * 86_400_000);
}

/** A time of day from whole minutes after midnight: "09:00", "23:59". */
export function timeOfDay(minutes: number): string {
  return timeFormat.format(MONDAY + Math.floor(minutes) * 60_000);
}

/** "Day 12 · Tue 10:40": day 0 is a Monday, as in the sim's calendar. */
export function clock(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  return U.clock(count(day + 1), weekdayName(day), timeOfDay(minutes - day * 1440));
}

/** "Day 12" counted from 1 at the start of the run; before that, how long before the player took over. */
export function dayLabel(day: number): string {
  if (day >= 0) return U.day(count(Math.floor(day) + 1));
  return U.daysBefore(Math.ceil(-day));
}
