// Importing result codes into a session: runs students played alone and offline. Each code is
// decoded (src/room/resultCode.ts), checked against the session (its model, level, scenario, seed
// and starting way of working: a difference is named, never re-simulated as if it were this
// session's), its log checked as a live team's is, re-simulated to the minute the student reached,
// and its figures' digest compared with the one the student saw. An accepted code becomes a team
// of the session, once per run.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RESULT_CODE_WORDS } from '../content/resultCode';
import { shippedLevel } from '../levels/catalogue';
import { MAX_BODY_BYTES, MAX_TEAMS, type SessionConfig } from '../room/protocol';
import { canonicalJson, decodeResultCode, type ImportResult, MAX_CODES_PER_IMPORT, type ResultRun, summaryDigest } from '../room/resultCode';
import { checkTeamLog, sessionLevel, sessionModel, type Verdict } from '../room/verify';
import { type Action, DAY, MODEL_VERSION } from '../services/housing-benefit';
import type { AppDeps } from './app';
import type { SessionRow } from './roomStore';
import { newTeamId } from './tokens';

/** The trainer's request: the codes, as pasted (one per line on the page). */
export const importSchema = z.strictObject({
  codes: z.array(z.string().max(MAX_BODY_BYTES)).min(1, 'paste at least one code').max(MAX_CODES_PER_IMPORT, `at most ${MAX_CODES_PER_IMPORT} codes at once`),
});

/** The scenario a session plays (its own, or the level's first). */
function sessionScenario(config: SessionConfig): string | null {
  return config.scenario ?? shippedLevel(config.level).scenarios[0]?.id ?? null;
}

const dayOf = (minute: number) => Math.floor(minute / DAY);

/** What does not fit between the run and the session, named (null: it fits). */
export function misfit(run: ResultRun, config: SessionConfig): string | null {
  if (run.model.version !== MODEL_VERSION)
    return `this run was played on model ${run.model.version}; this server runs model ${MODEL_VERSION} (the student's game is another version)`;
  if (run.level !== config.level) return `this run was played on level ${run.level}; the session's level is ${config.level}`;
  const scenario = sessionScenario(config);
  if (run.scenario !== scenario) return `this run was played in scenario ${run.scenario ?? 'none'}; the session's scenario is ${scenario ?? 'none'}`;
  const model = sessionModel(config);
  if (run.model.levelHash !== model.levelHash)
    return `this run's level (fingerprint ${run.model.levelHash}) is not the session's (fingerprint ${model.levelHash}): the student's game has another version of the level`;
  if (run.seed !== config.seed) return `this run was played with seed ${run.seed}; the session's seed is ${config.seed}`;
  if (run.regime !== config.regime) return `this run started under ${run.regime}; the session starts under ${config.regime}`;
  return null;
}

/** The run's log as actions of the session's run, or why it is refused. */
function checkedLog(run: ResultRun, config: SessionConfig): { ok: true; actions: Action[] } | { ok: false; error: string } {
  const checked = checkTeamLog(config, run.actions);
  if (!checked.ok) return { ok: false, error: `its action log is not valid for the session's level: ${checked.errors.slice(0, 4).join('; ')}` };
  const event = checked.actions.find((a) => a.kind === 'event');
  if (event) return { ok: false, error: `its log holds an event a trainer injects (${event.event}), which a run played alone cannot have` };
  const end = sessionLevel(config).days * DAY;
  if (run.at > end) return { ok: false, error: `it reached minute ${run.at}, past the end of the run (day ${dayOf(end)})` };
  const late = checked.actions.find((a) => a.at > run.at);
  if (late) return { ok: false, error: `an action at minute ${late.at} is after the minute the run reached (${run.at})` };
  return checked;
}

/** The key a run is imported under: the same run (however it was encoded) is the same key. */
export const runKeyOf = (run: ResultRun) => createHash('sha256').update(canonicalJson(run)).digest('hex');

/** Imports each code into the session, in order; tells the dashboards once if any team was added. */
export async function importResults(deps: AppDeps, session: SessionRow, codes: readonly string[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  let added = false;
  for (const text of codes) {
    const r = await importOne(deps, session, text);
    if (r.status === 'accepted') added = true;
    results.push(r);
  }
  if (added) await deps.hub.publish(session.code, 'team');
  return results;
}

async function importOne(deps: AppDeps, session: SessionRow, text: string): Promise<ImportResult> {
  const config = session.config;
  const decoded = await decodeResultCode(text);
  if (!decoded.ok) return { status: 'refused', error: decoded.error };
  const run = decoded.run;
  const wrong = misfit(run, config);
  if (wrong) return { status: 'refused', error: wrong };
  const log = checkedLog(run, config);
  if (!log.ok) return { status: 'refused', error: log.error };
  const key = runKeyOf(run);
  const known = await deps.store.importedTeam(session.code, key);
  if (known !== null) return { status: 'already', team: known };
  if ((await deps.store.teams(session.code)).length >= MAX_TEAMS) return { status: 'refused', error: `this session is full (${MAX_TEAMS} teams)` };

  // In a worker, as every team's re-simulation is: a year of sim never holds up the server's requests.
  const replayed = await deps.verifier.replay({ config, actions: log.actions, at: run.at });
  if (!replayed.ok) return { status: 'refused', error: `its log could not be re-simulated: ${replayed.error}` };
  const summary = replayed.summary;
  const digest = summaryDigest(summary);
  // The figures the student saw are the re-simulation's, or the code was changed.
  const verdict: Verdict =
    digest === run.digest
      ? { verified: true, at: run.at }
      : {
          verified: false,
          at: run.at,
          mismatch: `the figures the student saw (digest ${run.digest}) are not the figures its log gives (digest ${digest}): the code's choices or figures were changed`,
        };
  const stored = await deps.store.importTeam(
    session.code,
    key,
    { teamId: newTeamId(), nameFor: (n) => RESULT_CODE_WORDS.importedName(run.name, n), actions: log.actions, summary, verdict },
    deps.now(),
    MAX_TEAMS,
  );
  if (stored.kind === 'full') return { status: 'refused', error: `this session is full (${MAX_TEAMS} teams)` };
  if (stored.kind === 'already') return { status: 'already', team: stored.name };
  return { status: 'accepted', team: stored.name, verified: verdict.verified, mismatch: verdict.verified ? null : verdict.mismatch };
}
