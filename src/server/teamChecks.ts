// When each team's log is re-simulated. At a gate and at the end of the run, at once. Between
// gates, as the team plays, at most once every CHECK_EVERY_MS a team: the worker then keeps each
// team's run close behind it (see TeamReplays), so the check at a gate has only the last few days
// to play, whatever the length of the phase. One check a team at a time: an update that arrives
// meanwhile is checked next (only the newest, whose log holds the others').
import type { Verdict } from '../room/verify';
import type { VerifyJob, Verifier } from './verifier';

/** How often a team's figures are checked between gates (ms of the service's clock). */
export const CHECK_EVERY_MS = 5_000;

interface Checking {
  running: boolean;
  startedAt: number;
  next: { job: VerifyJob; urgent: boolean } | null;
}

export class TeamChecks {
  private readonly teams = new Map<string, Checking>();

  constructor(
    private readonly verifier: Verifier,
    private readonly now: () => number,
    private readonly checked: (team: string, verdict: Verdict) => Promise<void>,
  ) {}

  /** The team's newest figures and log; `urgent` at a gate or the end of the run. */
  request(team: string, job: Omit<VerifyJob, 'team'>, urgent: boolean): void {
    let c = this.teams.get(team);
    if (!c) {
      c = { running: false, startedAt: -Infinity, next: null };
      this.teams.set(team, c);
    }
    if (c.running) c.next = { job, urgent: urgent || (c.next?.urgent ?? false) };
    else if (urgent || this.now() - c.startedAt >= CHECK_EVERY_MS) this.run(team, c, job);
  }

  private run(team: string, c: Checking, job: Omit<VerifyJob, 'team'>): void {
    c.running = true;
    c.startedAt = this.now();
    this.verifier
      .verify({ ...job, team })
      .then((verdict) => this.checked(team, verdict))
      .catch((e) => console.error(`checking team ${team}: ${(e as Error).message}`))
      .finally(() => {
        c.running = false;
        const next = c.next;
        c.next = null;
        if (next) this.request(team, next.job, next.urgent);
      });
  }
}
