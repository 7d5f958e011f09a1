/** A throwaway PostgreSQL database per server start, so each scenario begins from an empty schema. */

import { freshDatabase } from '../../test/support/databases.js';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export function createDatabase(baseUrl: string): Promise<BenchDatabase> {
  return freshDatabase(baseUrl, { template: false, prefix: 'nimbus_bench' });
}

/** Where the password is, say nothing: figures name the database by kind and version only. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ server_version: string }>('show server_version');
    return `PostgreSQL ${r.rows[0]?.server_version ?? '?'}`;
  } finally {
    await client.end();
  }
}
