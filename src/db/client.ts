import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { registerRawQuery } from './raw.js';
import { pipelinedQuery } from './pglite-pipeline.js';
import type { PGlite as PGliteClient, Transaction } from '@electric-sql/pglite';

export type Schema = typeof schema;
/** The one database type every repository takes: PGlite and node-postgres share it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Whether the database answers and every migration has run. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any lock id works as long as every Nimbus process uses the same one. */
const MIGRATION_LOCK = 72_410_531;

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; pool?: number; sharedBuffers?: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.pool ?? 20) : openPglite(join(opts.dataDir, 'pg'), opts.sharedBuffers ?? '32MB');
}

async function openPglite(dir: string, sharedBuffers: string): Promise<Database> {
  mkdirSync(dir, { recursive: true });
  const [{ PGlite, types }, { vector }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(dir, { extensions: { vector }, postgresqlconf: [`shared_buffers = ${sharedBuffers}`] });
  // drizzle sends its type parsers with every query, and PGlite merges them into a copy of its
  // whole parser table (hundreds of entries) each time: a third of a small query's cost. The same
  // parsers installed once, and left off each query, give the same rows for less.
  Object.assign(client.parsers, drizzleParsers(types));
  const db = drizzle({ client: pipelined(client, client, null), schema });
  registerRawQuery(db, async (_name, text, params) => (await pipelinedQuery(client, null, text, params)).rows);
  let migrated = false;
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    async migrate() {
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
      migrated = true;
    },
    async ready() {
      if (!migrated || client.closed) return false;
      await client.query('select 1');
      return true;
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

/** What drizzle-orm/pglite passes as `parsers` with each query: these types stay raw strings, drizzle maps them itself. */
function drizzleParsers(t: { TIMESTAMP: number; TIMESTAMPTZ: number; INTERVAL: number; DATE: number }): Record<number, (value: string) => string> {
  const raw = (value: string): string => value;
  // numeric[], timestamp[], timestamptz[], interval[], date[]
  return Object.fromEntries([t.TIMESTAMP, t.TIMESTAMPTZ, t.INTERVAL, t.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, raw]));
}

type TransactionFn = (callback: (tx: Transaction) => Promise<unknown>) => Promise<unknown>;

/**
 * The client (or a transaction of it) as drizzle sees it: statements go through the one-message
 * pipeline (src/db/pglite-pipeline.ts) and the parsers installed on the client, not per query.
 */
function pipelined<T extends object>(client: PGliteClient, target: T, tx: Transaction | null): T {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      if (prop === 'query') {
        return (text: string, params?: unknown[], options?: { rowMode?: 'array' | 'object' }) =>
          pipelinedQuery(client, tx, text, params, options?.rowMode ?? 'object');
      }
      if (prop === 'transaction') {
        const transaction = value as TransactionFn;
        return (callback: (tx: Transaction) => Promise<unknown>) => transaction.call(t, (inner) => callback(pipelined(client, inner, inner)));
      }
      // PGlite keeps private state per instance: its methods must run on the instance, not the proxy.
      return (value as (...args: unknown[]) => unknown).bind(t);
    },
  });
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema });
  registerRawQuery(db, async (name, text, values) => (await pool.query({ name, text, values })).rows);
  let migrated = false;
  let closed = false;
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    async migrate() {
      // Several API and worker processes may start at once: one migrates, the others wait.
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        conn.release();
      }
      migrated = true;
    },
    async ready() {
      if (!migrated || closed) return false;
      await db.execute(sql`select 1`);
      return true;
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
