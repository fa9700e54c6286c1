// The managers' levers: what a player may change, and the one line a manager would be told about
// each. The words are the manager's, not the truth: the debrief shows what each one really did.
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

const onOff = (on: string, off: string): readonly Choice<boolean>[] => [
  { value: true, label: on },
  { value: false, label: off },
];

export const DESIGN_LEVERS: { [K in DesignKey]: DesignLever<K> } = {
  nilQualifyDays: {
    key: 'nilQualifyDays',
    label: 'Close incomplete claims',
    consequence: 'Claims still missing evidence are closed after this long. "Keeps processing times down; they can always reapply."',
    choices: [
      { value: null, label: 'Never' },
      { value: 14, label: 'After 14 days' },
      { value: 28, label: 'After 28 days' },
      { value: 56, label: 'After 56 days' },
    ],
  },
  clockStart: {
    key: 'clockStart',
    label: 'Start the clock',
    consequence: 'When the official processing time starts counting. "We cannot be blamed for days spent waiting on the claimant."',
    choices: [
      { value: 'firstContact', label: 'At first contact' },
      { value: 'received', label: 'When the claim form arrives' },
      { value: 'complete', label: 'When the claim is complete' },
    ],
  },
  cherryPick: {
    key: 'cherryPick',
    label: 'Easy claims first',
    consequence: 'Assessors take simple claims ahead of complicated ones. "Gets the numbers moving quickly."',
    choices: onOff('On', 'Off'),
  },
  formHandOut: {
    key: 'formHandOut',
    label: 'Hand visitors a form',
    consequence: 'Receptionists give each visitor a claim form and send them home. "Everyone seen within 15 minutes."',
    choices: onOff('On', 'Off'),
  },
  outsourcedCallCentre: {
    key: 'outsourcedCallCentre',
    label: 'Outsourced call centre',
    consequence: 'A contractor answers the phones and is paid per call. "Cheaper per call, and they hit the 20-second target."',
    choices: onOff('Outsourced', 'In house'),
  },
  expertsAtFront: {
    key: 'expertsAtFront',
    label: 'Experts at the front',
    consequence: 'Assessors take the calls and visits themselves. "Expensive people answering phones?"',
    choices: onOff('On', 'Off'),
  },
  decideAtFirstContact: {
    key: 'decideAtFirstContact',
    label: 'Decide at first contact',
    consequence: 'When a citizen brings everything, the expert decides there and then.',
    choices: onOff('On', 'Off'),
  },
  caseOwner: {
    key: 'caseOwner',
    label: 'One owner per case',
    consequence: 'One person keeps each case from first contact to payment: no scanning, no shared queue.',
    choices: onOff('On', 'Off'),
  },
  pullEvidence: {
    key: 'pullEvidence',
    label: 'Pull missing evidence',
    consequence: 'The owner phones the landlord or employer for what is missing, instead of writing to the claimant.',
    choices: onOff('On', 'Off'),
  },
  pilotShare: {
    key: 'pilotShare',
    label: 'Pilot: share of new citizens',
    consequence: 'New citizens who join a small team working the redesigned way; everyone else stays in the usual flow.',
    choices: [
      { value: 0, label: 'No pilot' },
      { value: 0.1, label: '1 in 10' },
      { value: 0.2, label: '1 in 5' },
      { value: 0.3, label: '3 in 10' },
      { value: 0.5, label: '1 in 2' },
    ],
  },
  pilotTeam: {
    key: 'pilotTeam',
    label: 'Pilot: assessors in the team',
    consequence: 'Assessors taken out of the back office to own the pilot citizens\' cases end to end.',
    choices: [0, 1, 2, 3, 4, 6, 8].map((n) => ({ value: n, label: n === 0 ? 'None' : String(n) })),
  },
  workflowIT: {
    key: 'workflowIT',
    label: 'Workflow IT system',
    consequence: 'The back office runs on a licensed workflow system. "Best practice: every case tracked."',
    choices: onOff('On', 'Off'),
  },
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
