/**
 * `npm run bench [-- <scenario>…] [--database-url URL] [--source] [--profile] [--quick]`
 *
 * Starts a fresh Nimbus (its own process, its own data) and the fake LLM for each scenario, runs
 * it, writes bench/results/<date>-<scenario>.json and prints one table. Database-bound scenarios
 * run on embedded PGlite and, when a PostgreSQL URL is given (--database-url or DATABASE_URL),
 * on PostgreSQL too.
 */

import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BenchContext, type DatabaseKind, type RunOptions, type ScenarioResult } from './lib/context.js';
import { ensureBuilt } from './lib/build.js';
import { serverVersion } from './lib/databases.js';
import { WORK_DIR } from './lib/paths.js';
import { summarizeProfiles } from './lib/profile.js';
import { gitCommit, machine, table, writeResults } from './lib/report.js';
import { chatTurn, firstChunk } from './scenarios/chat-turn.js';
import { durability } from './scenarios/durability.js';
import { memoryScenario } from './scenarios/memory.js';
import { sessionCreate } from './scenarios/session-create.js';
import { streams } from './scenarios/streams.js';

interface Scenario {
  name: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
  /** Runs on PostgreSQL too when a URL is given. */
  databaseBound: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'session-create', run: sessionCreate, databaseBound: true },
  { name: 'chat-turn', run: chatTurn, databaseBound: true },
  { name: 'first-chunk', run: firstChunk, databaseBound: true },
  { name: 'streams', run: streams, databaseBound: true },
  { name: 'memory', run: memoryScenario, databaseBound: false },
  { name: 'durability', run: durability, databaseBound: true },
];

const USAGE = `Usage: npm run bench [-- [scenario…] [options]]
Scenarios: ${SCENARIOS.map((s) => s.name).join(', ')} (default: all)
Options:
  --database-url URL   also run the database-bound scenarios on this PostgreSQL (default: $DATABASE_URL)
  --pglite-only        ignore DATABASE_URL
  --source             run the server from src/ through tsx instead of the compiled dist/
  --profile            write a V8 CPU profile of each server and print its top self-time functions
  --log-level LEVEL    the server's LOG_LEVEL (default warn)
  --warm S / --measure S   seconds of warm-up / measurement per load level (default 2 / 6)
  --quick              1 s warm-up, 3 s measured, 200 stream sessions (a smoke run; figures not comparable)`;

function parseArgs(argv: string[]): { names: string[]; opts: RunOptions; databaseUrl: string | undefined; quick: boolean } {
  const opts: RunOptions = { warmS: 2, measureS: 6, fromSource: false, logLevel: 'warn', profile: false, streamSessions: 1000 };
  let databaseUrl = process.env.DATABASE_URL || undefined;
  let quick = false;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--database-url') databaseUrl = value();
    else if (a === '--pglite-only') databaseUrl = undefined;
    else if (a === '--source') opts.fromSource = true;
    else if (a === '--profile') opts.profile = true;
    else if (a === '--log-level') opts.logLevel = value();
    else if (a === '--warm') opts.warmS = Number(value());
    else if (a === '--measure') opts.measureS = Number(value());
    else if (a === '--quick') {
      Object.assign(opts, { warmS: 1, measureS: 3, streamSessions: 200 });
      quick = true;
    }
    else if (SCENARIOS.some((s) => s.name === a)) names.push(a);
    else throw new Error(`Unknown argument ${a}\n${USAGE}`);
  }
  return { names: names.length ? names : SCENARIOS.map((s) => s.name), opts, databaseUrl, quick };
}

/** How this run was started, with any database URL (it may hold a password) left out. */
function commandLine(withPostgres: boolean): string {
  const args = process.argv.slice(2).map((a, i, all) => (all[i - 1] === '--database-url' ? '…' : a));
  const env = withPostgres && !args.includes('--database-url') ? 'DATABASE_URL=… ' : '';
  return `${env}npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

async function main(): Promise<void> {
  const { names, opts, databaseUrl, quick } = parseArgs(process.argv.slice(2));
  const log = (line: string): void => console.log(line);
  const started = Date.now();
  if (!opts.fromSource) ensureBuilt(log);
  const runDir = join(WORK_DIR, new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(runDir, { recursive: true });
  const m = machine();
  const postgres = databaseUrl ? await serverVersion(databaseUrl) : null;
  log(`Nimbus bench: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}; server from ${opts.fromSource ? 'src/ (tsx)' : 'dist/'}, LOG_LEVEL=${opts.logLevel}`);
  log(`databases: PGlite (embedded)${postgres ? ` and ${postgres}` : ''}; scenarios: ${names.join(', ')}`);

  const all: ScenarioResult[] = [];
  const contexts: BenchContext[] = [];
  for (const name of names) {
    const s = SCENARIOS.find((x) => x.name === name)!;
    const dbs: DatabaseKind[] = s.databaseBound && databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
    const results: ScenarioResult[] = [];
    // Other work on the machine shows here; the same-run references absorb most of it.
    const load1m = Math.round(loadavg()[0]! * 100) / 100;
    for (const db of dbs) {
      const ctx = new BenchContext(opts, db, db === 'postgres' ? databaseUrl : undefined, runDir, log);
      contexts.push(ctx);
      const t0 = Date.now();
      log(`\n▶ ${name} on ${db === 'pglite' ? 'PGlite' : postgres}`);
      try {
        results.push(await s.run(ctx));
      } catch (err) {
        log(`  ✗ ${name} failed: ${(err as Error).stack ?? String(err)}`);
        results.push({ scenario: name, database: db, errors: 1, figures: [], details: { failure: String((err as Error).message ?? err) }, notes: [] });
      }
      log(`  (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
    // Smoke and profiling runs are not comparable: they never replace the published figures.
    const file = writeResults(name, results, {
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: m,
      loadAverage1mAtStart: load1m,
      databases: { pglite: 'PGlite (embedded, in the server process)', ...(postgres ? { postgres } : {}) },
      options: opts,
      command: commandLine(Boolean(postgres)),
    }, quick || opts.profile ? runDir : undefined);
    log(`  → ${file}`);
    all.push(...results);
  }

  log(`\n${table(all)}\n`);
  if (opts.profile) for (const ctx of contexts) for (const dir of ctx.profiles) log(summarizeProfiles(dir));
  log(`Finished in ${Math.round((Date.now() - started) / 1000)} s.`);
  const errors = all.reduce((n, r) => n + r.errors, 0);
  // Server logs stay for a failed run, profiles and smoke results always; a clean run leaves nothing.
  if (!opts.profile && !quick && errors === 0) rmSync(runDir, { recursive: true, force: true });
  else log(`Server logs${opts.profile ? ', CPU profiles' : ''}${quick || opts.profile ? ' and results' : ''} kept in ${runDir}`);
  if (errors > 0) {
    log(`${errors} error(s): the figures of those scenarios are void.`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? String(err));
  process.exit(1);
});
