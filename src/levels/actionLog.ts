import { z } from 'zod';
import type { Action } from '../sim/types';
import { formatIssues } from './load';
import { designSchema } from './schema';

export const MAX_ACTIONS_BYTES = 256 * 1024;
const MAX_ACTIONS = 5000;

const at = z.number().min(0).max(3650 * 1440);
const designAction = z.union(
  Object.entries(designSchema.shape).map(([key, value]) =>
    z.strictObject({ at, kind: z.literal('design'), key: z.literal(key), value }),
  ) as unknown as [z.ZodTypeAny, z.ZodTypeAny, ...z.ZodTypeAny[]],
);

const actionSchema = z.union([
  z.strictObject({ at, kind: z.literal('staff'), role: z.string().min(1).max(40), count: z.number().int().min(0).max(500) }),
  z.strictObject({ at, kind: z.literal('regime'), regime: z.enum(['deliverology', 'systems']) }),
  designAction,
]);

export const actionLogSchema = z.array(actionSchema).max(MAX_ACTIONS);

/**
 * Validates an action log (untrusted: a file, an imported result code). Roles are checked against
 * the level. A run exported from the game (an object with an "actions" array) is accepted too.
 */
export function parseActionLog(
  data: unknown,
  roles: readonly string[],
): { ok: true; actions: Action[] } | { ok: false; errors: string[] } {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'actions' in data) {
    data = (data as { actions: unknown }).actions;
  }
  const result = actionLogSchema.safeParse(data);
  if (!result.success) return { ok: false, errors: formatIssues(result.error.issues).map((e) => `actions.${e}`) };
  const actions = result.data as Action[];
  const errors: string[] = [];
  actions.forEach((a, i) => {
    if (a.kind === 'staff' && !roles.includes(a.role)) errors.push(`actions.${i}.role: unknown role "${a.role}"`);
    if (i > 0 && a.at < actions[i - 1]!.at) errors.push(`actions.${i}.at: actions must be in time order`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, actions };
}

export function parseActionLogText(text: string, roles: readonly string[]) {
  if (text.length > MAX_ACTIONS_BYTES) {
    return { ok: false as const, errors: [`actions: file is larger than ${MAX_ACTIONS_BYTES} bytes`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false as const, errors: [`actions: not valid JSON (${(e as Error).message})`] };
  }
  return parseActionLog(data, roles);
}
