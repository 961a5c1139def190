import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import type { Role } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

for (const dialect of DIALECTS) {
  describe(`editor: the organization's audit log (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());
    const as = async (org: { id: string }, role: Role) => {
      const browser = new Browser(server.app);
      const { user, totpSecret } = await aUser(server.deps, org.id, role, { name: `Ada ${role}` });
      await browser.logIn(user.email, { totpSecret, now: server.deps.clock.now() });
      return browser;
    };

    it('shows the chain status on top and the events newest first, with actor names, links and readable data', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id, { title: 'Fietsstalling station' });
      const auditor = await as(organization, 'auditor');
      const page = await auditor.get(`/editor/${organization.slug}/audit`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Auditlog van');
      expect(page.body).toContain('De keten klopt');
      expect(page.body.indexOf('De keten klopt')).toBeLessThan(page.body.indexOf('<table'));
      expect(page.body).toContain(`href="/editor/${organization.slug}/veranderingen/${change.id}">Verandering</a>`);
      expect(page.body).toContain('<code>change.created</code>');
      expect(page.body).toMatch(/<dt class="helder-audit-data__key">title<\/dt><dd class="helder-audit-data__value">Fietsstalling station<\/dd>/);
      expect(page.body).toContain(`href="/${organization.slug}/controlepunt"`);
      const seqs = [...page.body.matchAll(/<td class="utrecht-table__cell utrecht-table__cell--numeric-data">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    });

    it('filters by entity type and pages fifty at a time, keeping the filter', async () => {
      const organization = await anOrganization(server.deps);
      for (let n = 1; n <= 55; n++) await aChange(server.deps, organization.id, { title: `Verandering nummer ${n}` });
      const admin = await as(organization, 'admin');
      const url = `/editor/${organization.slug}/audit`;
      const first = await admin.get(`${url}?soort=change`);
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('Regels 1 tot en met 50 van 55, nieuwste eerst');
      expect(first.body).toContain('<option value="change" selected="">Verandering</option>');
      expect(first.body).toContain(`href="${url}?soort=change&amp;pagina=2"`);
      expect(first.body).not.toContain('organization.created');
      const second = await admin.get(`${url}?soort=change&pagina=2`);
      expect(second.body).toContain('Regels 51 tot en met 55 van 55');
      expect(second.body).toContain('Verandering nummer 1<');
      expect((await admin.get(`${url}?pagina=0`)).statusCode).toBe(422);
      expect((await admin.get(`${url}?soort=DROP%20TABLE`)).statusCode).toBe(422);
    });

    it('says loudly where the chain is broken', async () => {
      const organization = await anOrganization(server.deps);
      await aChange(server.deps, organization.id);
      const auditor = await as(organization, 'auditor');
      await sql`update audit_events set data = ${'{"title":"Anders"}'} where organization_id = ${organization.id} and seq = 2`.execute(server.deps.db);
      const page = await auditor.get(`/editor/${organization.slug}/audit`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('De keten is verbroken');
      expect(page.body).toContain('Bij regel 2: de inhoud van deze regel is veranderd');
    });

    it('is for auditors and admins of the organization only', async () => {
      const [a, b] = [await anOrganization(server.deps), await anOrganization(server.deps)];
      const url = `/editor/${a.slug}/audit`;
      for (const role of ['editor', 'communicator', 'moderator'] as const) expect((await (await as(a, role)).get(url)).statusCode, role).toBe(403);
      expect((await (await as(b, 'auditor')).get(url)).statusCode).toBe(404);
    });
  });
}
