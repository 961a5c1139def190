import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, testDeps } from '../organizations/organization.factory';
import { logIn, totpCode, verifySecondFactor } from '../users';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_SECRET, seedDemoAccounts } from './accounts';

for (const dialect of DIALECTS) {
  describe(`demo accounts (${dialect})`, () => {
    let open: OpenDatabase;
    beforeAll(async () => {
      open = await openTestDatabase(dialect);
    });
    afterAll(() => open.close());

    it('seeds one account per role with the documented passwords, once', async () => {
      const deps = testDeps(open.db);
      const org = await anOrganization(deps);
      expect(await seedDemoAccounts(deps, org.id)).toHaveLength(5);
      expect(await seedDemoAccounts(deps, org.id)).toEqual([]);
      for (const account of DEMO_ACCOUNTS) {
        const step = await logIn(deps, { email: account.email, password: account.password, ip: '127.0.0.1' });
        expect(step.stage).toBe(account.role === 'admin' ? 'totp' : 'active');
        if (account.role === 'admin') {
          expect((await verifySecondFactor(deps, step.token, { code: totpCode(DEMO_ADMIN_TOTP_SECRET, deps.clock.now()) })).stage).toBe('active');
        }
      }
    });
  });
}
