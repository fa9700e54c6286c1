// When a team is checked (TeamChecks): as it plays, at most every CHECK_EVERY_MS; at once at a gate;
// one check a team at a time, the newest update next.
import { describe, expect, it } from 'vitest';
import type { TeamSummary } from '../../../src/room/protocol';
import type { Verdict } from '../../../src/room/verify';
import { CHECK_EVERY_MS, TeamChecks } from '../../../src/server/teamChecks';
import type { VerifyJob, Verifier } from '../../../src/server/verifier';

/** A verifier whose checks finish only when the test says, answering "verified at the job's minute". */
function heldVerifier() {
  const started: VerifyJob[] = [];
  const finish: (() => void)[] = [];
  const verifier: Verifier = {
    verify(job) {
      started.push(job);
      return new Promise<Verdict>((resolve) => finish.push(() => resolve({ verified: true, at: job.summary.at })));
    },
    replay: () => Promise.reject(new Error('not asked of TeamChecks')),
    async close() {},
  };
  return { verifier, started, finishNext: () => finish.shift()!() };
}

const job = (at: number) => ({ config: {} as VerifyJob['config'], log: [], summary: { at } as TeamSummary });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('checking teams', () => {
  it('checks a team between gates at most every few seconds, and at once at a gate', async () => {
    let now = 0;
    const { verifier, started, finishNext } = heldVerifier();
    const verdicts: [string, Verdict][] = [];
    const checks = new TeamChecks(
      verifier,
      () => now,
      async (team, v) => void verdicts.push([team, v]),
    );
    checks.request('S/a', job(10), false);
    finishNext();
    await settle();
    now += CHECK_EVERY_MS - 1;
    checks.request('S/a', job(20), false); // too soon: not checked
    checks.request('S/b', job(20), false); // another team: checked
    expect(started.map((j) => [j.team, j.summary.at])).toEqual([
      ['S/a', 10],
      ['S/b', 20],
    ]);
    checks.request('S/a', job(30), true); // at the gate: checked now
    now += 1;
    expect(started.map((j) => j.summary.at)).toEqual([10, 20, 30]);
    finishNext();
    finishNext();
    await settle();
    expect(verdicts).toEqual([
      ['S/a', { verified: true, at: 10 }],
      ['S/b', { verified: true, at: 20 }],
      ['S/a', { verified: true, at: 30 }],
    ]);
  });

  it('runs one check a team at a time, and then the newest update that came meanwhile', async () => {
    let now = 0;
    const { verifier, started, finishNext } = heldVerifier();
    const checks = new TeamChecks(
      verifier,
      () => now,
      async () => {},
    );
    checks.request('S/a', job(10), false);
    now += CHECK_EVERY_MS;
    checks.request('S/a', job(20), false);
    checks.request('S/a', job(30), true);
    checks.request('S/a', job(40), false); // the newest; the gate's urgency stays with it
    expect(started.map((j) => j.summary.at)).toEqual([10]);
    finishNext();
    await settle();
    expect(started.map((j) => j.summary.at)).toEqual([10, 40]);
    finishNext();
    await settle();
    expect(started).toHaveLength(2);
  });
});
