import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Address classes outbound requests are checked against (SSRF guard). */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'unspecified';

/**
 * Ranges per class, checked in this order (first match wins). Cloud metadata services that live
 * outside 169.254/16 get their own class so that allowing the LAN does not allow them.
 */
const RANGES: [AddressClass, string, number][] = [
  ['metadata', '100.100.100.200', 32], // Alibaba Cloud, inside 100.64/10
  ['metadata', '192.0.0.192', 32], // Oracle Cloud (legacy)
  ['metadata', 'fd00:ec2::254', 128], // AWS IMDS over IPv6, inside fc00::/7
  ['unspecified', '0.0.0.0', 8],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['private', '100.64.0.0', 10],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['link-local', 'fe80::', 10],
  ['private', 'fec0::', 10], // deprecated site-local: the LAN, like fc00::/7
  ['private', 'fc00::', 7],
];
const LISTS = RANGES.map(([cls, net, prefix]): [AddressClass, BlockList] => {
  const list = new BlockList();
  list.addSubnet(net, prefix, isIP(net) === 4 ? 'ipv4' : 'ipv6');
  return [cls, list];
});

/** The eight 16-bit groups of a valid IPv6 address (zone id dropped, dotted tail folded in). */
function ipv6Groups(ip: string): number[] {
  let s = ip.replace(/%.*$/, '');
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number];
    s = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16));
}

/**
 * Who a client address stands for when counting requests: an IPv4 address itself, but an IPv6
 * address by its /64 — one subscriber gets a whole /64, and would otherwise have 2^64 addresses to
 * spread guesses over.
 */
export function clientBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const g = ipv6Groups(ip);
  const v4 = embeddedIpv4(g);
  return v4 ?? `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`;
}

/**
 * The IPv4 address an IPv6 one stands for, if any: packets to these reach the IPv4 host, so
 * [::ffff:169.254.169.254] must be judged as 169.254.169.254.
 */
function embeddedIpv4(g: number[]): string | undefined {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (zero(0, 7) && g[7]! <= 1) return undefined; // :: and ::1 are themselves
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return v4(g[6]!, g[7]!); // ::/96 compatible, ::ffff:0:0/96 mapped
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!); // ::ffff:0:0:0/96 translated
  // NAT64: the well-known 64:ff9b::/96 and /96 prefixes in the local-use 64:ff9b:1::/48
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2]! <= 1 && zero(3, 6)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!); // 6to4
  return undefined;
}

export function classifyAddress(ip: string): AddressClass {
  const v = isIP(ip);
  if (v === 0) return 'public';
  let address = ip;
  if (v === 6) {
    const inner = embeddedIpv4(ipv6Groups(ip));
    if (inner) return classifyAddress(inner);
    address = ip.replace(/%.*$/, '');
  }
  const type = v === 4 ? 'ipv4' : 'ipv6';
  // Embedded IPv4 was judged above: BlockList by itself would only catch the ::ffff: form.
  for (const [cls, list] of LISTS) if (list.check(address, type)) return cls;
  return 'public';
}

export class BlockedAddressError extends Error {}

function assertAllowedAddress(address: string, host: string, allowed: ReadonlySet<AddressClass>): void {
  const cls = classifyAddress(address);
  if (!allowed.has(cls)) throw new BlockedAddressError(`Requests to ${cls} address ${address} (${host}) are not allowed`);
}

/**
 * Refuses a URL whose scheme, metadata host name or literal IP address is not allowed. Host names
 * are not resolved here: an answer checked now could differ from the one used to connect (DNS
 * rebinding), so names are checked as they are resolved for the connection, by guardedLookup.
 */
export function assertAllowedUrl(url: string, allowed: ReadonlySet<AddressClass>): void {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new BlockedAddressError(`Only http and https URLs are allowed, not ${u.protocol}`);
  const host = u.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'metadata.google.internal' || host === 'metadata') throw new BlockedAddressError(`Requests to ${host} are not allowed`);
  if (isIP(host)) assertAllowedAddress(host, host, allowed);
}

export type Resolver = (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, { ...options, all: true }, callback);

/**
 * A `lookup` for net/tls.connect that resolves the name once and fails with BlockedAddressError
 * if any address is not allowed, so the socket connects only to addresses that were checked.
 */
export function guardedLookup(allowed: ReadonlySet<AddressClass>, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (err, addresses) => {
      if (err) return callback(err, '');
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} did not resolve to any address`), { code: 'ENOTFOUND' }), '');
      try {
        for (const { address } of addresses) assertAllowedAddress(address, hostname, allowed);
      } catch (e) {
        return callback(e as BlockedAddressError, '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
