import type { z } from 'zod';
import { levelSchema, type Level } from './schema';

/** Level files bigger than this are refused before parsing. */
export const MAX_LEVEL_BYTES = 256 * 1024;

export type LevelResult = { ok: true; level: Level } | { ok: false; errors: string[] };

/** "regimes.systems.staff.assessor: Too small: expected number to be >=0"; paths start at `prefix` if given. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const parts = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    const path = parts.length > 0 ? parts.join('.') : '(level)';
    if (issue.code === 'unrecognized_keys') {
      return `${path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${path}: ${issue.message}`;
  });
}

/** Validates a parsed level object. */
export function parseLevel(data: unknown): LevelResult {
  const result = levelSchema.safeParse(data);
  if (result.success) return { ok: true, level: result.data };
  return { ok: false, errors: formatIssues(result.error.issues) };
}

/** Validates a level from the text of a file (untrusted: size-limited, JSON only). */
export function parseLevelText(text: string): LevelResult {
  if (text.length > MAX_LEVEL_BYTES) {
    return { ok: false, errors: [`(level): file is larger than ${MAX_LEVEL_BYTES} bytes`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`(level): not valid JSON (${(e as Error).message})`] };
  }
  return parseLevel(data);
}
