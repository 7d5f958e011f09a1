import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateText } from 'ai';
import { createModelFetch, modelFetch } from '../../src/llm/model-fetch.js';
import { languageModelFor } from '../../src/llm/language-model.js';
import { classifyModelError } from '../../src/runtime/llm-errors.js';
import { BlockedAddressError, type Resolver } from '../../src/shared/net-guard.js';

/** A local server that records what reached it and answers with `reply`. */
async function serve(reply: (req: IncomingMessage) => { status: number; headers?: Record<string, string> }) {
  const seen: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req);
    const { status, headers } = reply(req);
    res.writeHead(status, headers).end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { seen, port, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
type Served = Awaited<ReturnType<typeof serve>>;

/** Resolves every name to `address`, counting how often it was asked. */
function resolveTo(address: string, family: number) {
  const calls: string[] = [];
  const resolve: Resolver = (host, _options, callback) => {
    calls.push(host);
    callback(null, [{ address, family }]);
  };
  return { calls, resolve };
}

let target: Served;
let redirector: Served;
beforeAll(async () => {
  target = await serve(() => ({ status: 200 }));
  redirector = await serve((req) => ({
    status: 302,
    headers: { location: req.url === '/to-allowed' ? `${target.url}/secret` : req.url === '/relative' ? '/elsewhere' : 'http://169.254.169.254/latest/meta-data/' },
  }));
});
afterAll(async () => {
  await target?.close();
  await redirector?.close();
});

describe('modelFetch redirects', () => {
  it('refuses a redirect to the metadata address without following it', async () => {
    const err = await modelFetch(`${redirector.url}/v1/chat/completions`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toBe(
      'the model endpoint answered with a redirect to http://169.254.169.254/latest/meta-data/, which Nimbus does not follow',
    );
    expect(redirector.seen.at(-1)?.method).toBe('POST');
  });

  it('refuses even a redirect to an allowed host: no hop is taken', async () => {
    const before = target.seen.length;
    await expect(modelFetch(`${redirector.url}/to-allowed`)).rejects.toThrow(`redirect to ${target.url}/secret, which Nimbus does not follow`);
    await expect(modelFetch(`${redirector.url}/relative`)).rejects.toThrow(`redirect to ${redirector.url}/elsewhere,`);
    expect(target.seen.length).toBe(before);
  });

  it('the user reads why, and it is not retried', async () => {
    const err = await modelFetch(`${redirector.url}/x`).catch((e: unknown) => e);
    expect(classifyModelError(err)).toEqual({
      retryable: false,
      message: 'The model endpoint is not allowed: the model endpoint answered with a redirect to http://169.254.169.254/latest/meta-data/, which Nimbus does not follow',
    });
  });
});

describe('modelFetch addresses', () => {
  it.each(['[::ffff:169.254.169.254]', '[::ffff:a9fe:a9fe]', '[64:ff9b::a9fe:a9fe]', '[fe80::1]', '169.254.169.254'])('refuses http://%s/ before connecting', async (host) => {
    const { calls, resolve } = resolveTo('127.0.0.1', 4);
    await expect(createModelFetch(resolve)(`http://${host}/v1/models`)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(calls).toEqual([]);
  });

  it('reaches loopback as 127.0.0.1 and as [::ffff:127.0.0.1]', async () => {
    expect((await modelFetch(`${target.url}/v1/models`)).status).toBe(200);
    expect((await modelFetch(`http://[::ffff:127.0.0.1]:${target.port}/v1/models`)).status).toBe(200);
    expect((await modelFetch(new Request(`${target.url}/v1/chat`, { method: 'POST', body: '{}' }))).status).toBe(200);
    expect(target.seen.at(-1)?.method).toBe('POST');
  });
});

describe('modelFetch checks names when connecting (DNS rebinding)', () => {
  it('refuses a name that resolves to a link-local address, with a readable error', async () => {
    const { calls, resolve } = resolveTo('169.254.169.254', 4);
    const err = await createModelFetch(resolve)('http://rebind.test/v1/models').catch((e: unknown) => e);
    expect(calls).toEqual(['rebind.test']);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toBe('Requests to link-local address 169.254.169.254 (rebind.test) are not allowed');
  });

  it('connects to exactly the address it checked', async () => {
    const { calls, resolve } = resolveTo('127.0.0.1', 4);
    const res = await createModelFetch(resolve)(`http://model.test:${target.port}/v1/models`);
    expect(res.status).toBe(200);
    expect(calls).toEqual(['model.test']);
    expect(target.seen.at(-1)?.headers.host).toBe(`model.test:${target.port}`);
  });

  it('the AI SDK surfaces the refusal as the non-retryable "not allowed" message', async () => {
    const { resolve } = resolveTo('fe80::1', 6);
    const model = languageModelFor(
      { id: 'x', type: 'openai_compatible', model: 'm', modelType: 'llm', config: { base_url: 'http://rebind.test/v1', api_key: 'k' } },
      createModelFetch(resolve),
    );
    const err = await generateText({ model, prompt: 'hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(classifyModelError(err)).toEqual({
      retryable: false,
      message: 'The model endpoint is not allowed: Requests to link-local address fe80::1 (rebind.test) are not allowed',
    });
  });
});
