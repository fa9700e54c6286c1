import { z } from 'zod';
import type { ServiceAction } from '../../engine/service';
import { formatIssues } from '../../levels/load';
import { type RepairsLevel, repairsDesignSchema, ROLE_IDS } from './schema';

const MAX_ACTIONS = 5000;
const MAX_ERRORS = 20;
const at = z
  .number()
  .min(0)
  .max(3650 * 1440);

const designKeys = Object.keys(repairsDesignSchema.shape) as (keyof typeof repairsDesignSchema.shape)[];
const KIND_SCHEMAS: Record<string, z.ZodTypeAny> = {
  staff: z.strictObject({ at, kind: z.literal('staff'), role: z.enum(ROLE_IDS), count: z.number().int().min(0).max(500) }),
  regime: z.strictObject({ at, kind: z.literal('regime'), regime: z.enum(['deliverology', 'systems']) }),
  /** The answer to a gaming move offered (a scenario's): accepted, its design changes now. */
  offer: z.strictObject({ at, kind: z.literal('offer'), offer: z.string().min(1).max(40), accept: z.boolean() }),
};
const DESIGN_SCHEMAS = new Map<string, z.ZodTypeAny>(
  designKeys.map((key) => [key, z.strictObject({ at, kind: z.literal('design'), key: z.literal(key), value: repairsDesignSchema.shape[key] })]),
);

/**
 * Validates a housing-repairs action log (untrusted): an array of actions, or an exported run
 * with an "actions" array; each action's fields named in its errors, in time order, within the run.
 * Given the run's level, each answer names an offer of that level, and answers it once.
 */
export function parseRepairsActions(
  data: unknown,
  days: number,
  level?: Pick<RepairsLevel, 'offers'>,
): { ok: true; actions: ServiceAction[] } | { ok: false; errors: string[] } {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'actions' in data) data = (data as { actions: unknown }).actions;
  if (!Array.isArray(data)) return { ok: false, errors: ['actions: expected an array of actions'] };
  if (data.length > MAX_ACTIONS) return { ok: false, errors: [`actions: at most ${MAX_ACTIONS} actions, not ${data.length}`] };
  const errors: string[] = [];
  const actions: ServiceAction[] = [];
  /** Each offer answered so far, and where. */
  const answered = new Map<string, number>();
  data.forEach((raw, i) => {
    const where = `actions.${i}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${where}: expected an action object`);
      return;
    }
    const { kind, key } = raw as { kind?: unknown; key?: unknown };
    const schema = kind === 'design' ? DESIGN_SCHEMAS.get(String(key)) : typeof kind === 'string' ? KIND_SCHEMAS[kind] : undefined;
    if (!schema) {
      errors.push(
        kind === 'design'
          ? `${where}.key: expected one of ${designKeys.join(', ')}, not ${JSON.stringify(key) ?? 'nothing'}`
          : `${where}.kind: expected "staff", "design", "regime" or "offer", not ${JSON.stringify(kind) ?? 'nothing'}`,
      );
      return;
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      errors.push(...formatIssues(r.error.issues, where));
      return;
    }
    const a = r.data as ServiceAction;
    if (a.at > days * 1440) errors.push(`${where}.at: minute ${a.at} is after the run's end (day ${days}, minute ${days * 1440})`);
    if (i > 0 && actions.length > 0 && a.at < actions[actions.length - 1]!.at) errors.push(`${where}.at: actions must be in time order`);
    if (a.kind === 'offer' && level) {
      if (!level.offers.some((o) => o.id === a.offer)) {
        const known = level.offers.map((o) => `"${o.id}"`).join(', ');
        errors.push(
          `${where}.offer: no offer "${a.offer}" in this run (${known ? `its offers: ${known}` : 'it has no offers: choose its scenario with --scenario'})`,
        );
      }
      const first = answered.get(a.offer);
      if (first !== undefined) errors.push(`${where}.offer: "${a.offer}" was answered already (actions.${first}); an offer is answered once`);
      else answered.set(a.offer, i);
    }
    actions.push(a);
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, actions };
}

/** Why an action cannot apply to this service (given the run's level: to this run), or null. */
export function repairsActionProblem(action: ServiceAction, level?: Pick<RepairsLevel, 'offers'>): string | null {
  if (action.kind === 'offer') {
    if (level && !level.offers.some((o) => o.id === action.offer))
      return `no offer "${action.offer}" in this run (its offers: ${level.offers.map((o) => o.id).join(', ') || 'none'})`;
    return null;
  }
  if (action.kind === 'staff') {
    if (!(ROLE_IDS as readonly string[]).includes(action.role)) return `unknown role "${action.role}" (roles: ${ROLE_IDS.join(', ')})`;
    return null;
  }
  if (action.kind === 'design') {
    const shape = repairsDesignSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const field = shape[action.key];
    if (!field) return `unknown design key "${action.key}" (keys: ${Object.keys(shape).join(', ')})`;
    if (!field.safeParse(action.value).success) return `design ${action.key} cannot be ${JSON.stringify(action.value)}`;
  }
  return null;
}
