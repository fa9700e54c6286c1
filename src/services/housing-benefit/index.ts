// The simulation core's public face. Pure: no Phaser, DOM or zustand; no clock, no unseeded randomness.
export { DAY } from '../../engine/calendar';
export type { Report } from './report';
export type { Snapshot } from './snapshot';
export type * from './types';
export { CONTACT_CAUSES } from './types';
export { createSim, prepareSim, runSim, simulate, type Sim, type SimOptions, type SimPreparation } from './run';
export { attribute, attributeChoice, attributedMeasures, choicesOf, MAX_ATTRIBUTED_ACTIONS, withoutChoice, type AttributedMeasures } from './attribution';
export { levelHash, MODEL_VERSION } from '../../engine/version';
export type { LiveFlow, LiveFlows } from './cohort';
