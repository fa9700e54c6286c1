// Re-simulating a team: its action log, checked against the session's level, run from the same
// seed to the minute the team reached, gives the figures the team should have shown. The same
// core as the game's, so a team's figures either match exactly or were not played.
import { checkActionsForRun, parseActionLog } from '../levels/actionLog';
import { shippedLevel } from '../levels/catalogue';
import { withScenario } from '../levels/scenario';
import type { Level } from '../levels/schema';
import { type Action, createSim, levelHash, MODEL_VERSION, type Sim } from '../services/housing-benefit';
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
  return verifyWith(config, log, claimed, (actions, at) => replayTeam(config, actions, at));
}

/**
 * Teams' re-simulations kept from one check to the next, so that each check plays on only from
 * where the team's last one stopped, and the check at a gate waits for a few days of sim rather
 * than a year. Safe because a team's log only grows and the figures at a minute do not depend on
 * the steps the sim took to get there; a log that does not carry on from the kept run (another
 * session's, or one that changed its past) is played afresh. The oldest runs are let go past
 * `capacity` (a year-long run keeps under 1 MB).
 */
export class TeamReplays {
  private readonly runs = new Map<string, { session: string; sim: Sim }>();

  constructor(private readonly capacity = 250) {}

  verify(team: string, config: SessionConfig, log: readonly unknown[], claimed: TeamSummary): Verdict {
    return verifyWith(config, log, claimed, (actions, at) => this.replay(team, config, actions, at));
  }

  /** Runs kept now (for tests). */
  get size(): number {
    return this.runs.size;
  }

  private replay(team: string, config: SessionConfig, actions: readonly Action[], at: number): TeamSummary {
    const session = JSON.stringify([config.level, config.scenario, config.seed, config.regime]);
    let kept = this.runs.get(team);
    // Out of the map while it plays: a run that throws half-way is not kept.
    this.runs.delete(team);
    if (!kept || kept.session !== session || !carriesOn(kept.sim, actions, at)) {
      kept = { session, sim: createSim(sessionLevel(config), config.seed, config.regime) };
    }
    const sim = kept.sim;
    for (const action of actions.slice(sim.actions.length)) sim.apply(action);
    sim.advanceTo(at);
    this.runs.set(team, kept);
    if (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value as string);
    return teamSummary(sim);
  }
}

/** Is the log the kept run's, with more after it: the run's actions first, then none before the run's minute? */
function carriesOn(sim: Sim, actions: readonly Action[], at: number): boolean {
  if (at < sim.now || actions.length < sim.actions.length) return false;
  for (let i = 0; i < sim.actions.length; i++) if (JSON.stringify(actions[i]) !== JSON.stringify(sim.actions[i])) return false;
  for (let i = sim.actions.length; i < actions.length; i++) if (actions[i]!.at < sim.now) return false;
  return true;
}

function verifyWith(
  config: SessionConfig,
  log: readonly unknown[],
  claimed: TeamSummary,
  replay: (actions: readonly Action[], at: number) => TeamSummary,
): Verdict {
  const checked = checkTeamLog(config, log);
  if (!checked.ok) return { verified: false, at: claimed.at, mismatch: checked.errors.join('; ') };
  const last = checked.actions[checked.actions.length - 1];
  if (last && last.at > claimed.at)
    return { verified: false, at: claimed.at, mismatch: `an action at minute ${last.at} is after the figures' minute ${claimed.at}` };
  const differences = differencesOf(claimed, replay(checked.actions, claimed.at));
  return differences.length === 0 ? { verified: true, at: claimed.at } : { verified: false, at: claimed.at, mismatch: differences.slice(0, 4).join('; ') };
}

/** "lived.met: claimed 10, re-simulated 8" for each figure that differs. */
function differencesOf(claimed: TeamSummary, replayed: TeamSummary): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
      // Entries made up past the re-simulation's last, or left out: the lengths differ.
      out.push(`${path}.length: claimed ${a.length}, re-simulated ${b.length}`);
    } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      for (const key of Object.keys(b)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    } else if (a !== b) out.push(`${path}: claimed ${JSON.stringify(a)}, re-simulated ${JSON.stringify(b)}`);
  };
  walk(claimed, replayed, '');
  return out;
}
