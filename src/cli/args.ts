import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run sim -- --level <id|path.json> --regime <deliverology|systems> --seed <n> --days <n> [options]

  --level ID|FILE     a level id (front-desk, housing-benefit, housing-repairs) or a level JSON file
  --scenario ID       a way into the level (housing-benefit, housing-repairs: four-star, the default, or takeover)
  --regime NAME       deliverology or systems (default: the scenario's, else deliverology)
  --seed N            whole number seed (default: an exported run's own, else 1)
  --days N            days to simulate from day 0 (default: the level's own length)
  --json              print the report as JSON
  --needs-csv FILE    write one row per need to FILE
  --actions FILE      replay a JSON action log
  --set PATH=VALUE    override one level field by its dotted path (repeatable)
  --attribute         with --actions: what each choice cost, by re-running without it
  --any-model         replay an exported run recorded by another model version or on another level
  --help              show this help
`;

export interface CliOptions {
  level: string;
  /** Null: the level's first scenario (the level as written, if it has none). */
  scenario: string | null;
  /** Null: the scenario's own. */
  regime: 'deliverology' | 'systems' | null;
  /** Null: the exported run's own seed, else 1. */
  seed: number | null;
  days: number | null;
  json: boolean;
  needsCsv: string | null;
  actions: string | null;
  sets: { path: string; value: string }[];
  attribute: boolean;
  /** Replay an exported run of another model version or level anyway. */
  anyModel: boolean;
  help: boolean;
}

/** Parses the command line; throws an Error whose message says what is wrong. */
export function parseCli(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv),
    strict: true,
    allowPositionals: true,
    options: {
      level: { type: 'string' },
      regime: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean' },
      'needs-csv': { type: 'string' },
      actions: { type: 'string' },
      set: { type: 'string', multiple: true },
      attribute: { type: 'boolean' },
      'any-model': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    return {
      level: '',
      scenario: null,
      regime: null,
      seed: null,
      days: null,
      json: false,
      needsCsv: null,
      actions: null,
      sets: [],
      attribute: false,
      anyModel: false,
      help: true,
    };
  }
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (!values.level) throw new Error('--level is required');
  if (values.attribute && !values.actions) throw new Error('--attribute needs --actions FILE: it measures what each action in the log cost');
  const regime = values.regime ?? null;
  if (regime !== null && regime !== 'deliverology' && regime !== 'systems') throw new Error(`--regime must be deliverology or systems, not "${regime}"`);
  const seed = values.seed === undefined ? null : wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1);
  const days = values.days === undefined ? null : wholeNumber('--days', values.days, 1, 3650);
  const sets = (values.set ?? []).map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new Error(`--set expects PATH=VALUE, not "${s}"`);
    return { path: s.slice(0, eq), value: s.slice(eq + 1) };
  });
  return {
    level: values.level,
    scenario: values.scenario ?? null,
    regime,
    seed,
    days,
    json: values.json ?? false,
    needsCsv: values['needs-csv'] ?? null,
    actions: values.actions ?? null,
    sets,
    attribute: values.attribute ?? false,
    anyModel: values['any-model'] ?? false,
    help: false,
  };
}

/**
 * "--seed -5" reads to parseArgs as two options; join a value that starts with "-" to the option
 * that takes it ("--seed=-5"), so the check below can say what is wrong with it.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if ((a === '--seed' || a === '--days') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name} must be between ${min} and ${max}`);
  return n;
}
