// The managers' levers in words, by key: each lever's name, the one line a manager would be told
// about it (the manager's words, not the truth: the debrief shows what each one really did), the
// names of its settings, and what studying demand teaches about the redesign levers.
import type { Design, DesignKey } from '../services/housing-benefit';
import { numberFormat, plural } from './intl';

const count = (n: number) => numberFormat().format(n);

export interface LeverWords {
  label: string;
  /** What the manager is told this will do. */
  consequence: string;
}

export const LEVERS: Record<DesignKey, LeverWords> = {
  nilQualifyDays: {
    label: 'Close incomplete claims',
    consequence: 'Claims still missing evidence are closed after this long. "Keeps processing times down; they can always reapply."',
  },
  clockStart: {
    label: 'Start the clock',
    consequence: 'When the official processing time starts counting. "We cannot be blamed for days spent waiting on the claimant."',
  },
  cherryPick: {
    label: 'Easy claims first',
    consequence: 'Assessors take simple claims ahead of complicated ones. "Gets the numbers moving quickly."',
  },
  formHandOut: {
    label: 'Hand visitors a form',
    consequence: 'Receptionists give each visitor a claim form and send them home. "Everyone seen within 15 minutes."',
  },
  outsourcedCallCentre: {
    label: 'Outsourced call centre',
    consequence: 'A contractor answers the phones and is paid per call. "Cheaper per call, and they hit the 20-second target."',
  },
  expertsAtFront: {
    label: 'Experts at the front',
    consequence: 'Assessors take the calls and visits themselves. "Expensive people answering phones?"',
  },
  decideAtFirstContact: {
    label: 'Decide at first contact',
    consequence: 'When a citizen brings everything, the expert decides there and then.',
  },
  caseOwner: {
    label: 'One owner per case',
    consequence: 'One person keeps each case from first contact to payment: no scanning, no shared queue.',
  },
  pullEvidence: {
    label: 'Pull missing evidence',
    consequence: 'The owner phones the landlord or employer for what is missing, instead of writing to the claimant.',
  },
  pilotShare: {
    label: 'Pilot: share of new citizens',
    consequence: 'New citizens who join a small team working the redesigned way; everyone else stays in the usual flow.',
  },
  pilotTeam: {
    label: 'Pilot: assessors in the team',
    consequence: "Assessors taken out of the back office to own the pilot citizens' cases end to end.",
  },
  workflowIT: {
    label: 'Workflow IT system',
    consequence: 'The back office runs on a licensed workflow system. "Best practice: every case tracked."',
  },
};

/** The names of the levers' settings. */
export const SETTING_WORDS = {
  on: 'On',
  off: 'Off',
  outsourced: 'Outsourced',
  inHouse: 'In house',
  never: 'Never',
  afterDays: (n: number) => plural(n, { one: 'After # day', other: 'After # days' }),
  clockStart: {
    firstContact: 'At first contact',
    received: 'When the claim form arrives',
    complete: 'When the claim is complete',
  } satisfies Record<NonNullable<Design['clockStart']>, string>,
  noPilot: 'No pilot',
  /** A share of new citizens: "1 in 5". */
  share: (part: number, whole: number) => `${count(part)} in ${count(whole)}`,
  noTeam: 'None',
  team: (n: number) => count(n),
  /** A lever at a setting: "Close incomplete claims: Never". */
  setting: (lever: string, setting: string) => `${lever}: ${setting}`,
} as const;

/** What the player has understood about a redesign lever, once they have heard enough. */
export const INSIGHTS: Record<'expertsAtFront' | 'caseOwner' | 'pullEvidence' | 'decideAtFirstContact', string> = {
  expertsAtFront: 'Most calls chase progress that a front office cannot give: let the assessors take the calls.',
  caseOwner: 'Documents get lost between offices and nobody knows the case: give each case one owner.',
  pullEvidence: 'Letters asking for evidence come back wrong or not at all: have the owner fetch what is missing.',
  decideAtFirstContact: 'Many people bring what is needed the first time: an expert can decide there and then.',
};
