import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChange, listMilestones } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

const versionOf = (body: string): string => /name="versie" value="([^"]*)"/.exec(body)![1]!;

for (const dialect of DIALECTS) {
  describe(`editing a change and its milestones (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string }, role: 'editor' | 'communicator' | 'auditor' | 'admin') => {
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

    it('saves why and what, then shows the plain-language check of each text', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      const form = await e.get(`/editor/${a.slug}/veranderingen/${change.id}/bewerken`);
      expect(form.statusCode).toBe(200);
      for (const f of ['title', 'summary', 'why', 'what']) expect(form.body).toContain(`id="veld-${f}"`);
      expect(form.body).toContain('Taalcheck: ');
      const why = 'In het kader van de implementatie van het beleidskader wordt middels deze maatregel de parkeerdruk gereduceerd.';
      const saved = await e.post(`/editor/${a.slug}/veranderingen/${change.id}/bewerken`, { title: change.title, kind: change.kind, summary: change.summary, why, what: change.what, themes: 'verkeer, parkeren', versie: versionOf(form.body) });
      expect([saved.statusCode, saved.headers.location]).toEqual([303, `/editor/${a.slug}/veranderingen/${change.id}/bewerken?opgeslagen`]);
      const after = await e.get(saved.headers.location as string);
      expect(after.body).toContain('Opgeslagen.');
      expect(after.body).toContain('id="veld-why-taal"');
      expect(after.body).toContain('boven B1');
      const stored = await getChange(server.deps, change.id);
      expect(stored.why).toBe(why);
      expect(stored.themes).toEqual(['verkeer', 'parkeren']);
    });

    it('re-renders with a Dutch error summary and what was typed, and a text preview saves nothing', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      const form = await e.get(`/editor/${a.slug}/veranderingen/${change.id}/bewerken`);
      const bad = await e.post(`/editor/${a.slug}/veranderingen/${change.id}/bewerken`, { title: 'x', kind: change.kind, summary: 'Mijn getypte samenvatting', why: 'Getypt waarom', what: '', themes: '', versie: versionOf(form.body) });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('<title>Fout: ');
      expect(bad.body).toContain('Er is een probleem');
      expect(bad.body).toContain('<a class="utrecht-link" href="#veld-title">Vul bij de titel minstens 3 tekens in</a>');
      expect(bad.body).toContain('Mijn getypte samenvatting');
      expect(bad.body).toContain('Getypt waarom');
      const preview = await e.post(`/editor/${a.slug}/veranderingen/${change.id}/bewerken`, { title: change.title, kind: change.kind, summary: 'Nieuwe tekst', why: change.why, what: change.what, themes: '', versie: versionOf(form.body), actie: 'taalcheck' });
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('Nog niet opgeslagen');
      expect((await getChange(server.deps, change.id)).summary).toBe(change.summary);
    });

    it('keeps both texts when someone else saved in between (409), and the next save goes through', async () => {
      const change = await aChange(server.deps, a.id);
      const first = await as(a, 'editor');
      const second = await as(a, 'communicator');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/bewerken`;
      const f1 = await first.get(url);
      const f2 = await second.get(url);
      server.deps.clock.advance(1000);
      expect((await second.post(url, { summary: 'Tekst van de tweede', why: change.why, what: change.what, versie: versionOf(f2.body) })).statusCode).toBe(303);
      const clash = await first.post(url, { title: change.title, kind: change.kind, summary: 'Tekst van de eerste', why: change.why, what: change.what, themes: '', versie: versionOf(f1.body) });
      expect(clash.statusCode).toBe(409);
      expect(clash.body).toContain('Tekst van de eerste');
      expect(clash.body).toContain('Tekst van de tweede');
      expect((await first.post(url, { title: change.title, kind: change.kind, summary: 'Tekst van de eerste', why: change.why, what: change.what, themes: '', versie: versionOf(clash.body) })).statusCode).toBe(303);
      expect((await getChange(server.deps, change.id)).summary).toBe('Tekst van de eerste');
    });

    it('lets a communicator change the citizen texts only, and refuses auditors and other organizations', async () => {
      const change = await aChange(server.deps, a.id);
      const c = await as(a, 'communicator');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/bewerken`;
      const form = await c.get(url);
      expect(form.body).toMatch(/id="veld-title"[^>]*readonly/);
      expect((await c.post(url, { title: 'Gekaapte titel', kind: 'budget_cut', summary: 'Nieuwe samenvatting.', why: change.why, what: change.what, themes: 'x', versie: versionOf(form.body) })).statusCode).toBe(303);
      const stored = await getChange(server.deps, change.id);
      expect([stored.title, stored.kind, stored.summary]).toEqual([change.title, change.kind, 'Nieuwe samenvatting.']);
      expect((await c.post(`/editor/${a.slug}/veranderingen/${change.id}/mijlpalen/nieuw`, { title: 'Start', date: '2026-09-01' })).statusCode).toBe(403);
      const auditor = await as(a, 'auditor');
      expect((await auditor.get(url)).statusCode).toBe(403);
      const outsider = await as(b, 'editor');
      expect((await outsider.get(url)).statusCode).toBe(404);
      expect((await outsider.get(`/editor/${b.slug}/veranderingen/${change.id}/bewerken`)).statusCode).toBe(404);
      expect((await outsider.post(`/editor/${b.slug}/veranderingen/${change.id}/bewerken`, { summary: 'x' })).statusCode).toBe(404);
    });

    it('creates a change, moves its status, adds and edits a milestone', async () => {
      const e = await as(a, 'editor');
      await e.get(`/editor/${a.slug}/veranderingen/nieuw`);
      const made = await e.post(`/editor/${a.slug}/veranderingen/nieuw`, { title: 'Nieuwe speeltuin', kind: 'infrastructure', summary: '', why: '', what: '', themes: 'spelen' });
      expect(made.statusCode).toBe(303);
      const id = /veranderingen\/([0-9a-f-]{36})/.exec(made.headers.location as string)![1]!;
      const page = await e.get(made.headers.location as string);
      expect(page.body).toContain('Opgeslagen.');
      expect(page.body).toContain(`/editor/${a.slug}/veranderingen/${id}/mijlpalen/nieuw`);
      expect((await e.post(`/editor/${a.slug}/veranderingen/${id}/status`, { status: 'proposed' })).statusCode).toBe(303);
      expect((await getChange(server.deps, id)).status).toBe('proposed');
      await e.get(`/editor/${a.slug}/veranderingen/${id}/mijlpalen/nieuw`);
      const bad = await e.post(`/editor/${a.slug}/veranderingen/${id}/mijlpalen/nieuw`, { title: 'Bouw', date: '31-02-2026' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#veld-date"');
      expect(bad.body).toContain('value="31-02-2026"');
      expect((await e.post(`/editor/${a.slug}/veranderingen/${id}/mijlpalen/nieuw`, { title: 'Bouw', date: '01-09-2026' })).statusCode).toBe(303);
      const [milestone] = await listMilestones(server.deps, [id]);
      expect(milestone).toMatchObject({ title: 'Bouw', date: '2026-09-01', done: false });
      const edit = await e.get(`/editor/${a.slug}/mijlpalen/${milestone!.id}/bewerken`);
      expect(edit.body).toContain('value="2026-09-01"');
      expect((await e.post(`/editor/${a.slug}/mijlpalen/${milestone!.id}/bewerken`, { title: 'Bouw klaar', date: '2026-09-01', done: 'ja' })).statusCode).toBe(303);
      expect((await listMilestones(server.deps, [id]))[0]).toMatchObject({ title: 'Bouw klaar', done: true });
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/mijlpalen/${milestone!.id}/bewerken`)).statusCode).toBe(404);
    });
  });
}
