import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDecisionsOfOrganization } from '../../modules/decisions';
import { ORI_POPOLO_FIXTURE } from '../../modules/imports/popolo.fixture';
import { anOrganization } from '../../modules/organizations/organization.factory';
import type { Role } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`editor: importing decisions from Popolo JSON (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());
    const as = async (org: { id: string }, role: Role) => {
      const browser = new Browser(server.app);
      await browser.logIn((await aUser(server.deps, org.id, role)).user.email);
      return browser;
    };

    it('pastes, previews per motion without writing, commits all, and then says they are present', async () => {
      const organization = await anOrganization(server.deps);
      const browser = await as(organization, 'editor');
      const url = `/editor/${organization.slug}/importeren/besluiten`;
      expect((await browser.get(url)).statusCode).toBe(200);
      expect(browser.last!.body).toContain('id="veld-json"');

      const preview = await browser.post(url, { json: ORI_POPOLO_FIXTURE });
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('4 moties: 4 nieuw, 0 staan er al, 0 fout.');
      expect(preview.body).toContain('Motie Veilige fietsroutes naar school');
      expect(preview.body).toContain('16 voor, 10 tegen (7 fracties)');
      expect(preview.body).toContain('Verworpen');
      expect(await listDecisionsOfOrganization(server.deps, organization.id)).toEqual([]);

      const commit = await browser.post(`${url}/vastleggen`, { json: ORI_POPOLO_FIXTURE });
      expect([commit.statusCode, commit.headers.location]).toEqual([303, `${url}?vastgelegd=4`]);
      expect((await browser.get(commit.headers.location as string)).body).toContain('4 besluit(en) vastgelegd');
      expect(await listDecisionsOfOrganization(server.deps, organization.id)).toHaveLength(4);
      const again = await browser.post(url, { json: ORI_POPOLO_FIXTURE });
      expect(again.body).toContain('0 nieuw, 4 staan er al');
      expect(again.body).not.toContain('/vastleggen');
    });

    it('names bad motions by their JSON path in the error summary, and writes nothing', async () => {
      const organization = await anOrganization(server.deps);
      const browser = await as(organization, 'editor');
      const url = `/editor/${organization.slug}/importeren/besluiten`;
      await browser.get(url);
      const doc = JSON.parse(ORI_POPOLO_FIXTURE) as { vote_events: { counts: { option: string }[] }[] };
      doc.vote_events[1]!.counts[0]!.option = 'misschien';
      const bad = await browser.post(url, { json: JSON.stringify(doc) });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('<title>Fout: Besluiten importeren');
      expect(bad.body).toContain('vote_events[1].counts[0].option: onbekende stemoptie &quot;misschien&quot;');
      expect(bad.body).not.toContain('/vastleggen"');
      const broken = await browser.post(url, { json: '{"motions": [' });
      expect([broken.statusCode, broken.body.includes('Bestand: geen geldige JSON')]).toEqual([422, true]);
      const tampered = await browser.post(`${url}/vastleggen`, { json: JSON.stringify(doc) });
      expect(tampered.statusCode).toBe(422);
      expect(await listDecisionsOfOrganization(server.deps, organization.id)).toEqual([]);
    });

    it('is for editors of the organization only (admins too: the role × route matrix)', async () => {
      const [a, b] = [await anOrganization(server.deps), await anOrganization(server.deps)];
      const url = `/editor/${a.slug}/importeren/besluiten`;
      expect((await (await as(a, 'auditor')).get(url)).statusCode).toBe(403);
      expect((await (await as(b, 'editor')).get(url)).statusCode).toBe(404);
    });
  });
}
