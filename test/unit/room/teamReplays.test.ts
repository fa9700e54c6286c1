// A team's run kept between its checks (TeamReplays): each check plays on from the last, and every
// verdict is the one a fresh re-simulation of the whole log gives, whatever the team sends: true
// figures, tampered ones, a log that rewrites its past, figures older than the kept run's.
import { describe, expect, it } from 'vitest';
import type { SessionConfig, TeamSummary } from '../../../src/room/protocol';
import { teamSummary } from '../../../src/room/summary';
import { sessionLevel, TeamReplays, verifyTeam } from '../../../src/room/verify';
import { type ActionInput, createSim, DAY } from '../../../src/services/housing-benefit';

const config: SessionConfig = {
  title: '',
  level: 'housing-benefit',
  scenario: null,
  seed: 5,
  regime: 'deliverology',
  phases: [{ label: 'The year', untilDay: 365 }],
};

interface Update {
  log: unknown[];
  summary: TeamSummary;
}

/** A team's updates at the given days, with its choices on the days of `choices`. */
function journey(choices: Record<number, ActionInput[]>, updateDays: number[]): Update[] {
  const sim = createSim(sessionLevel(config), config.seed, config.regime);
  const updates: Update[] = [];
  const last = Math.max(...updateDays, ...Object.keys(choices).map(Number));
  for (let day = 0; day <= last; day++) {
    sim.advanceTo(day * DAY);
    for (const action of choices[day] ?? []) sim.apply(action);
    if (updateDays.includes(day)) updates.push({ log: JSON.parse(JSON.stringify(sim.actions)), summary: teamSummary(sim) });
  }
  return updates;
}

const A = journey(
  {
    3: [{ kind: 'staff', role: 'assessor', count: 14 }],
    40: [{ kind: 'design', key: 'cherryPick', value: true }],
    70: [{ kind: 'staff', role: 'agent', count: 7 }],
  },
  [10, 40, 41, 90, 140],
);
// The same team's log had its past rewritten: another first choice.
const B = journey({ 3: [{ kind: 'staff', role: 'assessor', count: 9 }] }, [140]);

describe('a team checked again and again', () => {
  it('is verified at each update, as a fresh re-simulation of its whole log verifies it', () => {
    const replays = new TeamReplays();
    for (const u of A) {
      const verdict = replays.verify('X/1', config, u.log, u.summary);
      expect(verdict).toEqual({ verified: true, at: u.summary.at });
      expect(verdict).toEqual(verifyTeam(config, u.log, u.summary));
    }
    expect(replays.size).toBe(1);
  });

  it('names the tampered figure, and still verifies the true figures that follow', () => {
    const replays = new TeamReplays();
    replays.verify('X/1', config, A[0]!.log, A[0]!.summary);
    const s = A[1]!.summary;
    const boast = { ...s, lived: { ...s.lived, waitingDaysMean: 1 } };
    const verdict = replays.verify('X/1', config, A[1]!.log, boast);
    expect(verdict).toEqual(verifyTeam(config, A[1]!.log, boast));
    expect(verdict).toMatchObject({ verified: false, mismatch: expect.stringMatching(/^lived\.waitingDaysMean: claimed 1, re-simulated /) });
    expect(replays.verify('X/1', config, A[2]!.log, A[2]!.summary)).toEqual({ verified: true, at: A[2]!.summary.at });
  });

  it('plays afresh a log that rewrote its past, figures older than the kept run, and another session', () => {
    const replays = new TeamReplays();
    replays.verify('X/1', config, A[3]!.log, A[3]!.summary);
    // B's figures follow from B's log, not from the kept run of A's.
    expect(replays.verify('X/1', config, B[0]!.log, B[0]!.summary)).toEqual({ verified: true, at: B[0]!.summary.at });
    // A's figures at day 140 do not follow from B's log, although the kept run is at day 140.
    expect(replays.verify('X/1', config, B[0]!.log, A[4]!.summary)).toMatchObject({ verified: false });
    // Older figures than the kept run's.
    expect(replays.verify('X/1', config, A[0]!.log, A[0]!.summary)).toEqual({ verified: true, at: A[0]!.summary.at });
    // The same key in a session of another seed: its figures are not this seed's.
    const other = { ...config, seed: 6 };
    expect(replays.verify('X/1', other, A[1]!.log, A[1]!.summary)).toEqual(verifyTeam(other, A[1]!.log, A[1]!.summary));
    expect(replays.verify('X/1', other, A[1]!.log, A[1]!.summary).verified).toBe(false);
  });

  it('keeps each team apart, and lets the oldest go past its capacity', () => {
    const replays = new TeamReplays(2);
    replays.verify('X/1', config, A[0]!.log, A[0]!.summary);
    replays.verify('X/2', config, B[0]!.log, B[0]!.summary);
    expect(replays.verify('X/1', config, A[1]!.log, A[1]!.summary).verified).toBe(true);
    replays.verify('X/3', config, A[0]!.log, A[0]!.summary);
    expect(replays.size).toBe(2);
    // X/2, the least recently checked, was let go: it is played afresh, to the same verdict.
    expect(replays.verify('X/2', config, B[0]!.log, B[0]!.summary)).toEqual({ verified: true, at: B[0]!.summary.at });
  });
});
