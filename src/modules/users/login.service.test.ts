import { verify } from '@node-rs/argon2';
import type * as Argon2 from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAppError, systemActor } from '../../core';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { anOrganization, testDeps } from '../organizations/organization.factory';
import { hashToken } from './session';
import { DEFAULT_SESSION_SETTINGS } from './session';
import { logIn, logOut, promoteSession, resolveSession, verifySecondFactor } from './login.service';
import { totpCode } from './totp';
import { aUser, TEST_PASSWORD } from './user.factory';
import { confirmTotpEnrolment, grantRole, startTotpEnrolment } from './user.service';

// Count argon2 verifications (calling through to the real one): the work a login spends is then
// asserted as a number of verifications, not as a time that depends on the machine's load.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>();
  return { ...real, verify: vi.fn(real.verify) };
});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
};

for (const dialect of DIALECTS) {
  describe(`login and sessions (${dialect})`, () => {
    let open: OpenDatabase;
    beforeAll(async () => {
      open = await openTestDatabase(dialect);
    });
    afterAll(() => open.close());

    const setup = async () => {
      const deps = testDeps(open.db);
      const org = await anOrganization(deps);
      return { deps, org };
    };
    const ip = '203.0.113.7';

    it('logs in with the right password and refuses a wrong one and an unknown address with the same code', async () => {
      const { deps, org } = await setup();
      const { user } = await aUser(deps, org.id, 'editor', { email: 'Anna@Example.nl' });
      const step = await logIn(deps, { email: 'anna@example.NL ', password: TEST_PASSWORD, ip });
      expect(step.stage).toBe('active');
      const context = await resolveSession(deps, step.token);
      expect(context?.user.id).toBe(user.id);
      expect(context?.actor).toEqual({ id: `user:${user.id}`, label: user.name, roles: [{ organizationId: org.id, role: 'editor' }] });
      // The database holds the hash of the token, not the token.
      const stored = await open.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
      expect(stored.map((s) => s.id)).toEqual([hashToken(step.token)]);

      const wrong = await logIn(deps, { email: 'anna@example.nl', password: 'wrong password here', ip }).catch((e: unknown) => e);
      const unknown = await logIn(deps, { email: 'nobody@example.nl', password: 'wrong password here', ip }).catch((e: unknown) => e);
      expect(isAppError(wrong) && isAppError(unknown)).toBe(true);
      if (isAppError(wrong) && isAppError(unknown)) {
        expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
        expect(wrong.code).toBe('unauthorized');
      }
      expect(await codeOf(logIn(deps, { email: '', password: '', ip }))).toBe('validation_failed');
    });

    it('spends the same argon2 work on an unknown address as on a wrong password', async () => {
      const { deps, org } = await setup();
      await aUser(deps, org.id, 'editor', { email: 'timing@example.nl' });
      const verifications = async (email: string) => {
        vi.mocked(verify).mockClear();
        await logIn(deps, { email, password: 'not the password!', ip: '198.51.100.7' }).catch(() => undefined);
        return vi.mocked(verify).mock.calls.length;
      };
      // Without the dummy verification an unknown address would cost no argon2 work at all.
      expect(await verifications('timing@example.nl')).toBe(1);
      expect(await verifications('timing-nobody@example.nl')).toBe(1);
    });

    it('throttles an address after five failures, known or unknown alike, and tells when to retry', async () => {
      const { deps, org } = await setup();
      await aUser(deps, org.id, 'editor', { email: 'throttle@example.nl' });
      for (const email of ['throttle@example.nl', 'ghost@example.nl']) {
        for (let i = 0; i < 5; i += 1) expect(await codeOf(logIn(deps, { email, password: 'wrong password!!', ip: `192.0.2.${i}` }))).toBe('unauthorized');
        const locked = await logIn(deps, { email, password: TEST_PASSWORD, ip: '192.0.2.99' }).catch((e: unknown) => e);
        expect(isAppError(locked) && locked.code).toBe('rate_limited');
        expect(isAppError(locked) && locked.details.retryAfterSeconds).toBe(15 * 60);
      }
      deps.clock.advance(15 * 60_000);
      expect((await logIn(deps, { email: 'throttle@example.nl', password: TEST_PASSWORD, ip })).stage).toBe('active');
    });

    it('throttles one client address spraying many accounts', async () => {
      const { deps } = await setup();
      const spray = '192.0.2.200';
      for (let i = 0; i < 50; i += 1) await logIn(deps, { email: `spray${i}@example.nl`, password: 'wrong password!!', ip: spray }).catch(() => undefined);
      expect(await codeOf(logIn(deps, { email: 'another@example.nl', password: 'wrong password!!', ip: spray }))).toBe('rate_limited');
    });

    it('starts a new session id at login and ends the one the browser brought (session fixation)', async () => {
      const { deps, org } = await setup();
      const { user } = await aUser(deps, org.id, 'auditor');
      const first = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      const second = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip, previousToken: first.token });
      expect(second.token).not.toBe(first.token);
      expect(await resolveSession(deps, first.token)).toBeUndefined();
      expect(await resolveSession(deps, second.token)).toBeDefined();
    });

    it('logs out server-side: the old cookie value no longer works', async () => {
      const { deps, org } = await setup();
      const { user } = await aUser(deps, org.id, 'moderator');
      const { token } = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      await logOut(deps, token);
      expect(await resolveSession(deps, token)).toBeUndefined();
    });

    it('ends a session after 30 idle minutes and after 12 hours however active', async () => {
      const { deps, org } = await setup();
      const { user } = await aUser(deps, org.id, 'editor');
      const idle = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      deps.clock.advance(29 * 60_000);
      expect(await resolveSession(deps, idle.token)).toBeDefined();
      deps.clock.advance(29 * 60_000);
      expect(await resolveSession(deps, idle.token)).toBeDefined();
      deps.clock.advance(30 * 60_000);
      expect(await resolveSession(deps, idle.token)).toBeUndefined();

      const busy = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      for (let i = 0; i < 12 * 4 - 1; i += 1) {
        deps.clock.advance(15 * 60_000);
        expect(await resolveSession(deps, busy.token)).toBeDefined();
      }
      deps.clock.advance(15 * 60_000);
      expect(await resolveSession(deps, busy.token)).toBeUndefined();
      expect(DEFAULT_SESSION_SETTINGS.absoluteMs).toBe(12 * 60 * 60_000);
    });

    it('requires a TOTP code of an admin: a code step with its own new session, no replay, five wrong codes end it', async () => {
      const { deps, org } = await setup();
      const { user, totpSecret } = await aUser(deps, org.id, 'admin');
      expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      const step = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      expect(step.stage).toBe('totp');
      // A pending session is not a login.
      expect((await resolveSession(deps, step.token))?.session.stage).toBe('totp');
      expect(await codeOf(verifySecondFactor(deps, step.token, { code: '000000' }))).toBe('validation_failed');
      const code = totpCode(totpSecret!, deps.clock.now());
      const done = await verifySecondFactor(deps, step.token, { code });
      expect(done.stage).toBe('active');
      expect(done.token).not.toBe(step.token);
      expect(await resolveSession(deps, step.token)).toBeUndefined();
      expect((await resolveSession(deps, done.token))?.user.totpEnabled).toBe(true);

      // The same code cannot be used again (replay), even in a new login.
      const again = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      expect(await codeOf(verifySecondFactor(deps, again.token, { code }))).toBe('validation_failed');
      for (let i = 0; i < 3; i += 1) await verifySecondFactor(deps, again.token, { code: '111111' }).catch(() => undefined);
      expect(await codeOf(verifySecondFactor(deps, again.token, { code: '222222' }))).toBe('rate_limited');
      expect(await resolveSession(deps, again.token)).toBeUndefined();
      expect(await codeOf(verifySecondFactor(deps, 'not-a-session', { code: '123456' }))).toBe('unauthorized');
    });

    it('accepts one code once even when two logins race with it', async () => {
      const { deps, org } = await setup();
      const { user, totpSecret } = await aUser(deps, org.id, 'admin');
      const [first, second] = [await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip }), await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip })];
      const code = totpCode(totpSecret!, deps.clock.now());
      const results = await Promise.all([first, second].map((s) => codeOf(verifySecondFactor(deps, s.token, { code }))));
      expect(results.sort()).toEqual(['ok', 'validation_failed']);
    });

    it('sends an admin without TOTP to enrolment first, then promotes the session under a new id', async () => {
      const { deps, org } = await setup();
      const { user } = await aUser(deps, org.id, 'editor');
      await grantRole(deps, systemActor('test'), user.id, org.id, 'admin');
      const step = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      expect(step.stage).toBe('enrol');
      const context = (await resolveSession(deps, step.token))!;
      expect(await codeOf(promoteSession(deps, step.token))).toBe('invalid_state');
      const first = await startTotpEnrolment(deps, context.actor);
      const second = await startTotpEnrolment(deps, context.actor);
      expect(second.secret).toBe(first.secret);
      expect(first.uri).toContain(`secret=${first.secret}`);
      expect(await codeOf(confirmTotpEnrolment(deps, context.actor, { code: '123456' }))).toBe('validation_failed');
      await confirmTotpEnrolment(deps, context.actor, { code: totpCode(first.secret, deps.clock.now()) });
      const promoted = await promoteSession(deps, step.token);
      expect(promoted.token).not.toBe(step.token);
      expect((await resolveSession(deps, promoted.token))?.session.stage).toBe('active');
      expect(await resolveSession(deps, step.token)).toBeUndefined();
      expect(await codeOf(startTotpEnrolment(deps, context.actor))).toBe('conflict');
      // From now on the code is asked at every login.
      expect((await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip })).stage).toBe('totp');
    });

    it('refuses a disabled account with the same answer as a wrong password', async () => {
      const { deps, org } = await setup();
      const { user } = await aUser(deps, org.id, 'editor');
      const { token } = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip });
      await open.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
      expect(await resolveSession(deps, token)).toBeUndefined();
      expect(await codeOf(logIn(deps, { email: user.email, password: TEST_PASSWORD, ip }))).toBe('unauthorized');
    });
  });
}
