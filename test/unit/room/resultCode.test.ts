// Result codes: a run played alone as one line of text. A code round-trips to the very run it was
// made of; everything that is not a code, or not a whole one, is refused with a sentence and never
// a crash; and a code whose choices or digest were changed no longer matches its re-simulation.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionConfigSchema } from '../../../src/room/protocol';
import {
  canonicalJson,
  decodeResultCode,
  encodeResultCode,
  MAX_CODE_CHARS,
  MAX_DECODED_BYTES,
  RESULT_CODE_PREFIX,
  type ResultRun,
  resultRunProblem,
  summaryDigest,
} from '../../../src/room/resultCode';
import { teamSummary } from '../../../src/room/summary';
import { replayTeam, sessionLevel, sessionModel } from '../../../src/room/verify';
import { type Action, createSim, DAY } from '../../../src/services/housing-benefit';
import { offersResultCode, studentName } from '../../../src/game/resultCode';
import { type GameState, initialState } from '../../../src/game/store';

const config = sessionConfigSchema.parse({ level: 'housing-benefit', seed: 7, phases: [{ label: 'The year', untilDay: 365 }] });

/** A year of housing benefit with six choices, as a student plays it alone. */
let run: ResultRun;
let code: string;

beforeAll(async () => {
  const sim = createSim(sessionLevel(config), config.seed, config.regime);
  const plan: [number, Parameters<typeof sim.apply>[0]][] = [
    [10, { kind: 'staff', role: 'assessor', count: 12 }],
    [30, { kind: 'design', key: 'nilQualifyDays', value: 56 }],
    [60, { kind: 'staff', role: 'agent', count: 5 }],
    [100, { kind: 'design', key: 'formHandOut', value: false }],
    [150, { kind: 'regime', regime: 'systems' }],
    [200, { kind: 'staff', role: 'assessor', count: 14 }],
  ];
  for (const [day, action] of plan) {
    sim.advanceTo(day * DAY);
    sim.apply(action);
  }
  sim.advanceTo(365 * DAY);
  run = {
    model: sessionModel(config),
    level: 'housing-benefit',
    scenario: 'four-star',
    seed: config.seed,
    regime: 'deliverology',
    name: 'Alice Smith',
    at: sim.now,
    digest: summaryDigest(teamSummary(sim)),
    actions: sim.actions.map((a) => ({ ...a })),
  };
  code = await encodeResultCode(run);
}, 60_000);

// --- Codes made by hand, to reach each refusal ----------------------------------------------------

function fnv32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A code of these (already deflated, or not) bytes, with a right checksum. */
function codeOfPacked(packed: Uint8Array, prefix = RESULT_CODE_PREFIX): string {
  const bytes = Buffer.alloc(4 + packed.length);
  bytes.writeUInt32BE(fnv32(packed), 0);
  bytes.set(packed, 4);
  return prefix + bytes.toString('base64url');
}

const codeOfText = async (text: string) => codeOfPacked(await deflate(new TextEncoder().encode(text)));

async function refusal(input: unknown): Promise<string> {
  const r = await decodeResultCode(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('a result code', () => {
  it('is short and copy-safe: the prefix, then base64url', () => {
    expect(code.startsWith('ITS1-')).toBe(true);
    expect(code.slice(5)).toMatch(/^[A-Za-z0-9_-]+$/);
    // A year with six choices fits in a few hundred characters.
    expect(code.length).toBeLessThan(600);
  });

  it('decodes to the run it was made of', async () => {
    expect(await decodeResultCode(code)).toEqual({ ok: true, run });
  });

  it('is read through spaces and line breaks (a code wrapped by an email) and round its edges', async () => {
    const wrapped = `  ${code.slice(0, 40)}\n${code.slice(40, 90)} \r\n${code.slice(90)}\n`;
    expect(await decodeResultCode(wrapped)).toEqual({ ok: true, run });
  });

  it('carries no figures, only their digest', async () => {
    const inflated = await decodeResultCode(code);
    expect(inflated.ok && Object.keys(inflated.run)).toEqual(['model', 'level', 'scenario', 'seed', 'regime', 'name', 'at', 'digest', 'actions']);
  });
});

describe('the digest of the figures', () => {
  const summary = { at: 10, regime: 'deliverology', official: { stars: 2, processingDays: 21.5 }, lived: { met: 3 } };

  it('is 16 hex digits, the same whatever the order of keys', () => {
    expect(summaryDigest(summary)).toMatch(/^[0-9a-f]{16}$/);
    const reordered = { lived: { met: 3 }, official: { processingDays: 21.5, stars: 2 }, regime: 'deliverology', at: 10 };
    expect(summaryDigest(reordered)).toBe(summaryDigest(summary));
    expect(canonicalJson(reordered)).toBe(canonicalJson(summary));
  });

  it('changes with any figure, and with a field added to the summary (so it keeps up with teamSummary)', () => {
    expect(summaryDigest({ ...summary, lived: { met: 4 } })).not.toBe(summaryDigest(summary));
    expect(summaryDigest({ ...summary, official: { ...summary.official, stars: null } })).not.toBe(summaryDigest(summary));
    expect(summaryDigest({ ...summary, extra: { harmed: 0 } })).not.toBe(summaryDigest(summary));
  });
});

describe('what is refused, each with a sentence', () => {
  it('what is not a code at all', async () => {
    expect(await refusal(42)).toMatch(/is text/);
    expect(await refusal('')).toMatch(/empty/);
    expect(await refusal('   \n ')).toMatch(/empty/);
    expect(await refusal('hello there')).toMatch(/not a result code: a result code starts with ITS1-/);
    expect(await refusal(code.slice(5))).toMatch(/starts with ITS1-/);
  });

  it('a code of another format', async () => {
    expect(await refusal(`ITS2-${code.slice(5)}`)).toMatch(/format 2; this server reads format 1/);
    const v2 = await codeOfText(JSON.stringify({ v: 2, anything: true }));
    expect(await refusal(v2)).toMatch(/contents are of format 2/);
  });

  it('a code too long to be one', async () => {
    expect(await refusal(`ITS1-${'A'.repeat(MAX_CODE_CHARS)}`)).toMatch(/at most 32768/);
  });

  it('characters a code never has', async () => {
    expect(await refusal(`${code.slice(0, 30)}+/=${code.slice(30)}`)).toMatch(/characters a result code never has/);
    expect(await refusal(`${code.slice(0, 30)}é${code.slice(30)}`)).toMatch(/characters a result code never has/);
  });

  it('a truncated code, and one with a character changed', async () => {
    for (const cut of [1, 2, 3, 10, code.length - 7]) expect(await refusal(code.slice(0, -cut)), `cut ${cut}`).toMatch(/incomplete or damaged/);
    expect(await refusal('ITS1-')).toMatch(/empty|incomplete or damaged/);
    expect(await refusal('ITS1-AAAA')).toMatch(/incomplete or damaged/);
    const i = 40;
    const changed = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(await refusal(changed)).toMatch(/incomplete or damaged/);
  });

  it('contents that do not inflate, or are not JSON, even with a right checksum', async () => {
    expect(await refusal(codeOfPacked(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0x01, 0x02])))).toMatch(/incomplete or damaged/);
    expect(await refusal(await codeOfText('{"v":1, not json'))).toMatch(/incomplete or damaged/);
    expect(await refusal(codeOfPacked(await deflate(new Uint8Array([0xc3, 0x28]))))).toMatch(/incomplete or damaged/);
  });

  it('contents that unfold past the limit (a small code, a flood inside)', async () => {
    const flood = await codeOfText(`{"v":1,"pad":"${' '.repeat(MAX_DECODED_BYTES * 4)}"}`);
    expect(flood.length).toBeLessThan(2000);
    expect(await refusal(flood)).toMatch(/more than 64 kB/);
  });

  it('JSON that is not a run, naming the field', async () => {
    const payload = {
      v: 1,
      m: run.model.version,
      h: run.model.levelHash,
      l: run.level,
      c: run.scenario,
      s: 7,
      r: 'deliverology',
      n: '',
      t: 100,
      d: run.digest,
      a: [],
    };
    expect(await decodeResultCode(await codeOfText(JSON.stringify(payload)))).toMatchObject({ ok: true });
    expect(await refusal(await codeOfText(JSON.stringify({ ...payload, s: -1 })))).toMatch(/does not hold a run: s:/);
    expect(await refusal(await codeOfText(JSON.stringify({ ...payload, r: 'anarchy' })))).toMatch(/does not hold a run: r:/);
    expect(await refusal(await codeOfText(JSON.stringify({ ...payload, d: 'xyz' })))).toMatch(/does not hold a run: d:/);
    expect(await refusal(await codeOfText(JSON.stringify({ ...payload, n: 'x'.repeat(41) })))).toMatch(/does not hold a run: n/);
    expect(await refusal(await codeOfText(JSON.stringify({ ...payload, extra: 1 })))).toMatch(/does not hold a run/);
    expect(await refusal(await codeOfText(JSON.stringify({ ...payload, a: 'none' })))).toMatch(/does not hold a run: a:/);
    expect(await refusal(await codeOfText('"just text"'))).toMatch(/does not hold a run/);
    expect(await refusal(await codeOfText('null'))).toMatch(/does not hold a run/);
  });
});

describe('making a code', () => {
  it('refuses a run a code cannot carry, saying why', async () => {
    expect(resultRunProblem(run)).toBeNull();
    expect(resultRunProblem({ ...run, name: '  Alice  ' })).toMatch(/name/);
    expect(resultRunProblem({ ...run, seed: 1.5 })).toMatch(/^s:/);
    const long = Array.from({ length: 2000 }, (_, i) => ({ at: i, kind: 'staff', role: 'assessor', count: i % 20 }));
    expect(resultRunProblem({ ...run, actions: long })).toMatch(/bytes as JSON/);
    await expect(encodeResultCode({ ...run, actions: long })).rejects.toThrow(RangeError);
  });
});

describe('a changed code no longer matches its re-simulation', () => {
  const replayedDigest = (r: ResultRun) => summaryDigest(replayTeam(config, r.actions as Action[], r.at));

  it('the honest code matches', () => {
    expect(replayedDigest(run)).toBe(run.digest);
  });

  it('a changed action gives other figures than the digest says', async () => {
    const actions = run.actions.map((a) => ({ ...(a as Action) }));
    actions[0] = { ...(actions[0] as Extract<Action, { kind: 'staff' }>), count: 20 };
    const decoded = await decodeResultCode(await encodeResultCode({ ...run, actions }));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(replayedDigest(decoded.run)).not.toBe(decoded.run.digest);
  });

  it('a changed digest no longer matches the figures of the log', async () => {
    const decoded = await decodeResultCode(await encodeResultCode({ ...run, digest: '0123456789abcdef' }));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(replayedDigest(decoded.run)).not.toBe(decoded.run.digest);
  });
});

describe('the debrief side', () => {
  it('offers a code only for housing benefit played alone', () => {
    const at = (levelId: string, room: GameState['room'] = null): GameState =>
      ({ ...initialState(), screen: 'debrief', room, debrief: { levelId } as GameState['debrief'] }) as GameState;
    expect(offersResultCode(at('housing-benefit'))).toBe(true);
    expect(offersResultCode(at('front-desk'))).toBe(false);
    expect(offersResultCode(at('housing-benefit', {} as GameState['room']))).toBe(false);
    expect(offersResultCode({ ...at('housing-benefit'), screen: 'office' })).toBe(false);
  });

  it('takes a name as a team name is taken: spaces folded, none at all allowed, 40 characters at most', () => {
    expect(studentName('  Alice   Smith ')).toBe('Alice Smith');
    expect(studentName('   ')).toBe('');
    expect(studentName('x'.repeat(40))).toBe('x'.repeat(40));
    expect(studentName('x'.repeat(41))).toBeNull();
  });
});

// --- Properties ---------------------------------------------------------------------------------

const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
const name = fc.oneof(
  fc.constant(''),
  fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0 && s.length <= 40),
);
const action = fc.oneof(
  fc.record({ at: fc.nat(525_600), kind: fc.constant('staff'), role: fc.constantFrom('assessor', 'agent', 'scanner'), count: fc.nat(500) }),
  fc.record({
    at: fc.nat(525_600),
    kind: fc.constant('design'),
    key: fc.constantFrom('nilQualifyDays', 'caseOwner'),
    value: fc.oneof(fc.boolean(), fc.nat(90), fc.constant(null)),
  }),
  fc.record({ at: fc.nat(525_600), kind: fc.constant('regime'), regime: fc.constantFrom('deliverology', 'systems') }),
);
const anyRun: fc.Arbitrary<ResultRun> = fc.record({
  model: fc.record({ version: fc.string({ minLength: 1, maxLength: 40 }), levelHash: hex16 }),
  level: fc.string({ minLength: 1, maxLength: 40 }),
  scenario: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  regime: fc.constantFrom('deliverology' as const, 'systems' as const),
  name,
  at: fc.oneof(
    fc.nat(3650 * 1440),
    fc.double({ min: 0, max: 3650 * 1440, noNaN: true }).filter((x) => !Object.is(x, -0)),
  ),
  digest: hex16,
  actions: fc.array(action, { maxLength: 60 }),
});

describe('properties', () => {
  it('any run a code can carry comes back from its code as it was', async () => {
    await fc.assert(
      fc.asyncProperty(anyRun, async (r) => {
        const decoded = await decodeResultCode(await encodeResultCode(r));
        expect(decoded).toEqual({ ok: true, run: r });
      }),
      { numRuns: 200 },
    );
  });

  it('decoding any text never throws, and what it refuses it says in a sentence', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.stringMatching(/^ITS1-[A-Za-z0-9_-]{0,200}$/),
      // A real code with a change somewhere: cut, a character replaced, or text inserted.
      fc.tuple(fc.nat(), fc.string({ maxLength: 5 })).map(([i, s]) => {
        const at = 5 + (i % (code.length - 5));
        return code.slice(0, at) + s + code.slice(at + 1);
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const r = await decodeResultCode(t);
        // (The catch-all "could not be read" would mean some step threw: none may.)
        if (!r.ok) expect(r.error).not.toMatch(/could not be read/);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 500 },
    );
  });
});
