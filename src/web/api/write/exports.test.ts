import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../../modules/changes/change.factory';
import { aGoal } from '../../../modules/goals/goal.factory';
import { anOrganization } from '../../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken, type Role, type TokenScope } from '../../../modules/users';
import { aUser } from '../../../modules/users/user.factory';
import { DIALECTS } from '../../../storage/testing';
import { openTestServer, type TestServer } from '../../testing';

for (const dialect of DIALECTS) {
  describe(`API v1 exports on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());
    const bearer = async (organizationId: string, role: Role, scopes: TokenScope[] = ['read']) => {
      const { user, memberships } = await aUser(server.deps, organizationId, role);
      return { authorization: `Bearer ${(await createApiToken(server.deps, actorOfUser(user, memberships), { name: 'export', organizationId, scopes })).token}` };
    };
    const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ url: `/api/v1${url}`, headers });

    it('sends each format as an attachment to a token of the organization, drafts included, and nothing to others', async () => {
      const [a, b] = [await anOrganization(server.deps), await anOrganization(server.deps)];
      await aGoal(server.deps, (await aChange(server.deps, a.id, { title: 'Nog een concept' })).id);
      const auth = await bearer(a.id, 'auditor');
      const csv = await get(`/organizations/${a.slug}/export.csv`, auth);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${a.slug}-metingen.csv"`);
      expect(csv.headers['cache-control']).toBe('no-store');
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.body).toContain('Nog een concept');
      const json = await get(`/organizations/${a.slug}/export.json`, auth);
      expect([json.statusCode, json.json().format, json.json().organization.id]).toEqual([200, 'helder-organization', a.id]);
      const iati = await get(`/organizations/${a.id}/export.iati.xml`, auth);
      expect([iati.statusCode, iati.headers['content-type']]).toEqual([200, 'application/xml; charset=utf-8']);
      expect(iati.body).not.toContain('Nog een concept');

      expect((await get(`/organizations/${a.slug}/export.csv`)).statusCode).toBe(401);
      expect((await get(`/organizations/${a.slug}/export.json`, await bearer(a.id, 'editor', ['measurements:write']))).statusCode).toBe(403);
      const foreign = await get(`/organizations/${a.slug}/export.json`, await bearer(b.id, 'admin'));
      expect([foreign.statusCode, foreign.body.includes(a.id)]).toEqual([404, false]);
      expect((await get('/organizations/nergens/export.csv', auth)).statusCode).toBe(404);
    });
  });
}
