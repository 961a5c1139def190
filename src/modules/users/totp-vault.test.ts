import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../core';
import { type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { anOrganization, testDeps } from '../organizations/organization.factory';
import { deriveKey, isSealed, open as openSealed, seal } from './secret-box';
import { logIn, verifySecondFactor } from './login.service';
import { totpCode } from './totp';
import { rotateTotpSecrets, sealPlainTotpSecrets } from './totp-vault';
import { aUser, TEST_PASSWORD } from './user.factory';
import { resetTotp } from './user.service';

const OLD = 'old-server-secret-0123456789abcdefghijklmnop';
const NEW = 'new-server-secret-0123456789abcdefghijklmnop';

describe('secret box (AES-256-GCM, key by HKDF)', () => {
  const key = deriveKey(OLD, 'totp-secret');
  it('opens what it sealed, and nothing sealed under another key, for another context, or altered', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'totp:u1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DP');
    expect(openSealed(key, sealed, 'totp:u1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(openSealed(deriveKey(NEW, 'totp-secret'), sealed, 'totp:u1')).toBeUndefined();
    expect(openSealed(deriveKey(OLD, 'another-purpose'), sealed, 'totp:u1')).toBeUndefined();
    expect(openSealed(key, sealed, 'totp:u2')).toBeUndefined();
    const [v, nonce, body, tag] = sealed.split('.');
    const flipped = `${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    expect(openSealed(key, [v, nonce, flipped, tag].join('.'), 'totp:u1')).toBeUndefined();
    // A fresh nonce each time: the same secret never looks the same twice.
    expect(seal(key, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'totp:u1')).not.toBe(sealed);
    expect(isSealed('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe(false);
  });
});

for (const dialect of DIALECTS) {
  describe(`TOTP secrets at rest (${dialect})`, () => {
    let db: OpenDatabase;
    beforeEach(async () => {
      db = await openTestDatabase(dialect);
    });
    afterEach(() => db.close());

    const stored = async (userId: string) => (await db.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow()).totp_secret!;
    /** Logs in with password and code; the code step's stage, or the error code. */
    const secondFactor = async (deps: ReturnType<typeof testDeps>, email: string, secret: string) => {
      const step = await logIn(deps, { email, password: TEST_PASSWORD, ip: '192.0.2.1' });
      return verifySecondFactor(deps, step.token, { code: totpCode(secret, deps.clock.now()) }).then(
        (done) => done.stage,
        (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
      );
    };

    it('stores an admin\'s TOTP secret sealed, never in plain text, and logs in with it', async () => {
      const deps = { ...testDeps(db.db), secret: OLD };
      const org = await anOrganization(deps);
      const { user, totpSecret } = await aUser(deps, org.id, 'admin');
      const column = await stored(user.id);
      expect(column).not.toContain(totpSecret!);
      expect(isSealed(column)).toBe(true);
      expect(await secondFactor(deps, user.email, totpSecret!)).toBe('active');
      // A reset seals the new secret too.
      const reset = await resetTotp(deps, { id: 'system:cli', label: 'cli' }, user.id);
      expect(await stored(user.id)).not.toContain(reset.secret);
    });

    it('without HELDER_SECRET seals with the installation secret in the database', async () => {
      const deps = testDeps(db.db);
      const org = await anOrganization(deps);
      const { user, totpSecret } = await aUser(deps, org.id, 'admin');
      expect(isSealed(await stored(user.id))).toBe(true);
      expect(await secondFactor(deps, user.email, totpSecret!)).toBe('active');
    });

    it('still reads a secret stored in plain text before encryption, and seals it at the next start', async () => {
      const deps = { ...testDeps(db.db), secret: OLD };
      const org = await anOrganization(deps);
      const { user, totpSecret } = await aUser(deps, org.id, 'admin');
      await db.db.updateTable('users').set({ totp_secret: totpSecret }).where('id', '=', user.id).execute();
      expect(await secondFactor(deps, user.email, totpSecret!)).toBe('active');
      expect(await sealPlainTotpSecrets(deps)).toBe(1);
      expect(isSealed(await stored(user.id))).toBe(true);
      expect(await sealPlainTotpSecrets(deps)).toBe(0);
      deps.clock.advance(60_000);
      expect(await secondFactor(deps, user.email, totpSecret!)).toBe('active');
    });

    it('rotates to a new server secret all at once; a wrong old secret changes nothing', async () => {
      const deps = { ...testDeps(db.db), secret: OLD };
      const org = await anOrganization(deps);
      const first = await aUser(deps, org.id, 'admin');
      const second = await aUser(deps, org.id, 'admin');
      const before = [await stored(first.user.id), await stored(second.user.id)];
      await expect(rotateTotpSecrets(deps, NEW, OLD)).rejects.toMatchObject({ code: 'invalid_state' });
      expect([await stored(first.user.id), await stored(second.user.id)]).toEqual(before);

      expect(await rotateTotpSecrets(deps, OLD, NEW)).toEqual({ resealed: 2 });
      const rotated = { ...testDeps(db.db), secret: NEW };
      expect(await secondFactor(rotated, first.user.email, first.totpSecret!)).toBe('active');
      // Under the old secret the values no longer open: a clear internal error, not a wrong code.
      expect(await secondFactor(deps, second.user.email, second.totpSecret!)).toBe('internal');
      expect(await secondFactor(rotated, second.user.email, second.totpSecret!)).toBe('active');
    });

    it('rotates from the installation secret to a HELDER_SECRET set later', async () => {
      const deps = testDeps(db.db);
      const org = await anOrganization(deps);
      const { user, totpSecret } = await aUser(deps, org.id, 'admin');
      expect(await rotateTotpSecrets(deps, undefined, NEW)).toEqual({ resealed: 1 });
      expect(await secondFactor({ ...testDeps(db.db), secret: NEW }, user.email, totpSecret!)).toBe('active');
    });
  });
}
