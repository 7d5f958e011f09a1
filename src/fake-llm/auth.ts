/**
 * Credential checks in each provider's style. Any non-empty key is accepted
 * except `bad-key`, which lets tests exercise the invalid-key path.
 */

import type { IncomingMessage } from 'node:http';
import { headerValue } from './http.js';
import type { Provider } from './types.js';

export const BAD_KEY = 'bad-key';

const MISSING: Record<Provider, string> = {
  openai:
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  anthropic: 'x-api-key header is required',
  gemini:
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
};

const INVALID: Record<Provider, string> = {
  openai: 'Incorrect API key provided: bad-key. You can find your API key at https://platform.openai.com/account/api-keys.',
  anthropic: 'invalid x-api-key',
  gemini: 'API key not valid. Please pass a valid API key.',
};

function presentedKey(p: Provider, req: IncomingMessage, query: URLSearchParams): string | undefined {
  switch (p) {
    case 'openai': {
      // Azure sends `api-key`; everyone else a bearer token.
      const bearer = /^Bearer\s+(.*)$/i.exec(headerValue(req, 'authorization') ?? '')?.[1];
      return bearer?.trim() || headerValue(req, 'api-key');
    }
    case 'anthropic':
      return headerValue(req, 'x-api-key');
    case 'gemini':
      return headerValue(req, 'x-goog-api-key') ?? query.get('key') ?? undefined;
  }
}

/** The 401 message to send, or null when the request may proceed. */
export function authProblem(p: Provider, req: IncomingMessage, query: URLSearchParams): string | null {
  const key = presentedKey(p, req, query)?.trim();
  if (!key) return MISSING[p];
  if (key === BAD_KEY) return INVALID[p];
  if (p === 'anthropic' && !headerValue(req, 'anthropic-version')) return 'anthropic-version: header is required';
  return null;
}
