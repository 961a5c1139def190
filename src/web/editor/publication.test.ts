import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChange } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`publication in the editor (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    const as = async (role: 'editor' | 'communicator' | 'auditor') => {
      const { user } = await aUser(server.deps, a.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      return { browser, name: user.name };
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('goes from the to-do link through review to the portal, showing who and when', async () => {
      const change = await aChange(server.deps, a.id, { status: 'decided' });
      const editor = await as('editor');
      const communicator = await as('communicator');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/publiceren`;
      expect((await editor.browser.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${url}"`);
      const draft = await editor.browser.get(url);
      expect(draft.body).toContain('value="beoordelen"');
      expect(draft.body).not.toContain('value="publiceren"');
      expect((await communicator.browser.get(url)).body).not.toContain('value="beoordelen"');
      expect((await communicator.browser.post(url, { actie: 'beoordelen' })).statusCode).toBe(403);
      expect((await editor.browser.post(url, { actie: 'beoordelen' })).statusCode).toBe(303);
      const waiting = await editor.browser.get(url);
      expect(waiting.body).toContain(`door ${editor.name}`);
      expect(waiting.body).toContain('iemand anders publiceert');
      expect(waiting.body).not.toContain('value="publiceren"');
      expect((await editor.browser.post(url, { actie: 'publiceren' })).statusCode).toBe(403);
      expect((await server.app.inject({ url: `/${a.slug}/veranderingen/${change.slug}` })).statusCode).toBe(404);
      await communicator.browser.get(url);
      expect((await communicator.browser.post(url, { actie: 'publiceren' })).statusCode).toBe(303);
      expect((await getChange(server.deps, change.id)).publishedAt).not.toBeNull();
      expect((await server.app.inject({ url: `/${a.slug}/veranderingen/${change.slug}` })).statusCode).toBe(200);
      const done = await communicator.browser.get(url);
      expect(done.body).toContain(`door ${communicator.name}`);
      expect(done.body).toContain('Gepubliceerd op de website');
      const again = await communicator.browser.post(url, { actie: 'publiceren' });
      expect(again.statusCode).toBe(409);
      const auditor = await as('auditor');
      expect((await auditor.browser.get(url)).statusCode).toBe(200);
      expect((await auditor.browser.post(url, { actie: 'terugzetten' })).statusCode).toBe(403);
    });
  });
}
