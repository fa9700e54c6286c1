// Housing benefit as a service of the engine: its level format, its catalogue, and a run as a
// pure function of (level, seed, regime, days, action log), for the runner, the CLI and the tests
// that treat every service alike.
import type { ServiceModel } from '../../engine/service';
import { parseLevel } from '../../levels/load';
import type { Design, DesignKey, Level } from '../../levels/schema';
import { catalogue } from './catalogue';
import type { Report } from './report';
import { simulate } from './run';
import type { Action } from './types';

export const housingBenefit: ServiceModel<Level, Report, Design[DesignKey]> = {
  id: 'housing-benefit',
  catalogue,
  parseLevel,
  // A level's first scenario, if it has any, says how the office starts (see withScenario).
  defaults: (level) => ({ days: level.days, regime: level.scenarios[0]?.regime ?? 'deliverology' }),
  // The engine's actions name a design key as a string: the sim refuses one that is not its own.
  simulate: (level, seed, regime, days, actions) => simulate(level, seed, regime, days, actions as readonly Action[]),
};
