/**
 * chat-turn: N sessions each sending a message (REST send-message) and reading the whole streamed
 * reply (SSE), at 1 and 32 concurrent sessions. Reference: the same client streaming a reply from
 * the fake LLM directly. The fake answers instantly (no delay between deltas).
 *
 * first-chunk: the same turns at 1 session, looking at the time from send to the first delta.
 */

import { Agent } from 'node:http';
import { ratio, type BenchContext, type Figure, type ScenarioResult } from '../lib/context.js';
import type { FakeProcess } from '../lib/fake-process.js';
import { HttpClient } from '../lib/http-client.js';
import type { NimbusProcess } from '../lib/nimbus-process.js';
import { createSessions, createTenant, type BenchTenant } from '../lib/setup.js';
import { round } from '../lib/stats.js';
import { DirectTurnClient, NimbusTurnClient, runTurnLoop, type LoopResult } from '../lib/turns.js';

export interface TurnPair {
  concurrency: number;
  nimbus: LoopResult;
  reference: LoopResult;
}

/** Reference first, then Nimbus, at one concurrency. */
export async function measureTurns(ctx: BenchContext, server: NimbusProcess, fake: FakeProcess, tenant: BenchTenant, concurrency: number): Promise<TurnPair> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency * 2, noDelay: true });
  ctx.log(`  ${concurrency} session(s): reference (client → fake LLM directly)`);
  const direct = Array.from({ length: concurrency }, () => new DirectTurnClient(fake.url, agent));
  const reference = await runTurnLoop(direct, fake.pid, ctx.opts.warmS, ctx.opts.measureS);
  agent.destroy();
  await fake.clear();
  ctx.log(`    ${round(reference.turnsPerS, 0)} turns/s, p50 ${reference.turnMs.p50} ms, p99 ${reference.turnMs.p99} ms, errors ${reference.errors}`);

  ctx.log(`  ${concurrency} session(s): Nimbus (REST send-message + SSE)`);
  const http = new HttpClient(server.url, { maxSockets: concurrency * 2 });
  const sessions = await createSessions(http, tenant, concurrency);
  const clients = sessions.map((id) => new NimbusTurnClient(http, tenant, id));
  await Promise.all(clients.map((c) => c.opened));
  const nimbus = await runTurnLoop(clients, server.pid, ctx.opts.warmS, ctx.opts.measureS);
  for (const c of clients) c.close();
  http.close();
  await fake.clear();
  ctx.log(`    ${round(nimbus.turnsPerS, 0)} turns/s, p50 ${nimbus.turnMs.p50} ms, p99 ${nimbus.turnMs.p99} ms, errors ${nimbus.errors}${nimbus.errorSamples.length ? ` (${nimbus.errorSamples[0]})` : ''}`);
  return { concurrency, nimbus, reference };
}

function turnFigures(p: TurnPair, withGoals: boolean): Figure[] {
  const c = p.concurrency;
  const goals = withGoals && c === 32;
  const overheadP50 = p.nimbus.turnMs.p50 - p.reference.turnMs.p50;
  const overheadP99 = p.nimbus.turnMs.p99 - p.reference.turnMs.p99;
  return [
    {
      name: `turns/s @${c}`,
      value: round(p.nimbus.turnsPerS, 0),
      unit: 'turns/s',
      reference: { name: 'fake LLM direct', value: round(p.reference.turnsPerS, 0) },
      ratio: ratio(p.nimbus.turnsPerS, p.reference.turnsPerS),
      goal: goals ? '≥ 650 turns/s' : undefined,
      met: goals ? p.nimbus.turnsPerS >= 650 : null,
    },
    {
      name: `turn p50 @${c}`,
      value: p.nimbus.turnMs.p50,
      unit: 'ms',
      reference: { name: 'fake LLM direct', value: p.reference.turnMs.p50 },
      ratio: ratio(p.nimbus.turnMs.p50, p.reference.turnMs.p50),
      met: null,
    },
    {
      name: `turn p90 @${c}`,
      value: p.nimbus.turnMs.p90,
      unit: 'ms',
      reference: { name: 'fake LLM direct', value: p.reference.turnMs.p90 },
      ratio: ratio(p.nimbus.turnMs.p90, p.reference.turnMs.p90),
      met: null,
    },
    {
      name: `turn p99 @${c}`,
      value: p.nimbus.turnMs.p99,
      unit: 'ms',
      reference: { name: 'fake LLM direct', value: p.reference.turnMs.p99 },
      ratio: ratio(p.nimbus.turnMs.p99, p.reference.turnMs.p99),
      met: null,
    },
    {
      name: `overhead p50 @${c}`,
      value: round(overheadP50, 2),
      unit: 'ms',
      goal: goals ? '≤ 5 ms' : undefined,
      met: goals ? overheadP50 <= 5 : null,
    },
    {
      name: `overhead p99 @${c}`,
      value: round(overheadP99, 2),
      unit: 'ms',
      goal: goals ? '≤ 25 ms' : undefined,
      met: goals ? overheadP99 <= 25 : null,
    },
    {
      name: `server CPU per turn @${c}`,
      value: round(p.nimbus.cpuMsPerTurn, 3),
      unit: 'ms',
      reference: { name: 'fake LLM CPU per reply', value: round(p.reference.cpuMsPerTurn, 3) },
      ratio: ratio(p.nimbus.cpuMsPerTurn, p.reference.cpuMsPerTurn),
      met: null,
    },
    { name: `server RSS @${c}`, value: round(p.nimbus.rssMb, 0), unit: 'MB', met: null },
  ];
}

export async function chatTurn(ctx: BenchContext): Promise<ScenarioResult> {
  const fake = await ctx.startFake();
  const { server, readyMs, dispose } = await ctx.startNimbus('chat-turn');
  const http = new HttpClient(server.url);
  try {
    const tenant = await createTenant(http, fake.url);
    const pairs: TurnPair[] = [];
    for (const c of [1, 32]) pairs.push(await measureTurns(ctx, server, fake, tenant, c));
    return {
      scenario: 'chat-turn',
      database: ctx.database,
      errors: pairs.reduce((n, p) => n + p.nimbus.errors + p.reference.errors, 0),
      figures: pairs.flatMap((p) => turnFigures(p, true)),
      details: { readyMs: round(readyMs, 0), pairs },
      notes: [],
    };
  } finally {
    http.close();
    await dispose();
    await fake.stop();
  }
}

export async function firstChunk(ctx: BenchContext): Promise<ScenarioResult> {
  const fake = await ctx.startFake();
  const { server, readyMs, dispose } = await ctx.startNimbus('first-chunk');
  const http = new HttpClient(server.url);
  try {
    const tenant = await createTenant(http, fake.url);
    const p = await measureTurns(ctx, server, fake, tenant, 1);
    const added = p.nimbus.firstChunkMs.p50 - p.reference.firstChunkMs.p50;
    const addedP99 = p.nimbus.firstChunkMs.p99 - p.reference.firstChunkMs.p99;
    const figures: Figure[] = [
      {
        name: 'first chunk p50 @1',
        value: p.nimbus.firstChunkMs.p50,
        unit: 'ms',
        reference: { name: 'fake LLM direct', value: p.reference.firstChunkMs.p50 },
        ratio: ratio(p.nimbus.firstChunkMs.p50, p.reference.firstChunkMs.p50),
        met: null,
      },
      {
        name: 'first chunk p99 @1',
        value: p.nimbus.firstChunkMs.p99,
        unit: 'ms',
        reference: { name: 'fake LLM direct', value: p.reference.firstChunkMs.p99 },
        ratio: ratio(p.nimbus.firstChunkMs.p99, p.reference.firstChunkMs.p99),
        met: null,
      },
      { name: 'added at p50 @1', value: round(added, 2), unit: 'ms', goal: '≤ 5 ms', met: added <= 5 },
      { name: 'added at p99 @1', value: round(addedP99, 2), unit: 'ms', met: null },
    ];
    return {
      scenario: 'first-chunk',
      database: ctx.database,
      errors: p.nimbus.errors + p.reference.errors,
      figures,
      details: { readyMs: round(readyMs, 0), pair: p },
      notes: [],
    };
  } finally {
    http.close();
    await dispose();
    await fake.stop();
  }
}
