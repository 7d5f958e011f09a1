import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { GEMINI_HEADERS, post, readSse } from './helpers.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({});
});
afterAll(() => fake.close());

interface GeminiResponse {
  candidates: Array<{
    content: { role: string; parts: Array<{ text?: string; functionCall?: { name: string; args: unknown } }> };
    finishReason?: string;
  }>;
  usageMetadata: { promptTokenCount: number; candidatesTokenCount: number; totalTokenCount: number };
}

const tools = [{ functionDeclarations: [{ name: 'lookup', description: 'x', parameters: { type: 'object' } }] }];
const user = (text: string): unknown => ({ role: 'user', parts: [{ text }] });
const base = (m = 'gemini-test'): string => `${fake.url}/v1beta/models/${m}`;

describe('fake-llm Gemini generateContent', () => {
  it('streams SSE chunks with text parts, usageMetadata and a final STOP', async () => {
    const res = await post(`${base()}:streamGenerateContent?alt=sse`, { contents: [user('good morning')], systemInstruction: { parts: [{ text: 'be nice' }] } }, GEMINI_HEADERS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const chunks = (await readSse(res)).map((e) => JSON.parse(e.data) as GeminiResponse);
    const text = chunks.flatMap((c) => c.candidates[0].content.parts).map((p) => p.text ?? '').join('');
    expect(text).toBe('Echo: good morning');
    expect(chunks.at(-1)?.candidates[0].finishReason).toBe('STOP');
    expect(chunks.slice(0, -1).every((c) => c.candidates[0].finishReason === undefined)).toBe(true);
    expect(chunks.at(-1)?.usageMetadata).toEqual({ promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 });
    expect(chunks[0].candidates[0].content.role).toBe('model');
  });

  it('streams a JSON array without alt=sse', async () => {
    const res = await post(`${base()}:streamGenerateContent`, { contents: [user('array please')] }, GEMINI_HEADERS);
    const arr = JSON.parse(await res.text()) as GeminiResponse[];
    expect(arr.flatMap((c) => c.candidates[0].content.parts).map((p) => p.text).join('')).toBe('Echo: array please');
  });

  it('answers generateContent non-streamed', async () => {
    const res = await post(`${base('gemini-2.5-flash')}:generateContent`, { contents: [user('[[fake:words=4]]')] }, GEMINI_HEADERS);
    const body = (await res.json()) as GeminiResponse & { modelVersion: string };
    expect(body.candidates[0].content.parts[0].text).toBe('word1 word2 word3 word4');
    expect(body.candidates[0].finishReason).toBe('STOP');
    expect(body.usageMetadata.candidatesTokenCount).toBe(4);
    expect(body.modelVersion).toBe('gemini-2.5-flash');
  });

  it('streams a functionCall and answers the functionResponse', async () => {
    const u = user('look [[fake:tool=lookup]] [[fake:args={"id":7}]]');
    const res = await post(`${base()}:streamGenerateContent?alt=sse`, { contents: [u], tools }, GEMINI_HEADERS);
    const chunks = (await readSse(res)).map((e) => JSON.parse(e.data) as GeminiResponse);
    const calls = chunks.flatMap((c) => c.candidates[0].content.parts).flatMap((p) => (p.functionCall ? [p.functionCall] : []));
    expect(calls).toEqual([{ name: 'lookup', args: { id: 7 } }]);
    expect(chunks.at(-1)?.candidates[0].finishReason).toBe('STOP');

    const contents = [
      u,
      { role: 'model', parts: [{ functionCall: { name: 'lookup', args: { id: 7 } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { name: 'lookup', content: 'item seven' } } }] },
    ];
    const res2 = await post(`${base()}:generateContent`, { contents, tools }, GEMINI_HEADERS);
    expect(((await res2.json()) as GeminiResponse).candidates[0].content.parts[0].text).toBe('Tool said: item seven');
  });

  it('accepts the key as ?key= and keeps it out of the recorded path', async () => {
    const res = await post(`${base()}:generateContent?key=secret-key`, { contents: [user('q')] }, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    const rec = fake.requests.at(-1);
    expect(rec?.path).toBe('/v1beta/models/gemini-test:generateContent');
    expect(JSON.stringify(rec)).not.toContain('secret-key');
  });

  it('401 in Gemini shape without a key or with bad-key', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { ...GEMINI_HEADERS, 'x-goog-api-key': 'bad-key' }]) {
      const res = await post(`${base()}:generateContent`, { contents: [user('q')] }, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
    }
  });

  it('400 INVALID_ARGUMENT without contents', async () => {
    const res = await post(`${base()}:generateContent`, {}, GEMINI_HEADERS);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
  });
});
