// The one rule for an official figure against its target, for every service: a share meets its
// target at or above it, days at or below it, by which way the catalogue says is better.
import type { MeasureEntry } from './service';

export type TargetState = 'met' | 'missed' | null;

/** A figure against its target (null: no figure yet, so neither). */
export function targetState(measure: Pick<MeasureEntry, 'better'>, value: number | null, target: number): TargetState {
  if (value === null) return null;
  return (measure.better === 'higher' ? value >= target : value <= target) ? 'met' : 'missed';
}

/** Each official measure of a dashboard against its target, by the catalogue's measures. */
export function targetStates<K extends string>(
  official: readonly MeasureEntry[],
  dashboard: Record<K, number | null>,
  targets: Record<K, number>,
): Record<K, TargetState> {
  const out = {} as Record<K, TargetState>;
  for (const m of official) {
    const id = m.id as K;
    out[id] = targetState(m, dashboard[id], targets[id]);
  }
  return out;
}
