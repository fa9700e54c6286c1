// The service-model interface: what a service declares so that the runner, the CLI and the game
// can drive it and talk about it without knowing its mechanisms.

/** Why someone got in touch: value demand is what the service is for; the rest is failure demand. */
export interface ReasonEntry {
  id: string;
  failure: boolean;
}

/** A figure a run reports, with its unit and which way is better. */
export interface MeasureEntry {
  id: string;
  unit: 'days' | 'share' | 'minutes' | 'pounds' | 'count' | 'visits';
  better: 'higher' | 'lower';
  /** The official target, when the dashboard has one (share: at least; days: at most). */
  target?: number;
  /** For a share answered in time: the time that counts as in time (minutes). */
  withinMinutes?: number;
}

/** A setting the player can change: a gaming move, a way of working (brings a learning dip) or a plain setting. */
export interface LeverEntry<V = string | boolean> {
  key: string;
  kind: 'gaming' | 'way-of-working' | 'setting';
  /** The values it takes, in the order the game lists them (a gaming move of two values: the move first). */
  values: readonly V[];
}

/**
 * A place in the service's picture: a room where staff work and people wait, or somewhere outside
 * (the post, tenants' homes). The office views lay their pictures out from these.
 */
export interface PlaceEntry {
  id: string;
  /** Where people get in touch, the back office, or outside the building. */
  side: 'public' | 'back' | 'outside';
  /** The stages of an open need held here (a pile of files, letters in the post), in the order drawn. */
  stages: readonly string[];
}

/** The service's vocabulary, as data the game and the CLI read. */
export interface Catalogue<V = string | boolean> {
  reasons: readonly ReasonEntry[];
  /** Where an open need can be, in the order a need passes through them. */
  stages: readonly string[];
  /** The official dashboard (what deliverology inspects) and the measures of what people live. */
  official: readonly MeasureEntry[];
  lived: readonly MeasureEntry[];
  levers: readonly LeverEntry<V>[];
  /** The staff roles, as level files name them (or, where a level names its own, the work it assigns them). */
  roles: readonly string[];
  /** The kinds of work staff do (a call, a scan, a visit): what a member of staff is busy with. */
  work: readonly string[];
  /** The places of the service's picture, public side first. */
  places: readonly PlaceEntry[];
  /** The steps of a need's journey the service records (empty: it keeps no journeys). */
  journey: readonly string[];
}

export type Regime = 'deliverology' | 'systems';

/** A change to the running service, stamped with its sim time (minutes). */
export type ServiceAction =
  | { at: number; kind: 'staff'; role: string; count: number }
  | { at: number; kind: 'design'; key: string; value: string | number | boolean | null }
  | { at: number; kind: 'regime'; regime: Regime }
  /** The answer to a gaming move offered during the run (see offerBook.ts): accepted, its design changes now. */
  | { at: number; kind: 'offer'; offer: string; accept: boolean };

export type Parsed<L> = { ok: true; level: L } | { ok: false; errors: string[] };

/** What every service's report carries, whatever else it measures. */
export interface ServiceReportBase {
  service: string;
  model: { version: string; levelHash: string };
  level: string;
  regime: Regime;
  seed: number;
  days: number;
  events: number;
}

/** A service: its level format, its vocabulary, and a run as a pure function of its inputs. */
export interface ServiceModel<L, R extends ServiceReportBase, V = string | boolean> {
  id: string;
  catalogue: Catalogue<V>;
  parseLevel(raw: unknown): Parsed<L>;
  /** The level's default run length and starting regime. */
  defaults(level: L): { days: number; regime: Regime };
  simulate(level: L, seed: number, regime: Regime, days: number, actions: readonly ServiceAction[]): R;
}
