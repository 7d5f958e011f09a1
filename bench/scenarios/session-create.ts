/**
 * The seed route, POST /{teamId}/forms/session/add with skipRun and an API key, at 1, 32 and 256
 * concurrent clients; GET /healthz of the same server (no I/O, same framework and hooks) is the
 * reference measured in the same run, level by level.
 */

import { load, type LoadResult } from '../lib/cannon.js';
import { ratio, type BenchContext, type Figure, type ScenarioResult } from '../lib/context.js';
import { HttpClient } from '../lib/http-client.js';
import { createTenant } from '../lib/setup.js';
import { round } from '../lib/stats.js';

const LEVELS = [1, 32, 256];
const GOAL_RPS = 1500;
const GOAL_P99_MS = 50;
const GOAL_SHARE = 0.3;

export async function sessionCreate(ctx: BenchContext): Promise<ScenarioResult> {
  const fake = await ctx.startFake();
  const { server, readyMs, dispose } = await ctx.startNimbus('session-create');
  const http = new HttpClient(server.url);
  try {
    const t = await createTenant(http, fake.url);
    const seed = {
      url: `${server.url}/${t.teamId}/forms/session/add`,
      method: 'POST' as const,
      headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: t.appId, skipRun: true }),
      expectStatus: 302,
    };
    const health = { url: `${server.url}/healthz`, expectStatus: 200 };
    const levels: { connections: number; healthz: LoadResult; seed: LoadResult }[] = [];
    for (const connections of LEVELS) {
      ctx.log(`  ${connections} client(s): GET /healthz`);
      const healthz = await load({ ...health, connections }, server.pid, ctx.opts.warmS, ctx.opts.measureS);
      ctx.log(`    ${round(healthz.rps, 0)} req/s, p99 ${healthz.latencyMs.p99} ms, errors ${healthz.errors}`);
      ctx.log(`  ${connections} client(s): POST /{teamId}/forms/session/add (skipRun)`);
      const s = await load({ ...seed, connections }, server.pid, ctx.opts.warmS, ctx.opts.measureS);
      ctx.log(`    ${round(s.rps, 0)} req/s, p99 ${s.latencyMs.p99} ms, errors ${s.errors}`);
      levels.push({ connections, healthz, seed: s });
    }

    const figures: Figure[] = [];
    for (const l of levels) {
      const at32 = l.connections === 32;
      const share = ratio(l.seed.rps, l.healthz.rps);
      figures.push(
        {
          name: `throughput @${l.connections}`,
          value: round(l.seed.rps, 0),
          unit: 'req/s',
          reference: { name: 'GET /healthz', value: round(l.healthz.rps, 0) },
          ratio: share,
          goal: at32 ? `≥ ${GOAL_RPS} req/s and ≥ ${GOAL_SHARE * 100} % of /healthz` : undefined,
          met: at32 ? l.seed.rps >= GOAL_RPS && (share ?? 0) >= GOAL_SHARE : null,
        },
        {
          name: `latency p50 @${l.connections}`,
          value: l.seed.latencyMs.p50,
          unit: 'ms',
          reference: { name: 'GET /healthz', value: l.healthz.latencyMs.p50 },
          ratio: ratio(l.seed.latencyMs.p50, l.healthz.latencyMs.p50),
          met: null,
        },
        {
          name: `latency p90 @${l.connections}`,
          value: l.seed.latencyMs.p90,
          unit: 'ms',
          reference: { name: 'GET /healthz', value: l.healthz.latencyMs.p90 },
          ratio: ratio(l.seed.latencyMs.p90, l.healthz.latencyMs.p90),
          met: null,
        },
        {
          name: `latency p99 @${l.connections}`,
          value: l.seed.latencyMs.p99,
          unit: 'ms',
          reference: { name: 'GET /healthz', value: l.healthz.latencyMs.p99 },
          ratio: ratio(l.seed.latencyMs.p99, l.healthz.latencyMs.p99),
          goal: at32 ? `≤ ${GOAL_P99_MS} ms` : undefined,
          met: at32 ? l.seed.latencyMs.p99 <= GOAL_P99_MS : null,
        },
        {
          name: `server CPU per request @${l.connections}`,
          value: round(l.seed.cpuMsPerRequest, 3),
          unit: 'ms',
          reference: { name: 'GET /healthz', value: round(l.healthz.cpuMsPerRequest, 3) },
          ratio: ratio(l.seed.cpuMsPerRequest, l.healthz.cpuMsPerRequest),
          met: null,
        },
        {
          name: `server RSS @${l.connections}`,
          value: round(l.seed.serverRssMb, 0),
          unit: 'MB',
          reference: { name: 'GET /healthz', value: round(l.healthz.serverRssMb, 0) },
          ratio: ratio(l.seed.serverRssMb, l.healthz.serverRssMb),
          met: null,
        },
      );
    }
    return {
      scenario: 'session-create',
      database: ctx.database,
      errors: levels.reduce((n, l) => n + l.seed.errors + l.healthz.errors, 0),
      figures,
      details: { readyMs: round(readyMs, 0), levels },
      notes: [],
    };
  } finally {
    http.close();
    await dispose();
    await fake.stop();
  }
}
