import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets at rest (issue 9: TOTP secrets were stored in plain
 * text). AES-256-GCM from node:crypto with a 96-bit random nonce per value; the key is derived with
 * HKDF-SHA-256 from the server secret and a purpose, so one server secret yields independent keys
 * for independent uses. `context` is bound as additional authenticated data (e.g. the user id): a
 * sealed value copied onto another row does not open there.
 *
 * Format: `v1.<nonce>.<ciphertext>.<tag>` (base64url). The prefix can never be a base32 TOTP
 * secret, so a plain value from before encryption is recognised and upgraded.
 */
const VERSION = 'v1';

/** A 256-bit key for one purpose, derived from the server secret (HELDER_SECRET or the installation secret). */
export const deriveKey = (serverSecret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', serverSecret, 'helder', `helder:${purpose}:${VERSION}`, 32));

export const isSealed = (stored: string): boolean => stored.startsWith(`${VERSION}.`);

export const seal = (key: Buffer, plaintext: string, context: string): string => {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
};

/** The plaintext, or undefined when the value was sealed under another key, for another context, or altered. */
export const open = (key: Buffer, sealed: string, context: string): string | undefined => {
  const [version, nonce, body, tag] = sealed.split('.');
  if (version !== VERSION || !nonce || body === undefined || !tag) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
};
