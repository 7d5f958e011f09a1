import { jsonSchema, stepCountIs, streamText, tool, type LanguageModel, type ModelMessage, type ToolSet } from 'ai';
import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config.js';
import type { MessageRow } from '../db/repositories/message.repository.js';
import type { NimbusTool } from '../tools/tool.js';
import type { MessageSnapshot } from './events.js';
import type { ReplyWriter, Transcript } from './transcript.js';
import { backoffMs, classifyModelError, ModelTimeoutError } from './llm-errors.js';

export interface TurnInput {
  transcript: Transcript;
  model: LanguageModel;
  authorName: string;
  system: string;
  history: ModelMessage[];
  tools: NimbusTool[];
  answering: MessageRow;
  /** Replies already written for `answering` by an earlier attempt (a crash, a retry). */
  earlier: MessageRow[];
  /** Aborted when the user stops the session. */
  stop: AbortSignal;
}

export type TurnOutcome =
  | { kind: 'done'; totalTokens: number }
  | { kind: 'stopped'; totalTokens: number }
  | { kind: 'failed'; message: string; totalTokens: number };

/**
 * One turn: call the model (streaming), send every delta out as it arrives, run tool calls through
 * the tool interface, store the reply, and retry provider faults with backoff. The caller owns the
 * session's status and the user message's "answered" mark.
 */
export async function runTurn(cfg: RuntimeConfig, log: Logger, input: TurnInput): Promise<TurnOutcome> {
  const { transcript, stop } = input;
  let reuse = input.earlier.filter((m) => m.kind === 'assistant' && !m.completed).at(-1);
  let writer: ReplyWriter | undefined;
  let totalTokens = 0;
  const lines = new Map<string, MessageSnapshot>();
  const tools = toToolSet(input.tools, transcript, stop);

  const openWriter = async () => {
    writer ??= await transcript.startReply({ authorName: input.authorName, inReplyTo: input.answering.id, reuse });
    reuse = undefined;
    return writer;
  };
  const closeWriter = async (tokens = 0) => {
    if (writer) await writer.complete(tokens);
    writer = undefined;
  };

  for (let attempt = 0; ; attempt++) {
    const abort = new AbortController();
    const onStop = () => abort.abort(stop.reason);
    stop.addEventListener('abort', onStop, { once: true });
    const watchdog = new Watchdog(abort, cfg.llmTimeoutMs, cfg.llmStallMs);
    let stepTokens = 0;
    try {
      const result = streamText({
        model: input.model,
        system: input.system,
        messages: input.history,
        tools,
        stopWhen: stepCountIs(cfg.maxToolSteps),
        abortSignal: abort.signal,
        maxRetries: 0,
        // Errors arrive as stream parts and are handled below; the default would print them.
        onError: () => undefined,
      });
      for await (const part of result.fullStream) {
        if (stop.aborted) break;
        switch (part.type) {
          case 'text-delta':
            watchdog.kick();
            (await openWriter()).append(part.text);
            break;
          case 'tool-call': {
            watchdog.kick();
            await closeWriter(stepTokens);
            const name = input.tools.find((t) => t.functionName === part.toolName)?.displayName ?? part.toolName;
            const line = await transcript.add({ kind: 'tool', authorName: input.authorName, incoming: false, displayType: 'inline', text: `Using tool: ${name}` });
            lines.set(part.toolCallId, line);
            break;
          }
          case 'tool-result':
          case 'tool-error': {
            watchdog.kick();
            const line = lines.get(part.toolCallId);
            if (line) await transcript.finishLine(line, `${part.type === 'tool-error' ? 'Tool failed' : 'Finished using tool'}: ${line.text.replace(/^Using tool: /, '')}`);
            break;
          }
          case 'finish-step':
            watchdog.kick();
            stepTokens = part.usage.outputTokens ?? 0;
            if (writer) {
              await closeWriter(stepTokens);
              stepTokens = 0;
            }
            break;
          case 'finish':
            totalTokens += part.totalUsage.totalTokens ?? (part.totalUsage.inputTokens ?? 0) + (part.totalUsage.outputTokens ?? 0);
            break;
          case 'error':
            throw part.error;
          case 'abort':
            if (watchdog.timedOut) throw watchdog.error();
            break;
          default:
            if (part.type.startsWith('reasoning') || part.type.startsWith('tool-input')) watchdog.kick();
        }
      }
      if (watchdog.timedOut && !stop.aborted) throw watchdog.error();
      await closeWriter(stepTokens);
      return stop.aborted ? { kind: 'stopped', totalTokens } : { kind: 'done', totalTokens };
    } catch (err) {
      if (stop.aborted) {
        await closeWriter();
        return { kind: 'stopped', totalTokens };
      }
      const c = classifyModelError(watchdog.timedOut ? watchdog.error() : err);
      log.warn({ err: c.message, attempt, sessionId: transcript.sessionId }, 'model call failed');
      if (!c.retryable || attempt >= cfg.llmRetries) {
        await closeWriter();
        const tries = attempt > 0 ? ` Tried ${attempt + 1} times.` : '';
        return { kind: 'failed', message: c.message + tries, totalTokens };
      }
      await sleep(backoffMs(attempt, cfg.llmRetryBaseMs, c.retryAfterMs), stop);
      if (stop.aborted) {
        await closeWriter();
        return { kind: 'stopped', totalTokens };
      }
      if (writer) await writer.restart();
    } finally {
      watchdog.stop();
      stop.removeEventListener('abort', onStop);
    }
  }
}

function toToolSet(tools: NimbusTool[], transcript: Transcript, signal: AbortSignal): ToolSet | undefined {
  if (tools.length === 0) return undefined;
  const set: ToolSet = {};
  for (const t of tools) {
    set[t.functionName] = tool({
      description: t.description,
      inputSchema: jsonSchema<Record<string, unknown>>(t.parameters),
      execute: (args) => t.execute(args ?? {}, { teamId: transcript.teamId, sessionId: transcript.sessionId, signal }),
    });
  }
  return set;
}

/** Aborts an attempt whose model does not start answering, or goes quiet, in time. */
class Watchdog {
  private timer: NodeJS.Timeout;
  private started = false;
  timedOut = false;

  constructor(
    private readonly abort: AbortController,
    private readonly firstMs: number,
    private readonly stallMs: number,
  ) {
    this.timer = setTimeout(() => this.fire(), firstMs);
  }

  kick(): void {
    this.started = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.stallMs);
  }

  error(): ModelTimeoutError {
    return new ModelTimeoutError(
      this.started ? `The model stopped sending for ${this.stallMs / 1000} s.` : `The model did not start answering within ${this.firstMs / 1000} s.`,
    );
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private fire(): void {
    this.timedOut = true;
    this.abort.abort(this.error());
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
