import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { Keyring } from '../auth/crypto.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { JobQueue } from '../jobs/queue.js';
import { MessageRepository, type MessageRow } from '../db/repositories/message.repository.js';
import { SessionRepository, type SessionStatus } from '../db/repositories/session.repository.js';
import { UnscopedWorkerRepository } from '../db/repositories/unscoped-worker.repository.js';
import { LanguageModelCache } from '../llm/language-model.js';
import { buildHistory, estimateTokens, systemPrompt } from './history.js';
import { runTurn } from './chat-turn.js';
import { loadTurnContext, type TurnContext } from './turn-context.js';
import { LiveMessages, SessionGoneError, Transcript } from './transcript.js';
import { processLabel } from '../shared/process-identity.js';
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
  private readonly messages: MessageRepository;
  private readonly sessions: SessionRepository;
  private readonly unscoped: UnscopedWorkerRepository;
  private readonly models = new LanguageModelCache();
  private readonly stops = new Map<string, AbortController>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(private readonly deps: DriverDeps) {
    this.messages = new MessageRepository(deps.db);
    this.sessions = new SessionRepository(deps.db);
    this.unscoped = new UnscopedWorkerRepository(deps.db);
    this.unsubscribe = deps.bus.subscribe(SESSION_CONTROL, (msg) => {
      const m = msg as SessionControl;
      if (m?.action === 'stop') this.stops.get(m.sessionId)?.abort('stopped by the user');
    });
  }

  /** The job handler of `session.run`. */
  async run(teamId: string, sessionId: string): Promise<void> {
    if (this.closed) return;
    // One holder per run, not per process: two jobs of one process must not share a lease. The
    // label names this process, so a restart on the same machine can tell the holder is dead.
    const holder = processLabel();
    if (!(await this.unscoped.acquireLease(sessionId, holder, this.deps.config.leaseMs))) return; // another driver has it
    const stop = new AbortController();
    this.stops.set(sessionId, stop);
    const renew = setInterval(() => {
      this.unscoped.renewLease(sessionId, holder, this.deps.config.leaseMs).catch((err: unknown) => this.deps.log.warn({ err, sessionId }, 'lease renewal failed'));
    }, this.deps.config.leaseMs / 3);
    let stopped = false;
    let pending = false;
    try {
      stopped = await this.drive(teamId, sessionId, stop.signal);
    } catch (err) {
      if (!(err instanceof SessionGoneError)) throw err;
      this.deps.log.info({ sessionId }, 'session deleted during a turn');
      stopped = true;
    } finally {
      clearInterval(renew);
      this.stops.delete(sessionId);
      ({ pending } = await this.unscoped.releaseLease(sessionId, holder).catch(() => ({ pending: false })));
    }
    // A message came in between the last look and the release: someone must run again.
    if (pending && !stopped && !this.closed) await this.deps.jobs.enqueue('session.run', { teamId, sessionId }, { jobId: sessionId });
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const c of this.stops.values()) c.abort('shutting down');
  }

  /** Answers user messages in order until none is left; returns true when the session was stopped. */
  private async drive(teamId: string, sessionId: string, stop: AbortSignal): Promise<boolean> {
    const transcript = new Transcript(this.messages, this.deps.bus, this.deps.live, teamId, sessionId);
    let next = await this.messages.nextUnanswered(teamId, sessionId);
    // Conditional: a stop, or an error the user should still see, is left alone.
    if (!next) await this.setStatus(teamId, sessionId, 'waiting');
    while (next) {
      if (stop.aborted) return true;
      const ctx = await loadTurnContext(this.deps.db, this.deps.keyring, teamId, sessionId);
      if (!ctx || ctx.session.stopRequested || ctx.session.status === 'terminated') return true;
      if (ctx.session.status !== 'running') await this.setStatus(teamId, sessionId, 'running');
      const outcome = await this.turn(transcript, ctx, next, stop);
      if (outcome.kind === 'stopped') return true;
      next = outcome.kind === 'done' ? outcome.next : await this.messages.nextUnanswered(teamId, sessionId);
    }
    return false;
  }

  private async turn(
    transcript: Transcript,
    ctx: TurnContext,
    answering: MessageRow,
    stop: AbortSignal,
  ): Promise<{ kind: 'done'; next: MessageRow | undefined } | { kind: 'stopped' } | { kind: 'error' }> {
    const { teamId, sessionId } = transcript;
    const { setup } = ctx;
    if ('problem' in setup) {
      await this.fail(transcript, answering, setup.problem, 0);
      return { kind: 'error' };
    }
    let model;
    try {
      model = this.models.get(setup.model);
    } catch (err) {
      await this.fail(transcript, answering, (err as Error).message, 0);
      return { kind: 'error' };
    }
    const system = systemPrompt(setup.agent, ctx.session.variables);
    // The newest messages: the history for the model, and any reply a crashed attempt left behind.
    const recent = await this.messages.latest(teamId, sessionId, setup.maxMessages * 3 + 20);
    const history = buildHistory(recent, answering, {
      maxMessages: setup.maxMessages,
      tokenBudget: this.deps.config.contextTokens,
      systemTokens: estimateTokens(system),
    });
    const outcome = await runTurn(this.deps.config, this.deps.log, {
      transcript,
      model,
      authorName: setup.agent.name,
      system,
      history,
      tools: setup.tools,
      answering,
      earlier: recent.filter((m) => m.inReplyTo === answering.id),
      stop,
    });
    if (outcome.kind === 'failed') {
      await this.fail(transcript, answering, outcome.message, outcome.totalTokens);
      return { kind: 'error' };
    }
    if (outcome.kind === 'stopped') {
      await transcript.finishTurn(answering.id, outcome.totalTokens);
      await transcript.add({ kind: 'system', authorName: 'System', incoming: false, displayType: 'inline', text: '🛑 Stopped generating.', completed: true });
      return { kind: 'stopped' };
    }
    return { kind: 'done', next: await transcript.endTurn(answering.id, outcome.totalTokens) };
  }

  /** The user reads what went wrong, the session shows `error`, and the next message can try again. */
  private async fail(transcript: Transcript, answering: MessageRow, message: string, tokens: number): Promise<void> {
    await transcript.add({ kind: 'error', authorName: 'System', incoming: false, text: `⛔ ${message}`, completed: true, inReplyTo: answering.id });
    await transcript.finishTurn(answering.id, tokens);
    await this.setStatus(transcript.teamId, transcript.sessionId, 'error', message);
  }

  private async setStatus(teamId: string, sessionId: string, status: SessionStatus, error: string | null = null): Promise<void> {
    if (await this.sessions.setRunStatus(teamId, sessionId, status, error)) {
      this.deps.bus.publish(sessionChannel(sessionId), { type: 'status', status, error });
    }
  }
}
