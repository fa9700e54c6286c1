// What the game and the session service say to each other: every request is checked against
// these schemas on the server, so their edges are the service's edges.
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  commandSchema,
  joinCode,
  joinSchema,
  MAX_ACTIONS_PER_UPDATE,
  type Phase,
  sessionConfigSchema,
  teamName,
  updateSchema,
} from '../../../src/room/protocol';

const issuePaths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('join codes', () => {
  it('are six characters from an alphabet with no look-alikes', () => {
    expect(CODE_LENGTH).toBe(6);
    // (The alphabet keeps 5 and drops only S, though its comment says neither is in it.)
    for (const c of '0O1ILS8B') expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('are accepted in lower case (and with spaces round them) and upper-cased', () => {
    expect(joinCode.parse('h4kx7m')).toBe('H4KX7M');
    expect(joinCode.parse('  H4kx7M ')).toBe('H4KX7M');
  });

  it('refuse the ambiguous letters and digits, and any other length', () => {
    for (const code of ['H4KX7O', 'H4KX70', 'H4KX7I', 'H4KX71', 'h4kx7o', 'h4kx7i', 'H4KX7L', 'H4KX7S', 'H4KX7B', 'H4KX78'])
      expect(joinCode.safeParse(code).success, code).toBe(false);
    for (const code of ['H4KX7', 'H4KX7MM', '', 'H4-X7M']) expect(joinCode.safeParse(code).success, code).toBe(false);
    expect(joinCode.safeParse('H4KX70').error?.issues[0]?.message).toMatch(/join code/);
  });
});

describe('team names', () => {
  it('are trimmed, their spaces collapsed and their Unicode composed', () => {
    expect(teamName.parse('  Red \t  Kites\n')).toBe('Red Kites');
    expect(teamName.parse('Cafe\u0301 crew')).toBe('Caf\u00e9 crew');
  });

  it('are 1 to 40 characters', () => {
    expect(teamName.parse('x'.repeat(40))).toHaveLength(40);
    expect(teamName.safeParse('x'.repeat(41)).success).toBe(false);
    expect(teamName.safeParse(`${'x'.repeat(41)}`).error?.issues[0]?.message).toBe('a team name is at most 40 characters');
    expect(teamName.safeParse('   ').success).toBe(false);
    // Spaces collapsed first: a long run of spaces does not make a name too long.
    expect(teamName.parse(`A${' '.repeat(60)}B`)).toBe('A B');
    expect(joinSchema.safeParse({ name: 'A', extra: 1 }).success).toBe(false);
  });
});

describe('a session config', () => {
  const phases: Phase[] = [
    { label: 'One', untilDay: 30 },
    { label: 'Two', untilDay: 60 },
  ];

  it('fills in a title, scenario and way of working when left out', () => {
    expect(sessionConfigSchema.parse({ level: 'housing-benefit', seed: 3, phases })).toEqual({
      title: '',
      level: 'housing-benefit',
      scenario: null,
      seed: 3,
      regime: 'deliverology',
      phases,
    });
  });

  it('refuses phases that do not end later each time, too many phases, an unknown level and unknown keys', () => {
    const base = { level: 'housing-benefit', seed: 3, phases };
    expect(issuePaths(sessionConfigSchema.safeParse({ ...base, phases: [phases[1], phases[0]] }))).toEqual(['phases']);
    expect(issuePaths(sessionConfigSchema.safeParse({ ...base, phases: [phases[0], phases[0]] }))).toEqual(['phases']);
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ label: `P${i}`, untilDay: 10 * (i + 1) }));
    expect(issuePaths(sessionConfigSchema.safeParse({ ...base, phases: thirteen }))).toEqual(['phases']);
    expect(sessionConfigSchema.safeParse({ ...base, phases: thirteen.slice(0, 12) }).success).toBe(true);
    expect(issuePaths(sessionConfigSchema.safeParse({ ...base, level: 'housing-repairs' }))).toEqual(['level']);
    expect(issuePaths(sessionConfigSchema.safeParse({ ...base, seed: 1.5 }))).toEqual(['seed']);
    expect(sessionConfigSchema.safeParse({ ...base, admin: true }).success).toBe(false);
  });
});

describe('an update', () => {
  const summary = {
    at: 1440,
    regime: 'deliverology',
    official: { processingDays: 20, callsAnsweredIn20s: 0.9, visitorsSeenIn15m: null, stars: null },
    lived: { arrived: 10, met: 2, open: 8, abandoned: 0, waitingDaysMean: 1.5, failureDemandShare: 0.1, costPerNeedMet: 300, staffSpendPerWeek: 12000 },
    weekly: { meanDays: [2.5, null, 1.25], changes: [{ week: 3, cause: 'redesign' }] },
  };
  const update = { seq: 1, model: { version: 'v', levelHash: 'h' }, actions: [], summary };

  it('is numbered from 1, holds at most so many actions, and has exactly the figures of a summary', () => {
    expect(updateSchema.safeParse(update).success).toBe(true);
    expect(issuePaths(updateSchema.safeParse({ ...update, seq: 0 }))).toEqual(['seq']);
    expect(issuePaths(updateSchema.safeParse({ ...update, actions: Array(MAX_ACTIONS_PER_UPDATE + 1).fill({}) }))).toEqual(['actions']);
    expect(issuePaths(updateSchema.safeParse({ ...update, summary: { ...summary, lived: { ...summary.lived, met: -1 } } }))).toEqual(['summary.lived.met']);
    expect(issuePaths(updateSchema.safeParse({ ...update, summary: { ...summary, official: { ...summary.official, callsAnsweredIn20s: 1.2 } } }))).toEqual([
      'summary.official.callsAnsweredIn20s',
    ]);
    expect(updateSchema.safeParse({ ...update, summary: { ...summary, bonus: 1 } }).success).toBe(false);
    expect(issuePaths(updateSchema.safeParse({ ...update, summary: { ...summary, weekly: { ...summary.weekly, meanDays: [-1] } } }))).toEqual([
      'summary.weekly.meanDays.0',
    ]);
  });
});

describe('commands', () => {
  it('are one of five kinds; a broadcast is trimmed and at most 280 characters', () => {
    expect(commandSchema.parse({ kind: 'broadcast', message: '  Lunch  ' })).toEqual({ kind: 'broadcast', message: 'Lunch' });
    expect(commandSchema.safeParse({ kind: 'broadcast', message: 'x'.repeat(281) }).success).toBe(false);
    expect(commandSchema.safeParse({ kind: 'release', phase: -1 }).success).toBe(false);
    expect(commandSchema.safeParse({ kind: 'release', phase: 1.5 }).success).toBe(false);
    expect(commandSchema.safeParse({ kind: 'pause', extra: true }).success).toBe(false);
    expect(commandSchema.safeParse({ kind: 'reset' }).success).toBe(false);
  });
});
