// The headless runner's housing-repairs path: the same options, for a service with its own report.
import { writeFileSync } from 'node:fs';
import { faultsCsv } from '../services/housing-repairs/faultsCsv';
import { housingRepairs, runRepairs, withRepairsScenario } from '../services/housing-repairs/index';
import { buildRepairsReport } from '../services/housing-repairs/report';
import { parseRepairsActions } from '../services/housing-repairs/actions';
import type { RepairsReport } from '../services/housing-repairs/report';
import { MAX_FAULTS_PER_DAY } from '../services/housing-repairs/schema';
import { levelHash, MODEL_VERSION } from '../engine/version';
import type { CliOptions } from './args';
import { formatRepairsReport } from './formatRepairs';
import { overriddenSets } from './overridden';
import { unwritable } from './unwritable';

/** Faults over the inherited history and the run together: beyond this a run takes minutes. */
const MAX_FAULTS_PER_RUN = 200_000;

export function repairsMain(
  raw: unknown,
  opts: CliOptions,
  actionsJson: { ok: true; data: unknown } | { ok: false; errors: string[] } | null,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (opts.attribute) {
    err('--attribute: not available for housing repairs yet\n');
    return 2;
  }
  const csvProblem = opts.needsCsv === null ? null : unwritable(opts.needsCsv);
  if (opts.needsCsv !== null && csvProblem) {
    err(`cannot write --needs-csv ${opts.needsCsv}: ${csvProblem}\n`);
    return 2;
  }
  const parsed = housingRepairs.parseLevel(raw);
  if (!parsed.ok) {
    err(`invalid level ${opts.level}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  if (actionsJson !== null && !actionsJson.ok) {
    err(`invalid action log ${opts.actions}:\n${actionsJson.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  // A run exported from the game names its scenario, regime and seed: replay it as it was played.
  const played = actionsJson === null ? {} : exportedRun(actionsJson.data);
  const scenario = withRepairsScenario(parsed.level, opts.scenario ?? played.scenario ?? null);
  if (!scenario.ok) {
    err(`${scenario.error}\n`);
    return 2;
  }
  const level = scenario.level;
  for (const note of overriddenSets(opts.sets, scenario.scenario, parsed.level.scenarios)) err(note);
  const days = opts.days ?? level.days;
  const faults = Math.round(level.demand.faultsPerDay * 1.3 * (level.warmUpDays + days));
  if (faults > MAX_FAULTS_PER_RUN) {
    err(
      `run too big for ${opts.level}: about ${faults} faults (at most ${MAX_FAULTS_PER_RUN}; at most ${MAX_FAULTS_PER_DAY} a day): fewer faults a day, or fewer days\n`,
    );
    return 2;
  }
  const regime = opts.regime ?? played.regime ?? scenario.regime;
  const seed = opts.seed ?? played.seed ?? 1;
  let actions: Parameters<typeof housingRepairs.simulate>[4] = [];
  if (actionsJson !== null) {
    // Runs are promises: a run recorded by another model, or on another level (its scenario applied), would replay to other figures.
    const model = played.model;
    if (model && !opts.anyModel && (model.version !== MODEL_VERSION || model.levelHash !== levelHash(level))) {
      err(
        `${opts.actions}: this run cannot be replayed to the same figures: it was recorded by model ${model.version} on level ${model.levelHash}; this is model ${MODEL_VERSION} on level ${levelHash(level)} (its scenario and --set changes applied).\nAdd --any-model to replay its actions anyway.\n`,
      );
      return 2;
    }
    const r = parseRepairsActions(actionsJson.data, days, level);
    if (!r.ok) {
      err(`invalid action log ${opts.actions}:\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 2;
    }
    actions = r.actions;
  }
  const sim = runRepairs(level, seed, regime, days, actions);
  const report = buildRepairsReport(sim, days);
  // For a repairs run, one row per fault of the cohort.
  if (opts.needsCsv !== null) writeFileSync(opts.needsCsv, faultsCsv(sim));
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatRepairsReport(report)}${formatOffers(report)}\n`);
  return 0;
}

/** The scenario, regime, seed and model an exported run names, where it names them validly (the log is checked later). */
function exportedRun(data: unknown): { scenario?: string; regime?: 'deliverology' | 'systems'; seed?: number; model?: { version: string; levelHash: string } } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const { scenario, regime, model, seed } = data as { scenario?: unknown; regime?: unknown; model?: unknown; seed?: unknown };
  const m = model as { version?: unknown; levelHash?: unknown } | null | undefined;
  return {
    ...(m && typeof m === 'object' ? { model: { version: String(m.version), levelHash: String(m.levelHash) } } : {}),
    ...(typeof scenario === 'string' && scenario.length <= 40 ? { scenario } : {}),
    ...(regime === 'deliverology' || regime === 'systems' ? { regime } : {}),
    ...(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31 ? { seed } : {}),
  };
}

/** The offers of a scenario's run, and the answers, as lines after the report. */
function formatOffers(r: RepairsReport): string {
  if (!r.offers) return '';
  const lines = ['', '', 'Offers'];
  if (r.offers.length === 0) lines.push('  none raised');
  for (const o of r.offers) {
    const raised = o.raisedDay === null ? 'not raised' : `raised day ${o.raisedDay} (${o.reason})`;
    const answer = o.answer === null ? 'not answered' : `${o.answer} day ${o.answeredDay}`;
    lines.push(`  ${o.id} (${o.from}): ${raised}, ${answer}`);
  }
  return lines.join('\n');
}
