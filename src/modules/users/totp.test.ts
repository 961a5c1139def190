import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, groupSecret, hotp, otpauthUri, totpCode, totpStep, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits.
const SEED = Buffer.from('12345678901234567890');
const SECRET = base32Encode(SEED);

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 test vector at T=%i', (seconds, code) => {
    expect(totpCode(SECRET, new Date(seconds * 1000), 8)).toBe(code);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(SEED, i))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 test strings) and ignores spaces and case', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts one step either side, refuses two, and refuses a replayed step', () => {
    const at = new Date('2026-06-01T10:00:15Z');
    const step = totpStep(at);
    expect(verifyTotp(SECRET, totpCode(SECRET, at), at)).toBe(step);
    expect(verifyTotp(SECRET, totpCode(SECRET, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(verifyTotp(SECRET, totpCode(SECRET, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(verifyTotp(SECRET, totpCode(SECRET, new Date(at.getTime() - 60_000)), at)).toBeUndefined();
    expect(verifyTotp(SECRET, totpCode(SECRET, at), at, step)).toBeUndefined();
    expect(verifyTotp(SECRET, '12345', at)).toBeUndefined();
    expect(verifyTotp(SECRET, 'abcdef', at)).toBeUndefined();
  });

  it('builds an otpauth URI and groups the secret for typing', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'anna@example.nl');
    expect(uri).toBe('otpauth://totp/Helder:anna%40example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Helder&algorithm=SHA1&digits=6&period=30');
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
  });
});
