// What the session service does, apart from HTTP: sessions made, teams seated, updates checked
// and stored, commands numbered, teams re-simulated, the dashboard put together.
import { type Action, DAY } from '../services/housing-benefit';
import { type Command, type Dashboard, MAX_TEAMS, type Prediction, type RoomEvent, type Seat, type SessionConfig, type TeamUpdate } from '../room/protocol';
import { type RoomState, roomStateOf } from '../room/roomState';
import { checkTeamLog, sessionLevel, sessionModel } from '../room/verify';
import type { AppDeps } from './app';
import type { SessionRow, TeamRow } from './roomStore';
import { TeamChecks } from './teamChecks';
import { hashToken, newJoinCode, newTeamId, newToken } from './tokens';

/** A team heard from this recently counts as connected even between its heartbeats. */
const CONNECTED_MS = 30_000;

export type Refusal = { status: 400 | 401 | 403 | 404 | 409; message: string };
export type Result<T> = { ok: true; value: T } | ({ ok: false } & Refusal);
/** A team's key for its kept re-simulation: unique across sessions. */
const teamKey = (team: Pick<TeamRow, 'code' | 'teamId'>) => `${team.code}/${team.teamId}`;
const no = (status: Refusal['status'], message: string): { ok: false } & Refusal => ({ ok: false, status, message });

export class RoomService {
  private readonly checks: TeamChecks;

  constructor(private readonly deps: AppDeps) {
    this.checks = new TeamChecks(deps.verifier, deps.now, async (key, verdict) => {
      const [code, teamId] = key.split('/') as [string, string];
      await this.store.setVerdict(code, teamId, verdict);
      await this.deps.hub.publish(code, 'verdict');
    });
  }

  private get store() {
    return this.deps.store;
  }

  joinUrl(code: string): string {
    return `${this.deps.publicUrl}/?join=${code}`;
  }

  async createSession(config: SessionConfig): Promise<Result<{ code: string; trainerToken: string; joinUrl: string }>> {
    let days: number;
    try {
      days = sessionLevel(config).days;
    } catch (e) {
      return no(400, `scenario: ${(e as Error).message}`);
    }
    const past = config.phases.findIndex((p) => p.untilDay > days);
    if (past >= 0) return no(400, `phases.${past}.untilDay: the run has ${days} days`);
    const trainerToken = newToken();
    for (let tries = 0; tries < 8; tries++) {
      const code = newJoinCode();
      if (await this.store.createSession(code, hashToken(trainerToken), config, this.deps.now())) {
        return { ok: true, value: { code, trainerToken, joinUrl: this.joinUrl(code) } };
      }
    }
    return no(409, 'no free join code: try again');
  }

  /** The session, if the token is its trainer's. */
  async trainerSession(code: string, token: string | null): Promise<Result<SessionRow>> {
    const session = await this.store.session(code);
    if (!session) return no(404, `no session ${code}`);
    if (token === null || hashToken(token) !== session.trainerTokenHash) return no(401, "this needs the session's trainer token");
    return { ok: true, value: session };
  }

  async team(token: string | null): Promise<Result<{ team: TeamRow; session: SessionRow }>> {
    if (token === null) return no(401, "this needs the team's token");
    const team = await this.store.teamByToken(hashToken(token));
    if (!team) return no(401, 'this team token is not known: join again with the code');
    const session = await this.store.session(team.code);
    if (!session) return no(404, `no session ${team.code}`);
    return { ok: true, value: { team, session } };
  }

  async join(code: string, name: string): Promise<Result<{ teamId: string; token: string; name: string }>> {
    const session = await this.store.session(code);
    if (!session) return no(404, `no session ${code}: check the code`);
    const token = newToken();
    const added = await this.store.addTeam(code, newTeamId(), hashToken(token), name, this.deps.now(), MAX_TEAMS);
    if (added === 'full') return no(409, `this session is full (${MAX_TEAMS} teams)`);
    if (added === 'name-taken') return no(409, `a team called "${name}" has joined already: choose another name, or rejoin with that team's link`);
    await this.deps.hub.publish(code, 'team');
    return { ok: true, value: { teamId: added.teamId, token, name: added.name } };
  }

  async room(session: SessionRow): Promise<{ state: RoomState; events: RoomEvent[] }> {
    const events = await this.store.eventsAfter(session.code, 0);
    return { state: roomStateOf(session.config, events), events };
  }

  async seat(team: TeamRow, session: SessionRow): Promise<Seat> {
    return {
      code: session.code,
      title: session.config.title,
      config: session.config,
      model: sessionModel(session.config),
      team: { id: team.teamId, name: team.name, seq: team.seq },
      room: (await this.room(session)).state,
      actions: await this.store.actionsOf(team.code, team.teamId),
      summary: team.summary,
    };
  }

  /**
   * A team's next update: of this session's model and level, its actions valid for the run and in
   * time order after the ones before, none past the figures' minute, the figures not past the
   * gate. Stored once; a retry of the same update is answered as if stored again.
   */
  async update(team: TeamRow, session: SessionRow, update: TeamUpdate): Promise<Result<{ seq: number }>> {
    const config = session.config;
    const model = sessionModel(config);
    if (update.model.version !== model.version || update.model.levelHash !== model.levelHash) {
      return no(
        409,
        `this run was played on model ${update.model.version} (level ${update.model.levelHash}); the session runs model ${model.version} (level ${model.levelHash}): reload the page`,
      );
    }
    const { state } = await this.room(session);
    const level = sessionLevel(config);
    const end = level.days * DAY;
    const gate = Math.min(state.gateDay * DAY, end);
    if (update.summary.at > gate) return no(409, `the figures are for minute ${update.summary.at}, past the gate at day ${state.gateDay}`);
    let log: Action[] = [];
    const outcome = await this.store.appendUpdate(team, update, this.deps.now(), (before, current) => {
      const checked = checkTeamLog(config, [...before, ...update.actions]);
      if (!checked.ok) return { ok: false, message: checked.errors.join('; ') };
      const fresh = checked.actions.slice(before.length);
      const late = fresh.find((a) => a.at > update.summary.at);
      if (late) return { ok: false, message: `an action at minute ${late.at} is after the figures' minute ${update.summary.at}` };
      // The log's events are the trainer's, in the trainer's order (a team may not have heard the newest yet).
      const events = checked.actions.filter((a) => a.kind === 'event').map((a) => a.event);
      const stray = events.findIndex((e, i) => state.injected[i] !== e);
      if (stray >= 0) return { ok: false, message: `event ${stray + 1} of the log (${events[stray]}) is not one the trainer injected` };
      const early = fresh.find((a) => a.at < current.lastActionAt);
      if (early) return { ok: false, message: `an action at minute ${early.at} is before one already sent (minute ${current.lastActionAt})` };
      log = checked.actions;
      return { ok: true, actions: fresh };
    });
    if (outcome.kind === 'gap') return no(409, `update ${update.seq} arrived before update ${outcome.expected}: send ${outcome.expected} first`);
    if (outcome.kind === 'conflict') return no(409, outcome.message);
    if (outcome.kind === 'invalid') return no(400, outcome.message);
    if (outcome.kind === 'stored') {
      await this.deps.hub.publish(team.code, 'update');
      // Checked as the team plays, and at once at the gate or the end of the run.
      this.checks.request(teamKey(team), { config, log, summary: update.summary }, update.summary.at >= gate);
    }
    return { ok: true, value: { seq: update.seq } };
  }

  private async verify(team: Pick<TeamRow, 'code' | 'teamId'>, config: SessionConfig, log: unknown[], summary: NonNullable<TeamRow['summary']>): Promise<void> {
    const verdict = await this.deps.verifier.verify({ config, log, summary, team: teamKey(team) });
    await this.store.setVerdict(team.code, team.teamId, verdict);
    await this.deps.hub.publish(team.code, 'verdict');
  }

  /** Re-simulates every team's log to the figures it last sent (the trainer's button; the tests). */
  async verifyAll(session: SessionRow): Promise<void> {
    const teams = await this.store.teams(session.code);
    await Promise.all(
      teams.map(async (t) => {
        if (t.summary) await this.verify(t, session.config, await this.store.actionsOf(t.code, t.teamId), t.summary);
      }),
    );
  }

  async command(session: SessionRow, command: Command): Promise<Result<RoomEvent>> {
    if (command.kind === 'release' && command.phase >= session.config.phases.length) {
      return no(400, `phase: this session has ${session.config.phases.length} phases (0 to ${session.config.phases.length - 1})`);
    }
    const event = await this.store.appendEvent(session.code, command, this.deps.now());
    await this.deps.hub.publish(session.code, 'event');
    return { ok: true, value: event };
  }

  async dashboard(session: SessionRow): Promise<Dashboard> {
    const { state } = await this.room(session);
    const teams = await this.store.teams(session.code);
    const predictions = await this.store.predictions(session.code);
    const now = this.deps.now();
    const gate = Math.min(state.gateDay, sessionLevel(session.config).days) * DAY;
    return {
      code: session.code,
      title: session.config.title,
      config: session.config,
      joinUrl: this.joinUrl(session.code),
      room: state,
      teams: teams.map((t) => ({
        id: t.teamId,
        name: t.name,
        connected: t.lastSeen > t.leftAt && now - t.lastSeen < CONNECTED_MS,
        lastSeen: t.lastSeen,
        seq: t.seq,
        summary: t.summary,
        verdict: t.verdict,
        atGate: t.summary !== null && t.summary.at >= gate,
        predictions: predictions.get(t.teamId) ?? {},
      })),
    };
  }

  /** A team's prediction, taken while the trainer asks that question and before the answer. */
  async predict(team: TeamRow, session: SessionRow, prediction: Prediction): Promise<Result<Prediction>> {
    const { state } = await this.room(session);
    if (state.asking !== prediction.question) return no(409, 'the trainer is not asking that question now');
    if (prediction.question === 'failure-share' && prediction.value > 1) return no(400, 'value: a share is from 0 to 1');
    await this.store.predict(team.code, team.teamId, prediction.question, prediction.value, this.deps.now());
    await this.deps.hub.publish(team.code, 'update');
    return { ok: true, value: prediction };
  }

  /** The teams other teams may see, once the trainer has revealed them. */
  async revealed(session: SessionRow): Promise<Result<{ name: string; summary: TeamRow['summary'] }[]>> {
    const { state } = await this.room(session);
    if (!state.revealed) return no(403, 'the trainer has not shown the teams to each other yet');
    const teams = await this.store.teams(session.code);
    return { ok: true, value: teams.map((t) => ({ name: t.name, summary: t.summary })) };
  }

  /** The whole session as one object: every team's log, figures and verdict, every command. */
  async exportSession(session: SessionRow) {
    const teams = await this.store.teams(session.code);
    const predictions = await this.store.predictions(session.code);
    return {
      format: 'its-the-system/session',
      version: 1,
      code: session.code,
      config: session.config,
      model: sessionModel(session.config),
      createdAt: new Date(session.createdAt).toISOString(),
      events: await this.store.eventsAfter(session.code, 0),
      teams: await Promise.all(
        teams.map(async (t) => ({
          id: t.teamId,
          name: t.name,
          joinedAt: new Date(t.joinedAt).toISOString(),
          updates: t.seq,
          summary: t.summary,
          verdict: t.verdict,
          predictions: predictions.get(t.teamId) ?? {},
          actions: await this.store.actionsOf(t.code, t.teamId),
        })),
      ),
    };
  }

  async touch(team: TeamRow): Promise<void> {
    await this.store.touch(team.code, team.teamId, this.deps.now());
  }

  async left(team: TeamRow): Promise<void> {
    await this.store.left(team.code, team.teamId, this.deps.now());
    await this.deps.hub.publish(team.code, 'team');
  }
}
