import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublication } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

/**
 * Issue 9, item 11: a form value that picks a handler must only find the handlers there are, never
 * a property every object inherits (`__proto__`, `constructor`, `toString`, …).
 */
for (const dialect of DIALECTS) {
  describe(`form actions of the editor (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());

    it('refuses an `actie` that is no step of the publication form, without saving', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id, { status: 'decided' });
      const { user } = await aUser(server.deps, organization.id, 'editor');
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      const url = `/editor/${organization.slug}/veranderingen/${change.id}/publiceren`;
      for (const actie of ['__proto__', 'hasOwnProperty', 'valueOf', 'constructor', 'toString', 'isPrototypeOf', '']) {
        await browser.get(url);
        const res = await browser.post(url, { actie });
        expect([actie, res.statusCode, res.body.includes('Kies een stap')]).toEqual([actie, 422, true]);
      }
      expect((await getPublication(server.deps, change.id)).state).toBe('draft');
    });

    it('refuses a control character in a form field with a Dutch message naming the field, and stores nothing (item 9)', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id);
      const { user } = await aUser(server.deps, organization.id, 'editor');
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      const url = `/editor/${organization.slug}/veranderingen/${change.id}/doelen/nieuw`;
      await browser.get(url);
      const before = await snapshotStore(server.deps.db);
      const res = await browser.post(url, { statement: 'Meer fietsen\u0000in de stalling', unit: 'procent', direction: 'increase', level: 'outcome', reportingInterval: 'yearly' });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('gewone tekst');
      expect(tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'sessions')).toEqual([]);
    });
  });
}
