import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/errors';

function isAccountQuery(key: readonly unknown[]): boolean {
  return key[0] === 'account';
}

/**
 * Client errors are answers, not glitches: retry only what may pass on a second try. A 401 from
 * any call means the login is gone: re-check the account, whose 401 sends the user to /login.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (err instanceof ApiError && err.status === 401 && !isAccountQuery(query.queryKey)) {
          void client.invalidateQueries({ queryKey: ['account'] });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (err) => {
        if (err instanceof ApiError && err.status === 401) void client.invalidateQueries({ queryKey: ['account'] });
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
        staleTime: 10_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
