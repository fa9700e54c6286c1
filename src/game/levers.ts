// The managers' levers: what a player may change, with the values each setting gives the core. Their
// names and the one line a manager would be told about each are in content/levers.ts.
import { LEVERS, SETTING_WORDS } from '../content/levers';
import type { Level } from '../levels/schema';
import type { ActionInput, Design, DesignKey, Regime } from '../sim';

export interface Choice<V> {
  value: V;
  label: string;
}

export interface DesignLever<K extends DesignKey = DesignKey> {
  key: K;
  label: string;
  /** What the manager is told this will do. */
  consequence: string;
  choices: readonly Choice<Design[K]>[];
}

const W = SETTING_WORDS;
const onOff = (on: string, off: string): readonly Choice<boolean>[] => [
  { value: true, label: on },
  { value: false, label: off },
];
const lever = <K extends DesignKey>(key: K, choices: readonly Choice<Design[K]>[]): DesignLever<K> => ({ key, ...LEVERS[key], choices });

export const DESIGN_LEVERS: { [K in DesignKey]: DesignLever<K> } = {
  nilQualifyDays: lever('nilQualifyDays', [{ value: null, label: W.never }, ...[14, 28, 56].map((n) => ({ value: n, label: W.afterDays(n) }))]),
  clockStart: lever(
    'clockStart',
    (['firstContact', 'received', 'complete'] as const).map((value) => ({ value, label: W.clockStart[value] })),
  ),
  cherryPick: lever('cherryPick', onOff(W.on, W.off)),
  formHandOut: lever('formHandOut', onOff(W.on, W.off)),
  outsourcedCallCentre: lever('outsourcedCallCentre', onOff(W.outsourced, W.inHouse)),
  expertsAtFront: lever('expertsAtFront', onOff(W.on, W.off)),
  decideAtFirstContact: lever('decideAtFirstContact', onOff(W.on, W.off)),
  caseOwner: lever('caseOwner', onOff(W.on, W.off)),
  pullEvidence: lever('pullEvidence', onOff(W.on, W.off)),
  pilotShare: lever('pilotShare', [
    { value: 0, label: W.noPilot },
    ...(
      [
        [1, 10],
        [1, 5],
        [3, 10],
        [1, 2],
      ] as const
    ).map(([part, whole]) => ({ value: part / whole, label: W.share(part, whole) })),
  ]),
  pilotTeam: lever(
    'pilotTeam',
    [0, 1, 2, 3, 4, 6, 8].map((n) => ({ value: n, label: n === 0 ? W.noTeam : W.team(n) })),
  ),
  workflowIT: lever('workflowIT', onOff(W.on, W.off)),
};

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
export { openHoursPerWeek, weeklyStaffCost } from '../sim/staffing';

/** Most staff a role may have: enough to try things, not enough to hide every problem. */
export const MAX_STAFF = 40;
