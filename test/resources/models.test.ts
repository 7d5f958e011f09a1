import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { streamText } from 'ai';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http, type HttpResponse } from '../support/http.js';
import { createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { agents, crews } from '../../src/db/schema.js';
import { queryRows } from '../../src/db/raw.js';
import { newId } from '../../src/shared/ids.js';
import { ModelRepository } from '../../src/db/repositories/model.repository.js';
import { languageModelFor } from '../../src/llm/language-model.js';
import { startFakeLlm } from '../../src/fake-llm/server.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;
let member: TestAccount;

const KEY = 'sk-test-0123456789abcdefLAST';
const MASKED = 'sk-…LAST';
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
/** A service-account key as Google's console downloads it (the PEM is real, the account is not). */
const SERVICE_ACCOUNT = {
  type: 'service_account',
  project_id: 'p1',
  private_key_id: 'abc123',
  private_key: PEM,
  client_email: 'bot@p1.iam.gserviceaccount.com',
  client_id: '1234567890',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://oauth2.googleapis.com/token',
  auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
  client_x509_cert_url: 'https://www.googleapis.com/robot/v1/metadata/x509/bot%40p1.iam.gserviceaccount.com',
  universe_domain: 'googleapis.com',
};
/** What Nimbus keeps of it: the fields google-auth-library needs. */
const KEPT_ACCOUNT = {
  type: 'service_account',
  project_id: 'p1',
  private_key_id: 'abc123',
  private_key: PEM,
  client_email: 'bot@p1.iam.gserviceaccount.com',
  client_id: '1234567890',
  token_uri: 'https://oauth2.googleapis.com/token',
};
const PEM_BODY = PEM.split('\n')[1]!;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
  member = await joinTeam(http, server, a, 'TEAM_MEMBER');
});
afterAll(async () => server?.close());

type Json = Record<string, unknown>;
interface ModelOut {
  _id: string;
  name: string;
  model: string;
  type: string;
  modelType: string;
  embeddingLength: number;
  teamId: string;
  config: Json;
}

function openAi(extra: Json = {}): Json {
  return { name: 'GPT', type: 'open_ai', model: 'gpt-4o-mini', config: { api_key: KEY }, ...extra };
}

async function addModel(who: TestAccount, body: Json = openAi()): Promise<string> {
  const res = await http.post<{ _id: string; redirect: string }>(`/${who.teamId}/forms/model/add`, body, { token: who.token });
  expect(res.status, res.text).toBe(302);
  expect(res.text).not.toContain(KEY);
  return res.body._id;
}

async function addError(body: Json, who: TestAccount = a): Promise<string> {
  const res = await http.post<{ error: string }>(`/${who.teamId}/forms/model/add`, body, { token: who.token });
  expect(res.status, res.text).toBe(400);
  return res.body.error;
}

function noSecret(res: HttpResponse<unknown>, ...secrets: string[]): void {
  for (const s of [KEY, ...secrets]) expect(res.text).not.toContain(s);
}

const runtime = (teamId: string, id: string) => new ModelRepository(server.ctx.db, server.ctx.keyring).getForRuntime(teamId, id);

async function insertAgent(who: TestAccount, fields: { modelId?: string | null; functionModelId?: string | null; toolIds?: string[] }): Promise<string> {
  const id = newId();
  await server.ctx.db.insert(agents).values({ id, teamId: who.teamId, orgId: who.orgId, name: 'ag', role: 'r', goal: 'g', backstory: 'b', ...fields });
  return id;
}

describe('models: add, read, list', () => {
  it('creates a model with a documented 302 and lists it with its key masked', async () => {
    const res = await http.post<{ _id: string; redirect: string }>(`/${a.teamId}/forms/model/add`, openAi(), { token: a.token });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/${a.teamId}/models`);
    expect(res.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/), redirect: `/${a.teamId}/models` });
    const id = res.body._id;

    const list = await http.get<{ models: ModelOut[]; suggestions: Record<string, string[]>; csrf: string; account: Json }>(`/${a.teamId}/models.json`, {
      token: a.token,
    });
    expect(list.status).toBe(200);
    noSecret(list);
    expect(list.body.account).toBeDefined();
    expect(typeof list.body.csrf).toBe('string');
    expect(list.body.suggestions.open_ai).toContain('gpt-4o');
    expect(list.body.suggestions.openai_compatible).toEqual([]);
    const m = list.body.models.find((x) => x._id === id);
    expect(m).toMatchObject({
      name: 'GPT',
      type: 'open_ai',
      model: 'gpt-4o-mini',
      modelType: 'llm',
      embeddingLength: 0,
      teamId: a.teamId,
      orgId: a.orgId,
      config: { model: 'gpt-4o-mini', api_key: MASKED },
    });
    expect(m).toHaveProperty('dateCreated');

    const one = await http.get<{ model: ModelOut }>(`/${a.teamId}/model/${id}.json`, { token: a.token });
    expect(one.status).toBe(200);
    noSecret(one);
    expect(one.body.model).toMatchObject({ _id: id, config: { api_key: MASKED } });
    expect(one.body).toHaveProperty('csrf');
    expect(one.body).toHaveProperty('account');
  });

  it('stores secrets encrypted, apart from the plain config, and hands them to the runtime only', async () => {
    const id = await addModel(a, openAi({ config: { api_key: KEY, org_id: 'org-42', base_url: 'https://example.test/v1' } }));
    const [row] = await queryRows<{ config: unknown; secrets: string }>(server.ctx.db, sql`select config, secrets from models where id = ${id}`);
    expect(JSON.stringify(row)).not.toContain(KEY);
    expect(row!.secrets).toMatch(/^v1\./);
    expect(row!.config).toEqual({ org_id: 'org-42', base_url: 'https://example.test/v1' });
    expect(await runtime(a.teamId, id)).toEqual({
      id,
      type: 'open_ai',
      model: 'gpt-4o-mini',
      modelType: 'llm',
      embeddingLength: 0,
      config: { model: 'gpt-4o-mini', api_key: KEY, org_id: 'org-42', base_url: 'https://example.test/v1' },
    });
    expect(await runtime(b.teamId, id)).toBeUndefined();
  });

  it('takes any model name, from `model` or `config.model`, and every provider type', async () => {
    const id = await addModel(a, { name: 'Newer', type: 'open_ai', config: { model: 'gpt-9-turbo-2031', api_key: KEY } });
    const one = await http.get<{ model: ModelOut }>(`/${a.teamId}/model/${id}.json`, { token: a.token });
    expect(one.body.model).toMatchObject({ model: 'gpt-9-turbo-2031', config: { model: 'gpt-9-turbo-2031' } });

    const compat = await addModel(a, { name: 'Local', type: 'openai_compatible', model: 'qwen3-32b', config: { base_url: 'http://127.0.0.1:8000/v1' } });
    expect((await runtime(a.teamId, compat))!.config).toEqual({ model: 'qwen3-32b', base_url: 'http://127.0.0.1:8000/v1' });
    await addModel(a, { name: 'Ollama', type: 'ollama', model: 'llama3.3', config: { base_url: 'http://localhost:11434' } });
    await addModel(a, { name: 'Claude', type: 'anthropic', model: 'claude-sonnet-4-5', config: { api_key: KEY } });
    await addModel(a, { name: 'Gemini', type: 'google_ai', model: 'gemini-2.5-pro', config: { api_key: KEY } });
    await addModel(a, { name: 'Groq', type: 'groq', model: 'llama-3.3-70b', config: { groq_api_key: KEY } });
    await addModel(a, {
      name: 'Azure',
      type: 'azure',
      model: 'gpt-4o',
      config: { api_key: KEY, azure_endpoint: 'https://x.openai.azure.com', azure_deployment: 'd', api_version: '2024-06-01' },
    });
    await addModel(a, { name: 'Fast', type: 'fastembed', model: 'fast-bge-small-en' });

    const vertex = await addModel(a, {
      name: 'Vertex',
      type: 'google_vertex',
      model: 'gemini-2.0-flash',
      config: { credentials: SERVICE_ACCOUNT, project: 'p1', location: 'europe-west4' },
    });
    const v = await http.get<{ model: ModelOut }>(`/${a.teamId}/model/${vertex}.json`, { token: a.token });
    noSecret(v, 'service_account', PEM_BODY, SERVICE_ACCOUNT.client_email);
    expect(v.body.model.config).toEqual({ model: 'gemini-2.0-flash', credentials: '••••', project: 'p1', location: 'europe-west4' });
    expect((await runtime(a.teamId, vertex))!.config.credentials).toEqual(KEPT_ACCOUNT);
  });

  it('derives embedding models from known names and takes the kind and size for others', async () => {
    const known = await addModel(a, { name: 'E', type: 'open_ai', model: 'text-embedding-3-small', config: { api_key: KEY } });
    expect(await runtime(a.teamId, known)).toMatchObject({ modelType: 'embedding', embeddingLength: 1536 });
    const custom = await addModel(a, { name: 'E2', type: 'openai_compatible', model: 'bge-m3', modelType: 'embedding', embeddingLength: 1024, config: { base_url: 'http://h:1/v1' } });
    expect(await runtime(a.teamId, custom)).toMatchObject({ modelType: 'embedding', embeddingLength: 1024 });
    const bySize = await addModel(a, { name: 'E3', type: 'openai_compatible', model: 'e5', embeddingLength: '384', config: { base_url: 'http://h:1/v1' } });
    expect(await runtime(a.teamId, bySize)).toMatchObject({ modelType: 'embedding', embeddingLength: 384 });
    const forcedLlm = await addModel(a, { name: 'L', type: 'open_ai', model: 'text-embedding-3-small', modelType: 'llm', config: { api_key: KEY } });
    expect(await runtime(a.teamId, forcedLlm)).toMatchObject({ modelType: 'llm', embeddingLength: 0 });
  });

  it('refuses bad bodies with Agent Cloud’s messages', async () => {
    expect(await addError({ type: 'open_ai', model: 'm', config: { api_key: KEY } })).toBe('Name is empty');
    expect(await addError({ name: '  ', type: 'open_ai', model: 'm', config: { api_key: KEY } })).toBe('Name is empty');
    expect(await addError({ name: 'n', model: 'm' })).toBe('Type is an invalid value');
    expect(await addError({ name: 'n', type: 'openai', model: 'm' })).toBe('Type is an invalid value');
    expect(await addError({ name: 'n', type: 'open_ai', config: { api_key: KEY } })).toBe('Model is empty');
    expect(await addError({ name: 'n', type: 'open_ai', model: ' ', config: { api_key: KEY } })).toBe('Model is empty');
    expect(await addError({ name: 'n', type: 'open_ai', model: 5 })).toBe('Model is an invalid type, should be "string"');
    expect(await addError({ name: 'n', type: 'open_ai', model: 'm' })).toBe('[api_key] is empty');
    expect(await addError({ name: 'n', type: 'open_ai', model: 'm', config: { api_key: '' } })).toBe('[api_key] is empty');
    expect(await addError({ name: 'n', type: 'open_ai', model: 'm', config: 'x' })).toBe('[config] is an invalid type, should be "object"');
    expect(await addError({ name: 'n', type: 'azure', model: 'm', config: { api_key: KEY } })).toBe('[azure_endpoint] is empty');
    expect(await addError({ name: 'n', type: 'azure', model: 'm', config: { azure_endpoint: 'https://x' } })).toBe('[api_key] is empty');
    expect(await addError({ name: 'n', type: 'groq', model: 'm', config: { api_key: KEY } })).toBe('[groq_api_key] is empty');
    expect(await addError({ name: 'n', type: 'google_vertex', model: 'm', config: { project: 'p' } })).toBe('[credentials] is empty');
    expect(await addError({ name: 'n', type: 'google_vertex', model: 'm', config: { credentials: '{}' } })).toBe('[project] is empty');
    expect(await addError({ name: 'n', type: 'ollama', model: 'm' })).toBe('[base_url] is empty');
    expect(await addError({ name: 'n', type: 'openai_compatible', model: 'm', config: { api_key: KEY } })).toBe('[base_url] is empty');
    expect(await addError({ name: 'n', type: 'openai_compatible', model: 'm', config: { base_url: 'ftp://x/y' } })).toBe('[base_url] is an invalid value');
    expect(await addError({ name: 'n', type: 'openai_compatible', model: 'm', config: { base_url: 'not a url' } })).toBe('[base_url] is an invalid value');
    expect(await addError({ name: 'n', type: 'open_ai', model: 'm', config: { api_key: KEY, base_url: 42 } })).toBe('[base_url] is an invalid value');
    expect(await addError({ name: 'n', type: 'openai_compatible', model: 'e', modelType: 'embedding', config: { base_url: 'http://h/' } })).toBe(
      '[embeddingLength] is empty',
    );
    expect(await addError({ name: 'n', type: 'fastembed', model: 'e', modelType: 'vector' })).toBe('[modelType] is an invalid value');
    expect(await addError({ name: 'n', type: 'fastembed', model: 'e', embeddingLength: -3 })).toBe('[embeddingLength] is an invalid value');
    expect(await addError({ name: 'n', type: 'fastembed', model: 'e', embeddingLength: 1.5 })).toBe('[embeddingLength] is an invalid value');
  });

  it('answers 404 for unknown, non-hex and other teams’ model ids', async () => {
    const theirs = await addModel(b);
    expect((await http.get(`/${a.teamId}/model/${theirs}.json`, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${a.teamId}/model/${newId()}.json`, { token: a.token })).status).toBe(404);
    const nonHex = await http.get(`/${a.teamId}/model/nope.json`, { token: a.token });
    expect(nonHex.status).toBe(404);
    expect(nonHex.body.error).toBe('Model not found');
    const list = await http.get<{ models: ModelOut[] }>(`/${a.teamId}/models.json`, { token: a.token });
    expect(list.body.models.map((m) => m._id)).not.toContain(theirs);
  });
});

describe('models: edit', () => {
  it('keeps a secret that is omitted or echoed masked, and replaces one that is sent', async () => {
    const id = await addModel(a, openAi({ config: { api_key: KEY, org_id: 'o1' } }));
    const url = `/${a.teamId}/forms/model/${id}/edit`;

    const omitted = await http.post(url, { name: 'Renamed', type: 'open_ai', model: 'gpt-4.1', config: { org_id: 'o2' } }, { token: a.token });
    expect(omitted.status, omitted.text).toBe(200);
    expect(omitted.body).toEqual({});
    expect(await runtime(a.teamId, id)).toMatchObject({ model: 'gpt-4.1', config: { api_key: KEY, org_id: 'o2', model: 'gpt-4.1' } });

    const read = await http.get<{ model: ModelOut }>(`/${a.teamId}/model/${id}.json`, { token: a.token });
    expect(read.body.model).toMatchObject({ name: 'Renamed', config: { api_key: MASKED, org_id: 'o2' } });
    const echoed = await http.post(url, { name: 'R2', model: 'gpt-4.1', config: read.body.model.config }, { token: a.token });
    expect(echoed.status, echoed.text).toBe(200);
    expect(await runtime(a.teamId, id)).toMatchObject({ type: 'open_ai', config: { api_key: KEY } });

    const NEW = 'sk-new-key-9876543210zyxwNEW1';
    const replaced = await http.post(url, { name: 'R3', type: 'open_ai', model: 'gpt-4.1', config: { api_key: NEW } }, { token: a.token });
    expect(replaced.status).toBe(200);
    expect((await runtime(a.teamId, id))!.config.api_key).toBe(NEW);
    noSecret(await http.get(`/${a.teamId}/models.json`, { token: a.token }), NEW);
  });

  it('clears an optional secret with an empty string and refuses to clear a required one', async () => {
    const id = await addModel(a, { name: 'C', type: 'openai_compatible', model: 'm', config: { base_url: 'http://h:1/v1', api_key: KEY } });
    const url = `/${a.teamId}/forms/model/${id}/edit`;
    const required = await addModelEdit(url, { name: 'O', type: 'open_ai', model: 'm', config: { api_key: '' } });
    expect(required.status).toBe(400);
    expect(required.body.error).toBe('[api_key] is empty');
    const cleared = await addModelEdit(url, { name: 'C', model: 'm', config: { base_url: 'http://h:1/v1', api_key: '' } });
    expect(cleared.status).toBe(200);
    expect((await runtime(a.teamId, id))!.config).toEqual({ model: 'm', base_url: 'http://h:1/v1' });
  });

  it('keeps a custom embedding model’s size when an edit does not restate it', async () => {
    const id = await addModel(a, { name: 'E', type: 'openai_compatible', model: 'bge-m3', embeddingLength: 1024, config: { base_url: 'http://h/v1' } });
    const res = await addModelEdit(`/${a.teamId}/forms/model/${id}/edit`, { name: 'E!', model: 'bge-m3', config: { base_url: 'http://h/v1' } });
    expect(res.status).toBe(200);
    expect(await runtime(a.teamId, id)).toMatchObject({ modelType: 'embedding', embeddingLength: 1024 });
  });

  it('validates the edit body and answers 404 for ids that are not the team’s', async () => {
    const id = await addModel(a);
    const url = `/${a.teamId}/forms/model/${id}/edit`;
    expect((await addModelEdit(url, { type: 'open_ai', model: 'm' })).body.error).toBe('Name is empty');
    expect((await addModelEdit(url, { name: 'n', type: 'nope', model: 'm' })).body.error).toBe('Type is an invalid value');
    expect((await addModelEdit(url, { name: 'n', type: 'open_ai' })).body.error).toBe('Model is empty');
    expect((await addModelEdit(url, { name: 'n', type: 'ollama', model: 'm' })).body.error).toBe('[base_url] is empty');
    const theirs = await addModel(b);
    expect((await addModelEdit(`/${a.teamId}/forms/model/${theirs}/edit`, openAi({ name: 'pwn' }))).status).toBe(404);
    expect((await addModelEdit(`/${a.teamId}/forms/model/${newId()}/edit`, openAi())).status).toBe(404);
    expect((await addModelEdit(`/${a.teamId}/forms/model/xyz/edit`, openAi())).status).toBe(404);
    const still = await http.get<{ model: ModelOut }>(`/${b.teamId}/model/${theirs}.json`, { token: b.token });
    expect(still.body.model.name).toBe('GPT');
  });
});

function addModelEdit(url: string, body: Json) {
  return http.post<{ error: string }>(url, body, { token: a.token });
}

describe('models: Vertex credentials', () => {
  const vertex = (credentials: unknown, extra: Json = {}): Json => ({
    name: 'V',
    type: 'google_vertex',
    model: 'gemini-2.5-pro',
    config: { credentials, project: 'p1', ...extra },
  });
  const NOT_A_KEY = /^\[credentials\] must be a Google service account key/;

  it('refuses every credential type but a service-account key, with a 400 that says why', async () => {
    // The reproduction: the library would read the file and post it to token_url.
    const external = {
      type: 'external_account',
      audience: '//iam.googleapis.com/x',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'http://127.0.0.1:9/token',
      credential_source: { file: '/etc/passwd' },
    };
    const res = await http.post<Json>(`/${a.teamId}/forms/model/add`, vertex(external), { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: expect.stringMatching(NOT_A_KEY), message: expect.stringMatching(NOT_A_KEY), code: 400 });
    expect(await addError(vertex(JSON.stringify(external)))).toMatch(NOT_A_KEY);
    expect(await addError(vertex({ type: 'external_account', credential_source: { url: 'http://169.254.169.254/' } }))).toMatch(NOT_A_KEY);
    expect(await addError(vertex({ type: 'authorized_user', client_id: 'c', client_secret: 's', refresh_token: 'r' }))).toMatch(NOT_A_KEY);
    expect(await addError(vertex({ type: 'impersonated_service_account', source_credentials: SERVICE_ACCOUNT }))).toMatch(NOT_A_KEY);
    expect(await addError(vertex({ type: 'external_account_authorized_user', token_url: 'http://x/' }))).toMatch(NOT_A_KEY);
    // No type: google-auth-library would guess.
    expect(await addError(vertex({ ...SERVICE_ACCOUNT, type: undefined }))).toMatch(NOT_A_KEY);
    // Not JSON: the adapter used to pass no credentials, and the library fell back to the host's.
    expect(await addError(vertex('not json at all'))).toMatch(NOT_A_KEY);
    expect(await addError(vertex('{"type": "service_account"'))).toMatch(NOT_A_KEY);
    expect(await addError(vertex(['service_account']))).toMatch(NOT_A_KEY);
    expect(await addError(vertex({ ...SERVICE_ACCOUNT, client_email: '' }))).toMatch(NOT_A_KEY);
    expect(await addError(vertex({ ...SERVICE_ACCOUNT, private_key: KEY }))).toBe('[credentials] private_key is not a PEM private key');
    expect(await addError(vertex({ ...SERVICE_ACCOUNT, token_uri: 'https://evil.test/token' }))).toBe(
      '[credentials] token_uri must be https://oauth2.googleapis.com/token',
    );
    // The location is the first label of the host name.
    expect(await addError(vertex(SERVICE_ACCOUNT, { location: 'evil.test#' }))).toBe('[location] is an invalid value');
  });

  it('takes a service-account key as an object or as its JSON text, keeps only its known fields, and masks it', async () => {
    const id = await addModel(a, vertex(JSON.stringify({ ...SERVICE_ACCOUNT, credential_source: { file: '/etc/passwd' } }), { location: 'us-east5' }));
    expect((await runtime(a.teamId, id))!.config).toEqual({ model: 'gemini-2.5-pro', project: 'p1', location: 'us-east5', credentials: KEPT_ACCOUNT });
    const read = await http.get<{ model: ModelOut }>(`/${a.teamId}/model/${id}.json`, { token: a.token });
    noSecret(read, PEM_BODY, SERVICE_ACCOUNT.client_email);
    expect(read.body.model.config.credentials).toBe('••••');
    // The form sends the masked value back: the key is kept.
    const echoed = await addModelEdit(`/${a.teamId}/forms/model/${id}/edit`, { name: 'V2', model: 'gemini-2.5-pro', config: read.body.model.config });
    expect(echoed.status, echoed.text).toBe(200);
    expect((await runtime(a.teamId, id))!.config.credentials).toEqual(KEPT_ACCOUNT);
  });
});

describe('models: an edit that moves the endpoint', () => {
  const NEW = 'sk-fresh-key-0123456789abcdNEW2';

  it('refuses to carry a kept secret to a new base_url, takes it entered afresh, and keeps it on a rename', async () => {
    const fake = await startFakeLlm({});
    try {
      const id = await addModel(a, { name: 'C', type: 'openai_compatible', model: 'fake-model', config: { base_url: 'https://llm.example.test/v1', api_key: KEY } });
      const url = `/${a.teamId}/forms/model/${id}/edit`;
      const moved = { name: 'C', model: 'fake-model', config: { base_url: `${fake.url}/v1` } };

      const omitted = await http.post<Json>(url, moved, { token: a.token });
      expect(omitted.status).toBe(400);
      expect(omitted.body).toEqual({
        error: '[api_key] must be entered again when the endpoint changes',
        message: '[api_key] must be entered again when the endpoint changes',
        code: 400,
      });
      const echoed = await addModelEdit(url, { ...moved, config: { ...moved.config, api_key: MASKED } });
      expect(echoed.status).toBe(400);
      expect(echoed.body.error).toBe('[api_key] must be entered again when the endpoint changes');
      expect((await runtime(a.teamId, id))!.config).toMatchObject({ base_url: 'https://llm.example.test/v1', api_key: KEY });

      const renamed = await addModelEdit(url, { name: 'Renamed', model: 'fake-model', config: { base_url: 'https://llm.example.test/v1' } });
      expect(renamed.status, renamed.text).toBe(200);
      expect((await runtime(a.teamId, id))!.config.api_key).toBe(KEY);

      const fresh = await addModelEdit(url, { ...moved, config: { ...moved.config, api_key: NEW } });
      expect(fresh.status, fresh.text).toBe(200);
      const row = (await runtime(a.teamId, id))!;
      expect(row.config).toMatchObject({ base_url: `${fake.url}/v1`, api_key: NEW });
      const reply = streamText({ model: languageModelFor(row), prompt: 'it works', maxRetries: 0 });
      expect(await reply.text).toBe('Echo: it works');
    } finally {
      await fake.close();
    }
  });

  it('treats the Azure endpoint, the Vertex project and location, and the type as the destination too', async () => {
    const azure = await addModel(a, {
      name: 'Az',
      type: 'azure',
      model: 'gpt-4o',
      config: { api_key: KEY, azure_endpoint: 'https://x.openai.azure.com', azure_deployment: 'd', api_version: '2024-06-01' },
    });
    const azureEdit = (config: Json) =>
      addModelEdit(`/${a.teamId}/forms/model/${azure}/edit`, { name: 'Az', model: 'gpt-4o', config: { azure_deployment: 'd', api_version: '2024-06-01', ...config } });
    expect((await azureEdit({ azure_endpoint: 'https://evil.test' })).body.error).toBe('[api_key] must be entered again when the endpoint changes');
    expect((await azureEdit({ azure_endpoint: 'https://x.openai.azure.com', api_key: MASKED })).status).toBe(200);

    const vertexId = await addModel(a, { name: 'V', type: 'google_vertex', model: 'gemini-2.5-pro', config: { credentials: SERVICE_ACCOUNT, project: 'p1' } });
    const vertexEdit = (config: Json) => addModelEdit(`/${a.teamId}/forms/model/${vertexId}/edit`, { name: 'V', model: 'gemini-2.5-pro', config });
    const again = '[credentials] must be entered again when the endpoint changes';
    expect((await vertexEdit({ project: 'p1', base_url: 'https://evil.test/v1' })).body.error).toBe(again);
    expect((await vertexEdit({ project: 'p2' })).body.error).toBe(again);
    expect((await vertexEdit({ project: 'p1', location: 'asia-east1' })).body.error).toBe(again);
    expect((await vertexEdit({ project: 'p1', location: 'asia-east1', credentials: SERVICE_ACCOUNT })).status).toBe(200);

    const openai = await addModel(a);
    const retyped = await addModelEdit(`/${a.teamId}/forms/model/${openai}/edit`, { name: 'G', type: 'openai_compatible', model: 'm', config: { base_url: 'https://evil.test/v1' } });
    expect(retyped.body.error).toBe('[api_key] must be entered again when the endpoint changes');

    // A new type does not drag the old type's key along: a groq model becomes an OpenAI one with a
    // fresh key, or an Ollama one with none, and the groq key is gone.
    const groq = await addModel(a, { name: 'Gq', type: 'groq', model: 'llama-3.3-70b-versatile', config: { groq_api_key: KEY } });
    const toOpenAi = await addModelEdit(`/${a.teamId}/forms/model/${groq}/edit`, { name: 'Gq', type: 'open_ai', model: 'gpt-4o', config: { api_key: 'sk-fresh-0123456789abcdef' } });
    expect(toOpenAi.status, toOpenAi.text).toBe(200);
    const after = await http.get<{ model: { config: Json } }>(`/${a.teamId}/model/${groq}.json`, { token: a.token });
    expect(Object.keys(after.body.model.config)).not.toContain('groq_api_key');
    // Ollama uses an api_key too: the OpenAI key would follow to the new endpoint, so it must be
    // entered again or cleared.
    const ollama = (config: Json) => addModelEdit(`/${a.teamId}/forms/model/${groq}/edit`, { name: 'Gq', type: 'ollama', model: 'llama3.1', config });
    expect((await ollama({ base_url: 'http://127.0.0.1:11434' })).status).toBe(400);
    const cleared = await ollama({ base_url: 'http://127.0.0.1:11434', api_key: '' });
    expect(cleared.status, cleared.text).toBe(200);
  });
});

describe('models: delete', () => {
  it('deletes a model and unsets it on the team’s agents, crews and defaults only', async () => {
    const id = await addModel(a);
    const keep = await addModel(a);
    const agentId = await insertAgent(a, { modelId: id, functionModelId: id });
    const otherAgent = await insertAgent(a, { modelId: keep, functionModelId: id });
    // A row of another team that (wrongly) names this id must not be touched by a's delete.
    const foreignAgent = await insertAgent(b, { modelId: id });
    const crewId = newId();
    await server.ctx.db.insert(crews).values({ id: crewId, teamId: a.teamId, orgId: a.orgId, name: 'c', managerModelId: id });
    expect((await http.post(`/${a.teamId}/forms/team/set-default-model`, { modelId: id, modelType: 'llm' }, { token: a.token })).status).toBe(200);

    const res = await http.delete(`/${a.teamId}/forms/model/${id}`, undefined, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await http.get(`/${a.teamId}/model/${id}.json`, { token: a.token })).status).toBe(404);

    const rows = await queryRows<{ id: string; model_id: string | null; function_model_id: string | null }>(
      server.ctx.db,
      sql`select id, model_id, function_model_id from agents where id in (${agentId}, ${otherAgent}, ${foreignAgent})`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(agentId)).toMatchObject({ model_id: null, function_model_id: null });
    expect(byId.get(otherAgent)).toMatchObject({ model_id: keep, function_model_id: null });
    expect(byId.get(foreignAgent)).toMatchObject({ model_id: id });
    const [crew] = await queryRows<{ manager_model_id: string | null }>(server.ctx.db, sql`select manager_model_id from crews where id = ${crewId}`);
    expect(crew!.manager_model_id).toBeNull();
    const team = await http.get<{ data: Json }>(`/${a.teamId}/team/models.json`, { token: a.token });
    expect(team.body.data).not.toHaveProperty('llmModel');
  });

  it('takes the id from the body too, refuses a mismatch, and answers 404 for ids not of the team', async () => {
    const id = await addModel(a);
    const mismatch = await http.delete(`/${a.teamId}/forms/model/${id}`, { modelId: newId() }, { token: a.token });
    expect(mismatch.status).toBe(400);
    expect((await http.delete(`/${a.teamId}/forms/model/${id}`, { modelId: id }, { token: a.token })).status).toBe(200);
    expect((await http.delete(`/${a.teamId}/forms/model/${id}`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/model/nothex`, undefined, { token: a.token })).status).toBe(404);
    const theirs = await addModel(b);
    expect((await http.delete(`/${a.teamId}/forms/model/${theirs}`, { modelId: theirs }, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${b.teamId}/model/${theirs}.json`, { token: b.token })).status).toBe(200);
  });
});

describe('team default models', () => {
  it('sets and shows the default LLM and embedding models, masked', async () => {
    const llm = await addModel(a);
    const emb = await addModel(a, { name: 'E', type: 'open_ai', model: 'text-embedding-3-large', config: { api_key: KEY } });
    const set1 = await http.post(`/${a.teamId}/forms/team/set-default-model`, { modelId: llm, modelType: 'llm' }, { token: a.token });
    expect(set1.status).toBe(200);
    expect(set1.body).toEqual({});
    expect((await http.post(`/${a.teamId}/forms/team/set-default-model`, { modelId: emb, modelType: 'embedding' }, { token: a.token })).status).toBe(200);
    const res = await http.get<{ data: Json & { llmModel: ModelOut; embeddingModel: ModelOut }; csrf: string; account: Json }>(
      `/${a.teamId}/team/models.json`,
      { token: a.token },
    );
    expect(res.status).toBe(200);
    noSecret(res);
    expect(res.body.data).toMatchObject({ _id: a.teamId, orgId: a.orgId, ownerId: a.accountId });
    expect(res.body.data.llmModel).toMatchObject({ _id: llm, config: { api_key: MASKED } });
    expect(res.body.data.embeddingModel).toMatchObject({ _id: emb, modelType: 'embedding', embeddingLength: 3072 });
    expect(res.body).toHaveProperty('csrf');
    expect(res.body).toHaveProperty('account');
    // A member may read them.
    expect((await http.get(`/${a.teamId}/team/models.json`, { token: member.token })).status).toBe(200);
  });

  it('refuses unknown, foreign and mismatched models', async () => {
    const llm = await addModel(a);
    const theirs = await addModel(b);
    const post = (body: Json) => http.post<{ error: string }>(`/${a.teamId}/forms/team/set-default-model`, body, { token: a.token });
    expect((await post({ modelId: newId(), modelType: 'llm' })).body.error).toBe('Invalid inputs');
    expect((await post({ modelId: theirs, modelType: 'llm' })).body.error).toBe('Invalid inputs');
    expect((await post({ modelId: 'short', modelType: 'llm' })).body.error).toBe('Invalid inputs');
    expect((await post({ modelType: 'llm' })).body.error).toBe('Invalid inputs');
    expect((await post({ modelId: llm, modelType: 'chat' })).body.error).toBe('Invalid inputs');
    const mismatch = await post({ modelId: llm, modelType: 'embedding' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toBe('The model is not an embedding model');
  });
});

describe('models: authentication and permissions', () => {
  it('answers 401 without credentials on every route', async () => {
    const id = await addModel(a);
    const t = a.teamId;
    expect((await http.get(`/${t}/models.json`)).status).toBe(401);
    expect((await http.get(`/${t}/model/${id}.json`)).status).toBe(401);
    expect((await http.post(`/${t}/forms/model/add`, openAi())).status).toBe(401);
    expect((await http.post(`/${t}/forms/model/${id}/edit`, openAi())).status).toBe(401);
    expect((await http.delete(`/${t}/forms/model/${id}`)).status).toBe(401);
    expect((await http.get(`/${t}/team/models.json`)).status).toBe(401);
    expect((await http.post(`/${t}/forms/team/set-default-model`, { modelId: id, modelType: 'llm' })).status).toBe(401);
  });

  it('answers 403 on every route of a team that is not the caller’s', async () => {
    const id = await addModel(a);
    const t = a.teamId;
    const opts = { token: b.token };
    const answers = [
      await http.get(`/${t}/models.json`, opts),
      await http.get(`/${t}/model/${id}.json`, opts),
      await http.post(`/${t}/forms/model/add`, openAi(), opts),
      await http.post(`/${t}/forms/model/${id}/edit`, openAi(), opts),
      await http.delete(`/${t}/forms/model/${id}`, undefined, opts),
      await http.get(`/${t}/team/models.json`, opts),
      await http.post(`/${t}/forms/team/set-default-model`, { modelId: id, modelType: 'llm' }, opts),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('No permission');
      noSecret(res);
    }
    expect((await http.get(`/${t}/model/${id}.json`, { token: a.token })).status).toBe(200);
  });

  it('lets a team member read models but not create, edit, delete or set defaults', async () => {
    const id = await addModel(a);
    const opts = { token: member.token };
    const list = await http.get(`/${a.teamId}/models.json`, opts);
    expect(list.status).toBe(200);
    noSecret(list);
    const cases: [Promise<HttpResponse>, string][] = [
      [http.post(`/${a.teamId}/forms/model/add`, openAi(), opts), 'Create Model'],
      [http.post(`/${a.teamId}/forms/model/${id}/edit`, openAi(), opts), 'Edit Model'],
      [http.delete(`/${a.teamId}/forms/model/${id}`, undefined, opts), 'Delete Model'],
      [http.post(`/${a.teamId}/forms/team/set-default-model`, { modelId: id, modelType: 'llm' }, opts), 'Create Model'],
    ];
    for (const [pending, title] of cases) {
      const res = await pending;
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'No permission', message: `Missing permission "${title}"`, code: 403 });
    }
    expect((await http.get(`/${a.teamId}/model/${id}.json`, { token: a.token })).status).toBe(200);
  });
});
