// The session service's database with nothing to install: PGlite, Postgres compiled to WebAssembly,
// keeping its data in a folder (or in memory for tests). One process; NOTIFY stays in it.
import { PGlite } from '@electric-sql/pglite';
import type { Db } from './db';

export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async exec(sql) {
      await pg.exec(sql);
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await pg.query<T>(sql, [...params])).rows;
    },
    transaction(work) {
      return pg.transaction((tx) => work({ query: async <T>(sql: string, params: readonly unknown[] = []) => (await tx.query<T>(sql, [...params])).rows }));
    },
    async listen(channel, onNotify) {
      await pg.listen(channel, onNotify);
    },
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await pg.close();
    },
  };
}
