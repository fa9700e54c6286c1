// The session store on its own: seats (a full session, a name taken in any case), commands
// numbered, the hub's wake-ups; and a server restarted on the same PGlite data folder finds every
// session, team, update and command as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, type Seat, type SessionConfig, sessionConfigSchema } from '../../../src/room/protocol';
import { teamSummary } from '../../../src/room/summary';
import { sessionLevel, sessionModel } from '../../../src/room/verify';
import { createSim, DAY } from '../../../src/services/housing-benefit';
import { createApp } from '../../../src/server/app';
import type { Db } from '../../../src/server/db';
import { type Change, Hub } from '../../../src/server/hub';
import { openPglite } from '../../../src/server/pgliteDb';
import { RoomStore } from '../../../src/server/roomStore';
import { inlineVerifier } from '../../../src/server/verifier';

const config: SessionConfig = sessionConfigSchema.parse({
  level: 'front-desk',
  seed: 5,
  phases: [
    { label: 'Week one', untilDay: 7 },
    { label: 'The rest', untilDay: 30 },
  ],
});

describe('the store', () => {
  let db: Db;
  let store: RoomStore;

  beforeAll(async () => {
    db = await openPglite();
    store = await RoomStore.open(db);
  }, 60_000);
  afterAll(() => db.close());

  it('refuses a code already taken', async () => {
    expect(await store.createSession('CCCCCC', 'hash', config, 1)).toBe(true);
    expect(await store.createSession('CCCCCC', 'other', config, 2)).toBe(false);
    expect((await store.session('CCCCCC'))!.trainerTokenHash).toBe('hash');
  });

  it('seats teams up to the limit, then answers "full"; a name is taken whatever its case', async () => {
    await store.createSession('FFFFFF', 'hash', config, 1);
    const first = await store.addTeam('FFFFFF', 't1', 'h1', 'Herons', 10, 2);
    expect(first).toMatchObject({ code: 'FFFFFF', teamId: 't1', name: 'Herons', joinedAt: 10, seq: 0, summary: null, verdict: null });
    expect(await store.addTeam('FFFFFF', 't2', 'h2', 'HERONS', 11, 2)).toBe('name-taken');
    expect(await store.addTeam('FFFFFF', 't2', 'h2', 'Egrets', 11, 2)).toMatchObject({ name: 'Egrets' });
    expect(await store.addTeam('FFFFFF', 't3', 'h3', 'Storks', 12, 2)).toBe('full');
    expect((await store.teams('FFFFFF')).map((t) => t.name)).toEqual(['Herons', 'Egrets']);
    expect((await store.teamByToken('h2'))!.teamId).toBe('t2');
    expect(await store.teamByToken('h3')).toBeNull();
  });

  it('seats only up to the limit when many join at once', async () => {
    await store.createSession('MMMMMM', 'hash', config, 1);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => store.addTeam('MMMMMM', `t${i}`, `m${i}`, `Team ${i}`, i, 5)));
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(7);
    expect(await store.teams('MMMMMM')).toHaveLength(5);
  });

  it('numbers commands from 1 in each session', async () => {
    await store.createSession('EEEEEE', 'hash', config, 1);
    await store.createSession('GGGGGG', 'hash', config, 1);
    expect(await store.appendEvent('EEEEEE', { kind: 'pause' }, 100)).toEqual({ n: 1, at: 100, command: { kind: 'pause' } });
    expect((await store.appendEvent('EEEEEE', { kind: 'resume' }, 200)).n).toBe(2);
    expect((await store.appendEvent('GGGGGG', { kind: 'reveal' }, 300)).n).toBe(1);
    expect((await store.eventsAfter('EEEEEE', 1)).map((e) => e.command)).toEqual([{ kind: 'resume' }]);
    await expect(store.appendEvent('NNNNNN', { kind: 'pause' }, 1)).rejects.toThrow(/no session NNNNNN/);
  });

  it("wakes a session's listeners only, until they stop (one server: no NOTIFY)", async () => {
    const hub = await Hub.open(db);
    const heard: string[] = [];
    const stop = hub.subscribe('AAAAAA', (c: Change) => heard.push(`A:${c}`));
    hub.subscribe('DDDDDD', (c: Change) => heard.push(`D:${c}`));
    expect(hub.size).toBe(2);
    await hub.publish('AAAAAA', 'event');
    stop();
    await hub.publish('AAAAAA', 'team');
    await hub.publish('DDDDDD', 'update');
    expect(heard).toEqual(['A:event', 'D:update']);
    expect(hub.size).toBe(1);
  });
});

describe('a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'room-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function server(now: number) {
    const db = await openPglite(join(dir, 'data'));
    const store = await RoomStore.open(db);
    const hub = await Hub.open(db);
    const app = createApp({ store, hub, verifier: inlineVerifier(), now: () => now, publicUrl: 'http://room.test', heartbeatMs: 25 });
    const call = async <T>(path: string, init: { token?: string; body?: unknown } = {}, status = 200): Promise<T> => {
      const res = await app.request(path, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      expect(res.status, text).toBe(status);
      return JSON.parse(text) as T;
    };
    return { db, call };
  }

  it('finds the session, its teams, their updates and the commands as they were', async () => {
    const sim = createSim(sessionLevel(config), config.seed, config.regime);
    sim.apply({ kind: 'staff', role: 'clerk', count: 3 });
    sim.advanceTo(4 * DAY);
    // As it goes over the wire (the sim's first minute is -0, which JSON writes as 0).
    const update = JSON.parse(JSON.stringify({ seq: 1, model: sessionModel(config), actions: sim.actions, summary: teamSummary(sim) }));

    const before = await server(1_000_000);
    const { code, trainerToken } = await before.call<{ code: string; trainerToken: string }>('/api/sessions', { body: config }, 201);
    const { token } = await before.call<{ token: string }>(`/api/sessions/${code}/teams`, { body: { name: 'Survivors' } }, 201);
    await before.call(`/api/team/updates`, { token, body: update });
    await before.call(`/api/sessions/${code}/commands`, { token: trainerToken, body: { kind: 'broadcast', message: 'Still here?' } }, 201);
    await before.call(`/api/sessions/${code}/commands`, { token: trainerToken, body: { kind: 'release', phase: 1 } }, 201);
    await before.db.close();

    const after = await server(2_000_000);
    try {
      const seat = await after.call<Seat>('/api/team', { token });
      expect(seat.team).toMatchObject({ name: 'Survivors', seq: 1 });
      expect(seat.actions).toEqual(update.actions);
      expect(seat.summary).toEqual(update.summary);
      expect(seat.room).toMatchObject({ phase: 1, gateDay: 30, message: 'Still here?', lastEvent: 2 });
      const dashboard = await after.call<Dashboard>(`/api/sessions/${code}/dashboard`, { token: trainerToken });
      expect(dashboard.config).toEqual(config);
      expect(dashboard.teams.map((t) => [t.name, t.seq])).toEqual([['Survivors', 1]]);
      // Numbering carries on from where it was, and the same update again is still a retry.
      const next = await after.call<{ n: number }>(`/api/sessions/${code}/commands`, { token: trainerToken, body: { kind: 'reveal' } }, 201);
      expect(next.n).toBe(3);
      expect(await after.call(`/api/team/updates`, { token, body: update })).toEqual({ seq: 1 });
      const exported = await after.call<{ events: { n: number }[]; teams: { actions: unknown[] }[] }>(`/api/sessions/${code}/export.json`, {
        token: trainerToken,
      });
      expect(exported.events.map((e) => e.n)).toEqual([1, 2, 3]);
      expect(exported.teams[0]!.actions).toEqual(update.actions);
    } finally {
      await after.db.close();
    }
  });
});
