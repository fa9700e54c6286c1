/**
 * "What if?" from the terminal: set one field of a level, by its dotted path, before the level
 * is validated. The path must already exist in the level, so a typo is an error, not a new field.
 * The value is read as JSON (numbers, true/false, null, quoted strings, objects), else as text.
 */
export function applyOverride(level: unknown, path: string, raw: string): { ok: true } | { ok: false; error: string } {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || k === '__proto__' || k === 'constructor' || k === 'prototype')) {
    return { ok: false, error: `--set ${path}: not a valid path` };
  }
  let node: unknown = level;
  for (let i = 0; i < keys.length - 1; i++) {
    node = child(node, keys[i]!);
    if (node === undefined || node === null || typeof node !== 'object') {
      return { ok: false, error: `--set ${path}: no field "${keys.slice(0, i + 1).join('.')}" in the level` };
    }
  }
  const last = keys[keys.length - 1]!;
  if (child(node, last) === undefined) {
    return { ok: false, error: `--set ${path}: no field "${path}" in the level` };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (Array.isArray(node)) node[Number(last)] = value;
  else (node as Record<string, unknown>)[last] = value;
  return { ok: true };
}

function child(node: unknown, key: string): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}
