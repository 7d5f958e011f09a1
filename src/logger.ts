import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** One JSON line per event; anything that could carry a secret is redacted by path. */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
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
