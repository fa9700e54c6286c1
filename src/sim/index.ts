// The simulation core's public face. Pure: no Phaser, DOM or zustand; no clock, no unseeded randomness.
export { DAY } from '../engine/calendar';
export type { Report } from './report';
export type { Snapshot } from './snapshot';
export type { JourneyStep, JourneyKind } from './journal';
export type * from './types';
export { CONTACT_CAUSES } from './types';
export { Simulation } from './simulation';
export { MET, ABANDONED as GAVE_UP, OPEN as NEED_OPEN } from './needTable';
export { createSim, prepareSim, runSim, simulate, type Sim, type SimOptions, type SimPreparation } from './run';
export { attribute, attributeChoice, attributedMeasures, choicesOf, MAX_ATTRIBUTED_ACTIONS, withoutChoice, type Attribution, type AttributedMeasures } from './attribution';
export { levelHash, MODEL_VERSION } from './version';
export { offeredStaffing, openHoursPerWeek, weeklyStaffCost } from './staffing';
