import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * On PostgreSQL every test server gets a database of its own, copied from the migrated one the
 * global setup prepared (CREATE DATABASE … TEMPLATE is a file copy: fast), so no test can disturb
 * another's data or schema. The benchmark asks for empty ones (`template: false`).
 */
export async function freshDatabase(
  baseUrl: string,
  opts: { template?: boolean; prefix?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(baseUrl);
  const template = base.pathname.slice(1);
  const name = `${opts.prefix ?? 'nimbus_t'}_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, opts.template === false ? `create database "${name}"` : `create database "${name}" template "${template}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(baseUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function admin(baseUrl: string, statement: string): Promise<void> {
  const url = new URL(baseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // Copying a template fails while anyone is connected to it; retry briefly.
    for (let i = 0; ; i++) {
      try {
        await client.query(statement);
        return;
      } catch (err) {
        if (i >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await client.end();
  }
}
