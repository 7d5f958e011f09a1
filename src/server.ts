import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock.js';
import { createContext, type AppContext } from './context.js';
import { buildApp } from './http/app.js';
import { attachSocketGateway } from './realtime/socket-gateway.js';
import { startWorker } from './runtime/worker.js';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

/**
 * API and realtime gateway, with the session workers in the same process unless `worker: false`
 * (distributed mode's `nimbus api`). Embedded mode always runs everything in one process.
 */
export async function startServer(config: Config, log: Logger, opts: { worker?: boolean } = {}): Promise<RunningServer> {
  // Lock before anything touches the data dir, so a second process changes nothing.
  const lock: DataDirLock | null = config.embedded ? acquireDataDirLock(config.dataDir) : null;
  let ctx: AppContext | undefined;
  try {
    ctx = await createContext(config, log);
    const app = await buildApp(ctx);
    const gateway = attachSocketGateway(ctx, app.server);
    await app.listen({ port: config.port, host: config.host });
    const worker = opts.worker === false ? null : await startWorker(ctx);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    const c = ctx;
    let closing: Promise<void> | undefined;
    return {
      app,
      ctx,
      url,
      close: () =>
        (closing ??= (async () => {
          await worker?.close();
          await app.close();
          await gateway.close();
          await c.close();
          lock?.release();
        })()),
    };
  } catch (err) {
    await ctx?.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
}

export async function migrateOnly(config: Config, log: Logger): Promise<void> {
  const lock = config.embedded ? acquireDataDirLock(config.dataDir) : null;
  try {
    const ctx = await createContext(config, log);
    await ctx.close();
  } finally {
    lock?.release();
  }
}

/** Distributed mode's `nimbus worker`: session workers only, no HTTP. */
export async function startWorkerOnly(config: Config, log: Logger): Promise<{ close(): Promise<void> }> {
  const ctx = await createContext(config, log);
  try {
    const worker = await startWorker(ctx);
    let closing: Promise<void> | undefined;
    return {
      close: () =>
        (closing ??= (async () => {
          await worker.close();
          await ctx.close();
        })()),
    };
  } catch (err) {
    await ctx.close().catch(() => undefined);
    throw err;
  }
}
