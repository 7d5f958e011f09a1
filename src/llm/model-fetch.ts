import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';
import { assertAllowedUrl, BlockedAddressError, guardedLookup, type AddressClass, type Resolver } from '../shared/net-guard.js';

/**
 * Model endpoints may live on this machine or the LAN (Ollama, vLLM, LM Studio are why people
 * self-host), so loopback and private addresses are allowed; link-local ones (cloud metadata
 * services at 169.254.169.254 and friends) never are.
 */
const MODEL_HOSTS: ReadonlySet<AddressClass> = new Set(['public', 'loopback', 'private']);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A fetch that reaches only allowed model hosts. Names are checked by the connection's own lookup
 * (so DNS cannot answer differently for the check and the connect), and redirects are refused
 * rather than followed, since a hop could point anywhere and provider APIs do not redirect.
 * undici's own fetch is used with its Agent, as the AI SDK does, so the two always match in
 * version instead of depending on the undici bundled in whichever Node runs us.
 */
export function createModelFetch(resolve?: Resolver): typeof globalThis.fetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(MODEL_HOSTS, resolve) } });
  return async (input, init) => {
    // The AI SDK passes URL strings; a Request is unpacked so undici's fetch sees plain fields.
    const req = input instanceof Request ? new Request(input, init) : undefined;
    const url = req ? req.url : input instanceof URL ? input.href : String(input);
    assertAllowedUrl(url, MODEL_HOSTS);
    const base = req ? { method: req.method, headers: req.headers, body: req.body, signal: req.signal, duplex: 'half' } : init;
    let res: Awaited<ReturnType<typeof undiciFetch>>;
    try {
      // The global fetch types and undici's describe the same objects but are declared apart.
      res = await undiciFetch(url, { ...(base as UndiciRequestInit), redirect: 'manual', dispatcher });
    } catch (err) {
      // fetch wraps connect errors in "fetch failed"; unwrapped, the user reads why it was refused.
      if (err instanceof TypeError && err.cause instanceof BlockedAddressError) throw err.cause;
      throw err;
    }
    const location = res.headers.get('location');
    if (REDIRECTS.has(res.status) && location !== null) {
      await res.body?.cancel();
      throw new BlockedAddressError(`the model endpoint answered with a redirect to ${new URL(location, url).href}, which Nimbus does not follow`);
    }
    return res as unknown as Response;
  };
}

export const modelFetch = createModelFetch();
