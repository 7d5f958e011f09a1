import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { ModelFormPage } from './model-form-page';
import { initialModelValues, modelBody } from './providers';

const MODEL = 'a1'.repeat(12);
const suggestions = { open_ai: ['gpt-4o-mini', 'gpt-4o'], anthropic: ['claude-3-haiku-20240307'] };

describe('model form', () => {
  it('asks for the chosen provider’s settings and suggests model names', async () => {
    const created = `/${TEAM}/models`;
    const { calls } = fakeApi({
      [`GET /${TEAM}/models.json`]: { body: envelope({ models: [], suggestions }) },
      [`POST /${TEAM}/forms/model/add`]: { status: 404, body: {}, redirectedTo: created },
    });
    const page = renderPage(<ModelFormPage />, { path: '/:teamId/model/add', url: `/${TEAM}/model/add` });
    const user = userEvent.setup();
    await waitFor(() => expect(document.querySelector('datalist option[value="gpt-4o-mini"]')).not.toBeNull());
    expect(screen.getByLabelText(/^Model/).getAttribute('list')).toBe(document.querySelector('datalist')?.id);
    expect(screen.getByLabelText(/^API key/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Provider/), 'azure');
    expect(screen.getByLabelText(/^Endpoint/)).toBeTruthy();
    expect(screen.getByLabelText(/^Deployment/)).toBeTruthy();
    expect(screen.getByLabelText(/^API version/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Provider/), 'fastembed');
    expect(screen.getByText('This provider needs no settings.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Provider/), 'openai_compatible');
    await user.type(screen.getByLabelText(/^Name/), 'Local');
    await user.type(screen.getByLabelText(/^Model/), 'qwen');
    await user.type(screen.getByLabelText(/^Base URL/), 'http://127.0.0.1:8000/v1');
    await user.click(screen.getByRole('button', { name: 'Add model' }));
    await waitFor(() => expect(page.location()).toBe(created));
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ name: 'Local', type: 'openai_compatible', model: 'qwen', config: { base_url: 'http://127.0.0.1:8000/v1' } });
  });

  it('shows a saved secret masked, keeps it when left empty, and maps config errors to the field', async () => {
    const model = { _id: MODEL, name: 'GPT', type: 'open_ai', model: 'gpt-4o', modelType: 'llm', embeddingLength: 0, config: { api_key: 'sk-…1234', base_url: 'https://gw.example/v1' } };
    let attempt = 0;
    const { calls } = fakeApi({
      [`GET /${TEAM}/model/${MODEL}.json`]: { body: envelope({ model, suggestions }) },
      [`GET /${TEAM}/models.json`]: { body: envelope({ models: [model], suggestions }) },
      [`POST /${TEAM}/forms/model/${MODEL}/edit`]: () =>
        ++attempt === 1 ? { status: 400, body: { error: '[base_url] must be an http(s) URL', message: '[base_url] must be an http(s) URL', code: 400 } } : { body: {} },
    });
    const page = renderPage(<ModelFormPage />, { path: '/:teamId/model/:modelId/edit', url: `/${TEAM}/model/${MODEL}/edit` });
    const user = userEvent.setup();
    const key = await screen.findByLabelText(/^API key/);
    expect((key as HTMLInputElement).value).toBe('');
    expect(key.getAttribute('placeholder')).toBe('Saved: sk-…1234');
    const base = screen.getByLabelText(/^Base URL/);
    await user.clear(base);
    await user.type(base, 'ftp://x');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const message = await screen.findByText('[base_url] must be an http(s) URL');
    expect(base.getAttribute('aria-describedby')).toContain(message.id);
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ name: 'GPT', type: 'open_ai', model: 'gpt-4o', config: { base_url: 'ftp://x' } });
    await user.clear(base);
    await user.type(base, 'https://gw2.example/v1');
    await user.type(key, 'sk-new');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(page.location()).toBe(`/${TEAM}/models`));
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      name: 'GPT',
      type: 'open_ai',
      model: 'gpt-4o',
      config: { api_key: 'sk-new', base_url: 'https://gw2.example/v1' },
    });
  });

  it('sends an empty required secret on add so the server can say which', () => {
    const values = { ...initialModelValues(null), name: 'x', model: 'gpt-4o' };
    expect(modelBody(values, false).config).toEqual({ api_key: '' });
    expect(modelBody(values, true).config).toEqual({});
  });
});
