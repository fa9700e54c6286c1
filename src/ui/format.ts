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
