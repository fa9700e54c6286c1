// The model's version, one for every service: a run is a function of (level, seed, action log)
// *and of the model*. Change this whenever any figure of any run may change (a mechanism, a
// default, the order of random draws), and say why below; `npm run golden` refuses to refresh changed reports under the same
// version. Exported runs carry it, and the headless runner refuses to replay a run of another
// version as if it were this one.
//
//   2026-12-01  issue 12: the true cost of each choice (the in-tray, confirmation, payment run...)
//   2026-12-02  issue 13: a regime action moves the people on the books into the new roles; offers
//   2026-12-03  issue 14: housing benefit is a service of the engine (src/services/housing-benefit):
//               its report names its service. No figure changed: the events moved onto the
//               engine's scheduler in the same order, and the golden reports differ only by
//               the new "service" field.
//   2026-12-04  issue 15: a trainer's injected events (the 'event' action: a budget cut, a new
//               national target, a surprise inspection, a demand surge), with what each does in
//               the level's roomEvents. No figure of a run without events changed; a level's
//               hash did (the new field), and a report read mid-run no longer changes the rest.
export const MODEL_VERSION = '2026-12-04';

/**
 * A short fingerprint of a validated level (its scenario applied): FNV-1a over its canonical
 * JSON, keys sorted, as 16 hex digits. Two runs with the same fingerprint ran on the same level.
 */
export function levelHash(level: object): string {
  const known = hashes.get(level);
  if (known !== undefined) return known;
  const text = canonical(level);
  // Two 32-bit FNV-1a lanes with different offsets, for 64 bits without BigInt.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  const hash = a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  hashes.set(level, hash);
  return hash;
}

/** Levels are not changed once validated, so each is hashed once. */
const hashes = new WeakMap<object, string>();

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}
