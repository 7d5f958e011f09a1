/** A throwaway PostgreSQL database per server start, so each scenario begins from an empty schema. */

import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function admin(baseUrl: string, statement: string): Promise<void> {
  const url = new URL(baseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(baseUrl: string): Promise<BenchDatabase> {
  const name = `nimbus_bench_${randomBytes(5).toString('hex')}`;
  await admin(baseUrl, `create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(baseUrl, `drop database if exists "${name}" with (force)`) };
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
