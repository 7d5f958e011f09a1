import { describe, expect, it } from 'vitest';
import { parseDirectives, stripDirectives } from '../../src/fake-llm/directives.js';
import { splitArgs, splitDeltas } from '../../src/fake-llm/plan.js';

describe('fake-llm directives', () => {
  it('parses every directive kind and strips them from the text', () => {
    const text = 'hi [[fake:reply=Hello, there world]] [[fake:words=5]] [[fake:delay=20]] there [[fake:tool=lookup]][[fake:args={"a":[1,2],"b":"x"}]]';
    const d = parseDirectives(text);
    expect(d.reply).toBe('Hello, there world');
    expect(d.words).toBe(5);
    expect(d.delayMs).toBe(20);
    expect(d.tool).toBe('lookup');
    expect(d.args).toEqual({ a: [1, 2], b: 'x' });
    expect(stripDirectives(text)).toBe('hi there');
  });

  it('parses faults with and without times, in order', () => {
    const d = parseDirectives('[[fake:error=429,times=2]] [[fake:drop=3]] [[fake:stall]] [[fake:malformed=1,times=1]] [[fake:error]] [[fake:streamerror=2]]');
    expect(d.faults).toEqual([
      { kind: 'error', status: 429, times: 2, raw: '[[fake:error=429,times=2]]' },
      { kind: 'drop', after: 3, times: null, raw: '[[fake:drop=3]]' },
      { kind: 'stall', after: 0, times: null, raw: '[[fake:stall]]' },
      { kind: 'malformed', after: 1, times: 1, raw: '[[fake:malformed=1,times=1]]' },
      { kind: 'error', status: 500, times: null, raw: '[[fake:error]]' },
      { kind: 'streamerror', after: 2, times: null, raw: '[[fake:streamerror=2]]' },
    ]);
  });

  it('ignores unknown names and bad values, first occurrence wins', () => {
    const d = parseDirectives('[[fake:nope=1]] [[fake:words=abc]] [[fake:error=200]] [[fake:reply=a]] [[fake:reply=b]] [[fake:args=not json]]');
    expect(d.words).toBeNull();
    expect(d.faults).toEqual([]);
    expect(d.reply).toBe('a');
    expect(d.args).toEqual({});
  });

  it('splits text into one-word deltas that concatenate back exactly', () => {
    for (const t of ['Echo: hello  world', ' lead', 'trail  ', 'a\nb\n', '', '   ']) {
      expect(splitDeltas(t).join('')).toBe(t);
    }
    expect(splitDeltas('Echo: hi there')).toEqual(['Echo:', ' hi', ' there']);
  });

  it('splits tool arguments into at least two chunks', () => {
    for (const j of ['{}', '{"a":1}', JSON.stringify({ long: 'x'.repeat(50) })]) {
      const parts = splitArgs(j);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.join('')).toBe(j);
    }
  });
});
