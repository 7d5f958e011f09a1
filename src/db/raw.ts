import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Runs one hand-written statement and returns its rows. Both drivers answer `{rows}`; this is for
 * the few hot or set-based statements a query builder would split into several round trips.
 */
export async function queryRows<T>(db: Pick<Db, 'execute'>, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
