// The headless runner: the same core as the game, from the terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkActionsForRun, parseActionLog, readActionLogJson } from '../levels/actionLog';
import { isShippedLevelId, LEVEL_FILES } from '../levels/catalogue';
import { MAX_LEVEL_BYTES, parseLevel } from '../levels/load';
import { applyOverride } from '../levels/override';
import { withScenario } from '../levels/scenario';
import { runTooBig } from '../levels/schema';
import { attribute, choicesOf, levelHash, MAX_ATTRIBUTED_ACTIONS, MODEL_VERSION, runSim } from '../services/housing-benefit/index';
import { type CliOptions, parseCli, USAGE } from './args';
import { formatAttribution, formatReport } from './format';
import { overriddenSets } from './overridden';
import { repairsMain } from './repairsCli';
import { SERVICES, serviceOf } from '../services/index';
import { frontDeskMain } from './frontDeskCli';
import { unwritable } from './unwritable';

/** Runs the CLI; returns the exit code. Output goes through the given writers (tests capture them). */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    out(USAGE);
    return 0;
  }

  let raw: unknown;
  if (isShippedLevelId(opts.level)) {
    raw = structuredClone(LEVEL_FILES[opts.level]);
  } else if (opts.level.endsWith('.json')) {
    const text = readText(opts.level, 'level', err);
    if (text === null) return 2;
    if (text.length > MAX_LEVEL_BYTES) {
      err(`${opts.level}: (level): file is larger than ${MAX_LEVEL_BYTES} bytes\n`);
      return 2;
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      err(`${opts.level}: (level): not valid JSON (${(e as Error).message})\n`);
      return 2;
    }
  } else {
    err(`unknown level "${opts.level}": use ${Object.keys(LEVEL_FILES).join(', ')} or a .json file\n\n${USAGE}`);
    return 2;
  }

  for (const s of opts.sets) {
    const r = applyOverride(raw, s.path, s.value);
    if (!r.ok) {
      err(`${r.error}\n`);
      return 2;
    }
  }
  const service = serviceOf(raw);
  if (!Object.hasOwn(SERVICES, service)) {
    err(`invalid level ${opts.level}:\n  service: unknown service ${JSON.stringify(service)} (services: ${Object.keys(SERVICES).join(', ')})\n`);
    return 2;
  }
  if (service === 'front-desk') return frontDeskMain(raw, opts, out, err);
  if (service === 'housing-repairs') {
    const actionsText = opts.actions ? readText(opts.actions, 'actions', err) : null;
    if (opts.actions && actionsText === null) return 2;
    return repairsMain(raw, opts, actionsText === null ? null : readActionLogJson(actionsText), out, err);
  }
  const parsed = parseLevel(raw);
  if (!parsed.ok) {
    err(`invalid level ${opts.level}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  // A run exported from the game names its scenario, regime and seed: replay it as it was played.
  const actionsText = opts.actions ? readText(opts.actions, 'actions', err) : null;
  if (opts.actions && actionsText === null) return 2;
  // Read once: the run's own facts now, the log itself once the level is known.
  const logJson = actionsText === null ? null : readActionLogJson(actionsText);
  const played = logJson?.ok ? exportedRun(logJson.data) : {};
  const scenario = withScenario(parsed.level, opts.scenario ?? played.scenario ?? null);
  if (!scenario.ok) {
    err(`${scenario.error}\n`);
    return 2;
  }
  const level = scenario.level;
  for (const note of overriddenSets(opts.sets, scenario.scenario, parsed.level.scenarios)) err(note);
  const regime = opts.regime ?? played.regime ?? scenario.regime;
  // Runs are promises: a run recorded by another model, or on another level, would replay to other figures.
  if (played.exported && !played.model) {
    err(
      `${opts.actions}: note: this run names no model version (it was exported before versions were kept), so its figures may differ from those it showed.\n`,
    );
  }
  if (played.model && !opts.anyModel) {
    const problems: string[] = [];
    if (played.model.version !== MODEL_VERSION) problems.push(`it was recorded by model version ${played.model.version}; this is ${MODEL_VERSION}`);
    if (played.model.levelHash !== levelHash(level))
      problems.push(
        `it was played on a different level (fingerprint ${played.model.levelHash}; this level with its scenario and --set changes is ${levelHash(level)})`,
      );
    if (problems.length > 0) {
      err(
        `${opts.actions}: this run cannot be replayed to the same figures: ${problems.join('; ')}.\nAdd --any-model to replay its actions anyway: the figures will be this model's, not the recorded ones.\n`,
      );
      return 2;
    }
  }
  const days = opts.days ?? level.days;
  const tooBig = runTooBig(level, days);
  if (tooBig) {
    err(`run too big for ${opts.level}: ${tooBig}\n`);
    return 2;
  }
  if (opts.needsCsv) {
    const problem = unwritable(opts.needsCsv);
    if (problem) {
      err(`cannot write --needs-csv ${opts.needsCsv}: ${problem}\n`);
      return 2;
    }
  }

  let actions: Parameters<typeof runSim>[4] = [];
  if (opts.actions && logJson !== null) {
    const r = logJson.ok ? parseActionLog(logJson.data, Object.keys(level.roles)) : logJson;
    if (!r.ok) {
      err(`invalid action log ${opts.actions}:\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 2;
    }
    actions = r.actions;
    const problems = checkActionsForRun(level, regime, days, actions);
    const choices = choicesOf(actions).length;
    if (opts.attribute && choices > MAX_ATTRIBUTED_ACTIONS) {
      problems.push(`--attribute re-runs the year once per choice: at most ${MAX_ATTRIBUTED_ACTIONS} choices (actions at one minute are one), not ${choices}`);
    }
    if (problems.length > 0) {
      err(`invalid action log ${opts.actions} for this run:\n${problems.map((e) => `  ${e}`).join('\n')}\n`);
      return 2;
    }
  }

  const seed = opts.seed ?? played.seed ?? 1;
  const sim = runSim(level, seed, regime, days, actions);
  const report = sim.report();
  if (opts.needsCsv) writeFileSync(opts.needsCsv, sim.needsCsv());
  const attribution = opts.attribute ? attribute(level, seed, regime, days, actions, report) : null;
  if (opts.json) out(`${JSON.stringify(attribution ? { ...report, attribution } : report, null, 2)}\n`);
  else out(`${formatReport(report)}\n${attribution ? `\n${formatAttribution(attribution)}\n` : ''}`);
  return 0;
}

/** The scenario, regime and seed an exported run names, where it names them validly (the log is checked later). */
function exportedRun(data: unknown): {
  exported?: boolean;
  scenario?: string;
  regime?: 'deliverology' | 'systems';
  seed?: number;
  model?: { version: string; levelHash: string };
} {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const { scenario, regime, model, seed } = data as { scenario?: unknown; regime?: unknown; model?: unknown; seed?: unknown };
  const m = model as { version?: unknown; levelHash?: unknown } | null | undefined;
  const recorded =
    m && typeof m.version === 'string' && m.version.length <= 40 && typeof m.levelHash === 'string' && m.levelHash.length <= 40
      ? { model: { version: m.version, levelHash: m.levelHash } }
      : {};
  return {
    exported: (data as { format?: unknown }).format === 'its-the-system/run',
    ...recorded,
    ...(typeof scenario === 'string' && scenario.length <= 40 ? { scenario } : {}),
    ...(regime === 'deliverology' || regime === 'systems' ? { regime } : {}),
    ...(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31 ? { seed } : {}),
  };
}

function readText(path: string, what: string, err: (s: string) => void): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    err(`cannot read ${what} file ${path}: ${(e as Error).message}\n`);
    return null;
  }
}

// Run when executed directly (npm run sim), not when imported by tests.
if (process.argv[1] && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
