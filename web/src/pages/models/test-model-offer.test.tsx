import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { ModelsPage } from './models-page';
import { TEST_MODEL_BUTTON } from './test-model-offer';

const probe = (available: boolean) => ({
  available,
  name: 'Test model (fake LLM, not a real model)',
  type: 'openai_compatible',
  model: 'fake-model',
  baseUrl: 'http://127.0.0.1:4010/v1',
  command: 'npm run fake-llm',
});

const fakeModel = { _id: 'a1'.repeat(12), name: 'Test model', type: 'openai_compatible', model: 'fake-model', modelType: 'llm', embeddingLength: 0, config: { base_url: 'http://127.0.0.1:4010/v1', api_key: 'te…test' } };

describe('offline test model offer', () => {
  it('adds the running fake LLM as an OpenAI-compatible model, labelled as not a real model', async () => {
    let models: unknown[] = [];
    const { calls } = fakeApi({
      [`GET /${TEAM}/models.json`]: () => ({ body: envelope({ models, suggestions: {} }) }),
      [`GET /${TEAM}/models/test-model.json`]: { body: probe(true) },
      [`POST /${TEAM}/forms/model/add`]: () => {
        models = [fakeModel];
        return { status: 200, body: {}, redirectedTo: `/${TEAM}/models` };
      },
    });
    renderPage(<ModelsPage />, { path: '/:teamId/models', url: `/${TEAM}/models` });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: TEST_MODEL_BUTTON }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Test model' })).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Test model (fake LLM, not a real model)',
      type: 'openai_compatible',
      model: 'fake-model',
      config: { base_url: 'http://127.0.0.1:4010/v1', api_key: 'test' },
    });
    // Added once: the offer goes away.
    await waitFor(() => expect(screen.queryByRole('button', { name: TEST_MODEL_BUTTON })).toBeNull());
  });

  it('tells how to start it when it is not running and the team has no model', async () => {
    fakeApi({
      [`GET /${TEAM}/models.json`]: { body: envelope({ models: [], suggestions: {} }) },
      [`GET /${TEAM}/models/test-model.json`]: { body: probe(false) },
    });
    renderPage(<ModelsPage />, { path: '/:teamId/models', url: `/${TEAM}/models` });
    expect(await screen.findByText('npm run fake-llm')).toBeTruthy();
    expect(screen.getByText(/to try Nimbus offline/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: TEST_MODEL_BUTTON })).toBeNull();
  });

  it('says nothing to a team that has models when it is not running', async () => {
    fakeApi({
      [`GET /${TEAM}/models.json`]: { body: envelope({ models: [{ ...fakeModel, config: { base_url: 'https://x/v1' } }], suggestions: {} }) },
      [`GET /${TEAM}/models/test-model.json`]: { body: probe(false) },
    });
    renderPage(<ModelsPage />, { path: '/:teamId/models', url: `/${TEAM}/models` });
    await screen.findByRole('heading', { name: 'Test model' });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('npm run fake-llm')).toBeNull();
  });

  it('is not offered to a member without the right to add models', async () => {
    const { calls } = fakeApi({
      [`GET /${TEAM}/models.json`]: { body: envelope({ models: [], suggestions: {} }) },
      [`GET /${TEAM}/models/test-model.json`]: { body: probe(true) },
    });
    renderPage(<ModelsPage />, { path: '/:teamId/models', url: `/${TEAM}/models`, permissions: btoa('\u0000') });
    expect(await screen.findByText('No models yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: TEST_MODEL_BUTTON })).toBeNull();
    expect(calls.some((c) => c.url.includes('test-model'))).toBe(false);
  });
});
