import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Address classes outbound requests are checked against (SSRF guard). */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified';

export function classifyAddress(ip: string): AddressClass {
  const v = isIP(ip);
  if (v === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    if (a === 127) return 'loopback';
    if (a === 0) return 'unspecified';
    if (a === 169 && b === 254) return 'link-local';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
    return 'public';
  }
  if (v === 6) {
    const x = ip.toLowerCase();
    if (x === '::1') return 'loopback';
    if (x === '::') return 'unspecified';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
    if (mapped) return classifyAddress(mapped[1]!);
    if (/^fe[89ab]/.test(x)) return 'link-local';
    if (/^f[cd]/.test(x)) return 'private';
    return 'public';
  }
  return 'public';
}

export class BlockedAddressError extends Error {}

/**
 * Resolves a URL's host and refuses the address classes not allowed. Checked before connecting;
 * see the callers for which classes each kind of request may reach.
 */
export async function assertAllowedUrl(url: string, allowed: ReadonlySet<AddressClass>): Promise<void> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new BlockedAddressError(`Only http and https URLs are allowed, not ${u.protocol}`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (host === 'metadata.google.internal' || host === 'metadata') throw new BlockedAddressError(`Requests to ${host} are not allowed`);
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  for (const { address } of addresses) {
    const cls = classifyAddress(address);
    if (!allowed.has(cls)) throw new BlockedAddressError(`Requests to ${cls} address ${address} (${host}) are not allowed`);
  }
}
