/**
 * A Server-Sent Events reader over node:http: each event is handed over with the time its bytes
 * arrived, before any parsing, so parse cost is not counted as network delay.
 */

import { request, type Agent } from 'node:http';
import { preciseNow } from './stats.js';

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
  /** Epoch ms at which the chunk holding the end of this event was read from the socket. */
  at: number;
}

export class SseReader {
  private buffer = '';
  private closed = false;
  private readonly req: ReturnType<typeof request>;
  /** Resolves when the response has started (status known); rejects on a connection error or a non-200. */
  readonly opened: Promise<void>;
  /** Resolves when the stream ends or is closed. */
  readonly ended: Promise<void>;

  constructor(url: string, headers: Record<string, string>, agent: Agent | undefined, onEvent: (e: SseEvent) => void) {
    let open!: () => void;
    let fail!: (err: Error) => void;
    let end!: () => void;
    this.opened = new Promise<void>((res, rej) => {
      open = res;
      fail = rej;
    });
    this.ended = new Promise<void>((res) => (end = res));
    this.req = request(url, { method: 'GET', headers: { accept: 'text/event-stream', ...headers }, agent }, (res) => {
      if (res.statusCode !== 200) {
        fail(new Error(`SSE ${url} answered ${res.statusCode}`));
        res.resume();
        end();
        return;
      }
      res.socket.setNoDelay(true);
      open();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = preciseNow();
        this.buffer += chunk;
        let i: number;
        while ((i = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, i);
          this.buffer = this.buffer.slice(i + 2);
          const e = parseBlock(block, at);
          if (e) onEvent(e);
        }
      });
      res.on('end', end);
      res.on('close', end);
      res.on('error', end);
    });
    this.req.on('error', (err) => {
      if (!this.closed) fail(err);
      end();
    });
    this.req.end();
  }

  close(): void {
    this.closed = true;
    this.req.destroy();
  }
}

function parseBlock(block: string, at: number): SseEvent | null {
  let id: string | undefined;
  let event = 'message';
  let data = '';
  let any = false;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (key === 'id') id = value;
    else if (key === 'event') event = value;
    else if (key === 'data') {
      data = any ? `${data}\n${value}` : value;
      any = true;
    }
  }
  return any ? { id, event, data, at } : null;
}
