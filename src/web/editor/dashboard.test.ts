import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import type { Role } from '../../modules/users';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

const TOOLS = ['Nieuwe verandering', 'Metingen importeren (CSV)', 'Besluiten importeren (Popolo)', 'Reacties modereren', 'Logboek (audit)', 'Gebruikers beheren'];

/** What each role finds in the dashboard's workplace menu: only the pages it may use. */
const EXPECTED: Partial<Record<Role, string[]>> = {
  editor: ['Nieuwe verandering', 'Metingen importeren (CSV)', 'Besluiten importeren (Popolo)'],
  communicator: [],
  moderator: ['Reacties modereren'],
  auditor: ['Logboek (audit)'],
};

for (const dialect of DIALECTS) {
  describe(`editor dashboard menu (${dialect})`, () => {
    let server: TestServer;
    let org: { id: string; slug: string };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      org = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    for (const [role, expected] of Object.entries(EXPECTED) as [Role, string[]][]) {
      it(`shows a ${role} the pages a ${role} may use, and no others`, async () => {
        const { user } = await aUser(server.deps, org.id, role);
        const browser = new Browser(server.app);
        await browser.logIn(user.email);
        const page = await browser.get(`/editor/${org.slug}`);
        expect(page.statusCode).toBe(200);
        const shown = TOOLS.filter((label) => page.body.includes(`>${label}</a>`));
        expect(shown).toEqual(expected);
        for (const label of shown) {
          const href = new RegExp(`href="([^"]+)"[^>]*>${label.replace(/[()]/g, '\\$&')}</a>`).exec(page.body)?.[1];
          expect((await browser.get(href!)).statusCode, label).toBe(200);
        }
      });
    }
  });
}
