// The managers' levers: what a player may change, with the values each setting gives the core. Their
// names and the one line a manager would be told about each are in content/levers.ts.
import { LEVERS, SETTING_WORDS } from '../content/levers';
import type { LeverEntry } from '../engine/service';
import { catalogue } from '../services/housing-benefit/catalogue';
import type { Level } from '../levels/schema';
import type { ActionInput, Design, DesignKey, Regime } from '../services/housing-benefit';

export interface Choice<V> {
  value: V;
  label: string;
}

export interface DesignLever<K extends DesignKey = DesignKey> {
  key: K;
  /** A gaming move, a way of working (brings a learning dip) or a plain setting (see the catalogue). */
  kind: LeverEntry['kind'];
  label: string;
  /** What the manager is told this will do. */
  consequence: string;
  choices: readonly Choice<Design[K]>[];
}

/** The parts of a share, smallest whole first: 0.2 is "1 in 5", 0.3 "3 in 10". */
function parts(share: number): [number, number] {
  for (let whole = 2; whole <= 100; whole++) {
    const part = Math.round(share * whole);
    if (Math.abs(part / whole - share) < 1e-9) return [part, whole];
  }
  return [Math.round(share * 100), 100];
}

/** A lever's setting in words: "After 28 days", "1 in 5", "Outsourced". */
function settingWords<K extends DesignKey>(key: K, value: Design[K]): string {
  const W = SETTING_WORDS;
  switch (key) {
    case 'nilQualifyDays':
      return value === null ? W.never : W.afterDays(value as number);
    case 'clockStart':
      return W.clockStart[value as Design['clockStart']];
    case 'outsourcedCallCentre':
      return value ? W.outsourced : W.inHouse;
    case 'pilotShare':
      return value === 0 ? W.noPilot : W.share(...parts(value as number));
    case 'pilotTeam':
      return value === 0 ? W.noTeam : W.team(value as number);
    default:
      return value ? W.on : W.off;
  }
}

/** Every lever of housing benefit's catalogue, its values in the catalogue's order, in words. */
export const DESIGN_LEVERS = Object.fromEntries(
  catalogue.levers.map((entry) => {
    const key = entry.key as DesignKey;
    const choices = entry.values.map((value) => ({ value, label: settingWords(key, value) }));
    return [key, { key, kind: entry.kind, ...LEVERS[key], choices } satisfies DesignLever];
  }),
) as unknown as { [K in DesignKey]: DesignLever<K> };

/** The design levers a regime offers, in the level's order. */
export function leversFor(level: Level, regime: Regime): DesignLever[] {
  return level.regimes[regime].levers.map((k) => DESIGN_LEVERS[k as DesignKey] as DesignLever);
}

/** Index of a design value among a lever's choices (-1 if the level uses another value). */
export function choiceIndex(lever: DesignLever, value: unknown): number {
  return lever.choices.findIndex((c) => c.value === value);
}

export function designAction(lever: DesignLever, index: number): ActionInput {
  const choice = lever.choices[index];
  if (!choice) throw new Error(`No choice ${index} for lever ${lever.key}`);
  return { kind: 'design', key: lever.key, value: choice.value } as ActionInput;
}

// Staff costs are the core's, so the budget check and the sim agree.
export { openHoursPerWeek, weeklyStaffCost } from '../services/housing-benefit/staffing';

/** Most staff a role may have: enough to try things, not enough to hide every problem. */
export const MAX_STAFF = 40;
