/** A minimal SSE client over fetch: yields parsed events, can stop, can resume with Last-Event-ID. */
export interface SseEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  done: Promise<void>;

  constructor(url: string, headers: Record<string, string>) {
    this.done = this.run(url, headers).catch((err: unknown) => {
      if ((err as Error).name !== 'AbortError') throw err;
    });
  }

  close(): void {
    this.controller.abort();
  }

  /** Resolves when an event matching `pred` has arrived (or rejects after `timeoutMs`). */
  async waitFor(pred: (e: SseEvent, all: SseEvent[]) => boolean, timeoutMs = 15_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.find((e) => pred(e, this.events));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching SSE event in ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => [e.event, e.id]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async run(url: string, headers: Record<string, string>): Promise<void> {
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.controller.signal });
    if (!res.ok || !res.body) throw new Error(`SSE ${res.status}`);
    const decoder = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body) {
      buf += decoder.decode(chunk as Uint8Array, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev: Partial<SseEvent> & { lines: string[] } = { lines: [] };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const [k, ...rest] = line.split(':');
          const v = rest.join(':').replace(/^ /, '');
          if (k === 'id') ev.id = v;
          else if (k === 'event') ev.event = v;
          else if (k === 'data') ev.lines.push(v);
        }
        if (ev.event) this.events.push({ id: ev.id, event: ev.event, data: JSON.parse(ev.lines.join('\n')) as Record<string, unknown> });
      }
    }
  }
}

/** Rebuilds each message's text from a stream of events, as a client would. */
export function assemble(events: SseEvent[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const e of events) {
    const d = e.data;
    if (e.event === 'message') {
      const m = d as { seq: number; text: string };
      texts.set(m.seq, m.text);
    } else if (e.event === 'delta') {
      const seq = d.seq as number;
      const cur = texts.get(seq) ?? '';
      if ((d.offset as number) !== cur.length) throw new Error(`gap or overlap at seq ${seq}: have ${cur.length}, delta at ${String(d.offset)}`);
      texts.set(seq, cur + (d.text as string));
    } else if (e.event === 'overwrite' || e.event === 'complete') {
      texts.set(d.seq as number, d.text as string);
    }
  }
  return texts;
}
