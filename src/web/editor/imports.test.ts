import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { listMeasurementsOfGoal } from '../../modules/goals';
import { aGoal } from '../../modules/goals/goal.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import type { Role } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`editor: importing measurements (${dialect})`, () => {
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

    it('pastes, previews without writing, commits all, and names bad rows in Dutch', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id, { title: 'Fietsstalling' });
      const goal = await aGoal(server.deps, change.id);
      const browser = await as(organization, 'editor');
      const url = `/editor/${organization.slug}/importeren/metingen`;
      expect((await browser.get(url)).statusCode).toBe(200);
      expect(browser.last!.body).toContain('id="veld-csv"');

      const bad = await browser.post(url, { csv: `doel;datum;waarde\n${change.slug}/1;31-03-2026;veel\n${change.slug}/1;31-02-2026;1\n` });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('<title>Fout: Metingen importeren');
      expect(bad.body).toContain('Regel 2, waarde: &quot;veel&quot; is geen getal');
      expect(bad.body).toContain('Regel 3, datum:');
      expect(bad.body).not.toContain('/vastleggen');

      const csv = `\uFEFFdoel;datum;waarde;bron\r\n${change.slug}/1;31-03-2026;52,5;Telling Q1\r\n`;
      const preview = await browser.post(url, { csv });
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('1 regels: 1 nieuw');
      expect(preview.body).toContain('52,5');
      expect(await listMeasurementsOfGoal(server.deps, goal.id)).toEqual([]);
      const commit = await browser.post(`${url}/vastleggen`, { csv });
      expect([commit.statusCode, commit.headers.location]).toEqual([303, `${url}?vastgelegd=1`]);
      expect((await browser.get(commit.headers.location as string)).body).toContain('1 meting(en) vastgelegd');
      expect((await listMeasurementsOfGoal(server.deps, goal.id)).map((m) => m.value)).toEqual([52.5]);
      const tampered = await browser.post(`${url}/vastleggen`, { csv: `doel;datum;waarde\n${change.slug}/1;30-04-2026;x\n` });
      expect(tampered.statusCode).toBe(422);
      expect(await listMeasurementsOfGoal(server.deps, goal.id)).toHaveLength(1);
    });

    it('is for editors of the organization only, and never sees another organization\'s goals', async () => {
      const [a, b] = [await anOrganization(server.deps), await anOrganization(server.deps)];
      const foreign = await aGoal(server.deps, (await aChange(server.deps, b.id)).id);
      const url = `/editor/${a.slug}/importeren/metingen`;
      expect((await (await as(a, 'communicator')).get(url)).statusCode).toBe(403);
      expect((await (await as(b, 'editor')).get(url)).statusCode).toBe(404);
      const editor = await as(a, 'editor');
      await editor.get(url);
      const res = await editor.post(url, { csv: `doel;datum;waarde\n${foreign.id};2026-03-31;1\n` });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Regel 2, doel: geen doel');
      expect(await listMeasurementsOfGoal(server.deps, foreign.id)).toEqual([]);
    });
  });
}
