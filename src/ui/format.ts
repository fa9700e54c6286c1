// How numbers read on screen. The end-to-end test formats the Node sim's report with these same
// functions and compares with the page, so both must stay pure.

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const moneyPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-GB');

export const NOT_AVAILABLE = 'n/a';

/** Days to one decimal; under a day (the front desk), whole minutes, so short waits do not show as 0.0. */
export function days(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  if (x < 1) {
    const minutes = Math.round(x * 24 * 60);
    return `${countFormat.format(minutes)} min`;
  }
  return `${oneDecimal.format(x)} days`;
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
  return unit;
}

/** An axis tick: whole minutes, or days to as few decimals as the step needs. */
export function tick(x: number, step: number): string {
  const digits = step >= 1 || x === 0 ? 0 : Math.min(2, Math.ceil(-Math.log10(step) - 1e-9));
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

const dayPlural = new Intl.PluralRules('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholePlural = new Intl.PluralRules('en-GB');

/** A time (in days) in a figure's unit: "8.6 days", "1.0 days", "35 min". */
export function duration(x: number | null | undefined, unit: TimeUnit): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  if (unit === 'minutes') return `${countFormat.format(Math.round(x * 24 * 60))} min`;
  return `${oneDecimal.format(x)} ${dayPlural.select(x) === 'one' ? 'day' : 'days'}`;
}

/** A whole number with its noun, plural as English wants: "1 week", "7,837 citizens". */
export function counted(n: number, one: string, other: string): string {
  return `${countFormat.format(n)} ${wholePlural.select(n) === 'one' ? one : other}`;
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

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Day 12 · Tue 10:40": day 0 is a Monday, as in the sim's calendar. */
export function clock(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const m = Math.floor(minutes - day * 1440);
  const wd = WEEKDAYS[((day % 7) + 7) % 7]!;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `Day ${day + 1} · ${wd} ${hh}:${mm}`;
}
