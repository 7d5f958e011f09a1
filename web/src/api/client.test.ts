import { describe, expect, it } from 'vitest';
import { api, buildUrl, currentCsrf, idFromRedirect } from './client';
import { ApiError } from './errors';
import { fakeApi, TEAM } from '../test/harness';

describe('api client', () => {
  it('builds Agent Cloud paths, encoding parameters and dropping empty query values', () => {
    expect(buildUrl('/{teamId}/variable/{variableId}.json', { teamId: TEAM, variableId: 'a/b' })).toBe(`/${TEAM}/variable/a%2Fb.json`);
    expect(buildUrl('/{teamId}/sessions.json', { teamId: TEAM }, { before: 'abc', empty: '', none: undefined })).toBe(`/${TEAM}/sessions.json?before=abc`);
    expect(() => buildUrl('/{teamId}/x', {})).toThrow(/teamId/);
  });

  it('sends JSON, and the CSRF token of the last envelope on writes', async () => {
    const { calls } = fakeApi({
      [`GET /${TEAM}/variables.json`]: { body: { csrf: 'tok-1', variables: [], account: { _id: 'x' } } },
      [`POST /${TEAM}/forms/variable/add`]: { status: 201, body: { _id: 'v'.repeat(24) } },
    });
    await api.get('/{teamId}/variables.json', { path: { teamId: TEAM } });
    expect(currentCsrf()).toBe('tok-1');
    const res = await api.post('/{teamId}/forms/variable/add', { path: { teamId: TEAM }, body: { name: 'a', defaultValue: 'b' } });
    expect(res).toEqual({ _id: 'v'.repeat(24) });
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(calls[1]?.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'tok-1' });
    expect(calls[1]?.body).toEqual({ name: 'a', defaultValue: 'b' });
  });

  it('turns a followed 302 of a documented create into {redirect, _id}', async () => {
    const session = 'b'.repeat(24);
    fakeApi({ [`POST /${TEAM}/forms/session/add`]: { status: 404, body: { error: 'page' }, redirectedTo: `/${TEAM}/session/${session}` } });
    const res = await api.post('/{teamId}/forms/session/add', { path: { teamId: TEAM }, body: { id: 'c'.repeat(24) } });
    expect(res).toEqual({ redirect: `/${TEAM}/session/${session}`, _id: session });
  });

  it('throws ApiError with the server’s message', async () => {
    fakeApi({ [`POST /${TEAM}/forms/variable/add`]: { status: 400, body: { error: 'Variable Name is empty', message: 'Variable Name is empty', code: 400 } } });
    const err = await api.post('/{teamId}/forms/variable/add', { path: { teamId: TEAM }, body: { name: '', defaultValue: '' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toBe('Variable Name is empty');
  });

  it('fetches a fresh CSRF token once when the server refuses the old one', async () => {
    let attempts = 0;
    const { calls } = fakeApi({
      'GET /account.json': { body: { csrf: 'fresh', account: { _id: 'x' } } },
      'POST /forms/account/logout': (call) => {
        attempts++;
        return call.headers['x-csrf-token'] === 'fresh'
          ? { body: { redirect: '/login' } }
          : { status: 403, body: { error: 'Invalid CSRF token', message: 'Invalid or missing CSRF token', code: 403 } };
      },
    });
    expect(await api.post('/forms/account/logout')).toEqual({ redirect: '/login' });
    expect(attempts).toBe(2);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /forms/account/logout', 'GET /account.json', 'POST /forms/account/logout']);
  });

  it('reads 204 as null', async () => {
    fakeApi({ [`DELETE /${TEAM}/forms/variable/${'d'.repeat(24)}`]: { status: 204 } });
    const res = await api.delete('/{teamId}/forms/variable/{variableId}', { path: { teamId: TEAM, variableId: 'd'.repeat(24) }, body: { variableId: 'd'.repeat(24) } });
    expect(res).toBeNull();
  });

  it('finds the new object id in a redirect', () => {
    expect(idFromRedirect(`/${TEAM}/session/${'e'.repeat(24)}`)).toBe('e'.repeat(24));
    expect(idFromRedirect(`/${TEAM}/agents`)).toBeUndefined();
    expect(idFromRedirect(`/${TEAM}/session/${'e'.repeat(24)}?x=1`)).toBe('e'.repeat(24));
  });
});
