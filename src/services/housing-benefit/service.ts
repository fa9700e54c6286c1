// Housing benefit as a service of the engine: its level format, its catalogue, and a run as a
// pure function of (level, seed, regime, days, action log), for the runner, the CLI and the tests
// that treat every service alike.
import type { ServiceModel } from '../../engine/service';
import { checkActionsForRun, parseActionLog } from '../../levels/actionLog';
import { parseLevel } from '../../levels/load';
import type { Design, DesignKey, Level } from '../../levels/schema';
import { catalogue } from './catalogue';
import type { Report } from './report';
import { simulate } from './run';

export const housingBenefit: ServiceModel<Level, Report, Design[DesignKey]> = {
  id: 'housing-benefit',
  catalogue,
  parseLevel,
  // A level's first scenario, if it has any, says how the office starts (see withScenario).
  defaults: (level) => ({ days: level.days, regime: level.scenarios[0]?.regime ?? 'deliverology' }),
  // The engine's actions name any design key and value: they are checked as an action log of this
  // service (keys, values, roles, offers, the run's end) before they run.
  simulate: (level, seed, regime, days, actions) => {
    const parsed = parseActionLog(
      [...actions].sort((a, b) => a.at - b.at),
      Object.keys(level.roles),
    );
    if (!parsed.ok) throw new RangeError(parsed.errors.join('\n'));
    const problems = checkActionsForRun(level, regime, days, parsed.actions);
    if (problems.length > 0) throw new RangeError(problems.join('\n'));
    return simulate(level, seed, regime, days, parsed.actions);
  },
};
