/**
 * Prints the figures of bench/results/*.json as the Markdown table of docs/benchmarks.md:
 * `node --import tsx bench/markdown.ts` (npm run bench:table).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Figure {
  name: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
  ratio?: number | null;
  goal?: string;
  met?: boolean | null;
}
interface Result {
  scenario: string;
  date: string;
  commit: string;
  runs: { database: string; errors: number; figures: Figure[] }[];
}

const dir = fileURLToPath(new URL('./results', import.meta.url));
const order = ['session-create', 'chat-turn', 'first-chunk', 'streams', 'memory', 'durability'];
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const results = files
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Result)
  .sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario));

const fmt = (v: number) => (Math.abs(v) >= 100 ? String(Math.round(v)) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const db = (d: string) => (d === 'pglite' ? 'PGlite' : 'PostgreSQL');

console.log('| Scenario | DB | Figure | Value | Same-run reference | Ratio | Goal | Met |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  for (const run of r.runs) {
    for (const f of run.figures) {
      const ref = f.reference ? `${fmt(f.reference.value)} ${f.unit} (${f.reference.name})` : '—';
      const ratio = typeof f.ratio === 'number' ? `${f.ratio.toFixed(2)}×` : '—';
      const met = f.met === true ? 'yes' : f.met === false ? '**no**' : '';
      console.log(`| ${r.scenario} | ${db(run.database)} | ${f.name} | ${fmt(f.value)} ${f.unit} | ${ref} | ${ratio} | ${f.goal ?? ''} | ${met} |`);
    }
  }
}
console.log(`\nFrom ${results.map((r) => `${r.scenario} (${r.date.slice(0, 16)}Z, ${r.commit})`).join('; ')}.`);
