/** Self time per function (and per package or source file) from V8 .cpuprofile files. */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: the npm package, or the file of ours, or a V8/Node category. */
function owner(url: string): string {
  if (!url) return '(native / V8)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (path.startsWith('node:')) return 'node: core';
  return relative(ROOT, path);
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export function selfTimes(profile: CpuProfile): { total: number; functions: SelfTime[]; owners: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const own = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) continue;
    const cf = node.callFrame;
    if (cf.functionName === '(idle)') continue;
    total += dt;
    const where = cf.url ? `${owner(cf.url)}:${cf.lineNumber + 1}` : '';
    const key = `${cf.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + dt);
    own.set(owner(cf.url), (own.get(owner(cf.url)) ?? 0) + dt);
  }
  const top = (m: Map<string, number>): SelfTime[] =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms, share: total ? ms / total : 0 }));
  return { total, functions: top(fn), owners: top(own) };
}

export function summarizeProfiles(dir: string, topN = 20): string {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = selfTimes(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
    out.push(`\nCPU profile ${relative(ROOT, join(dir, f))}: ${Math.round(p.total)} ms on CPU (idle excluded)`);
    out.push('  by package / file (self time):');
    for (const o of p.owners.slice(0, 12)) out.push(`    ${(o.share * 100).toFixed(1).padStart(5)} %  ${o.name}`);
    out.push(`  top ${topN} functions (self time):`);
    for (const s of p.functions.slice(0, topN)) out.push(`    ${(s.share * 100).toFixed(1).padStart(5)} %  ${s.name}`);
  }
  return out.join('\n');
}
