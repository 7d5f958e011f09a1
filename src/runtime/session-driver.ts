import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { Keyring } from '../auth/crypto.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { JobQueue } from '../jobs/queue.js';
import { MessageRepository, type MessageRow } from '../db/repositories/message.repository.js';
import { SessionRepository, type SessionStatus } from '../db/repositories/session.repository.js';
import { UnscopedWorkerRepository } from '../db/repositories/unscoped-worker.repository.js';
import { languageModelFor } from '../llm/language-model.js';
import { buildHistory, estimateTokens, systemPrompt } from './history.js';
import { runTurn } from './chat-turn.js';
import { SetupError, TurnContextLoader } from './turn-context.js';
import { LiveMessages, Transcript } from './transcript.js';
import { SESSION_CONTROL, sessionChannel, type SessionControl } from './events.js';

export interface DriverDeps {
  db: Db;
  keyring: Keyring;
  bus: EventBus;
  jobs: JobQueue;
  log: Logger;
  config: RuntimeConfig;
  live: LiveMessages;
}

/**
 * Drives sessions: one driver per session at a time (a lease, renewed while working), each turn
 * answering the oldest unanswered user message until none is left, then `waiting`. Everything
 * lives in the database, so any process can take over where a dead one stopped.
 */
export class SessionDriver {
  private readonly process = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly messages: MessageRepository;
  private readonly sessions: SessionRepository;
  private readonly unscoped: UnscopedWorkerRepository;
  private readonly loader: TurnContextLoader;
  private readonly stops = new Map<string, AbortController>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(private readonly deps: DriverDeps) {
    this.messages = new MessageRepository(deps.db);
    this.sessions = new SessionRepository(deps.db);
    this.unscoped = new UnscopedWorkerRepository(deps.db);
    this.loader = new TurnContextLoader(deps.db, deps.keyring);
    this.unsubscribe = deps.bus.subscribe(SESSION_CONTROL, (msg) => {
      const m = msg as SessionControl;
      if (m?.action === 'stop') this.stops.get(m.sessionId)?.abort('stopped by the user');
    });
  }

  /** The job handler of `session.run`. */
  async run(teamId: string, sessionId: string): Promise<void> {
    if (this.closed) return;
    // One holder per run, not per process: two jobs of one process must not share a lease.
    const holder = `${this.process}:${randomUUID().slice(0, 8)}`;
    if (!(await this.unscoped.acquireLease(sessionId, holder, this.deps.config.leaseMs))) return; // another driver has it
    const stop = new AbortController();
    this.stops.set(sessionId, stop);
    const renew = setInterval(() => {
      this.unscoped.renewLease(sessionId, holder, this.deps.config.leaseMs).catch((err: unknown) => this.deps.log.warn({ err, sessionId }, 'lease renewal failed'));
    }, this.deps.config.leaseMs / 3);
    let stopped = false;
    try {
      stopped = await this.drive(teamId, sessionId, stop.signal);
    } finally {
      clearInterval(renew);
      this.stops.delete(sessionId);
      await this.unscoped.releaseLease(sessionId, holder).catch(() => undefined);
    }
    // A message may have come in between the last check and the release: look once more.
    if (!stopped && !this.closed && (await this.messages.nextUnanswered(teamId, sessionId))) {
      await this.deps.jobs.enqueue('session.run', { teamId, sessionId }, { jobId: sessionId });
    }
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const c of this.stops.values()) c.abort('shutting down');
  }

  /** Returns true when the session was stopped. */
  private async drive(teamId: string, sessionId: string, stop: AbortSignal): Promise<boolean> {
    const transcript = new Transcript(this.messages, this.deps.bus, this.deps.live, teamId, sessionId);
    for (;;) {
      const session = await this.sessions.get(teamId, sessionId);
      if (!session) return true;
      if (session.stopRequested || session.status === 'terminated') return true;
      const next = await this.messages.nextUnanswered(teamId, sessionId);
      if (!next) {
        if (session.status !== 'error' && session.status !== 'waiting') await this.setStatus(teamId, sessionId, 'waiting');
        return false;
      }
      await this.setStatus(teamId, sessionId, 'running');
      const outcome = await this.turn(transcript, session.variables, next, stop);
      if (outcome === 'stopped') return true;
    }
  }

  private async turn(transcript: Transcript, variables: Record<string, string> | null, answering: MessageRow, stop: AbortSignal): Promise<'done' | 'stopped' | 'failed'> {
    const { teamId, sessionId } = transcript;
    const session = await this.sessions.get(teamId, sessionId);
    if (!session) return 'stopped';
    let setup;
    try {
      setup = await this.loader.chat(session);
    } catch (err) {
      if (!(err instanceof SetupError)) throw err;
      await this.fail(transcript, answering, err.message);
      return 'failed';
    }
    const system = systemPrompt(setup.agent, variables);
    const tail = await this.messages.tail(teamId, sessionId, answering.seq, setup.maxMessages * 3 + 20);
    const history = buildHistory(tail, answering, {
      maxMessages: setup.maxMessages,
      tokenBudget: this.deps.config.contextTokens,
      systemTokens: estimateTokens(system),
    });
    let model;
    try {
      model = languageModelFor(setup.model);
    } catch (err) {
      await this.fail(transcript, answering, (err as Error).message);
      return 'failed';
    }
    const outcome = await runTurn(this.deps.config, this.deps.log, {
      transcript,
      model,
      authorName: setup.agent.name,
      system,
      history,
      tools: setup.tools,
      answering,
      earlier: await this.messages.repliesTo(teamId, sessionId, answering.id),
      stop,
    });
    if (outcome.totalTokens > 0) await this.sessions.addTokens(teamId, sessionId, outcome.totalTokens);
    if (outcome.kind === 'failed') {
      await this.fail(transcript, answering, outcome.message);
      return 'failed';
    }
    await transcript.markAnswered(answering.id);
    if (outcome.kind === 'stopped') {
      await transcript.add({ kind: 'system', authorName: 'System', incoming: false, displayType: 'inline', text: '🛑 Stopped generating.', completed: true });
      return 'stopped';
    }
    return 'done';
  }

  /** The user reads what went wrong, the session shows `error`, and the next message can try again. */
  private async fail(transcript: Transcript, answering: MessageRow, message: string): Promise<void> {
    await transcript.add({ kind: 'error', authorName: 'System', incoming: false, text: `⛔ ${message}`, completed: true, inReplyTo: answering.id });
    await transcript.markAnswered(answering.id);
    await this.setStatus(transcript.teamId, transcript.sessionId, 'error', message);
  }

  private async setStatus(teamId: string, sessionId: string, status: SessionStatus, error: string | null = null): Promise<void> {
    if (await this.sessions.setRunStatus(teamId, sessionId, status, error)) {
      this.deps.bus.publish(sessionChannel(sessionId), { type: 'status', status, error });
    }
  }
}
