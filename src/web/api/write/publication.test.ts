import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChange } from '../../../modules/changes';
import { aChange } from '../../../modules/changes/change.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken, type Role, type TokenScope } from '../../../modules/users';
import { aUser } from '../../../modules/users/user.factory';
import { DIALECTS } from '../../../storage/testing';
import { openTestServer, type TestServer } from '../../testing';

/**
 * The publication workflow through the write API (issue 9, item 14): the same steps, roles and
 * four-eyes rule as the editor's publication page, and the record names the token's user.
 */
for (const dialect of DIALECTS) {
  describe(`publication through the write API on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());

    const person = async (organizationId: string, role: Role, scopes: TokenScope[]) => {
      const { user, memberships } = await aUser(server.deps, organizationId, role);
      const { token } = await createApiToken(server.deps, actorOfUser(user, memberships), { name: 'test', organizationId, scopes });
      return { user, headers: { authorization: `Bearer ${token}` } };
    };
    const step = (changeId: string, payload: unknown, headers: Record<string, string>) =>
      server.app.inject({ method: 'POST', url: `/api/v1/changes/${changeId}/publication`, payload: payload as object, headers });

    it("refuses an editor's token to publish or withdraw: it asks for review, a communicator publishes", async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id);
      const editor = await person(organization.id, 'editor', ['chain:write', 'publication:write']);
      const communicator = await person(organization.id, 'communicator', ['publication:write', 'read']);

      // What used to publish at once now names the field it misses, and writes nothing.
      const before = await snapshotStore(server.deps.db);
      const old = await step(change.id, { published: true }, editor.headers);
      expect([old.statusCode, old.json().issues?.[0]?.path]).toEqual([422, 'step']);
      const forbidden = await step(change.id, { step: 'publish' }, editor.headers);
      expect(forbidden.statusCode).toBe(403);
      expect(tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'api_tokens')).toEqual([]);

      const asked = await step(change.id, { step: 'request_review' }, editor.headers);
      expect([asked.statusCode, asked.json()]).toMatchObject([200, { changeId: change.id, state: 'ready_for_review', reviewRequestedBy: `user:${editor.user.id}` }]);
      expect((await step(change.id, { step: 'publish' }, editor.headers)).statusCode).toBe(403);

      const published = await step(change.id, { step: 'publish' }, communicator.headers);
      expect([published.statusCode, published.json()]).toMatchObject([200, { state: 'published', publishedBy: `user:${communicator.user.id}`, publishedAt: '2026-06-01T10:00:00.000Z' }]);
      expect((await getChange(server.deps, change.id)).publishedAt).toBe('2026-06-01T10:00:00.000Z');
      const read = await server.app.inject({ url: `/api/v1/changes/${change.id}/publication`, headers: communicator.headers });
      expect([read.statusCode, read.json().publishedBy]).toEqual([200, `user:${communicator.user.id}`]);

      // Withdrawing is the communicators' too; the editor's token may not.
      expect((await step(change.id, { step: 'return_to_draft' }, editor.headers)).statusCode).toBe(403);
      const withdrawn = await step(change.id, { step: 'return_to_draft' }, communicator.headers);
      expect([withdrawn.statusCode, withdrawn.json().state]).toEqual([200, 'draft']);
      expect((await getChange(server.deps, change.id)).publishedAt).toBeNull();

      const audit = await server.deps.db.selectFrom('audit_events').select(['action', 'actor']).where('entity_id', '=', change.id).where('action', 'in', ['change.review_requested', 'change.published', 'change.unpublished']).orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'change.review_requested', actor: `user:${editor.user.id}` },
        { action: 'change.published', actor: `user:${communicator.user.id}` },
        { action: 'change.unpublished', actor: `user:${communicator.user.id}` },
      ]);
    });

    it('keeps four eyes: an admin who asked for review cannot publish it with a token', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id);
      const admin = await person(organization.id, 'admin', ['publication:write']);
      expect((await step(change.id, { step: 'request_review' }, admin.headers)).statusCode).toBe(200);
      expect((await step(change.id, { step: 'publish' }, admin.headers)).statusCode).toBe(403);
      expect((await getChange(server.deps, change.id)).publishedAt).toBeNull();
      expect((await step(change.id, { step: 'request_review' }, admin.headers)).statusCode).toBe(409);
      const second = await person(organization.id, 'admin', ['publication:write']);
      expect((await step(change.id, { step: 'publish' }, second.headers)).json().state).toBe('published');
    });

    it('needs the publication:write scope, and names no step outside the table', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id);
      const chainOnly = await person(organization.id, 'admin', ['chain:write']);
      expect((await step(change.id, { step: 'request_review' }, chainOnly.headers)).statusCode).toBe(403);
      const admin = await person(organization.id, 'admin', ['publication:write']);
      for (const name of ['__proto__', 'toString', 'publiceren']) {
        const res = await step(change.id, { step: name }, admin.headers);
        expect([res.statusCode, res.json().issues?.[0]?.path]).toEqual([422, 'step']);
      }
      const foreign = await person((await anOrganization(server.deps)).id, 'admin', ['publication:write']);
      expect((await step(change.id, { step: 'request_review' }, foreign.headers)).statusCode).toBe(404);
    });
  });
}
