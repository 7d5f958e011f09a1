import { describe, expect, it } from 'vitest';
import { buildHistory, systemPrompt } from '../../src/runtime/history.js';
import { evaluateExpression } from '../../src/tools/calculator.js';
import type { MessageRow } from '../../src/db/repositories/message.repository.js';

let n = 0;
function row(kind: string, text: string, extra: Partial<MessageRow> = {}): MessageRow {
  n++;
  return {
    id: `id${n}`,
    teamId: 't',
    sessionId: 's',
    seq: n,
    chunkId: `c${n}`,
    rev: 0,
    kind,
    inReplyTo: null,
    authorId: null,
    authorName: kind,
    incoming: kind === 'user',
    isFeedback: false,
    type: 'text',
    displayType: kind === 'tool' ? 'inline' : 'bubble',
    text,
    tokens: 0,
    completed: true,
    answered: true,
    ts: n,
    createdAt: new Date(),
    ...extra,
  };
}

describe('systemPrompt', () => {
  it('joins role, goal and backstory and fills known variables only', () => {
    const p = systemPrompt({ role: 'Guide for {city}', goal: 'Answer in JSON like {"a": 1}', backstory: 'Knows {unknown}' }, { city: 'Paris' });
    expect(p).toBe('Guide for Paris\nAnswer in JSON like {"a": 1}\nKnows {unknown}');
  });
});

describe('buildHistory', () => {
  const limits = { maxMessages: 30, tokenBudget: 100_000, systemTokens: 10 };

  it('keeps user messages and finished replies in order, each once, and skips tool lines and errors', () => {
    n = 0;
    const t = [row('user', 'q1'), row('assistant', 'a1'), row('tool', 'Finished using tool: X'), row('user', 'q2'), row('error', '⛔ oops'), row('user', 'q3')];
    expect(buildHistory(t, t[5]!, limits)).toEqual([
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
      { role: 'user', content: 'q3' },
    ]);
  });

  it('leaves out a half-written reply to the message being answered (a crashed turn)', () => {
    n = 0;
    const t = [row('user', 'q1')];
    t.push(row('assistant', 'partial', { completed: false, inReplyTo: t[0]!.id }));
    expect(buildHistory(t, t[0]!, limits)).toEqual([{ role: 'user', content: 'q1' }]);
  });

  it('trims the oldest turns to maxMessages, never the newest message', () => {
    n = 0;
    const t = [row('user', 'q1'), row('assistant', 'a1'), row('user', 'q2'), row('assistant', 'a2'), row('user', 'q3')];
    expect(buildHistory(t, t[4]!, { ...limits, maxMessages: 3 })).toEqual([
      { role: 'user', content: 'q2' },
      { role: 'assistant', content: 'a2' },
      { role: 'user', content: 'q3' },
    ]);
    // A window never opens on a reply whose question was cut.
    expect(buildHistory(t, t[4]!, { ...limits, maxMessages: 2 })).toEqual([{ role: 'user', content: 'q3' }]);
  });

  it('trims the oldest turns to the token budget but always keeps the newest message', () => {
    n = 0;
    const big = 'x'.repeat(400);
    const t = [row('user', big), row('assistant', big), row('user', 'short'), row('assistant', 'ok'), row('user', 'last')];
    const h = buildHistory(t, t[4]!, { maxMessages: 30, tokenBudget: 120, systemTokens: 20 });
    expect(h).toEqual([
      { role: 'user', content: 'short' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'last' },
    ]);
    const huge = [row('user', 'y'.repeat(10_000))];
    expect(buildHistory(huge, huge[0]!, { maxMessages: 30, tokenBudget: 50, systemTokens: 20 })).toHaveLength(1);
  });
});

describe('calculator', () => {
  it.each([
    ['2+3*4', 14],
    ['(2+3)*4', 20],
    ['2^3^2', 512],
    ['-4 + 10 / 4', -1.5],
    ['7 % 4', 3],
    ['1.5e2', 150],
  ])('%s = %d', (expr, value) => expect(evaluateExpression(expr)).toBe(value));

  it.each(['', '1/0', 'process.exit()', '2+', '(1', '1)'])('refuses %j', (expr) => expect(() => evaluateExpression(expr)).toThrow());
});
