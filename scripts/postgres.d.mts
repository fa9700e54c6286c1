/** Postgres cannot be had here (no binaries and no way to install them): the tests skip, saying why. */
export class PostgresUnavailable extends Error {}
/** The URL of a Postgres for the tests: DATABASE_URL, else the project's own throwaway cluster (set up as needed). */
export function ensurePostgres(): Promise<string>;
/** Stops the project's test cluster if it runs; its data stays. */
export function stopPostgres(): void;
/** A database of its own for one test file (or a schema, where databases cannot be made), and the way to drop it. */
export function freshDatabase(url: string, prefix?: string): Promise<{ url: string; name: string; drop(): Promise<void> }>;
