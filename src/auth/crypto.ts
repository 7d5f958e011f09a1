import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Keys derived from NIMBUS_SECRET, one per purpose, so no key is ever used for two jobs. */
export class Keyring {
  readonly encryption: Buffer;
  readonly csrf: Buffer;

  constructor(secret: string) {
    this.encryption = derive(secret, 'nimbus:encryption:v1');
    this.csrf = derive(secret, 'nimbus:csrf:v1');
  }

  /** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryption, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unreadable sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryption, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptJson(value: Record<string, unknown>): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson(sealed: string | null | undefined): Record<string, unknown> {
    if (!sealed) return {};
    const parsed: unknown = JSON.parse(this.decrypt(sealed));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }

  /** A CSRF token bound to one login credential: valid exactly as long as that login is. */
  csrfToken(credentialId: string): string {
    return createHmac('sha256', this.csrf).update(credentialId).digest('base64url');
  }

  checkCsrf(credentialId: string, token: string): boolean {
    return safeEqual(this.csrfToken(credentialId), token);
  }
}

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), info, 32));
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
