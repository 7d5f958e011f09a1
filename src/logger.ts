import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** One JSON line per event; anything that could carry a secret is redacted by path. */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      serializers: { err: safeError },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          '*.password',
          '*.token',
          '*.api_key',
          '*.apiKey',
          '*.secret',
          '*.credentials',
          'config.api_key',
          'body.password',
          'body.token',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ sync: false }),
  );
}

const MAX_TEXT = 2000;

/**
 * Errors as pino logs them, minus what a failed query carries: its bound values are user text
 * (messages, perhaps secrets) and can number in the tens of thousands, so only their count is kept,
 * and the SQL is cut short.
 */
function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as Record<string, unknown>;
  const params = (err as { params?: unknown }).params;
  if (Array.isArray(params)) {
    out.params = `[${params.length} values not logged]`;
    out.message = `${clip(err.message.replace(/\nparams: [\s\S]*$/, ''))}\nparams: [${params.length} values not logged]`;
    const stack = String(out.stack ?? '');
    const frames = stack.indexOf('\n    at ');
    out.stack = `${err.name}: ${String(out.message)}${frames >= 0 ? stack.slice(frames) : ''}`;
  }
  if (typeof out.query === 'string') out.query = clip(out.query);
  return out;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} characters)` : text;
}
