import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { aDecision } from '../../modules/decisions/decision.factory';
import { getExpectationRegister } from '../../modules/expectations';
import { setImpact } from '../../modules/groups';
import { aGroup } from '../../modules/groups/group.factory';
import { checkChange } from '../../modules/legitimacy';
import { anOrganization, testActor } from '../../modules/organizations/organization.factory';
import type { Role } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`recording and weighing conflicts between groups (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string; slug: string }, role: Role) => {
      const { user } = await aUser(server.deps, org.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      await browser.get(`/editor/${org.slug}`);
      return browser;
    };
    const rule10 = async (changeId: string) => (await checkChange(server.deps, changeId)).rules.find((r) => r.rule === 10)!;
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('records the conflict from the to-do link with the open pair chosen, then weighs it: rule 10 passes', async () => {
      const change = await aChange(server.deps, a.id);
      const shops = await aGroup(server.deps, a.id, { name: 'Winkeliers' });
      const residents = await aGroup(server.deps, a.id, { name: 'Bewoners' });
      await setImpact(server.deps, testActor, change.id, { groupId: shops.id, effect: 'gains' });
      await setImpact(server.deps, testActor, change.id, { groupId: residents.id, effect: 'loses' });
      expect(await rule10(change.id)).toMatchObject({ status: 'failed', fixes: [{ problem: 'conflict_not_recorded' }] });

      const e = await as(a, 'editor');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/belangenconflicten/nieuw`;
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${url}"`);
      const form = await e.get(url);
      expect(form.body).toMatch(new RegExp(`id="veld-groupAId"[^>]*>.*?<option value="${shops.id}" selected`, 's'));
      expect(form.body).toMatch(new RegExp(`id="veld-groupBId"[^>]*>.*?<option value="${residents.id}" selected`, 's'));
      const none = await e.post(url, { groupAId: '', groupBId: '', description: 'Wat elk wil.' });
      expect(none.statusCode).toBe(422);
      expect(none.body).toContain('Er is een probleem');
      expect(none.body).toContain('href="#veld-groupAId">Kies de eerste doelgroep');
      expect(none.body).toContain('Wat elk wil.');
      expect((await e.post(url, { groupAId: shops.id, groupBId: shops.id })).body).toContain('href="#veld-groupBId">Kies twee verschillende doelgroepen');
      const description = 'Winkeliers willen fietsen voor de deur; bewoners willen een vrije stoep.';
      const saved = await e.post(url, { groupAId: shops.id, groupBId: residents.id, description });
      const { conflict } = (await getExpectationRegister(server.deps, change.id)).conflicts[0]!;
      const weigh = `/editor/${a.slug}/belangenconflicten/${conflict.id}/bewerken`;
      expect([saved.statusCode, saved.headers.location]).toEqual([303, `${weigh}?opgeslagen#veld-weighing`]);
      expect(await rule10(change.id)).toMatchObject({ status: 'failed', fixes: [{ id: conflict.id, problem: 'not_weighed' }] });
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${weigh}#veld-weighing"`);
      const twice = await e.post(url, { groupAId: residents.id, groupBId: shops.id });
      expect(twice.statusCode).toBe(422);
      expect(twice.body).toContain('al een belangenconflict vastgelegd');

      const page = await e.get(`${weigh}?opgeslagen`);
      expect(page.body).toContain('Vastgelegd. Schrijf nu de afweging');
      expect(page.body).toContain(description);
      const tooShort = await e.post(weigh, { weighing: 'Vrij.', decisionId: '' });
      expect(tooShort.statusCode).toBe(422);
      expect(tooShort.body).toContain('href="#veld-weighing">Schrijf in een zin hoe er is besloten en waarom');
      const weighing = 'De raad koos voor een vrije stoep. Veilig lopen met een rollator weegt zwaarder dan gemak.';
      const preview = await e.post(weigh, { weighing, decisionId: '', actie: 'taalcheck' });
      expect([preview.statusCode, preview.body.includes('id="veld-weighing-taal"')]).toEqual([200, true]);
      expect(await rule10(change.id)).toMatchObject({ status: 'failed' });
      const decision = await aDecision(server.deps, a.id, { changeId: change.id });
      expect((await e.post(weigh, { weighing, decisionId: decision.id })).statusCode).toBe(303);
      expect(await rule10(change.id)).toMatchObject({ status: 'passed' });
      expect((await getExpectationRegister(server.deps, change.id)).conflicts[0]).toMatchObject({ conflict: { weighing, decisionId: decision.id }, decision: { id: decision.id } });
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain('Bewoners</a> (afgewogen)');

      for (const role of ['communicator', 'moderator', 'auditor'] as const) {
        const other = await as(a, role);
        expect((await other.get(weigh)).statusCode, role).toBe(403);
        expect((await other.post(weigh, { weighing })).statusCode, role).toBe(403);
        expect((await other.get(url)).statusCode, role).toBe(403);
      }
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/belangenconflicten/${conflict.id}/bewerken`)).statusCode).toBe(404);
      expect((await outsider.post(`/editor/${b.slug}/belangenconflicten/${conflict.id}/bewerken`, { weighing })).statusCode).toBe(404);
      expect((await outsider.post(`/editor/${b.slug}/veranderingen/${change.id}/belangenconflicten/nieuw`, { groupAId: shops.id, groupBId: residents.id })).statusCode).toBe(404);
    });

    it('refuses groups and decisions of another organization', async () => {
      const change = await aChange(server.deps, a.id);
      const shops = await aGroup(server.deps, a.id, { name: 'Ondernemers' });
      const foreign = await aGroup(server.deps, b.id, { name: 'Buren elders' });
      const e = await as(a, 'editor');
      const bad = await e.post(`/editor/${a.slug}/veranderingen/${change.id}/belangenconflicten/nieuw`, { groupAId: shops.id, groupBId: foreign.id });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#veld-groupBId">Kies een doelgroep van deze organisatie');
      expect((await getExpectationRegister(server.deps, change.id)).conflicts).toEqual([]);
    });
  });
}
