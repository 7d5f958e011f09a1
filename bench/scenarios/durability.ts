/**
 * durability: 32 sessions streaming long replies (and half of them holding a second message,
 * acknowledged, waiting its turn) when the server is killed with SIGKILL. The server is started
 * again on the same data; every transcript must end with each acknowledged user message once and
 * one complete reply to each — none lost, none stored twice. Time to recover: from the restart
 * until every interrupted turn and every waiting message has its complete reply.
 */

import { type BenchContext, type ScenarioResult } from '../lib/context.js';
import { HttpClient, inBatches } from '../lib/http-client.js';
import { NimbusProcess } from '../lib/nimbus-process.js';
import { createSessions, createTenant, type BenchTenant } from '../lib/setup.js';
import { SseReader } from '../lib/sse.js';
import { round, sleep } from '../lib/stats.js';
import { NimbusTurnClient, TURN_TEXT } from '../lib/turns.js';

const SESSIONS = 32;
const WORDS = 200;
const DELAY_MS = 20;
const KILL_AFTER_DELTAS = 20;

interface MessageJson {
  seq: number;
  kind: string;
  completed: boolean;
  message: { message: { text: string } };
}

const longText = (i: number): string => `long story ${i} [[fake:words=${WORDS}]] [[fake:delay=${DELAY_MS}]]`;
const queuedText = (i: number): string => `queued question ${i}`;
const WORDS_REPLY = Array.from({ length: WORDS }, (_, k) => `word${k + 1}`).join(' ');

/** What session i must hold once recovered: each user message, each followed by its one reply. */
function expectedTurns(i: number): { user: string; reply: string }[] {
  const turns = [
    { user: TURN_TEXT, reply: `Echo: ${TURN_TEXT}` },
    { user: longText(i), reply: WORDS_REPLY },
  ];
  if (i % 2 === 0) turns.push({ user: queuedText(i), reply: `Echo: ${queuedText(i)}` });
  return turns;
}

async function transcript(http: HttpClient, t: BenchTenant, id: string): Promise<{ messages: MessageJson[]; status: string }> {
  const messages = await http.json<MessageJson[]>('GET', `/${t.teamId}/session/${id}/messages.json`, 200, { token: t.apiKey });
  const s = await http.json<{ session: { status: string } }>('GET', `/${t.teamId}/session/${id}.json`, 200, { token: t.apiKey });
  return { messages, status: s.session.status };
}

function finished(messages: MessageJson[], status: string, i: number): boolean {
  const want = expectedTurns(i).length;
  const replies = messages.filter((m) => (m.kind === 'assistant' || m.kind === 'error') && m.completed).length;
  return status === 'waiting' && replies >= want;
}

export async function durability(ctx: BenchContext): Promise<ScenarioResult> {
  const fake = await ctx.startFake();
  const first = await ctx.startNimbus('durability');
  let second: NimbusProcess | undefined;
  let http = new HttpClient(first.server.url);
  const readers: SseReader[] = [];
  try {
    const tenant = await createTenant(http, fake.url);
    const sessions = await createSessions(http, tenant, SESSIONS);
    // A finished exchange first, so recovery has history to keep intact.
    await inBatches(sessions, SESSIONS, async (id) => {
      const c = new NimbusTurnClient(http, tenant, id);
      await c.opened;
      try {
        await c.turn();
      } finally {
        c.close();
      }
    });

    const deltas = new Array<number>(SESSIONS).fill(0);
    sessions.forEach((id, i) => {
      readers.push(
        new SseReader(`${first.server.url}/${tenant.teamId}/session/${id}/stream`, { authorization: `Bearer ${tenant.apiKey}` }, undefined, (e) => {
          if (e.event === 'delta') deltas[i]!++;
        }),
      );
    });
    await Promise.all(readers.map((r) => r.opened));
    await inBatches(sessions, SESSIONS, (id, i) =>
      http.json('POST', `/${tenant.teamId}/session/${id}/send-message`, 200, { token: tenant.apiKey, json: { messageText: longText(i) } }),
    );
    const deadline = Date.now() + 60_000;
    while (deltas.some((d) => d < KILL_AFTER_DELTAS) && Date.now() < deadline) await sleep(10);
    if (deltas.some((d) => d < KILL_AFTER_DELTAS)) throw new Error(`not every session was streaming within 60 s: ${deltas.join(',')}`);
    // Acknowledged while the reply streams: stored, waiting for its turn.
    await inBatches(
      sessions.filter((_, i) => i % 2 === 0),
      SESSIONS,
      (id) => {
        const i = sessions.indexOf(id);
        return http.json('POST', `/${tenant.teamId}/session/${id}/send-message`, 200, { token: tenant.apiKey, json: { messageText: queuedText(i) } });
      },
    );
    const streamedAtKill = deltas.reduce((a, b) => a + b, 0);
    await first.server.kill();
    for (const r of readers) r.close();
    http.close();
    ctx.log(`  killed (SIGKILL) with ${SESSIONS} replies streaming (${streamedAtKill} deltas delivered so far); restarting on the same data`);

    const restartAt = performance.now();
    const restarted = await NimbusProcess.start(first.server.opts);
    second = restarted.server;
    http = new HttpClient(second.url);
    const pending = new Set(sessions.map((_, i) => i));
    const recoverDeadline = Date.now() + 180_000;
    while (pending.size > 0 && Date.now() < recoverDeadline) {
      await Promise.all(
        [...pending].map(async (i) => {
          const t = await transcript(http, tenant, sessions[i]!).catch(() => null);
          if (t && finished(t.messages, t.status, i)) pending.delete(i);
        }),
      );
      if (pending.size > 0) await sleep(100);
    }
    const recoverMs = performance.now() - restartAt;
    ctx.log(`  ready ${round(restarted.readyMs / 1000, 2)} s after restart; every transcript complete after ${round(recoverMs / 1000, 2)} s${pending.size ? ` (${pending.size} never finished)` : ''}`);

    let lostUser = 0;
    let duplicatedUser = 0;
    let duplicatedReplies = 0;
    let wrongReplies = 0;
    let errorLines = 0;
    let seqProblems = 0;
    for (let i = 0; i < SESSIONS; i++) {
      const { messages } = await transcript(http, tenant, sessions[i]!);
      const want = expectedTurns(i);
      const users = messages.filter((m) => m.kind === 'user').map((m) => m.message.message.text);
      for (const w of want) {
        const n = users.filter((u) => u === w.user).length;
        if (n === 0) lostUser++;
        if (n > 1) duplicatedUser += n - 1;
      }
      const replies = messages.filter((m) => m.kind === 'assistant');
      errorLines += messages.filter((m) => m.kind === 'error').length;
      duplicatedReplies += Math.max(0, replies.length - want.length);
      // Each user message is followed by exactly its reply, in order.
      const order = messages.filter((m) => m.kind === 'user' || m.kind === 'assistant');
      want.forEach((w, k) => {
        const u = order[2 * k];
        const r = order[2 * k + 1];
        if (!u || u.message.message.text !== w.user || !r || r.kind !== 'assistant' || !r.completed || r.message.message.text !== w.reply) wrongReplies++;
      });
      if (new Set(messages.map((m) => m.seq)).size !== messages.length) seqProblems++;
    }
    const errors = pending.size + errorLines + seqProblems;
    ctx.log(`  lost user messages ${lostUser}, duplicated replies ${duplicatedReplies}, wrong or missing replies ${wrongReplies}`);
    return {
      scenario: 'durability',
      database: ctx.database,
      errors,
      figures: [
        { name: 'lost user messages', value: lostUser + duplicatedUser, unit: 'messages', goal: '0', met: lostUser + duplicatedUser === 0 },
        { name: 'duplicated replies', value: duplicatedReplies, unit: 'replies', goal: '0', met: duplicatedReplies === 0 },
        { name: 'replies wrong, missing or out of order', value: wrongReplies, unit: 'replies', goal: '0', met: wrongReplies === 0 },
        { name: 'ready after restart', value: round(restarted.readyMs / 1000, 2), unit: 's', met: null },
        { name: 'time to recover (restart → all replies complete)', value: round(recoverMs / 1000, 2), unit: 's', met: null },
      ],
      details: {
        sessions: SESSIONS,
        wordsPerReply: WORDS,
        deltaIntervalMs: DELAY_MS,
        queuedMessages: SESSIONS / 2,
        deltasDeliveredBeforeKill: streamedAtKill,
        readyAfterRestartMs: round(restarted.readyMs, 0),
        recoverMs: round(recoverMs, 0),
        checks: { lostUser, duplicatedUser, duplicatedReplies, wrongReplies, errorLines, seqProblems, neverFinished: pending.size },
      },
      notes:
        ctx.database === 'postgres'
          ? ['On PostgreSQL a restarted process waits for the dead process’s session leases to expire (NIMBUS_LEASE_MS, default 30 s) before taking the sessions over; embedded mode clears them at start (it holds the data-dir lock).']
          : [],
    };
  } finally {
    for (const r of readers) r.close();
    http.close();
    await second?.stop();
    await first.dispose();
    await fake.stop();
  }
}
