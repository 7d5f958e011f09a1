/** The table printed at the end of a run, and the JSON files in bench/results/. */

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ScenarioResult } from './context.js';
import { RESULTS_DIR, ROOT } from './paths.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  kernel: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: release(),
  };
}

export function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+local changes in src/` : head;
  } catch {
    return 'unknown';
  }
}

const fmt = (v: number | undefined, unit = ''): string => {
  if (v === undefined || !Number.isFinite(v)) return '—';
  const s = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return unit ? `${s} ${unit}` : s;
};

export function table(results: ScenarioResult[]): string {
  const rows: string[][] = [['scenario', 'db', 'figure', 'value', 'reference (same run)', 'ratio', 'goal', 'met']];
  for (const r of results) {
    for (const f of r.figures) {
      rows.push([
        r.scenario,
        r.database,
        f.name,
        fmt(f.value, f.unit),
        f.reference ? `${fmt(f.reference.value, f.unit)} (${f.reference.name})` : '—',
        f.ratio === undefined ? '—' : `${f.ratio.toFixed(2)}×`,
        f.goal ?? '',
        f.met === null ? '' : r.errors > 0 ? 'VOID' : f.met ? 'yes' : 'NO',
      ]);
    }
    if (r.errors > 0) rows.push([r.scenario, r.database, `errors: ${r.errors} — figures are void`, '', '', '', '', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]): string => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * bench/results/<date>-<scenario>.json, one file per scenario with a run per database. Older
 * files of the same scenario are removed: the directory holds the latest figures (git keeps the rest).
 */
export function writeResults(scenario: string, results: ScenarioResult[], meta: Record<string, unknown>, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = join(dir, `${date}-${scenario}.json`);
  for (const f of readdirSync(dir)) {
    if (/^\d{4}-\d{2}-\d{2}-/.test(f) && f.slice(11) === `${scenario}.json` && join(dir, f) !== file) rmSync(join(dir, f));
  }
  writeFileSync(file, JSON.stringify({ scenario, ...meta, runs: results }, null, 2) + '\n');
  return file;
}
