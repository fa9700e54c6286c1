// The session service on a Postgres server (DATABASE_URL): several identical servers can share
// one database, each woken by LISTEN/NOTIFY when another stores something.
import pg from 'pg';
import type { Db } from './db';

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // One connection kept for LISTEN: notifications arrive on the connection that listens.
  let listener: pg.PoolClient | null = null;
  const handlers = new Map<string, ((payload: string) => void)[]>();
  await pool.query('SELECT 1');
  let closing = false;

  /** The LISTEN connection, made again (a second later, and so on) if the database drops it. */
  async function connectListener(): Promise<void> {
    if (listener !== null || closing) return;
    const client = await pool.connect();
    listener = client;
    client.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    client.on('error', () => {
      client.release(true);
      if (listener === client) listener = null;
      setTimeout(() => void connectListener().catch(() => undefined), 1000);
    });
    // Channel names are ours (a fixed identifier), never a client's: safe to quote as an identifier.
    for (const channel of handlers.keys()) await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
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
      try {
        await client.query('BEGIN');
        const out = await work({ query: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as T[] });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      handlers.set(channel, [...(handlers.get(channel) ?? []), onNotify]);
      await connectListener();
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
