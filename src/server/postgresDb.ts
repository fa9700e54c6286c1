// The session service on a Postgres server (DATABASE_URL): several identical servers can share
// one database, each woken by LISTEN/NOTIFY when another stores something.
import pg from 'pg';
import type { Db } from './db';

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the database drops (a restart) is not this server's end: say so and go on.
  pool.on('error', (e) => console.error(`Postgres: ${e.message}`));
  // One connection kept for LISTEN: notifications arrive on the connection that listens.
  let listener: pg.PoolClient | null = null;
  const handlers = new Map<string, { onNotify: (payload: string) => void; onReconnect?: () => void }[]>();
  await pool.query('SELECT 1');
  let closing = false;
  let retryMs = 500;

  function retryLater(e: Error): void {
    console.error(`Postgres: cannot listen (${e.message}); trying again in ${retryMs} ms`);
    setTimeout(() => void connectListener(), retryMs);
    retryMs = Math.min(30_000, retryMs * 2);
  }

  /** The LISTEN connection, made again (sooner, then later, up to 30 s apart) for as long as the database is away. */
  async function connectListener(): Promise<void> {
    if (listener !== null || closing) return;
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      retryLater(e as Error);
      return;
    }
    // From the moment it is ours: a connection the database drops may say so at any time, even
    // twice (the reset, then the end), and an error with no handler would stop the server.
    let dead = false;
    client.on('error', () => {
      if (dead) return;
      dead = true;
      client.release(true);
      if (listener === client) listener = null;
      retryMs = 1000;
      setTimeout(() => void connectListener(), 0);
    });
    try {
      for (const channel of handlers.keys()) await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    } catch (e) {
      if (dead) return; // dropped as it began to listen: its handler is trying again
      dead = true;
      client.release(true);
      retryLater(e as Error);
      return;
    }
    if (dead) return;
    const again = retryMs > 500;
    retryMs = 500;
    listener = client;
    client.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h.onNotify(n.payload ?? '');
    });
    // Notifications sent while nobody listened are lost: whoever listens looks again.
    if (again) for (const list of handlers.values()) for (const h of list) h.onReconnect?.();
  }
  return {
    kind: 'postgres',
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, [...params])).rows as T[];
    },
    async transaction(work) {
      const client = await pool.connect();
      // A connection dropped between the transaction's statements: the next one fails, and this says why.
      const dropped = (e: Error) => console.error(`Postgres: ${e.message}`);
      client.on('error', dropped);
      try {
        await client.query('BEGIN');
        const out = await work({ query: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as T[] });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.removeListener('error', dropped);
        client.release();
      }
    },
    async listen(channel, onNotify, onReconnect) {
      const known = handlers.has(channel);
      handlers.set(channel, [...(handlers.get(channel) ?? []), { onNotify, onReconnect }]);
      if (listener === null) await connectListener();
      else if (!known) await listener.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closing = true;
      listener?.release();
      await pool.end();
    },
  };
}
