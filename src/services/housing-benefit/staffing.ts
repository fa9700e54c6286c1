// What staff cost, and the staffing a change of regime offers. One place, so the game's budget
// check, its redesign offer and the sim's own `regime` action agree.
import type { Level } from '../../levels/schema';
import type { Regime } from './types';

/** Open hours in a week, for staffing costs. */
export function openHoursPerWeek(level: Level): number {
  if (level.hours === 'always') return 24 * 7;
  return ((level.hours.close - level.hours.open) / 60) * level.hours.days.length;
}

/** What the staff on the books cost a week at these counts (an outsourced role is paid per call, not here). */
export function weeklyStaffCost(level: Level, staff: Readonly<Record<string, number>>, outsourced: string | null = null): number {
  const hours = openHoursPerWeek(level);
  let total = 0;
  for (const [id, role] of Object.entries(level.roles)) if (id !== outsourced) total += (staff[id] ?? 0) * role.costPerHour * hours;
  return total;
}

/** Does this staffing of the council's own people fit the weekly budget (always, with none set)? */
export function fitsBudget(level: Level, staff: Readonly<Record<string, number>>, outsourced: string | null, budget: number | null): boolean {
  return budget === null || weeklyStaffCost(level, staff, outsourced) <= budget + 1e-9;
}

/**
 * The staffing a change to `regime` offers: the people on the council's books now, moved into
 * the regime's roles in the proportions of its own staffing, never costing more than they do
 * now or than the budget allows. Nobody is laid off by a change of design; a player who wants
 * fewer (or more) staff says so with staff actions after it. With nobody on the books, the
 * regime's own staffing.
 */
export function offeredStaffing(
  level: Level,
  regime: Regime,
  books: Readonly<Record<string, number>>,
  outsourcedNow: string | null,
  budget: number | null,
): Record<string, number> {
  const target = level.regimes[regime].staff;
  const theirs = { ...target };
  // Agents the regime's own staffing names but a provider would pay for are not the council's.
  const outsourcedThen = level.regimes[regime].design.outsourcedCallCentre && !level.regimes[regime].design.expertsAtFront ? level.assign.phone : null;
  const pattern = weeklyStaffCost(level, target, outsourcedThen);
  const money = Math.min(weeklyStaffCost(level, books, outsourcedNow), budget ?? Infinity);
  if (pattern <= 0 || money <= 0) return theirs;
  const scale = money / pattern;
  const hours = openHoursPerWeek(level);
  const paid = Object.keys(level.roles).filter((id) => id !== outsourcedThen && (target[id] ?? 0) > 0);
  const out: Record<string, number> = {};
  for (const id of Object.keys(level.roles)) out[id] = paid.includes(id) ? Math.floor((target[id] ?? 0) * scale) : (target[id] ?? 0);
  // Whole people: hand what is left over to the roles furthest below their share, while it pays.
  let left = money - weeklyStaffCost(level, out, outsourcedThen);
  const byShortfall = [...paid].sort((a, b) => frac(target[b]! * scale) - frac(target[a]! * scale) || a.localeCompare(b));
  for (const id of byShortfall) {
    const cost = level.roles[id]!.costPerHour * hours;
    if (cost <= left + 1e-9) {
      out[id]!++;
      left -= cost;
    }
  }
  return out;
}

const frac = (x: number) => x - Math.floor(x);
