import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { teamParams } from '../../http/fields.js';

/**
 * Whether the offline test model (`nimbus fake-llm`) is running, so the web app can offer it —
 * labelled as what it is — to someone trying Nimbus without a provider account.
 */
export function testModelRoutes(ctx: AppContext): Route[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/models/test-model.json',
      summary: 'Is the offline test model (the fake LLM server) running? It echoes; it is not a real model.',
      tags: ['models'],
      auth: 'team',
      params: teamParams,
      response: {
        200: z.object({ available: z.boolean(), name: z.string(), type: z.literal('openai_compatible'), model: z.string(), baseUrl: z.string(), command: z.string() }),
      },
      async handler() {
        const available = await fetch(`${ctx.config.fakeLlmUrl}/_fake/health`, { signal: AbortSignal.timeout(500) })
          .then((r) => r.ok)
          .catch(() => false);
        return {
          available,
          name: 'Test model (fake LLM, not a real model)',
          type: 'openai_compatible' as const,
          model: 'fake-model',
          baseUrl: `${ctx.config.fakeLlmUrl}/v1`,
          command: 'npm run fake-llm',
        };
      },
    }),
  ];
}
