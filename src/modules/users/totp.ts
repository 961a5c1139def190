import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords, RFC 6238 on top of HOTP (RFC 4226): HMAC-SHA1, 30-second steps,
 * 6 digits — what every authenticator app (FreeOTP, Google/Microsoft Authenticator, Aegis) uses by
 * default. Implemented here rather than taken from a package because it is forty lines and can be
 * checked against the RFC's own test vectors (totp.test.ts). Pure apart from the random secret.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: ±30 s for clock drift (RFC 6238 section 5.2 recommends at most one). */
export const TOTP_WINDOW = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding (RFC 4648 section 6): the form authenticator apps expect for the secret. */
export const base32Encode = (bytes: Uint8Array): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
};

/** Decodes base32, ignoring case, spaces and padding (people type secrets in groups of four). */
export const base32Decode = (text: string): Buffer => {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not a base32 secret');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
};

/** HOTP (RFC 4226 section 5.3): HMAC-SHA1 of the 8-byte counter, dynamic truncation, `digits` digits. */
export const hotp = (key: Uint8Array, counter: number, digits = TOTP_DIGITS): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
};

/** The step number of a moment: floor(unix seconds / 30) (RFC 6238 section 4.2). */
export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The code for a base32 secret at a moment. */
export const totpCode = (secret: string, at: Date, digits = TOTP_DIGITS): string => hotp(base32Decode(secret), totpStep(at), digits);

/**
 * Checks a code within ±`TOTP_WINDOW` steps and returns the step it matched, or `undefined`. A step
 * at or before `lastStep` is refused, so a code seen over someone's shoulder cannot be replayed
 * (RFC 6238 section 5.2). Compares in constant time.
 */
export const verifyTotp = (secret: string, code: string, at: Date, lastStep: number | null = null): number | undefined => {
  const given = Buffer.from(code.replace(/\s/g, ''));
  if (given.length !== TOTP_DIGITS) return undefined;
  const key = base32Decode(secret);
  const now = totpStep(at);
  let matched: number | undefined;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step += 1) {
    const expected = Buffer.from(hotp(key, step));
    if (timingSafeEqual(expected, given) && (lastStep === null || step > lastStep) && matched === undefined) matched = step;
  }
  return matched;
};

/** A new random secret: 160 bits, the HMAC-SHA1 key length RFC 4226 section 4 recommends. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

/**
 * The `otpauth://` URI authenticator apps read (Key Uri Format, the de facto standard): issuer and
 * account in the label and the issuer again as a parameter, as the format asks.
 */
export const otpauthUri = (secret: string, account: string, issuer = 'Helder'): string => {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_STEP_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
};

/** The secret in groups of four, for typing it in by hand. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');
