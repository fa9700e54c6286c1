// The trainer's requests: make a session, watch the dashboard (a stream of it, never stale),
// command the room, re-simulate everyone, export the session. Each needs the trainer's token.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { BOT_STRATEGIES } from '../room/bots';
import { commandSchema, joinCode, sessionConfigSchema } from '../room/protocol';
import { BotTeams } from './botTeams';
import { type AppDeps, addressOf, bodyOf, limiter, refuse, tokenOf } from './app';
import { RateLimit } from './rateLimit';
import { importResults, importSchema } from './resultImport';
import { RoomService } from './roomService';
import { sessionCsv } from './sessionCsv';

/** Which bots to add (one of each strategy, unless the request says). */
const botsSchema = z.strictObject({
  strategies: z
    .array(z.enum(BOT_STRATEGIES))
    .min(1)
    .max(8)
    .default([...BOT_STRATEGIES]),
});

/** The dashboard is sent at most this often while teams are busy, and at least every heartbeat. */
const DASHBOARD_EVERY_MS = 250;

export function trainerRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const room = new RoomService(deps);
  const bots = new BotTeams(room);
  const creating = new RateLimit(10, 0.1);
  const requests = new RateLimit(60, 20);
  /** Requests with a wrong trainer token: a guesser gets a few, then waits. */
  const forged = new RateLimit(20, 1);

  async function trainer(c: Parameters<typeof tokenOf>[0]) {
    const code = joinCode.safeParse(c.req.param('code'));
    if (!code.success) refuse(400, code.error.issues[0]!.message);
    const r = await room.trainerSession(code.data, tokenOf(c));
    if (!r.ok) {
      if (r.status === 401 && !forged.take(addressOf(c), deps.now())) refuse(429, 'too many requests with a wrong trainer token: wait a moment');
      refuse(r.status, r.message);
    }
    // Counted once the token is known to be real: a flood of made-up tokens makes no buckets.
    if (!requests.take(tokenOf(c)!, deps.now())) refuse(429, 'too many requests: wait a moment and try again');
    return r.value;
  }

  app.post('/sessions', limiter(creating, addressOf, deps.now), async (c) => {
    const config = await bodyOf(c, sessionConfigSchema);
    const r = await room.createSession(config);
    if (!r.ok) refuse(r.status, r.message);
    return c.json(r.value, 201);
  });

  app.get('/sessions/:code/dashboard', async (c) => c.json(await room.dashboard(await trainer(c))));

  app.get('/sessions/:code/stream', async (c) => {
    const session = await trainer(c);
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      let timer: ReturnType<typeof setTimeout> | null = null;
      let queue = Promise.resolve();
      const push = () => {
        timer = null;
        queue = queue
          .then(async () => {
            if (open) await stream.writeSSE({ event: 'dashboard', data: JSON.stringify(await room.dashboard(session)) });
          })
          .catch(() => {
            open = false;
          });
      };
      const unsubscribe = deps.hub.subscribe(session.code, () => {
        timer ??= setTimeout(push, DASHBOARD_EVERY_MS);
      });
      try {
        push();
        while (open) {
          await stream.sleep(deps.heartbeatMs ?? 5_000);
          // Teams drop out of "connected" as time passes with no news: send it anyway.
          if (open && timer === null) push();
        }
      } finally {
        if (timer) clearTimeout(timer);
        unsubscribe();
      }
    });
  });

  app.post('/sessions/:code/commands', async (c) => {
    const session = await trainer(c);
    const command = await bodyOf(c, commandSchema);
    const r = await room.command(session, command);
    if (!r.ok) refuse(r.status, r.message);
    return c.json(r.value, 201);
  });

  app.post('/sessions/:code/bots', async (c) => {
    const session = await trainer(c);
    const { strategies } = await bodyOf(c, botsSchema);
    const r = await bots.add(session, strategies);
    if (!r.ok) refuse(409, r.message);
    return c.json(await room.dashboard(session), 201);
  });

  app.post('/sessions/:code/verify', async (c) => {
    const session = await trainer(c);
    await room.verifyAll(session);
    return c.json(await room.dashboard(session));
  });

  /** Result codes of runs played alone: each re-simulated and, if it fits the session, seated as a team. */
  app.post('/sessions/:code/results', async (c) => {
    const session = await trainer(c);
    const { codes } = await bodyOf(c, importSchema);
    return c.json({ results: await importResults(deps, session, codes) });
  });

  app.get('/sessions/:code/export.json', async (c) => {
    const session = await trainer(c);
    c.header('Content-Disposition', `attachment; filename="session-${session.code}.json"`);
    return c.json(await room.exportSession(session));
  });

  app.get('/sessions/:code/export.csv', async (c) => {
    const session = await trainer(c);
    const exported = await room.exportSession(session);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="session-${session.code}.csv"`);
    return c.body(sessionCsv(exported.teams));
  });

  return app;
}
