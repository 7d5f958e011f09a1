/** A Nimbus server as its own process, as users run it: `node bin/nimbus.js start`. */

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './paths.js';
import { sleep } from './stats.js';

export const BENCH_SECRET = 'nimbus-bench-secret-0123456789abcdefghijklmnop';

export interface NimbusOptions {
  dataDir: string;
  databaseUrl?: string;
  /** Where the server's stdout and stderr go. */
  logFile: string;
  logLevel: string;
  /** Run src/ through tsx instead of the compiled dist/. */
  fromSource: boolean;
  /** Write a V8 CPU profile of the server into this directory when it stops. */
  profileDir?: string;
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export function nodeEntry(fromSource: boolean): string[] {
  return fromSource ? ['--import', 'tsx', join(ROOT, 'src/main.ts')] : [join(ROOT, 'bin/nimbus.js')];
}

export class NimbusProcess {
  private exitCode: number | null | undefined;
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly opts: NimbusOptions,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitCode === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server and resolves once /readyz answers 200 (the database is migrated). */
  static async start(opts: NimbusOptions): Promise<{ server: NimbusProcess; readyMs: number }> {
    const port = await freePort();
    const log = openSync(opts.logFile, 'a');
    const flags = opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [];
    const t0 = performance.now();
    const child = spawn(process.execPath, [...flags, ...nodeEntry(opts.fromSource), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        NIMBUS_DATA_DIR: opts.dataDir,
        NIMBUS_SECRET: BENCH_SECRET,
        LOG_LEVEL: opts.logLevel,
        ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
        ...opts.env,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const server = new NimbusProcess(child, `http://127.0.0.1:${port}`, opts);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (!server.running) throw new Error(`nimbus exited during start (code ${child.exitCode}): ${server.logTail()}`);
      const ok = await fetch(`${server.url}/readyz`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) {
        await server.kill();
        throw new Error(`nimbus was not ready within 90 s: ${server.logTail()}`);
      }
      await sleep(25);
    }
    return { server, readyMs: performance.now() - t0 };
  }

  logTail(chars = 2000): string {
    try {
      return readFileSync(this.opts.logFile, 'utf8').slice(-chars);
    } catch {
      return '(no log)';
    }
  }

  /** A clean stop (SIGTERM), which also writes the CPU profile when one was asked for. */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!done) await this.kill();
  }

  /** kill -9: no chance to flush anything. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
