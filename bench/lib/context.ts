/** What a scenario gets from the runner: fresh servers, the fake LLM, durations and the database it runs on. */

import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createDatabase, type BenchDatabase } from './databases.js';
import { FakeProcess } from './fake-process.js';
import { BENCH_SECRET, NimbusProcess, nodeEntry, type NimbusOptions } from './nimbus-process.js';
import { ROOT } from './paths.js';

export interface RunOptions {
  /** Seconds of load before measuring. */
  warmS: number;
  /** Seconds measured. */
  measureS: number;
  fromSource: boolean;
  logLevel: string;
  /** Write a CPU profile of every server started (into the run dir) and summarise it. */
  profile: boolean;
  /** Streams scenario size. */
  streamSessions: number;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
  /** value / reference. */
  ratio?: number;
  goal?: string;
  /** null: no goal for this figure (context only). */
  met: boolean | null;
}

export interface ScenarioResult {
  scenario: string;
  database: DatabaseKind;
  errors: number;
  figures: Figure[];
  /** Raw measurements, for the JSON file. */
  details: Record<string, unknown>;
  notes: string[];
}

export interface StartedServer {
  server: NimbusProcess;
  readyMs: number;
  /** Stops the server (cleanly) and removes its data. */
  dispose(): Promise<void>;
}

export class BenchContext {
  private templateReady = false;
  readonly profiles: string[] = [];

  constructor(
    readonly opts: RunOptions,
    readonly database: DatabaseKind,
    readonly databaseUrl: string | undefined,
    readonly runDir: string,
    readonly log: (line: string) => void,
  ) {}

  /** A migrated PGlite data dir, made once per run; each server starts on a copy (initdb costs seconds). */
  private pgliteTemplate(): string {
    const dir = join(this.runDir, 'pglite-template');
    if (!this.templateReady) {
      if (!existsSync(join(dir, 'pg'))) {
        execFileSync(process.execPath, [...nodeEntry(this.opts.fromSource), 'migrate'], {
          cwd: ROOT,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, NIMBUS_DATA_DIR: dir, NIMBUS_SECRET: BENCH_SECRET, LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
      }
      this.templateReady = true;
    }
    return dir;
  }

  /** A fresh Nimbus on its own data (a PGlite copy or a new PostgreSQL database). */
  async startNimbus(name: string, env: Record<string, string> = {}): Promise<StartedServer> {
    const dataDir = join(this.runDir, `${name}-${this.database}-${Date.now()}`);
    mkdirSync(dataDir, { recursive: true });
    let db: BenchDatabase | null = null;
    if (this.database === 'postgres') db = await createDatabase(this.databaseUrl!);
    else cpSync(join(this.pgliteTemplate(), 'pg'), join(dataDir, 'pg'), { recursive: true });
    const profileDir = this.opts.profile ? join(this.runDir, 'profiles', `${name}-${this.database}`) : undefined;
    if (profileDir) {
      mkdirSync(profileDir, { recursive: true });
      this.profiles.push(profileDir);
    }
    const opts: NimbusOptions = {
      dataDir,
      databaseUrl: db?.url,
      logFile: join(this.runDir, `${name}-${this.database}.log`),
      logLevel: this.opts.logLevel,
      fromSource: this.opts.fromSource,
      profileDir,
      env,
    };
    const { server, readyMs } = await NimbusProcess.start(opts);
    return {
      server,
      readyMs,
      dispose: async () => {
        await server.stop();
        await db?.drop().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  startFake(deltaDelayMs = 0): Promise<FakeProcess> {
    return FakeProcess.start(this.opts.fromSource, deltaDelayMs);
  }
}

/** value / reference, or undefined when either is not a number. */
export function ratio(value: number, reference: number): number | undefined {
  return Number.isFinite(value) && Number.isFinite(reference) && reference !== 0 ? value / reference : undefined;
}
