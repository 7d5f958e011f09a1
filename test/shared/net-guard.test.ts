import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { assertAllowedUrl, BlockedAddressError, classifyAddress, guardedLookup, type AddressClass, type Resolver } from '../../src/shared/net-guard.js';

const MODEL_HOSTS: ReadonlySet<AddressClass> = new Set(['public', 'loopback', 'private']);

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:0:a9fe:a9fe', 'link-local'],
    ['::a9fe:a9fe', 'link-local'],
    ['::169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['64:ff9b:1::a9fe:a9fe', 'link-local'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['FE80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['10.1.2.3', 'private'],
    ['172.31.0.1', 'private'],
    ['192.168.1.20', 'private'],
    ['::ffff:192.168.1.20', 'private'],
    ['100.64.0.1', 'private'],
    ['100.100.100.200', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['64:ff9b::808:808', 'public'],
  ])('%s is %s', (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });
});

describe('assertAllowedUrl for model hosts', () => {
  it.each([
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[fe80::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/', // 169.254.169.254 as one number; URL normalises it
    'http://metadata.google.internal./computeMetadata/v1/',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(() => assertAllowedUrl(url, MODEL_HOSTS)).toThrow(BlockedAddressError);
  });

  it.each(['http://127.0.0.1:11434/v1', 'http://[::ffff:127.0.0.1]:11434/v1', 'http://[::1]:8000/', 'http://192.168.1.5:8000/v1', 'https://api.openai.com/v1'])(
    'allows %s',
    (url) => {
      expect(() => assertAllowedUrl(url, MODEL_HOSTS)).not.toThrow();
    },
  );
});

describe('guardedLookup', () => {
  const resolverFor =
    (addresses: LookupAddress[]): Resolver =>
    (_host, _options, callback) =>
      callback(null, addresses);
  const run = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ address: string | LookupAddress[]; family?: number }>((resolve, reject) =>
      guardedLookup(MODEL_HOSTS, resolverFor(addresses))('model.test', { all }, (err, address, family) => (err ? reject(err) : resolve({ address, family }))),
    );

  it('fails when any resolved address is blocked, naming it', async () => {
    const err = await run([{ address: '10.0.0.5', family: 4 }, { address: '::ffff:169.254.169.254', family: 6 }], true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toBe('Requests to link-local address ::ffff:169.254.169.254 (model.test) are not allowed');
  });

  it('hands over exactly the checked addresses, as one address or all of them', async () => {
    const addresses = [{ address: '192.168.1.9', family: 4 }, { address: 'fd00::9', family: 6 }];
    expect(await run(addresses, true)).toEqual({ address: addresses, family: undefined });
    expect(await run(addresses, false)).toEqual({ address: '192.168.1.9', family: 4 });
  });

  it('passes resolver errors through', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND model.test'), { code: 'ENOTFOUND' });
    const err = await new Promise((resolve) => guardedLookup(MODEL_HOSTS, (_h, _o, cb) => cb(notFound, []))('model.test', {}, resolve));
    expect(err).toBe(notFound);
  });
});
