import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { languageModelFor } from '../../src/llm/language-model.js';
import type { RuntimeModel } from '../../src/llm/types.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({});
});
afterAll(async () => fake?.close());

/** Each provider type as a user would configure it, pointed at the fake server. */
function models(u: string): [string, RuntimeModel, string][] {
  const m = (type: string, model: string, config: Record<string, unknown>): RuntimeModel => ({ id: 'x', type, model, modelType: 'llm', config });
  return [
    ['open_ai', m('open_ai', 'gpt-4o-mini', { api_key: 'sk-a', base_url: `${u}/v1` }), 'openai'],
    ['azure', m('azure', 'gpt-4o', { api_key: 'az-key', azure_endpoint: u, azure_deployment: 'my-deploy', api_version: '2024-10-21' }), 'openai'],
    ['anthropic', m('anthropic', 'claude-sonnet-4-5', { api_key: 'sk-ant', base_url: `${u}/v1` }), 'anthropic'],
    ['google_ai', m('google_ai', 'gemini-2.5-flash', { api_key: 'g-key', base_url: `${u}/v1beta` }), 'gemini'],
    ['google_vertex', m('google_vertex', 'gemini-2.5-pro', { api_key: 'v-key', project: 'p', location: 'us-central1', base_url: `${u}/v1beta` }), 'gemini'],
    ['groq', m('groq', 'llama-3.3-70b-versatile', { groq_api_key: 'gsk', base_url: `${u}/openai/v1` }), 'openai'],
    ['ollama', m('ollama', 'llama3.1', { base_url: u, api_key: 'ollama' }), 'openai'],
    ['openai_compatible', m('openai_compatible', 'any-model', { base_url: `${u}/v1`, api_key: 'k' }), 'openai'],
  ];
}

const TYPES = models('http://fake').map(([t]) => t);
const lookup = (type: string) => models(fake.url).find(([t]) => t === type)!;

describe.each(TYPES)('the %s adapter on its wire format', (_type) => {
  let model: RuntimeModel;
  let provider: string;
  beforeAll(() => {
    [, model, provider] = lookup(_type);
  });

  it('streams text deltas and reports usage', async () => {
    fake.clearRequests();
    const result = streamText({ model: languageModelFor(model), system: 'Be brief', messages: [{ role: 'user', content: 'alpha beta gamma' }], maxRetries: 0 });
    const deltas: string[] = [];
    for await (const d of result.textStream) deltas.push(d);
    expect(deltas.join('')).toBe('Echo: alpha beta gamma');
    expect(deltas.length).toBeGreaterThan(1);
    const usage = await result.totalUsage;
    expect(usage.outputTokens).toBe(4);
    expect(usage.inputTokens).toBe(5);
    const req = fake.requests.at(-1)!;
    expect(req.provider).toBe(provider);
    expect(req.stream).toBe(true);
    if (_type === 'azure') expect(req.path).toMatch(/^\/openai\/deployments\/my-deploy\/chat\/completions\?api-version=2024-10-21/);
  });

  it('calls a tool and continues with its result', async () => {
    const result = streamText({
      model: languageModelFor(model),
      messages: [{ role: 'user', content: 'use it [[fake:tool=add]] [[fake:args={"a":2,"b":3}]]' }],
      tools: {
        add: tool({
          description: 'adds',
          inputSchema: jsonSchema<{ a: number; b: number }>({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] }),
          execute: async ({ a, b }) => String(a + b),
        }),
      },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(await result.text).toBe('Tool said: 5');
    const steps = await result.steps;
    expect(steps[0]!.toolCalls[0]!.input).toEqual({ a: 2, b: 3 });
  });

  it('surfaces a provider error with its status', async () => {
    const result = streamText({ model: languageModelFor(model), messages: [{ role: 'user', content: 'x [[fake:error=429]]' }], maxRetries: 0, onError: () => undefined });
    const parts: string[] = [];
    let status: number | undefined;
    for await (const p of result.fullStream) {
      parts.push(p.type);
      if (p.type === 'error') status = (p.error as { statusCode?: number }).statusCode;
    }
    expect(parts).toContain('error');
    expect(status).toBe(429);
  });
});

describe('guards', () => {
  it('refuses embedding models and unknown types for chat', () => {
    expect(() => languageModelFor({ id: 'x', type: 'open_ai', model: 'text-embedding-3-small', modelType: 'embedding', config: {} })).toThrow(/embedding model/);
    expect(() => languageModelFor({ id: 'x', type: 'fastembed', model: 'fast-bge-small-en', modelType: 'llm', config: {} })).toThrow(/cannot be used for chat/);
  });

  it('never lets a model endpoint reach a link-local address (cloud metadata)', async () => {
    const model = languageModelFor({ id: 'x', type: 'openai_compatible', model: 'm', modelType: 'llm', config: { base_url: 'http://169.254.169.254/v1' } });
    const result = streamText({ model, messages: [{ role: 'user', content: 'hi' }], maxRetries: 0, onError: () => undefined });
    let error: unknown;
    for await (const p of result.fullStream) if (p.type === 'error') error = p.error;
    expect(String((error as Error)?.message ?? error)).toMatch(/link-local address 169\.254\.169\.254/);
  });
});

describe('Vertex credentials', () => {
  const vertex = (config: Record<string, unknown>): RuntimeModel => ({ id: 'v', type: 'google_vertex', model: 'gemini-2.5-pro', modelType: 'llm', config: { project: 'p', ...config } });
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

  it('refuses a model without a usable key with a readable error instead of falling back to the host’s credentials', () => {
    // Were the library asked to find credentials itself, it would read this file (or the metadata server).
    const saved = { adc: process.env.GOOGLE_APPLICATION_CREDENTIALS, key: process.env.GOOGLE_VERTEX_API_KEY };
    process.env.GOOGLE_APPLICATION_CREDENTIALS = '/nonexistent/host-adc.json';
    process.env.GOOGLE_VERTEX_API_KEY = 'host-api-key';
    try {
      expect(() => languageModelFor(vertex({}))).toThrow('This Vertex AI model has no credentials: enter its service account key in the model settings');
      expect(() => languageModelFor(vertex({ credentials: 'not json' }))).toThrow(/must be a Google service account key/);
      const external = { type: 'external_account', token_url: 'http://127.0.0.1:9/token', credential_source: { file: '/etc/passwd' } };
      expect(() => languageModelFor(vertex({ credentials: external }))).toThrow(/other credential types are not accepted/);
      expect(() => languageModelFor(vertex({ credentials: { type: 'authorized_user', refresh_token: 'r' } }))).toThrow(/other credential types are not accepted/);
    } finally {
      for (const [k, v] of [['GOOGLE_APPLICATION_CREDENTIALS', saved.adc], ['GOOGLE_VERTEX_API_KEY', saved.key]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('builds a model from a service-account key, given as an object or as JSON text', () => {
    const key = { type: 'service_account', client_email: 'bot@p.iam.gserviceaccount.com', private_key: pem };
    expect(() => languageModelFor(vertex({ credentials: key }))).not.toThrow();
    expect(() => languageModelFor(vertex({ credentials: JSON.stringify(key) }))).not.toThrow();
  });
});

describe('a model without its own key', () => {
  it('never sends the host’s provider keys from the environment', async () => {
    const { createServer } = await import('node:http');
    const seen: string[] = [];
    const capture = createServer((req, res) => {
      seen.push(JSON.stringify(req.headers));
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"no key"}}');
    });
    await new Promise<void>((r) => capture.listen(0, '127.0.0.1', r));
    const u = `http://127.0.0.1:${(capture.address() as { port: number }).port}`;
    const env = { OPENAI_API_KEY: 'host-openai', ANTHROPIC_API_KEY: 'host-anthropic', GOOGLE_GENERATIVE_AI_API_KEY: 'host-google', GROQ_API_KEY: 'host-groq', AZURE_API_KEY: 'host-azure' };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const m = (type: string, model: string, config: Record<string, unknown>): RuntimeModel => ({ id: 'x', type, model, modelType: 'llm', config });
      const keyless = [
        m('open_ai', 'gpt-4o-mini', { base_url: `${u}/v1` }),
        m('azure', 'gpt-4o', { azure_endpoint: u, azure_deployment: 'd', api_version: '2024-10-21' }),
        m('anthropic', 'claude-sonnet-4-5', { base_url: `${u}/v1` }),
        m('google_ai', 'gemini-2.5-flash', { base_url: `${u}/v1beta` }),
        m('groq', 'llama-3.3-70b-versatile', { base_url: `${u}/openai/v1` }),
      ];
      for (const model of keyless) {
        const result = streamText({ model: languageModelFor(model), messages: [{ role: 'user', content: 'hi' }], maxRetries: 0, onError: () => undefined });
        for await (const part of result.fullStream) void part;
      }
      expect(seen).toHaveLength(keyless.length);
      for (const headers of seen) expect(headers).not.toMatch(/host-/);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      capture.close();
    }
  });
});
