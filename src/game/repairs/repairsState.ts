// What the views of a housing-repairs run read from the store: plain data only.
import type { Regime, ServiceAction } from '../../engine/service';
import type { OpenRepairsOffer, RepairsReport, RepairsSnapshot } from '../../services/housing-repairs/index';
import type { RepairsStudy } from './repairsStudy';
import type { Inspection } from '../../services/housing-repairs/dashboard';

export interface RepairsPlay {
  /** The regime chosen on the briefing (the run's start). */
  regime: Regime;
  /** The way into the approved design chosen on the briefing (null: the level's first); the run's once it starts. */
  scenario: string | null;
  paused: boolean;
  speed: number;
  snapshot: RepairsSnapshot | null;
  /** An inspection waiting to be read (play pauses while it shows). */
  inspection: Inspection | null;
  /** A gaming move put to the manager, waiting for an answer (play pauses while it shows). */
  offer: OpenRepairsOffer | null;
  actions: readonly ServiceAction[];
  /** A study of the calls in progress (play pauses while the manager listens). */
  study: RepairsStudy | null;
  /** The finished run's report, and the same tenants run the other way. */
  report: RepairsReport | null;
  other: { regime: Regime; status: 'running' | 'done' | 'failed'; report: RepairsReport | null } | null;
}

export function freshRepairs(regime: Regime = 'deliverology', scenario: string | null = null): RepairsPlay {
  return { regime, scenario, paused: true, speed: 1, snapshot: null, inspection: null, offer: null, actions: [], study: null, report: null, other: null };
}

/** A run to simulate elsewhere (a worker): everything that makes its report. */
export interface RepairsRunSpec {
  seed: number;
  regime: Regime;
  days: number;
  actions: readonly ServiceAction[];
}
