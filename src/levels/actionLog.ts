import { z } from 'zod';
import { type Action, ROOM_EVENT_KINDS, type Regime } from '../services/housing-benefit/types';
import { formatIssues } from './load';
import { type Level, designKeys, designSchema } from './schema';

export const MAX_ACTIONS_BYTES = 256 * 1024;
const MAX_ACTIONS = 5000;
const MAX_MINUTE = 3650 * 1440;

const at = z.number().min(0).max(MAX_MINUTE);
const staffAction = z.strictObject({
  at,
  kind: z.literal('staff'),
  role: z.string().min(1).max(40),
  count: z.number().int().min(0).max(500),
});
const regimeAction = z.strictObject({ at, kind: z.literal('regime'), regime: z.enum(['deliverology', 'systems']) });
const offerAction = z.strictObject({ at, kind: z.literal('offer'), offer: z.string().min(1).max(40), accept: z.boolean() });
const eventAction = z.strictObject({ at, kind: z.literal('event'), event: z.enum(ROOM_EVENT_KINDS) });
/** A design action's schema for each design key, made once. */
const designActions = new Map<string, z.ZodTypeAny>(
  designKeys.map((key) => [key, z.strictObject({ at, kind: z.literal('design'), key: z.literal(key), value: designSchema.shape[key] })]),
);
/** Errors listed for a log: enough to mend it, not a flood. */
const MAX_ERRORS = 20;

const KINDS = ['staff', 'design', 'regime', 'offer', 'event'] as const;

/** Errors in one action, each naming its field and what was expected ("actions.3.count: ..."). */
function actionErrors(data: unknown, i: number): string[] {
  const where = `actions.${i}`;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [`${where}: expected an action object`];
  const kind = (data as { kind?: unknown }).kind;
  if (!KINDS.includes(kind as (typeof KINDS)[number])) {
    return [`${where}.kind: expected "staff", "design", "regime", "offer" or "event", not ${JSON.stringify(kind) ?? 'nothing'}`];
  }
  let schema: z.ZodTypeAny;
  if (kind === 'staff') schema = staffAction;
  else if (kind === 'regime') schema = regimeAction;
  else if (kind === 'offer') schema = offerAction;
  else if (kind === 'event') schema = eventAction;
  else {
    const key = (data as { key?: unknown }).key;
    const known = typeof key === 'string' ? designActions.get(key) : undefined;
    if (!known) return [`${where}.key: expected one of ${designKeys.join(', ')}, not ${JSON.stringify(key) ?? 'nothing'}`];
    schema = known;
  }
  const result = schema.safeParse(data);
  return result.success ? [] : formatIssues(result.error.issues, where);
}

/**
 * Validates an action log (untrusted: a file, an imported result code). Roles are checked against
 * the level. A run exported from the game (an object with an "actions" array) is accepted too.
 */
export function parseActionLog(data: unknown, roles: readonly string[]): { ok: true; actions: Action[] } | { ok: false; errors: string[] } {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'actions' in data) {
    data = (data as { actions: unknown }).actions;
  }
  if (!Array.isArray(data)) return { ok: false, errors: ['actions: expected an array of actions'] };
  if (data.length > MAX_ACTIONS) return { ok: false, errors: [`actions: at most ${MAX_ACTIONS} actions, not ${data.length}`] };
  const errors = data.flatMap((a, i) => actionErrors(a, i));
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const actions = data as Action[];
  actions.forEach((a, i) => {
    if (a.kind === 'staff' && !roles.includes(a.role)) errors.push(`actions.${i}.role: unknown role "${a.role}"`);
    if (i > 0 && a.at < actions[i - 1]!.at) errors.push(`actions.${i}.at: actions must be in time order`);
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, actions };
}

/** The JSON of an action-log file (untrusted: size-limited), not yet checked as a log. */
export function readActionLogJson(text: string): { ok: true; data: unknown } | { ok: false; errors: string[] } {
  if (text.length > MAX_ACTIONS_BYTES) return { ok: false, errors: [`actions: file is larger than ${MAX_ACTIONS_BYTES} bytes`] };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, errors: [`actions: not valid JSON (${(e as Error).message})`] };
  }
}

/**
 * What a valid log must also be for this run: every action within the run's days, and a pilot
 * never given citizens without a team to serve them (checked once all actions of a minute apply).
 */
export function checkActionsForRun(level: Level, regime: Regime, days: number, actions: readonly Action[]): string[] {
  const errors: string[] = [];
  let { pilotShare, pilotTeam } = level.regimes[regime].design;
  actions.forEach((a, i) => {
    if (a.at > days * 1440) errors.push(`actions.${i}.at: minute ${a.at} is after the run's end (day ${days}, minute ${days * 1440})`);
    if (a.kind === 'offer' && !level.offers.some((o) => o.id === a.offer)) {
      const known = level.offers.map((o) => `"${o.id}"`).join(', ');
      errors.push(
        `actions.${i}.offer: no offer "${a.offer}" in this run (${known ? `its offers: ${known}` : 'it has no offers: choose its scenario with --scenario'})`,
      );
    }
    if (a.kind === 'offer') {
      const first = actions.findIndex((b) => b.kind === 'offer' && b.offer === a.offer);
      if (first < i) errors.push(`actions.${i}.offer: "${a.offer}" was answered already (actions.${first}); an offer is answered once`);
    }
    if (a.kind === 'design' && a.key === 'pilotShare') pilotShare = a.value as number;
    if (a.kind === 'design' && a.key === 'pilotTeam') pilotTeam = a.value as number;
    const lastOfMinute = i === actions.length - 1 || actions[i + 1]!.at !== a.at;
    if (lastOfMinute && pilotShare > 0 && pilotTeam === 0) {
      errors.push(`actions.${i}: a pilot share (pilotShare ${pilotShare}) needs a pilot team (pilotTeam) of at least 1`);
    }
  });
  return errors.slice(0, MAX_ERRORS);
}
