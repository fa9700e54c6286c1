// The session service's HTTP interface (Hono): sessions, teams joining, teams' updates up as
// idempotent numbered POSTs, the trainer's commands down as Server-Sent Events, the dashboard,
// and the exports. Every body is size-limited and checked with zod before anything is stored.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { MAX_BODY_BYTES } from '../room/protocol';
import type { Hub } from './hub';
import type { RateLimit } from './rateLimit';
import type { RoomStore } from './roomStore';
import { teamRoutes } from './teamRoutes';
import { trainerRoutes } from './trainerRoutes';
import type { Verifier } from './verifier';

export interface AppDeps {
  store: RoomStore;
  hub: Hub;
  verifier: Verifier;
  /** Milliseconds since the epoch (Date.now; a test's own clock). */
  now: () => number;
  /** The address teams open, as printed by the server (links and QR codes are made from it). */
  publicUrl: string;
  /** Milliseconds between keep-alive comments on an event stream. */
  heartbeatMs?: number;
}

/** A refusal with a sentence saying why, as JSON: { "error": "..." }. */
export function refuse(status: 400 | 401 | 403 | 404 | 409 | 413 | 429, message: string): never {
  throw new HTTPException(status, { res: Response.json({ error: message }, { status }) });
}

/** The request's JSON body checked against a schema; a 400 naming the field otherwise. */
export async function bodyOf<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let data: unknown;
  try {
    data = await c.req.json();
  } catch {
    refuse(400, 'the body is not JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The bearer token of a request (a header; or ?token= for EventSource, which cannot set headers). */
export function tokenOf(c: Context): string | null {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const query = c.req.query('token');
  return query && query.length <= 100 ? query : null;
}

/** The client's address for rate limits: a room behind one hotspot shares one, so limits are generous. */
export function addressOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

export function limiter(limit: RateLimit, key: (c: Context) => string, now: () => number) {
  return async (c: Context, next: () => Promise<void>) => {
    if (!limit.take(key(c), now())) refuse(429, 'too many requests: wait a moment and try again');
    await next();
  };
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }));
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => refuse(413, `a request body is at most ${MAX_BODY_BYTES / 1024} kB`) }));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    console.error(err);
    return c.json({ error: 'something went wrong on the server' }, 500);
  });
  app.get('/api/health', (c) => c.json({ ok: true, db: deps.store.db.kind, listeners: deps.hub.size }));
  app.route('/api', trainerRoutes(deps));
  app.route('/api', teamRoutes(deps));
  app.all('/api/*', () => refuse(404, 'no such request'));
  return app;
}
