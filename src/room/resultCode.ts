// A result code: a run played alone and offline, as one short line a student copies from the
// debrief and a trainer pastes into a session. It holds what makes the run (the model and level,
// the seed, the starting way of working, the action log, the minute reached) and a digest of the
// figures the student saw, never the figures themselves: the server re-simulates the log with the
// same core, and the digest says whether the figures match. Shared by the game and the server:
// no clock, no randomness, no DOM beyond what Node has too (TextEncoder, CompressionStream).
//
// Format 1: "ITS1-" then base64url of [FNV-1a 32 of the rest, 4 bytes][deflate-raw of the JSON].
// The checksum tells a damaged or cut-off code (a mistake) from a changed run (the digest and the
// re-simulation tell that).
import { z } from 'zod';
import { teamName } from './protocol';

export const RESULT_CODE_FORMAT = 1;
export const RESULT_CODE_PREFIX = `ITS${RESULT_CODE_FORMAT}-`;
/** A pasted code is read only up to this many characters (a year of choices is well under 1,000). */
export const MAX_CODE_CHARS = 32 * 1024;
/** A code's contents, decompressed, are never bigger than this. */
export const MAX_DECODED_BYTES = 64 * 1024;
/** Actions a code may hold at most (the size limit comes first for real runs). */
const MAX_ACTIONS = 5000;
/** Codes a trainer may import in one request. */
export const MAX_CODES_PER_IMPORT = 100;

/** A run played alone, as a result code carries it. */
export interface ResultRun {
  /** The model that played it and the fingerprint of the level as played (scenario applied). */
  model: { version: string; levelHash: string };
  level: string;
  /** The scenario played (null: the level has none). */
  scenario: string | null;
  seed: number;
  /** The way of working the run started in. */
  regime: 'deliverology' | 'systems';
  /** The student's name, normalised as a team name ('': none given). */
  name: string;
  /** Sim minutes reached: the figures are those of this minute. */
  at: number;
  /** summaryDigest of the figures the student saw (teamSummary at `at`). */
  digest: string;
  /** The action log, as the game recorded it (checked against the session's level by the server). */
  actions: readonly unknown[];
}

export type DecodedCode = { ok: true; run: ResultRun } | { ok: false; error: string };

/** What the trainer's page is told about each code it sent, in order. */
export type ImportResult =
  | { status: 'accepted'; team: string; verified: boolean; mismatch: string | null }
  /** The same run was imported before (or earlier in the same request): no second team. */
  | { status: 'already'; team: string }
  | { status: 'refused'; error: string };

const hex16 = z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits');
const nameSchema = z.union([z.literal(''), teamName]);

/** The JSON inside a code, with short keys (every byte is a character the student copies). */
const payloadSchema = z.strictObject({
  v: z.literal(RESULT_CODE_FORMAT),
  m: z.string().min(1).max(40),
  h: hex16,
  l: z.string().min(1).max(40),
  c: z.string().min(1).max(40).nullable(),
  s: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  r: z.enum(['deliverology', 'systems']),
  n: nameSchema,
  t: z
    .number()
    .min(0)
    .max(3650 * 1440),
  d: hex16,
  a: z.array(z.unknown()).max(MAX_ACTIONS),
});
type Payload = z.infer<typeof payloadSchema>;

// --- Hashes -------------------------------------------------------------------------------------

/** JSON with every object's keys sorted: the same value gives the same text, whatever the key order. */
export function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    return `{${Object.keys(x)
      .sort()
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/** FNV-1a over UTF-16 code units, two 32-bit lanes with different offsets: 16 hex digits. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function fnv32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

/**
 * A short fingerprint of a run's figures (teamSummary's object, whatever fields it has): the game
 * puts it in the code, the server makes it again from its re-simulation.
 */
export function summaryDigest(summary: object): string {
  return fnv64(canonicalJson(summary));
}

// --- base64url ----------------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of base64url text (no padding), or null if it cannot be (a stray character, a length no encoder makes). */
function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const c of text) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

// --- deflate ------------------------------------------------------------------------------------

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The inflated bytes, read no further than `max` (a small code cannot unfold into a flood). */
async function inflate(bytes: Uint8Array, max: number): Promise<Uint8Array | 'too-big' | 'broken'> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises are not left unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader.cancel().catch(() => undefined);
        return 'too-big';
      }
      chunks.push(value);
    }
  } catch {
    return 'broken';
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

// --- Encode and decode --------------------------------------------------------------------------

const payloadOf = (run: ResultRun): Payload => ({
  v: RESULT_CODE_FORMAT,
  m: run.model.version,
  h: run.model.levelHash,
  l: run.level,
  c: run.scenario,
  s: run.seed,
  r: run.regime,
  n: run.name,
  t: run.at,
  d: run.digest,
  a: [...run.actions],
});

const runOf = (p: Payload): ResultRun => ({
  model: { version: p.m, levelHash: p.h },
  level: p.l,
  scenario: p.c,
  seed: p.s,
  regime: p.r,
  name: p.n,
  at: p.t,
  digest: p.d,
  actions: p.a,
});

/** Is this run one a code can carry? Null if so, else why not (a developer's message). */
export function resultRunProblem(run: ResultRun): string | null {
  const parsed = payloadSchema.safeParse(payloadOf(run));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || 'run'}: ${issue.message}`;
  }
  if (parsed.data.n !== run.name) return 'name: not normalised as a team name';
  const bytes = new TextEncoder().encode(JSON.stringify(parsed.data)).length;
  return bytes > MAX_DECODED_BYTES ? `the run is ${bytes} bytes as JSON; a code holds at most ${MAX_DECODED_BYTES}` : null;
}

/** The code of a run (async: compression is). Throws a RangeError if the run cannot be a code (resultRunProblem says why). */
export async function encodeResultCode(run: ResultRun): Promise<string> {
  const problem = resultRunProblem(run);
  if (problem) throw new RangeError(problem);
  const packed = await deflate(new TextEncoder().encode(JSON.stringify(payloadOf(run))));
  const bytes = new Uint8Array(4 + packed.length);
  new DataView(bytes.buffer).setUint32(0, fnv32(packed));
  bytes.set(packed, 4);
  const code = RESULT_CODE_PREFIX + toBase64url(bytes);
  if (code.length > MAX_CODE_CHARS) throw new RangeError(`the code would be ${code.length} characters; a code is at most ${MAX_CODE_CHARS}`);
  return code;
}

const DAMAGED = 'this code is incomplete or damaged (its end is missing, or a character changed): copy the whole code again';

/** A pasted code (untrusted), as its run, or a sentence saying what is wrong with it. Never throws. */
export async function decodeResultCode(input: unknown): Promise<DecodedCode> {
  try {
    return await decode(input);
  } catch (e) {
    return { ok: false, error: `this code could not be read (${(e as Error).message})` };
  }
}

async function decode(input: unknown): Promise<DecodedCode> {
  if (typeof input !== 'string') return { ok: false, error: 'a result code is text' };
  if (input.length > MAX_CODE_CHARS) return { ok: false, error: `this is ${input.length} characters long; a result code is at most ${MAX_CODE_CHARS}` };
  // A code wrapped over lines by an email, or pasted with spaces, is still the code.
  const text = input.replace(/\s+/g, '');
  if (text === '') return { ok: false, error: 'this is empty, not a result code' };
  const format = /^ITS(\d{1,4})-/i.exec(text);
  if (!format) return { ok: false, error: `this is not a result code: a result code starts with ${RESULT_CODE_PREFIX}` };
  if (Number(format[1]) !== RESULT_CODE_FORMAT)
    return {
      ok: false,
      error: `this is a result code of format ${Number(format[1])}; this server reads format ${RESULT_CODE_FORMAT} (the student's game and this server are different versions)`,
    };
  const bytes = fromBase64url(text.slice(format[0].length));
  if (bytes === null) {
    return /[^A-Za-z0-9_-]/.test(text.slice(format[0].length))
      ? { ok: false, error: `this code has characters a result code never has (after ${RESULT_CODE_PREFIX}, only letters, digits, - and _): copy it again` }
      : { ok: false, error: DAMAGED };
  }
  if (bytes.length < 5) return { ok: false, error: DAMAGED };
  const packed = bytes.subarray(4);
  if (new DataView(bytes.buffer, bytes.byteOffset).getUint32(0) !== fnv32(packed)) return { ok: false, error: DAMAGED };
  const inflated = await inflate(packed, MAX_DECODED_BYTES);
  if (inflated === 'too-big') return { ok: false, error: `this code holds more than ${MAX_DECODED_BYTES / 1024} kB: it is not a run the game makes` };
  if (inflated === 'broken') return { ok: false, error: DAMAGED };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: DAMAGED };
  }
  const version = (data as { v?: unknown } | null)?.v;
  if (typeof data === 'object' && data !== null && version !== RESULT_CODE_FORMAT)
    return { ok: false, error: `this code's contents are of format ${JSON.stringify(version) ?? 'none'}; this server reads format ${RESULT_CODE_FORMAT}` };
  const parsed = payloadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `this code does not hold a run: ${issue.path.join('.') || 'contents'}: ${issue.message}` };
  }
  return { ok: true, run: runOf(parsed.data) };
}
