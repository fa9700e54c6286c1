// Sessions, teams, their updates and the trainer's commands, kept in plain SQL that runs the same
// on PGlite and on Postgres. Nothing is kept only in memory: a server killed and restarted finds
// every session as it was.
import type { Command, RoomEvent, SessionConfig, TeamSummary } from '../room/protocol';
import type { Verdict } from '../room/verify';
import type { Db } from './db';

const SCHEMA = `
-- Several servers opening one empty database at once make the tables one at a time.
SELECT pg_advisory_xact_lock(7391);
CREATE TABLE IF NOT EXISTS room_session (
  code TEXT PRIMARY KEY,
  trainer_token_hash TEXT NOT NULL,
  config JSONB NOT NULL,
  last_event INTEGER NOT NULL DEFAULT 0,
  created_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS room_team (
  code TEXT NOT NULL REFERENCES room_session(code),
  team_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  joined_at DOUBLE PRECISION NOT NULL,
  last_seen DOUBLE PRECISION NOT NULL,
  left_at DOUBLE PRECISION NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL DEFAULT 0,
  last_action_at DOUBLE PRECISION NOT NULL DEFAULT 0,
  summary JSONB,
  verdict JSONB,
  PRIMARY KEY (code, team_id)
);
CREATE TABLE IF NOT EXISTS room_update (
  code TEXT NOT NULL,
  team_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  actions JSONB NOT NULL,
  summary JSONB NOT NULL,
  at DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (code, team_id, seq)
);
CREATE TABLE IF NOT EXISTS room_prediction (
  code TEXT NOT NULL,
  team_id TEXT NOT NULL,
  question TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  at DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (code, team_id, question)
);
CREATE TABLE IF NOT EXISTS room_event (
  code TEXT NOT NULL,
  n INTEGER NOT NULL,
  command JSONB NOT NULL,
  at DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (code, n)
);
-- Result codes imported into a session, by a digest of the run each holds: the same run twice is one team.
CREATE TABLE IF NOT EXISTS room_import (
  code TEXT NOT NULL,
  run_key TEXT NOT NULL,
  team_id TEXT NOT NULL,
  at DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (code, run_key)
);
`;

export interface SessionRow {
  code: string;
  trainerTokenHash: string;
  config: SessionConfig;
  lastEvent: number;
  createdAt: number;
}

export interface TeamRow {
  code: string;
  teamId: string;
  name: string;
  joinedAt: number;
  lastSeen: number;
  /** When its last event stream closed (0: never): it is connected if seen since. */
  leftAt: number;
  seq: number;
  lastActionAt: number;
  summary: TeamSummary | null;
  verdict: Verdict | null;
}

export type UpdateOutcome =
  | { kind: 'stored' }
  /** The same update again (a retry after a lost answer): nothing stored, no harm done. */
  | { kind: 'duplicate' }
  | { kind: 'conflict'; message: string }
  /** Its actions do not follow from the log so far (refused by the caller's check). */
  | { kind: 'invalid'; message: string }
  | { kind: 'gap'; expected: number };

interface SessionSql {
  code: string;
  trainer_token_hash: string;
  config: SessionConfig;
  last_event: number;
  created_at: number;
}
interface TeamSql {
  code: string;
  team_id: string;
  name: string;
  joined_at: number;
  last_seen: number;
  left_at: number;
  seq: number;
  last_action_at: number;
  summary: TeamSummary | null;
  verdict: Verdict | null;
}

const sessionOf = (r: SessionSql): SessionRow => ({
  code: r.code,
  trainerTokenHash: r.trainer_token_hash,
  config: r.config,
  lastEvent: r.last_event,
  createdAt: r.created_at,
});
const teamOf = (r: TeamSql): TeamRow => ({
  code: r.code,
  teamId: r.team_id,
  name: r.name,
  joinedAt: r.joined_at,
  lastSeen: r.last_seen,
  leftAt: r.left_at,
  seq: r.seq,
  lastActionAt: r.last_action_at,
  summary: r.summary,
  verdict: r.verdict,
});
const TEAM_COLUMNS = 'code, team_id, name, joined_at, last_seen, left_at, seq, last_action_at, summary, verdict';

export class RoomStore {
  private constructor(readonly db: Db) {}

  static async open(db: Db): Promise<RoomStore> {
    await db.exec(SCHEMA);
    return new RoomStore(db);
  }

  /** Stores a new session; false if the code is taken (pick another). */
  async createSession(code: string, trainerTokenHash: string, config: SessionConfig, now: number): Promise<boolean> {
    const rows = await this.db.query<{ code: string }>(
      'INSERT INTO room_session (code, trainer_token_hash, config, created_at) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (code) DO NOTHING RETURNING code',
      [code, trainerTokenHash, JSON.stringify(config), now],
    );
    return rows.length === 1;
  }

  async session(code: string): Promise<SessionRow | null> {
    const rows = await this.db.query<SessionSql>('SELECT * FROM room_session WHERE code = $1', [code]);
    return rows[0] ? sessionOf(rows[0]) : null;
  }

  /** Adds a team unless the session is full or the name is taken (names are compared ignoring case). */
  async addTeam(code: string, teamId: string, tokenHash: string, name: string, now: number, maxTeams: number): Promise<TeamRow | 'full' | 'name-taken'> {
    return this.db.transaction(async (tx) => {
      // Lock the session row so two teams joining at once cannot both take the last seat or a name.
      await tx.query('SELECT code FROM room_session WHERE code = $1 FOR UPDATE', [code]);
      const [row] = await tx.query<{ n: number; taken: boolean }>(
        'SELECT count(*)::int AS n, coalesce(bool_or(lower(name) = lower($2)), false) AS taken FROM room_team WHERE code = $1',
        [code, name],
      );
      if (row?.taken) return 'name-taken';
      if ((row?.n ?? 0) >= maxTeams) return 'full';
      const rows = await tx.query<TeamSql>(
        `INSERT INTO room_team (code, team_id, token_hash, name, joined_at, last_seen) VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${TEAM_COLUMNS}`,
        [code, teamId, tokenHash, name, now],
      );
      return teamOf(rows[0]!);
    });
  }

  async teamByToken(tokenHash: string): Promise<TeamRow | null> {
    const rows = await this.db.query<TeamSql>(`SELECT ${TEAM_COLUMNS} FROM room_team WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? teamOf(rows[0]) : null;
  }

  async teams(code: string): Promise<TeamRow[]> {
    const rows = await this.db.query<TeamSql>(`SELECT ${TEAM_COLUMNS} FROM room_team WHERE code = $1 ORDER BY joined_at, team_id`, [code]);
    return rows.map(teamOf);
  }

  async touch(code: string, teamId: string, now: number): Promise<void> {
    await this.db.query('UPDATE room_team SET last_seen = $3 WHERE code = $1 AND team_id = $2', [code, teamId, now]);
  }

  /** The team's event stream closed. */
  async left(code: string, teamId: string, now: number): Promise<void> {
    await this.db.query('UPDATE room_team SET left_at = $3 WHERE code = $1 AND team_id = $2', [code, teamId, now]);
  }

  /**
   * Stores update `seq` of a team if it is the next one. `prepare` checks its actions against the
   * log so far, read in the same transaction under the team's lock (so two updates in flight at
   * once are checked one after the other), and gives the actions to store, or why not.
   */
  async appendUpdate(
    team: Pick<TeamRow, 'code' | 'teamId'>,
    update: { seq: number; actions: readonly unknown[]; summary: TeamSummary },
    now: number,
    prepare: (
      log: unknown[],
      current: { seq: number; lastActionAt: number },
    ) => { ok: true; actions: readonly { at: number }[] } | { ok: false; message: string },
  ): Promise<UpdateOutcome> {
    const summary = JSON.stringify(update.summary);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ seq: number; last_action_at: number }>(
        'SELECT seq, last_action_at FROM room_team WHERE code = $1 AND team_id = $2 FOR UPDATE',
        [team.code, team.teamId],
      );
      if (!row) return { kind: 'conflict', message: 'no such team' };
      if (update.seq <= row.seq) {
        const [stored] = await tx.query<{ same: boolean }>(
          'SELECT (actions = $4::jsonb AND summary = $5::jsonb) AS same FROM room_update WHERE code = $1 AND team_id = $2 AND seq = $3',
          [team.code, team.teamId, update.seq, JSON.stringify(update.actions), summary],
        );
        return stored?.same ? { kind: 'duplicate' } : { kind: 'conflict', message: `update ${update.seq} was already stored with other contents` };
      }
      if (update.seq !== row.seq + 1) return { kind: 'gap', expected: row.seq + 1 };
      const prepared = prepare(await this.actionsOf(team.code, team.teamId, tx), { seq: row.seq, lastActionAt: row.last_action_at });
      if (!prepared.ok) return { kind: 'invalid', message: prepared.message };
      const lastAt = prepared.actions.reduce((m, a) => Math.max(m, a.at), row.last_action_at);
      await tx.query('INSERT INTO room_update (code, team_id, seq, actions, summary, at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)', [
        team.code,
        team.teamId,
        update.seq,
        JSON.stringify(prepared.actions),
        summary,
        now,
      ]);
      await tx.query('UPDATE room_team SET seq = $3, summary = $4::jsonb, last_seen = $5, last_action_at = $6 WHERE code = $1 AND team_id = $2', [
        team.code,
        team.teamId,
        update.seq,
        summary,
        now,
        lastAt,
      ]);
      return { kind: 'stored' };
    });
  }

  /** A team's whole action log, in the order it was sent. */
  async actionsOf(code: string, teamId: string, tx: Pick<Db, 'query'> = this.db): Promise<unknown[]> {
    const rows = await tx.query<{ actions: unknown[] }>('SELECT actions FROM room_update WHERE code = $1 AND team_id = $2 ORDER BY seq', [code, teamId]);
    return rows.flatMap((r) => r.actions);
  }

  /** A team's verdict, unless it already has one for a later minute (checks may finish out of order). */
  async setVerdict(code: string, teamId: string, verdict: Verdict): Promise<void> {
    await this.db.query("UPDATE room_team SET verdict = $3::jsonb WHERE code = $1 AND team_id = $2 AND (verdict IS NULL OR (verdict->>'at')::float8 <= $4)", [
      code,
      teamId,
      JSON.stringify(verdict),
      verdict.at,
    ]);
  }

  /** The name of the team a run (by its key) was imported as, if it was. */
  async importedTeam(code: string, runKey: string): Promise<string | null> {
    const rows = await this.db.query<{ name: string }>(
      'SELECT t.name FROM room_import i JOIN room_team t ON t.code = i.code AND t.team_id = i.team_id WHERE i.code = $1 AND i.run_key = $2',
      [code, runKey],
    );
    return rows[0]?.name ?? null;
  }

  /**
   * Seats a run imported from a result code as a team, in one transaction: the team (never
   * connected: it has no token anyone holds), its whole log as its one update, its figures and
   * verdict. Named `nameFor(1)`, or `nameFor(2)`... if that is taken; once per run key.
   */
  async importTeam(
    code: string,
    runKey: string,
    team: { teamId: string; nameFor: (n: number) => string; actions: readonly { at: number }[]; summary: TeamSummary; verdict: Verdict },
    now: number,
    maxTeams: number,
  ): Promise<{ kind: 'imported'; name: string } | { kind: 'already'; name: string } | { kind: 'full' }> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT code FROM room_session WHERE code = $1 FOR UPDATE', [code]);
      const [already] = await tx.query<{ name: string }>(
        'SELECT t.name FROM room_import i JOIN room_team t ON t.code = i.code AND t.team_id = i.team_id WHERE i.code = $1 AND i.run_key = $2',
        [code, runKey],
      );
      if (already) return { kind: 'already', name: already.name };
      const names = new Set((await tx.query<{ name: string }>('SELECT lower(name) AS name FROM room_team WHERE code = $1', [code])).map((r) => r.name));
      if (names.size >= maxTeams) return { kind: 'full' };
      let n = 1;
      while (names.has(team.nameFor(n).toLowerCase())) n++;
      const name = team.nameFor(n);
      const summary = JSON.stringify(team.summary);
      const lastAt = team.actions.reduce((m, a) => Math.max(m, a.at), 0);
      await tx.query(
        `INSERT INTO room_team (code, team_id, token_hash, name, joined_at, last_seen, left_at, seq, last_action_at, summary, verdict)
         VALUES ($1, $2, $3, $4, $5, $5, $5, 1, $6, $7::jsonb, $8::jsonb)`,
        [code, team.teamId, `imported:${code}:${runKey}`, name, now, lastAt, summary, JSON.stringify(team.verdict)],
      );
      await tx.query('INSERT INTO room_update (code, team_id, seq, actions, summary, at) VALUES ($1, $2, 1, $3::jsonb, $4::jsonb, $5)', [
        code,
        team.teamId,
        JSON.stringify(team.actions),
        summary,
        now,
      ]);
      await tx.query('INSERT INTO room_import (code, run_key, team_id, at) VALUES ($1, $2, $3, $4)', [code, runKey, team.teamId, now]);
      return { kind: 'imported', name };
    });
  }

  /** A team's prediction (a later one for the same question replaces it). */
  async predict(code: string, teamId: string, question: string, value: number, now: number): Promise<void> {
    await this.db.query(
      'INSERT INTO room_prediction (code, team_id, question, value, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code, team_id, question) DO UPDATE SET value = $4, at = $5',
      [code, teamId, question, value, now],
    );
  }

  /** Every team's predictions in a session: team id -> question -> value. */
  async predictions(code: string): Promise<Map<string, Record<string, number>>> {
    const rows = await this.db.query<{ team_id: string; question: string; value: number }>(
      'SELECT team_id, question, value FROM room_prediction WHERE code = $1',
      [code],
    );
    const out = new Map<string, Record<string, number>>();
    for (const r of rows) out.set(r.team_id, { ...out.get(r.team_id), [r.question]: r.value });
    return out;
  }

  /** Adds the trainer's next command to the session, numbered from 1. */
  async appendEvent(code: string, command: Command, now: number): Promise<RoomEvent> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ last_event: number }>('UPDATE room_session SET last_event = last_event + 1 WHERE code = $1 RETURNING last_event', [code]);
      if (!row) throw new Error(`no session ${code}`);
      await tx.query('INSERT INTO room_event (code, n, command, at) VALUES ($1, $2, $3::jsonb, $4)', [code, row.last_event, JSON.stringify(command), now]);
      return { n: row.last_event, at: now, command };
    });
  }

  async eventsAfter(code: string, after: number): Promise<RoomEvent[]> {
    const rows = await this.db.query<RoomEvent>('SELECT n, at, command FROM room_event WHERE code = $1 AND n > $2 ORDER BY n', [code, after]);
    return rows;
  }
}
