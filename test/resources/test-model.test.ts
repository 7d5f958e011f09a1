import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount } from '../support/factories.js';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';

let fake: FakeLlm;
let up: TestServer;
let down: TestServer;

beforeAll(async () => {
  fake = await startFakeLlm({});
  up = await startTestServer({ NIMBUS_FAKE_LLM_URL: fake.url });
  down = await startTestServer({ NIMBUS_FAKE_LLM_URL: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await up?.close();
  await down?.close();
  await fake?.close();
});

describe('GET /:teamId/models/test-model.json', () => {
  it('says whether the fake LLM is running, and labels it as a test model', async () => {
    const http = new Http(up.url);
    const a = await createAccount(http);
    const res = await http.get(`/${a.teamId}/models/test-model.json`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ available: true, type: 'openai_compatible', baseUrl: `${fake.url}/v1` });
    expect(res.body.name).toMatch(/not a real model/);
    const http2 = new Http(down.url);
    const b = await createAccount(http2);
    expect((await http2.get(`/${b.teamId}/models/test-model.json`, { token: b.token })).body.available).toBe(false);
    expect((await http2.get(`/${b.teamId}/models/test-model.json`)).status).toBe(401);
    expect((await http2.get(`/${a.teamId}/models/test-model.json`, { token: b.token })).status).toBe(403);
  });
});
