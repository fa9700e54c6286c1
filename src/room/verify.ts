// Re-simulating a team: its action log, checked against the session's level, run from the same
// seed to the minute the team reached, gives the figures the team should have shown. The same
// core as the game's, so a team's figures either match exactly or were not played.
import { checkActionsForRun, parseActionLog } from '../levels/actionLog';
import { shippedLevel } from '../levels/catalogue';
import { withScenario } from '../levels/scenario';
import type { Level } from '../levels/schema';
import { type Action, createSim, levelHash, MODEL_VERSION } from '../services/housing-benefit';
import type { SessionConfig, TeamSummary } from './protocol';
import { teamSummary } from './summary';

/** The level every team of a session plays: the shipped level with the session's scenario. */
export function sessionLevel(config: Pick<SessionConfig, 'level' | 'scenario'>): Level {
  const result = withScenario(shippedLevel(config.level), config.scenario);
  if (!result.ok) throw new Error(result.error);
  return result.level;
}

/** The model and level a session's logs are played on. */
export function sessionModel(config: Pick<SessionConfig, 'level' | 'scenario'>): { version: string; levelHash: string } {
  return { version: MODEL_VERSION, levelHash: levelHash(sessionLevel(config)) };
}

/** A team's log (untrusted) as actions of this session's run, or what is wrong with it. */
export function checkTeamLog(config: SessionConfig, log: readonly unknown[]): { ok: true; actions: Action[] } | { ok: false; errors: string[] } {
  const level = sessionLevel(config);
  const parsed = parseActionLog([...log], Object.keys(level.roles));
  if (!parsed.ok) return parsed;
  const errors = checkActionsForRun(level, config.regime, level.days, parsed.actions);
  return errors.length > 0 ? { ok: false, errors } : parsed;
}

/** The figures of a log played to minute `at`. */
export function replayTeam(config: SessionConfig, actions: readonly Action[], at: number): TeamSummary {
  const sim = createSim(sessionLevel(config), config.seed, config.regime);
  for (const action of actions) sim.apply(action);
  sim.advanceTo(at);
  return teamSummary(sim);
}

export type Verdict = { verified: true; at: number } | { verified: false; at: number; mismatch: string };

/** Does the team's claimed summary follow from its log? The first few figures that differ, if not. */
export function verifyTeam(config: SessionConfig, log: readonly unknown[], claimed: TeamSummary): Verdict {
  const checked = checkTeamLog(config, log);
  if (!checked.ok) return { verified: false, at: claimed.at, mismatch: checked.errors.join('; ') };
  const last = checked.actions[checked.actions.length - 1];
  if (last && last.at > claimed.at)
    return { verified: false, at: claimed.at, mismatch: `an action at minute ${last.at} is after the figures' minute ${claimed.at}` };
  const replayed = replayTeam(config, checked.actions, claimed.at);
  const differences = differencesOf(claimed, replayed);
  return differences.length === 0 ? { verified: true, at: claimed.at } : { verified: false, at: claimed.at, mismatch: differences.slice(0, 4).join('; ') };
}

/** "lived.met: claimed 10, re-simulated 8" for each figure that differs. */
function differencesOf(claimed: TeamSummary, replayed: TeamSummary): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      for (const key of Object.keys(b)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    } else if (a !== b) out.push(`${path}: claimed ${JSON.stringify(a)}, re-simulated ${JSON.stringify(b)}`);
  };
  walk(claimed, replayed, '');
  return out;
}
