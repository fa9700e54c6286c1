// Words for result codes: the debrief's code for a student who played alone, and the trainer's
// form that imports codes into a session (each becomes a team, marked as imported).
import { numberFormat, plural } from './intl';

const count = (n: number) => numberFormat().format(n);
const codes = (n: number) => plural(n, { one: `${count(n)} code`, other: `${count(n)} codes` });

export const RESULT_CODE_WORDS = {
  // The debrief.
  heading: 'Your result code',
  intro:
    'Played this on your own? Give your trainer this code. It holds your choices and your seed, not your figures: the trainer’s page re-runs your year with the same model and checks that it gives the figures you saw.',
  nameLabel: 'Your name (optional, shown to your trainer)',
  nameTooLong: 'A name is at most 40 characters.',
  making: 'Making your code…',
  copy: 'Copy the code',
  copied: 'Copied. Paste it wherever your trainer asked for it.',
  copyFailed: 'Could not copy: the code is selected, copy it with Ctrl+C (or ⌘+C).',
  unsupported: 'This browser cannot make a result code: export the run (JSON) and send that to your trainer instead.',
  tooBig: 'This run has too many choices for a result code: export the run (JSON) and send that to your trainer instead.',
  length: (n: number) => `${count(n)} characters`,

  // The trainer's page.
  importHeading: 'Import result codes',
  importIntro:
    'Students who played alone get a result code at their debrief. Paste one or many, one per line: the server re-runs each on this session’s level and seed, and each that fits joins the session as a team.',
  importLabel: 'Result codes (one per line)',
  importButton: 'Import',
  importing: (n: number) => `Re-running ${codes(n)}: a few seconds each…`,
  importNone: 'Paste at least one result code.',
  importDone: (accepted: number, refused: number) => `${count(accepted)} imported or already here, ${count(refused)} refused.`,
  importFailed: (why: string) => `The import did not reach the server: ${why}`,
  line: (n: number) => `Line ${count(n)}`,
  accepted: (team: string) => `imported as ${team}, its figures verified`,
  acceptedMismatch: (team: string, why: string) => `imported as ${team}, but its figures do not follow from its choices: ${why}`,
  already: (team: string) => `already imported, as ${team}`,
  refused: (why: string) => `refused: ${why}`,

  // The team an imported code becomes (the suffix marks it as imported, on every page and export).
  importedName: (name: string, n: number) => `${name || 'A student'} (result code${n > 1 ? ` ${count(n)}` : ''})`,
} as const;
