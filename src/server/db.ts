// The one thing the store needs of a database: run a query with parameters, and run several in a
// transaction. PGlite (a data folder, nothing to install) and Postgres (DATABASE_URL) both fit.
export interface Db {
  /** Runs statements with no parameters (the schema). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  transaction<R>(work: (tx: Pick<Db, 'query'>) => Promise<R>): Promise<R>;
  /**
   * Calls `onNotify(payload)` for each NOTIFY on `channel`; resolves once listening. After the
   * listening connection was lost and made again, `onReconnect` (notifications may have been missed).
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}
