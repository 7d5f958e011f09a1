import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createLogger } from '../../src/logger.js';

function capture(): { log: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  const log = createLogger('info', out);
  return { log, lines: () => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('logs a failed query without its bound values, with the SQL cut short', async () => {
    const { log, lines } = capture();
    const params = Array.from({ length: 70_000 }, (_, i) => `user text ${i} sk-secret`);
    const sql = `insert into t values ${params.map((_, i) => `($${i + 1})`).join(', ')}`;
    log.error({ err: new DrizzleQueryError(sql, params, new Error('bind message has 70000 parameter formats')) }, 'request failed');
    await new Promise((r) => setImmediate(r));
    const [line] = lines();
    const text = JSON.stringify(line);
    expect(text).not.toContain('sk-secret');
    expect(text.length).toBeLessThan(20_000);
    const err = line!.err as Record<string, unknown>;
    expect(err.params).toBe('[70000 values not logged]');
    expect(String(err.query)).toMatch(/… \(\d+ characters\)$/);
    expect(String(err.message)).toContain('params: [70000 values not logged]');
  });

  it('logs other errors as usual', async () => {
    const { log, lines } = capture();
    log.error({ err: new TypeError('boom') }, 'x');
    await new Promise((r) => setImmediate(r));
    expect(lines()[0]!.err).toMatchObject({ type: 'TypeError', message: 'boom' });
  });
});
