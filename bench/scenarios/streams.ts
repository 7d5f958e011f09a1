/**
 * streams: 1,000 sessions, each followed by its own client (half SSE, half socket.io), all
 * streaming replies at once with the fake LLM paced at 20 deltas/s. The delay of every delta is
 * its arrival at the client minus the moment the fake LLM wrote it (the fake records that time
 * per delta; both processes read the same clock). Every reply is checked word by word: no delta
 * dropped, none duplicated, none out of place.
 */

import { io, type Socket } from 'socket.io-client';
import { ratio, type BenchContext, type ScenarioResult } from '../lib/context.js';
import { HttpClient, inBatches } from '../lib/http-client.js';
import { cpuMeter, memory, sampleRss } from '../lib/proc-stats.js';
import { createSessions, createTenant, type BenchTenant } from '../lib/setup.js';
import { SseReader } from '../lib/sse.js';
import { preciseNow, round, roundSummary, sleep, summarize } from '../lib/stats.js';

const WORDS = 100;
const DELAY_MS = 50;
const GOAL_P99_MS = 100;
/** An overloaded server is part of what is measured: sends may wait long, but the run stays bounded. */
const SEND_TIMEOUT_MS = 60_000;
const DEADLINE_MS = 150_000;

type Transport = 'sse' | 'socket.io';

/** What one client saw of its session's reply. */
class Watch {
  /** Word number → arrival time; a second arrival of the same word is a duplicate. */
  readonly arrivals = new Map<number, number>();
  text = '';
  duplicates = 0;
  gaps = 0;
  overlaps = 0;
  completeText: string | null = null;
  close: () => void = () => undefined;

  constructor(
    readonly index: number,
    readonly transport: Transport,
  ) {}

  delta(offset: number, text: string, at: number): void {
    if (offset > this.text.length) this.gaps++;
    else if (offset < this.text.length) this.overlaps++;
    // Lay the piece where it says it goes, so one misplaced delta is not counted twice.
    this.text = this.text.slice(0, offset).padEnd(offset, '\u0000') + text;
    for (const m of text.matchAll(/word(\d+)/g)) {
      const k = Number(m[1]);
      if (this.arrivals.has(k)) this.duplicates++;
      else this.arrivals.set(k, at);
    }
  }

  complete(text: string): void {
    this.completeText = text;
  }
}

function openSse(server: string, t: BenchTenant, sessionId: string, w: Watch): Promise<void> {
  const reader = new SseReader(`${server}/${t.teamId}/session/${sessionId}/stream`, { authorization: `Bearer ${t.apiKey}` }, undefined, (e) => {
    if (e.event === 'delta') {
      const d = JSON.parse(e.data) as { offset: number; text: string };
      w.delta(d.offset, d.text, e.at);
    } else if (e.event === 'complete') {
      const d = JSON.parse(e.data) as { text: string; seq: number };
      w.complete(d.text);
    }
  });
  w.close = () => reader.close();
  return reader.opened;
}

interface Envelope {
  message: { stream: string; text: string; offset: number; kind?: string };
}

function openSocket(server: string, t: BenchTenant, sessionId: string, w: Watch): Promise<void> {
  const socket: Socket = io(server, { transports: ['websocket'], auth: { token: t.apiKey }, reconnection: false, forceNew: true });
  w.close = () => socket.disconnect();
  socket.on('message', (env: Envelope) => {
    const at = preciseNow();
    const m = env.message;
    if (m.stream === 'delta') w.delta(m.offset, m.text, at);
    else if (m.stream === 'complete') w.complete(m.text);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket.io join timed out')), 30_000);
    socket.on('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('joined', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on('connect', () => socket.emit('join_room', sessionId));
  });
}

/** The most replies the fake LLM was streaming at the same moment. */
function peakConcurrency(intervals: [number, number][]): number {
  const edges = intervals.flatMap(([a, b]) => [
    [a, 1],
    [b, -1],
  ]);
  edges.sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
  let cur = 0;
  let peak = 0;
  for (const [, d] of edges) {
    cur += d!;
    peak = Math.max(peak, cur);
  }
  return peak;
}

export async function streams(ctx: BenchContext): Promise<ScenarioResult> {
  const n = ctx.opts.streamSessions;
  const fake = await ctx.startFake();
  const { server, readyMs, dispose } = await ctx.startNimbus('streams');
  const http = new HttpClient(server.url, { maxSockets: 64 });
  const watches: Watch[] = [];
  try {
    const tenant = await createTenant(http, fake.url);
    ctx.log(`  creating ${n} sessions and connecting ${n / 2} SSE + ${n / 2} socket.io clients`);
    const sessions = await createSessions(http, tenant, n);
    for (let i = 0; i < n; i++) watches.push(new Watch(i, i % 2 === 0 ? 'sse' : 'socket.io'));
    await inBatches(watches, 50, (w) => (w.transport === 'sse' ? openSse(server.url, tenant, sessions[w.index]!, w) : openSocket(server.url, tenant, sessions[w.index]!, w)));
    const rssBefore = memory(server.pid).rssMb;
    ctx.log(`  all connected; server RSS ${round(rssBefore, 0)} MB. Sending ${n} messages (${WORDS} words at ${1000 / DELAY_MS} deltas/s each)`);

    const cpu = cpuMeter(server.pid);
    const rss = sampleRss(server.pid, 200);
    const t0 = preciseNow();
    let sendErrors = 0;
    const sendErrorSamples: string[] = [];
    await inBatches(watches, 64, async (w) => {
      const res = await http
        .send('POST', `/${tenant.teamId}/session/${sessions[w.index]}/send-message`, {
          token: tenant.apiKey,
          json: { messageText: `stream-${w.index} tell me [[fake:words=${WORDS}]] [[fake:delay=${DELAY_MS}]]` },
          timeoutMs: SEND_TIMEOUT_MS,
        })
        .catch((err: unknown) => ({ status: 0, text: String((err as Error).message ?? err) }));
      if (res.status !== 200) {
        sendErrors++;
        if (sendErrorSamples.length < 3) sendErrorSamples.push(`${res.status} ${res.text.slice(0, 120)}`);
      }
    });
    const sentMs = preciseNow() - t0;
    const deadline = Date.now() + DEADLINE_MS;
    while (watches.some((w) => w.completeText === null) && Date.now() < deadline) await sleep(100);
    const allDoneMs = preciseNow() - t0;
    await sleep(500);
    const cpuMs = cpu.stop();
    const peakRss = rss.stop();
    const done = watches.filter((w) => w.completeText !== null).length;
    ctx.log(`  sent in ${round(sentMs / 1000, 1)} s (${sendErrors} failed); ${done} of ${n} replies complete after ${round(allDoneMs / 1000, 1)} s`);

    const requests = await fake.requests();
    const emitted = new Map<number, number[]>();
    const intervals: [number, number][] = [];
    for (const r of requests) {
      const users = (r.body?.messages ?? []).filter((m) => m.role === 'user');
      const last = users.at(-1)?.content;
      const idx = typeof last === 'string' ? /stream-(\d+) /.exec(last)?.[1] : undefined;
      if (idx === undefined) continue;
      emitted.set(Number(idx), r.deltaTimes);
      if (r.deltaTimes.length > 0) intervals.push([r.deltaTimes[0]!, r.deltaTimes.at(-1)!]);
    }

    const expected = Array.from({ length: WORDS }, (_, i) => `word${i + 1}`).join(' ');
    const delays: Record<Transport | 'all', number[]> = { all: [], sse: [], 'socket.io': [] };
    let dropped = 0;
    let duplicated = 0;
    let misplaced = 0;
    let wrongFinal = 0;
    let unmatched = 0;
    let incomplete = 0;
    for (const w of watches) {
      const times = emitted.get(w.index);
      if (!times) {
        unmatched++;
        continue;
      }
      for (const [k, at] of w.arrivals) {
        const emit = times[k - 1];
        if (emit === undefined) continue;
        delays.all.push(at - emit);
        delays[w.transport].push(at - emit);
      }
      dropped += WORDS - w.arrivals.size;
      duplicated += w.duplicates;
      misplaced += w.gaps + w.overlaps;
      if (w.completeText === null) incomplete++;
      else if (w.text !== expected || w.completeText !== expected) wrongFinal++;
    }
    const all = roundSummary(summarize(delays.all), 2);
    const sse = roundSummary(summarize(delays.sse), 2);
    const sock = roundSummary(summarize(delays['socket.io']), 2);
    const peak = peakConcurrency(intervals);
    const deltas = delays.all.length;
    // Failed requests void the figures; dropped or duplicated deltas are what is measured.
    const errors = sendErrors + unmatched + incomplete;
    ctx.log(`  delay p50 ${all.p50} ms, p99 ${all.p99} ms, max ${all.max} ms; ${peak} replies streaming at once at the peak; dropped ${dropped}, duplicated ${duplicated}`);
    return {
      scenario: 'streams',
      database: ctx.database,
      errors,
      figures: [
        { name: `emit→client delay p50 (${n} sessions)`, value: all.p50, unit: 'ms', met: null },
        { name: `emit→client delay p90 (${n} sessions)`, value: all.p90, unit: 'ms', met: null },
        { name: `emit→client delay p99 (${n} sessions)`, value: all.p99, unit: 'ms', goal: `≤ ${GOAL_P99_MS} ms`, met: all.p99 <= GOAL_P99_MS },
        { name: 'emit→client delay p99, SSE clients', value: sse.p99, unit: 'ms', met: null },
        { name: 'emit→client delay p99, socket.io clients', value: sock.p99, unit: 'ms', met: null },
        {
          name: 'replies streaming at once (peak)',
          value: peak,
          unit: 'streams',
          reference: { name: 'sessions', value: n },
          ratio: ratio(peak, n),
          goal: `all ${n}`,
          met: peak >= n,
        },
        { name: 'dropped + duplicated + misplaced deltas', value: dropped + duplicated + misplaced + wrongFinal, unit: 'deltas', goal: '0', met: dropped + duplicated + misplaced === 0 && wrongFinal === 0 },
        { name: 'deltas delivered', value: deltas, unit: 'deltas', reference: { name: 'expected', value: n * WORDS }, ratio: ratio(deltas, n * WORDS), met: null },
        { name: 'server CPU per delta delivered', value: round(deltas ? cpuMs / deltas : Number.NaN, 4), unit: 'ms', met: null },
        { name: 'server RSS, connected and idle', value: round(rssBefore, 0), unit: 'MB', met: null },
        { name: 'server RSS peak while streaming', value: round(peakRss, 0), unit: 'MB', met: null },
        { name: 'time until every reply was complete', value: round(allDoneMs / 1000, 1), unit: 's', reference: { name: 'one reply alone', value: round(((WORDS - 1) * DELAY_MS) / 1000, 1) }, ratio: ratio(allDoneMs, (WORDS - 1) * DELAY_MS), met: null },
      ],
      details: {
        readyMs: round(readyMs, 0),
        sessions: n,
        wordsPerReply: WORDS,
        deltaIntervalMs: DELAY_MS,
        sendMs: round(sentMs, 0),
        allDoneMs: round(allDoneMs, 0),
        delayMs: { all, sse, socketIo: sock },
        peakConcurrentStreams: peak,
        checks: { sendErrors, sendErrorSamples, unmatched, incomplete, dropped, duplicated, misplaced, wrongFinal },
        serverCpuMs: round(cpuMs, 0),
        rssMb: { connected: round(rssBefore, 1), peak: round(peakRss, 1) },
      },
      notes: [],
    };
  } finally {
    for (const w of watches) w.close();
    http.close();
    await dispose();
    await fake.stop();
  }
}
