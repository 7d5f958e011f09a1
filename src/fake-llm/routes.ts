/** Maps a request line to a provider endpoint; the same fake serves every provider's base URL. */

import { anthropicFormat } from './anthropic.js';
import { geminiFormat } from './gemini.js';
import { openaiFormat } from './openai.js';
import type { Provider, ProviderFormat } from './types.js';

export type Route =
  | { kind: 'generate'; format: ProviderFormat; model: string | null; geminiStream: boolean; sse: boolean }
  | { kind: 'models'; provider: Provider }
  | { kind: 'control' };

const OPENAI_CHAT = /^(?:\/v1|\/openai\/v1|\/openai\/deployments\/([^/]+))?\/chat\/completions$/;
const OPENAI_MODELS = /^(?:\/v1|\/openai\/v1)?\/models$/;
const GEMINI_GENERATE = /^\/(?:v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const GEMINI_MODELS = /^\/(?:v1beta|v1)\/models$/;

/** `anthropicHeader` disambiguates `GET /v1/models`, which both OpenAI and Anthropic serve. */
export function matchRoute(method: string, path: string, query: URLSearchParams, anthropicHeader: boolean): Route | null {
  if (path.startsWith('/_fake/')) return { kind: 'control' };
  if (method === 'GET') {
    if (path === '/v1/models' && anthropicHeader) return { kind: 'models', provider: 'anthropic' };
    if (OPENAI_MODELS.test(path)) return { kind: 'models', provider: 'openai' };
    if (GEMINI_MODELS.test(path)) return { kind: 'models', provider: 'gemini' };
    return null;
  }
  if (method !== 'POST') return null;

  const chat = OPENAI_CHAT.exec(path);
  if (chat) {
    // Azure names the deployment in the path and may omit `model` from the body.
    const deployment = chat[1] === undefined ? null : decodeURIComponent(chat[1]);
    return { kind: 'generate', format: openaiFormat, model: deployment, geminiStream: false, sse: true };
  }
  if (path === '/v1/messages' || path === '/messages') {
    return { kind: 'generate', format: anthropicFormat, model: null, geminiStream: false, sse: true };
  }
  const gem = GEMINI_GENERATE.exec(path);
  if (gem) {
    return {
      kind: 'generate',
      format: geminiFormat,
      model: decodeURIComponent(gem[1]),
      geminiStream: gem[2] === 'streamGenerateContent',
      sse: query.get('alt') === 'sse',
    };
  }
  return null;
}
