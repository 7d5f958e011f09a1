/**
 * Chat turns as a client does them, against Nimbus and (the reference) against the fake LLM
 * directly. A turn starts when the client sends and ends when it has read the whole reply; its
 * first chunk is the first streamed piece of reply text it reads.
 */

import { request, type Agent } from 'node:http';
import { HttpClient } from './http-client.js';
import { SseReader, type SseEvent } from './sse.js';
import { cpuMeter, sampleRss } from './proc-stats.js';
import { preciseNow, roundSummary, summarize, type Summary } from './stats.js';
import type { BenchTenant } from './setup.js';

export interface TurnTiming {
  /** Epoch ms when the first reply text arrived. */
  firstChunkAt: number;
  /** Epoch ms when the reply was complete at the client. */
  endAt: number;
}

export interface TurnClient {
  turn(): Promise<TurnTiming>;
  close(): void;
}

export const TURN_TEXT = 'hello from the benchmark, how are you today';
const TURN_TIMEOUT_MS = 30_000;

/** One session of Nimbus: its SSE stream stays open (as a chat client's does) while messages go in over REST. */
export class NimbusTurnClient implements TurnClient {
  private readonly reader: SseReader;
  private readonly firstDelta = new Map<number, number>();
  private readonly done = new Map<number, { at: number; ok: boolean; why?: string }>();
  private readonly waiting = new Map<number, (v: { at: number; ok: boolean; why?: string }) => void>();
  readonly opened: Promise<void>;

  constructor(
    private readonly http: HttpClient,
    private readonly tenant: BenchTenant,
    private readonly sessionId: string,
    private readonly expectedText: string = `Echo: ${TURN_TEXT}`,
  ) {
    this.reader = new SseReader(`${http.baseUrl}/${tenant.teamId}/session/${sessionId}/stream`, { authorization: `Bearer ${tenant.apiKey}` }, undefined, (e) =>
      this.onEvent(e),
    );
    this.opened = this.reader.opened;
  }

  private settle(seq: number, v: { at: number; ok: boolean; why?: string }): void {
    const w = this.waiting.get(seq);
    if (w) {
      this.waiting.delete(seq);
      w(v);
    } else this.done.set(seq, v);
  }

  private onEvent(e: SseEvent): void {
    if (e.event === 'delta') {
      const seq = Number(/"seq":(\d+)/.exec(e.data)?.[1]);
      if (!this.firstDelta.has(seq)) this.firstDelta.set(seq, e.at);
    } else if (e.event === 'complete') {
      const d = JSON.parse(e.data) as { seq: number; text: string };
      this.settle(d.seq, d.text === this.expectedText ? { at: e.at, ok: true } : { at: e.at, ok: false, why: `reply was ${JSON.stringify(d.text.slice(0, 80))}` });
    } else if (e.event === 'message') {
      const d = JSON.parse(e.data) as { seq: number; kind: string; text: string };
      if (d.kind === 'error') this.settle(d.seq, { at: e.at, ok: false, why: d.text });
    }
  }

  async turn(): Promise<TurnTiming> {
    const res = await this.http.send('POST', `/${this.tenant.teamId}/session/${this.sessionId}/send-message`, {
      token: this.tenant.apiKey,
      json: { messageText: TURN_TEXT },
    });
    if (res.status !== 200) throw new Error(`send-message answered ${res.status}: ${res.text.slice(0, 200)}`);
    const replySeq = (JSON.parse(res.text) as { seq: number }).seq + 1;
    const result =
      this.done.get(replySeq) ??
      (await new Promise<{ at: number; ok: boolean; why?: string }>((resolve, reject) => {
        const t = setTimeout(() => {
          this.waiting.delete(replySeq);
          reject(new Error(`no reply within ${TURN_TIMEOUT_MS} ms`));
        }, TURN_TIMEOUT_MS);
        this.waiting.set(replySeq, (v) => {
          clearTimeout(t);
          resolve(v);
        });
      }));
    this.done.delete(replySeq);
    const first = this.firstDelta.get(replySeq);
    this.firstDelta.delete(replySeq);
    if (!result.ok) throw new Error(result.why ?? 'turn failed');
    if (first === undefined) throw new Error('reply completed without a streamed delta');
    return { firstChunkAt: first, endAt: result.at };
  }

  close(): void {
    this.reader.close();
  }
}

/** The reference: the same kind of client streaming a reply from the fake LLM itself, with a history as long as Nimbus sends. */
export class DirectTurnClient implements TurnClient {
  private readonly body: string;

  constructor(
    private readonly fakeUrl: string,
    private readonly agent: Agent,
    historyMessages = 30,
  ) {
    const messages: { role: string; content: string }[] = [{ role: 'system', content: 'Assistant\nHelp\nFriendly' }];
    for (let i = 0; i < historyMessages - 1; i++) {
      messages.push(i % 2 === 0 ? { role: 'user', content: TURN_TEXT } : { role: 'assistant', content: `Echo: ${TURN_TEXT}` });
    }
    messages.push({ role: 'user', content: TURN_TEXT });
    this.body = JSON.stringify({ model: 'fake-model', stream: true, stream_options: { include_usage: true }, messages });
  }

  turn(): Promise<TurnTiming> {
    return new Promise((resolve, reject) => {
      let first: number | undefined;
      let text = '';
      let buffer = '';
      const req = request(
        `${this.fakeUrl}/v1/chat/completions`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { authorization: 'Bearer bench', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(this.body)) },
          timeout: TURN_TIMEOUT_MS,
        },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(new Error(`fake answered ${res.statusCode}`));
            return;
          }
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const at = preciseNow();
            buffer += chunk;
            let i: number;
            while ((i = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, i);
              buffer = buffer.slice(i + 2);
              if (!block.startsWith('data: ') || block === 'data: [DONE]') continue;
              const d = JSON.parse(block.slice(6)) as { choices?: { delta?: { content?: string } }[] };
              const piece = d.choices?.[0]?.delta?.content;
              if (piece) {
                first ??= at;
                text += piece;
              }
            }
          });
          res.on('end', () => {
            const at = preciseNow();
            if (first === undefined || text !== `Echo: ${TURN_TEXT}`) reject(new Error(`unexpected reply ${JSON.stringify(text.slice(0, 80))}`));
            else resolve({ firstChunkAt: first, endAt: at });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(this.body);
    });
  }

  close(): void {}
}

export interface LoopResult {
  concurrency: number;
  durationS: number;
  turns: number;
  turnsPerS: number;
  turnMs: Summary;
  firstChunkMs: Summary;
  errors: number;
  errorSamples: string[];
  /** CPU of the measured process per turn (Nimbus, or the fake for the reference). */
  cpuMsPerTurn: number;
  rssMb: number;
}

/**
 * `clients.length` lanes, each doing turns back to back for warm + measure seconds. Turns that
 * start inside the measured window count; throughput is those that also ended inside it.
 */
export async function runTurnLoop(clients: TurnClient[], pid: number, warmS: number, measureS: number): Promise<LoopResult> {
  const t0 = preciseNow();
  const warmEnd = t0 + warmS * 1000;
  const measureEnd = warmEnd + measureS * 1000;
  const totals: number[] = [];
  const firsts: number[] = [];
  let completedInWindow = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  let cpu: { stop(): number } | undefined;
  let rss: { stop(): number } | undefined;
  let cpuMs = 0;
  let rssMb = 0;
  const startMeters = setTimeout(() => {
    cpu = cpuMeter(pid);
    rss = sampleRss(pid, 200);
  }, warmS * 1000);
  const stopMeters = setTimeout(
    () => {
      cpuMs = cpu?.stop() ?? 0;
      rssMb = rss?.stop() ?? 0;
    },
    (warmS + measureS) * 1000,
  );

  const lane = async (c: TurnClient): Promise<void> => {
    while (preciseNow() < measureEnd) {
      const start = preciseNow();
      try {
        const t = await c.turn();
        if (start >= warmEnd) {
          totals.push(t.endAt - start);
          firsts.push(t.firstChunkAt - start);
          if (t.endAt <= measureEnd) completedInWindow++;
        }
      } catch (err) {
        if (start >= warmEnd) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(String((err as Error).message ?? err));
        }
      }
    }
  };
  await Promise.all(clients.map(lane));
  clearTimeout(startMeters);
  clearTimeout(stopMeters);
  if (cpu && cpuMs === 0) cpuMs = cpu.stop();
  if (rss && rssMb === 0) rssMb = rss.stop();
  return {
    concurrency: clients.length,
    durationS: measureS,
    turns: totals.length,
    turnsPerS: completedInWindow / measureS,
    turnMs: roundSummary(summarize(totals), 3),
    firstChunkMs: roundSummary(summarize(firsts), 3),
    errors,
    errorSamples,
    cpuMsPerTurn: completedInWindow > 0 ? cpuMs / completedInWindow : Number.NaN,
    rssMb,
  };
}
