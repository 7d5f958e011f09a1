/** RSS of a fresh server at rest, and its peak while chat-turn runs at 32 concurrent sessions. */

import { type BenchContext, type ScenarioResult } from '../lib/context.js';
import { HttpClient } from '../lib/http-client.js';
import { memory } from '../lib/proc-stats.js';
import { createTenant } from '../lib/setup.js';
import { round, sleep } from '../lib/stats.js';
import { measureTurns } from './chat-turn.js';

export async function memoryScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const fake = await ctx.startFake();
  const { server, readyMs, dispose } = await ctx.startNimbus('memory');
  const http = new HttpClient(server.url);
  try {
    // Let start-up garbage settle before reading "idle".
    await sleep(3000);
    const idle = memory(server.pid).rssMb;
    ctx.log(`  idle after start: ${round(idle, 0)} MB`);
    const tenant = await createTenant(http, fake.url);
    const pair = await measureTurns(ctx, server, fake, tenant, 32);
    const m = memory(server.pid);
    // VmHWM: the highest RSS since start, so a peak between two samples is not missed.
    const peak = Math.max(m.peakRssMb, pair.nimbus.rssMb);
    ctx.log(`  peak under chat-turn @32: ${round(peak, 0)} MB`);
    return {
      scenario: 'memory',
      database: ctx.database,
      errors: pair.nimbus.errors + pair.reference.errors,
      figures: [
        { name: 'RSS idle after start', value: round(idle, 0), unit: 'MB', goal: '≤ 200 MB', met: idle <= 200 },
        { name: 'RSS peak, chat-turn @32', value: round(peak, 0), unit: 'MB', goal: '≤ 400 MB', met: peak <= 400 },
        { name: 'RSS after the load', value: round(m.rssMb, 0), unit: 'MB', met: null },
      ],
      details: { readyMs: round(readyMs, 0), idleRssMb: idle, peakRssMb: peak, afterRssMb: m.rssMb, turns: pair },
      notes: ['Embedded mode: the PGlite database runs inside the server process, so its memory is part of this RSS.'],
    };
  } finally {
    http.close();
    await dispose();
    await fake.stop();
  }
}
