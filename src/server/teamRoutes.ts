// A team's requests: join with a code and a name, find its seat again, send its updates, hear the
// trainer's commands (Server-Sent Events that resume after a drop from the last event id).
import { type Context, Hono } from 'hono';
import QRCode from 'qrcode';
import { streamSSE } from 'hono/streaming';
import { joinCode, joinSchema, MAX_TEAMS, predictionSchema, updateSchema } from '../room/protocol';
import { type AppDeps, addressOf, bodyOf, limiter, refuse, tokenOf } from './app';
import { RateLimit } from './rateLimit';
import { RoomService } from './roomService';

export function teamRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const room = new RoomService(deps);
  // A whole room may join at once from behind one hotspot's address.
  const joins = new RateLimit(MAX_TEAMS + 50, 5);
  const requests = new RateLimit(30, 10);
  /** Requests with a token that is not known: a guesser gets a few, then waits. */
  const forged = new RateLimit(20, 1);

  async function seated(c: Context) {
    const r = await room.team(tokenOf(c));
    if (!r.ok) {
      if (r.status === 401 && !forged.take(addressOf(c), deps.now())) refuse(429, 'too many requests with an unknown token: wait a moment');
      refuse(r.status, r.message);
    }
    // Counted once the token is known to be real: a flood of made-up tokens makes no buckets.
    if (!requests.take(tokenOf(c)!, deps.now())) refuse(429, 'too many requests: wait a moment and try again');
    return r.value;
  }

  app.get('/sessions/:code', async (c) => {
    const code = joinCode.safeParse(c.req.param('code'));
    if (!code.success) refuse(400, code.error.issues[0]!.message);
    const session = await deps.store.session(code.data);
    if (!session) refuse(404, `no session ${code.data}: check the code`);
    return c.json({ code: session.code, title: session.config.title, level: session.config.level });
  });

  /** The join link as a QR code, for the trainer's page and the projector. */
  app.get('/sessions/:code/qr.svg', async (c) => {
    const code = joinCode.safeParse(c.req.param('code'));
    if (!code.success) refuse(400, code.error.issues[0]!.message);
    if (!(await deps.store.session(code.data))) refuse(404, `no session ${code.data}`);
    const svg = await QRCode.toString(room.joinUrl(code.data), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(svg);
  });

  app.post('/sessions/:code/teams', limiter(joins, addressOf, deps.now), async (c) => {
    const code = joinCode.safeParse(c.req.param('code'));
    if (!code.success) refuse(400, code.error.issues[0]!.message);
    const { name } = await bodyOf(c, joinSchema);
    const r = await room.join(code.data, name);
    if (!r.ok) refuse(r.status, r.message);
    return c.json(r.value, 201);
  });

  app.get('/team', async (c) => {
    const { team, session } = await seated(c);
    return c.json(await room.seat(team, session));
  });

  app.post('/team/updates', async (c) => {
    const { team, session } = await seated(c);
    const update = await bodyOf(c, updateSchema);
    const r = await room.update(team, session, update);
    if (!r.ok) refuse(r.status, r.message);
    return c.json(r.value);
  });

  app.post('/team/predictions', async (c) => {
    const { team, session } = await seated(c);
    const prediction = await bodyOf(c, predictionSchema);
    const r = await room.predict(team, session, prediction);
    if (!r.ok) refuse(r.status, r.message);
    return c.json(r.value);
  });

  app.get('/team/room', async (c) => {
    const { session } = await seated(c);
    const r = await room.revealed(session);
    if (!r.ok) refuse(r.status, r.message);
    return c.json({ teams: r.value });
  });

  app.get('/team/events', async (c) => {
    const { team, session } = await seated(c);
    const after = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0);
    let sent = Number.isSafeInteger(after) && after > 0 ? after : 0;
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      // One send at a time, in order: a burst of commands goes out as it was numbered.
      let queue = Promise.resolve();
      const send = () => {
        queue = queue
          .then(async () => {
            for (const e of await deps.store.eventsAfter(session.code, sent)) {
              if (!open) return;
              await stream.writeSSE({ event: 'command', id: String(e.n), data: JSON.stringify(e) });
              sent = e.n;
            }
          })
          .catch(() => {
            open = false;
          });
        return queue;
      };
      // Hello first, then every command after the last one heard, then each new one as it comes.
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ after: sent }) });
      const unsubscribe = deps.hub.subscribe(session.code, (change) => {
        if (change === 'event') void send();
      });
      try {
        await room.touch(team);
        await deps.hub.publish(session.code, 'team');
        await send();
        while (open) {
          await stream.sleep(deps.heartbeatMs ?? 10_000);
          if (!open) break;
          await stream.write(': still here\n\n');
          await room.touch(team);
        }
      } finally {
        unsubscribe();
        await room.left(team);
      }
    });
  });

  return app;
}
