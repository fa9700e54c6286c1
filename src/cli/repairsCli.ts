// The headless runner's housing-repairs path: the same options, for a service with its own report.
import { housingRepairs } from '../services/housing-repairs/index';
import { parseRepairsActions } from '../services/housing-repairs/actions';
import { MAX_FAULTS_PER_DAY } from '../services/housing-repairs/schema';
import { levelHash, MODEL_VERSION } from '../sim/version';
import type { CliOptions } from './args';
import { formatRepairsReport } from './formatRepairs';

/** Faults over the inherited history and the run together: beyond this a run takes minutes. */
const MAX_FAULTS_PER_RUN = 200_000;

export function repairsMain(raw: unknown, opts: CliOptions, actionsJson: { ok: true; data: unknown } | { ok: false; errors: string[] } | null, out: (s: string) => void, err: (s: string) => void): number {
  const unsupported = [opts.scenario !== null && '--scenario', opts.needsCsv !== null && '--needs-csv', opts.attribute && '--attribute'].filter(Boolean);
  if (unsupported.length > 0) {
    err(`${unsupported.join(', ')}: not available for housing repairs yet\n`);
    return 2;
  }
  const parsed = housingRepairs.parseLevel(raw);
  if (!parsed.ok) {
    err(`invalid level ${opts.level}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  const level = parsed.level;
  const days = opts.days ?? level.days;
  const faults = Math.round(level.demand.faultsPerDay * 1.3 * (level.warmUpDays + days));
  if (faults > MAX_FAULTS_PER_RUN) {
    err(`run too big for ${opts.level}: about ${faults} faults (at most ${MAX_FAULTS_PER_RUN}; at most ${MAX_FAULTS_PER_DAY} a day): fewer faults a day, or fewer days\n`);
    return 2;
  }
  let actions: Parameters<typeof housingRepairs.simulate>[4] = [];
  let regime = opts.regime ?? level.startRegime;
  let seed = opts.seed ?? 1;
  if (actionsJson !== null) {
    if (!actionsJson.ok) {
      err(`invalid action log ${opts.actions}:\n${actionsJson.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 2;
    }
    const data = actionsJson.data as { model?: { version?: unknown; levelHash?: unknown }; regime?: unknown; seed?: unknown } | null;
    const model = data && typeof data === 'object' && !Array.isArray(data) ? data.model : undefined;
    if (model && !opts.anyModel && (model.version !== MODEL_VERSION || model.levelHash !== levelHash(level))) {
      err(`${opts.actions}: this run cannot be replayed to the same figures: it was recorded by model ${String(model.version)} on level ${String(model.levelHash)}; this is model ${MODEL_VERSION} on level ${levelHash(level)}.\nAdd --any-model to replay its actions anyway.\n`);
      return 2;
    }
    // An exported run names its regime and seed: replay it as it was played.
    if (opts.regime === null && data && !Array.isArray(data) && (data.regime === 'deliverology' || data.regime === 'systems')) regime = data.regime;
    if (opts.seed === null && data && !Array.isArray(data) && typeof data.seed === 'number' && Number.isInteger(data.seed) && data.seed >= 0 && data.seed < 2 ** 31) seed = data.seed;
    const r = parseRepairsActions(actionsJson.data, days);
    if (!r.ok) {
      err(`invalid action log ${opts.actions}:\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 2;
    }
    actions = r.actions;
  }
  const report = housingRepairs.simulate(level, seed, regime, days, actions);
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatRepairsReport(report)}\n`);
  return 0;
}
