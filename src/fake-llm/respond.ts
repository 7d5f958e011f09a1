/**
 * Plays a reply onto the socket: pacing, flushing and fault injection are the
 * same for every provider, only the pre-encoded bytes differ.
 */

import type { ServerResponse } from 'node:http';
import { closed, preciseNow, sendJson, sleepUnlessClosed } from './http.js';
import type { RecordedRequest, ReplyPlan, StreamFaultKind, StreamScript } from './types.js';

function watchClient(res: ServerResponse): () => boolean {
  let gone = false;
  res.once('close', () => {
    if (!res.writableFinished) gone = true;
  });
  return () => gone || res.destroyed;
}

function streamFault(plan: ReplyPlan): { kind: StreamFaultKind; after: number } | null {
  const f = plan.fault;
  return f !== null && f.kind !== 'error' ? f : null;
}

export async function sendStream(
  res: ServerResponse,
  script: StreamScript,
  plan: ReplyPlan,
  rec: RecordedRequest,
  headers: Record<string, string>,
): Promise<void> {
  const isGone = watchClient(res);
  // Nagle would coalesce small deltas and distort emit→client latency measurements.
  res.socket?.setNoDelay(true);
  res.writeHead(200, {
    'content-type': script.contentType,
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
  rec.status = 200;
  // Kept so a drop can wait for the bytes already written: destroying first would discard them.
  let lastWrite: Promise<void> = Promise.resolve();
  const write = (chunk: string): void => {
    lastWrite = new Promise((resolve) => res.write(chunk, () => resolve()));
  };
  if (script.head !== '') write(script.head);

  const fault = streamFault(plan);
  let malformed = false;

  /** Returns true when the stream must not continue. */
  const strike = async (): Promise<boolean> => {
    switch (fault?.kind) {
      case 'drop':
        rec.outcome = 'dropped';
        await Promise.race([lastWrite, closed(res)]);
        res.destroy();
        return true;
      case 'stall':
        rec.outcome = 'stalled';
        await closed(res);
        return true;
      case 'streamerror':
        rec.outcome = 'stream-error';
        res.end(script.streamError);
        return true;
      case 'malformed':
        malformed = true;
        write(script.malformed);
        return false;
      default:
        return false;
    }
  };

  for (let i = 0; i < script.deltas.length; i++) {
    if (fault?.after === i && (await strike())) return;
    if (i > 0) await sleepUnlessClosed(plan.delayMs, res);
    if (isGone()) {
      rec.outcome = 'client-aborted';
      return;
    }
    rec.deltaTimes.push(preciseNow());
    write(script.deltas[i]);
  }
  if (fault !== null && fault.after >= script.deltas.length && (await strike())) return;
  if (isGone()) {
    rec.outcome = 'client-aborted';
    return;
  }
  res.end(script.tail);
  rec.outcome = malformed ? 'malformed' : 'completed';
}

/** Non-streamed replies take as long as the streamed one would, then apply the fault as a whole. */
export async function sendFull(
  res: ServerResponse,
  body: unknown,
  plan: ReplyPlan,
  rec: RecordedRequest,
  headers: Record<string, string>,
  streamErrorBody: unknown,
): Promise<void> {
  const isGone = watchClient(res);
  await sleepUnlessClosed(plan.delayMs * Math.max(0, plan.completionTokens - 1), res);
  if (isGone()) {
    rec.outcome = 'client-aborted';
    return;
  }
  switch (streamFault(plan)?.kind) {
    case 'drop':
      rec.outcome = 'dropped';
      res.destroy();
      return;
    case 'stall':
      rec.outcome = 'stalled';
      await closed(res);
      return;
    case 'malformed': {
      rec.status = 200;
      rec.outcome = 'malformed';
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    case 'streamerror':
      rec.status = 500;
      rec.outcome = 'error';
      sendJson(res, 500, streamErrorBody, headers);
      return;
    default:
      rec.status = 200;
      rec.outcome = 'completed';
      sendJson(res, 200, body, headers);
  }
}
