import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangeChain } from '../../modules/chains';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`editing groups and impacts (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string; slug: string }, role: 'editor' | 'communicator' | 'auditor') => {
      const { user } = await aUser(server.deps, org.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      await browser.get(`/editor/${org.slug}`);
      return browser;
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('adds a new group from the no-groups link, then a communicator writes what it means with the plain-language check', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      const link = `/editor/${a.slug}/veranderingen/${change.id}/gevolgen/nieuw`;
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${link}"`);
      const none = await e.post(link, { groupId: '', newGroup: '', effect: 'gains' });
      expect(none.statusCode).toBe(422);
      expect(none.body).toContain('href="#veld-groupId">Kies een doelgroep, of vul de naam van een nieuwe doelgroep in');
      expect((await e.post(link, { groupId: '', newGroup: 'Fietsers', estimatedSize: '12.000', effect: 'gains', meaning: '', expectation: '' })).statusCode).toBe(303);
      const [impact] = (await getChangeChain(server.deps, change.id)).impacts;
      expect(impact).toMatchObject({ group: { name: 'Fietsers', estimatedSize: 12_000 }, impact: { effect: 'gains' } });
      const page = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      const fix = `/editor/${a.slug}/gevolgen/${impact!.impact.id}/bewerken#veld-meaning`;
      expect(page.body).toContain(`href="${fix}"`);

      const c = await as(a, 'communicator');
      const url = fix.split('#')[0]!;
      expect((await c.get(url)).body).toMatch(/id="veld-effect"[^>]*disabled/);
      const meaning = 'U kunt uw fiets straks droog en veilig stallen bij het station. Dat is gratis.';
      const saved = await c.post(url, { effect: 'loses', meaning, expectation: 'De stalling gaat in september 2026 open.' });
      expect(saved.statusCode).toBe(303);
      const after = await c.get(saved.headers.location as string);
      expect(after.body).toContain('id="veld-meaning-taal"');
      const chain = await getChangeChain(server.deps, change.id);
      expect(chain.impacts[0]!.impact).toMatchObject({ effect: 'gains', meaning });
      const auditor = await as(a, 'auditor');
      expect((await auditor.get(url)).statusCode).toBe(403);
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/gevolgen/${impact!.impact.id}/bewerken`)).statusCode).toBe(404);
    });
  });
}
