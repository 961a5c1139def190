import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { setChangePublished } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { voiceDeps } from '../../modules/polls/poll.factory';
import { getReaction } from '../../modules/reactions';
import { aReaction } from '../../modules/reactions/reaction.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

const XSS = '<script>alert(1)</script> "onmouseover=alert(2)';

for (const dialect of DIALECTS) {
  describe(`moderation queue in the editor (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let other: { id: string; slug: string };
    const as = async (organizationId: string, role: 'moderator' | 'editor' | 'admin') => {
      const { user } = await aUser(server.deps, organizationId, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      return browser;
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      [a, other] = [await anOrganization(server.deps), await anOrganization(server.deps)];
    });
    afterAll(() => server.close());

    it('shows what waits, oldest first, escaped; publishes and rejects with a reason; 422 without one', async () => {
      const change = await aChange(server.deps, a.id);
      await setChangePublished(server.deps, systemActor('test'), change.id, true);
      const deps = voiceDeps(server.deps.db);
      const first = await aReaction(deps, change.id, { displayName: `Mien ${XSS}`, text: `Eerste reactie ${XSS} https://example.org` });
      const second = await aReaction(deps, change.id, { displayName: 'Jan', role: 'ondernemer', text: 'Tweede reactie, over de markt.' });
      const moderator = await as(a.id, 'moderator');
      const url = `/editor/${a.slug}/moderatie`;
      const page = await moderator.get(url);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="utrecht-heading-1">Moderatie</h1>');
      expect(page.body).toContain('<strong>2 reacties wachten</strong>: 2 nieuw (nog niet op de website)');
      expect(page.body.indexOf('Eerste reactie')).toBeLessThan(page.body.indexOf('Tweede reactie'));
      expect(page.body).toContain('Mien &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toMatch(/<script\b/);
      expect(page.body).not.toContain('href="https://example.org"');
      expect(page.body).toContain('Ondernemer');
      expect(page.body).toContain(`action="${url}/${first.id}"`);

      const refused = await moderator.post(`${url}/${second.id}`, { decision: 'reject', reason: '' });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(`href="#veld-reason-${second.id}"`);
      expect(refused.body).toContain('<title>Fout: Moderatie');
      expect((await getReaction(server.deps, second.id)).status).toBe('pending');

      const published = await moderator.post(`${url}/${first.id}`, { decision: 'publish' });
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(`${url}?besloten=gepubliceerd`);
      expect((await moderator.get(published.headers.location as string)).body).toContain('De reactie is gepubliceerd.');
      const rejected = await moderator.post(`${url}/${second.id}`, { decision: 'reject', reason: 'Reclame voor een winkel' });
      expect(rejected.statusCode).toBe(303);
      expect((await getReaction(server.deps, first.id)).status).toBe('published');
      expect(await getReaction(server.deps, second.id)).toMatchObject({ status: 'rejected', rejectionReason: 'Reclame voor een winkel' });
      expect((await moderator.get(url)).body).toContain('Er wacht niets.');
    });

    it('is for moderators of the organization only: 403 for other roles, 404 for another organization and its reactions', async () => {
      const change = await aChange(server.deps, other.id);
      await setChangePublished(server.deps, systemActor('test'), change.id, true);
      const theirs = await aReaction(voiceDeps(server.deps.db), change.id);
      expect((await (await as(a.id, 'editor')).get(`/editor/${a.slug}/moderatie`)).statusCode).toBe(403);
      const moderator = await as(a.id, 'moderator');
      expect((await moderator.get(`/editor/${other.slug}/moderatie`)).statusCode).toBe(404);
      expect((await moderator.post(`/editor/${a.slug}/moderatie/${theirs.id}`, { decision: 'publish' })).statusCode).toBe(404);
      expect((await getReaction(server.deps, theirs.id)).status).toBe('pending');
      // Without the CSRF token the decision is refused.
      expect((await moderator.post(`/editor/${a.slug}/moderatie/${theirs.id}`, { decision: 'publish' }, { csrf: null })).statusCode).toBe(403);
    });
  });
}
