import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangeChain } from '../../modules/chains';
import { aChange } from '../../modules/changes/change.factory';
import { aGoal } from '../../modules/goals/goal.factory';
import { createMeasure } from '../../modules/measures';
import { anOrganization, testActor } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`editing measures and contributions (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string }, role: 'editor' | 'communicator') => {
      const { user } = await aUser(server.deps, org.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      return browser;
    };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('adds a measure for a goal from the to-do link, with its contribution, and refuses a contribution without a mechanism', async () => {
      const change = await aChange(server.deps, a.id);
      const goal = await aGoal(server.deps, change.id);
      const e = await as(a, 'editor');
      const page = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      const link = `/editor/${a.slug}/veranderingen/${change.id}/maatregelen/nieuw?doel=${goal.id}`;
      expect(page.body).toContain(`href="${link}"`);
      const form = await e.get(link);
      expect(form.body).toMatch(new RegExp(`<option value="${goal.id}" selected`));
      const url = link.split('?')[0]!;
      const bad = await e.post(url, { title: 'Fietsstalling bouwen', status: 'planned', cost: '1.200.000', goalId: goal.id, mechanism: 'kort', evidenceStrength: 'plausible' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#veld-mechanism">Schrijf in een zin hoe de maatregel het doel helpt');
      expect(bad.body).toContain('value="1.200.000"');
      expect((await getChangeChain(server.deps, change.id)).measures).toHaveLength(0);
      const ok = await e.post(url, { title: 'Fietsstalling bouwen', status: 'planned', cost: '1.200.000', goalId: goal.id, mechanism: 'Met een stalling dichtbij zetten mensen hun fiets daar neer.', evidenceStrength: 'plausible', evidenceLinks: 'https://example.org/onderzoek' });
      expect(ok.statusCode).toBe(303);
      const [measure] = (await getChangeChain(server.deps, change.id)).measures;
      expect(measure!.measure.cost).toBe(1_200_000);
      expect(measure!.contributions).toMatchObject([{ goalId: goal.id, evidenceStrength: 'plausible', evidenceLinks: ['https://example.org/onderzoek'] }]);
    });

    it('edits a measure and adds a contribution from the serves-no-goal link', async () => {
      const change = await aChange(server.deps, a.id);
      const goal = await aGoal(server.deps, change.id);
      const measure = await createMeasure(server.deps, testActor, change.id, { title: 'Handhaving op de stoep' });
      const e = await as(a, 'editor');
      const page = await e.get(`/editor/${a.slug}/veranderingen/${change.id}`);
      expect(page.body).toContain(`href="/editor/${a.slug}/maatregelen/${measure.id}/bewerken#veld-contributions"`);
      const form = await e.get(`/editor/${a.slug}/maatregelen/${measure.id}/bewerken`);
      expect(form.body).toContain('id="veld-contributions"');
      const bad = await e.post(`/editor/${a.slug}/maatregelen/${measure.id}/bewerken`, { title: 'Handhaving', status: 'in_progress', startDate: '2026-05-01', endDate: '2026-04-01' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('De einddatum ligt voor de startdatum');
      expect((await e.post(`/editor/${a.slug}/maatregelen/${measure.id}/bewerken`, { title: 'Handhaving', status: 'in_progress' })).statusCode).toBe(303);
      const noGoal = await e.post(`/editor/${a.slug}/maatregelen/${measure.id}/bijdragen`, { goalId: '', mechanism: 'Boa’s halen fietsen van de stoep weg.' });
      expect(noGoal.body).toContain('href="#veld-goalId">Kies het doel waaraan de maatregel bijdraagt');
      expect((await e.post(`/editor/${a.slug}/maatregelen/${measure.id}/bijdragen`, { goalId: goal.id, mechanism: 'Boa’s halen fietsen van de stoep weg.' })).statusCode).toBe(303);
      const twice = await e.post(`/editor/${a.slug}/maatregelen/${measure.id}/bijdragen`, { goalId: goal.id, mechanism: 'Boa’s halen fietsen van de stoep weg.' });
      expect(twice.body).toContain('Deze maatregel draagt al bij aan dit doel');
      const chain = await getChangeChain(server.deps, change.id);
      expect(chain.measures[0]).toMatchObject({ measure: { title: 'Handhaving', status: 'in_progress' }, contributions: [{ goalId: goal.id }] });
      const c = await as(a, 'communicator');
      expect((await c.get(`/editor/${a.slug}/maatregelen/${measure.id}/bewerken`)).statusCode).toBe(403);
      const outsider = await as(b, 'editor');
      await outsider.get(`/editor/${b.slug}`);
      expect((await outsider.post(`/editor/${b.slug}/maatregelen/${measure.id}/bijdragen`, { goalId: goal.id, mechanism: 'Van buiten de organisatie.' })).statusCode).toBe(404);
    });
  });
}
