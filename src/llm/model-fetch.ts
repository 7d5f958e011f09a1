import { assertAllowedUrl, type AddressClass } from '../shared/net-guard.js';

/**
 * Model endpoints may live on this machine or the LAN (Ollama, vLLM, LM Studio are why people
 * self-host), so loopback and private addresses are allowed; link-local ones (cloud metadata
 * services at 169.254.169.254 and friends) never are.
 */
const MODEL_HOSTS: ReadonlySet<AddressClass> = new Set(['public', 'loopback', 'private']);

export const modelFetch: typeof globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  await assertAllowedUrl(url, MODEL_HOSTS);
  return globalThis.fetch(input, init);
};
