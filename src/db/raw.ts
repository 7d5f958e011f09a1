import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Runs one hand-written statement and returns its rows. Both drivers answer `{rows}`; this is for
 * the few set-based statements a query builder would split into several round trips.
 */
export async function queryRows<T>(db: Pick<Db, 'execute'>, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

type RawQuery = (name: string, text: string, params: unknown[]) => Promise<unknown[]>;
const raw = new WeakMap<object, RawQuery>();

/** Called by the database client: how to run a statement by name, without the query builder. */
export function registerRawQuery(db: object, run: RawQuery): void {
  raw.set(db, run);
}

/**
 * The hottest statements (every message, every turn, the seed route) skip the query builder:
 * fixed text with $n parameters, a named prepared statement on PostgreSQL. Rows come back as the
 * driver gives them (snake_case); callers map them.
 */
export async function preparedRows<T>(db: object, name: string, text: string, params: unknown[]): Promise<T[]> {
  const run = raw.get(db);
  if (!run) throw new Error('this database has no raw query runner');
  return (await run(name, text, params)) as T[];
}
