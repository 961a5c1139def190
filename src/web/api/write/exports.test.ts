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

for (const dialect of DIALECTS) {
  describe(`API v1 audit checkpoint on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());

    it('publishes the head of the chain to anyone, and it moves with every write', async () => {
      const organization = await anOrganization(server.deps);
      const first = await server.app.inject({ url: `/api/v1/organizations/${organization.slug}/checkpoint` });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ organizationId: organization.id, seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: '2026-06-01T10:00:00.000Z' });
      await aChange(server.deps, organization.id);
      const second = (await server.app.inject({ url: `/api/v1/organizations/${organization.id}/checkpoint` })).json();
      expect(second.seq).toBe(2);
      expect(second.hash).not.toBe(first.json().hash);
      expect(second.verify).toBe(`helder audit verify --organization ${organization.slug} --checkpoint ${second.hash}@2`);
      expect((await server.app.inject({ url: '/api/v1/organizations/nergens/checkpoint' })).statusCode).toBe(404);
    });
  });
}
