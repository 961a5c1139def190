import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, systemActor } from '../../core';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { anOrganization, attempt, issuePaths, testDeps } from '../organizations/organization.factory';
import { logIn, resolveSession } from './login.service';
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from './token.service';
import { actorOfUser } from './user';
import { aUser, TEST_PASSWORD } from './user.factory';
import { createUser, grantRole, listMembers, revokeRole } from './user.service';

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (isAppError(e) ? e.code : Promise.reject(e)),
  );

for (const dialect of DIALECTS) {
  describe(`users, roles and API tokens (${dialect})`, () => {
    let open: OpenDatabase;
    beforeAll(async () => {
      open = await openTestDatabase(dialect);
    });
    afterAll(() => open.close());

    it('creates a user with an argon2id hash, lower-case e-mail and an audit entry per organization', async () => {
      const deps = testDeps(open.db);
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      const { user, memberships, totpSecret } = await createUser(deps, systemActor('cli'), {
        email: ' Piet@Example.NL',
        name: 'Piet',
        password: TEST_PASSWORD,
        memberships: [{ organizationId: a.id, role: 'editor' }, { organizationId: b.id, role: 'auditor' }, { organizationId: a.id, role: 'editor' }],
      });
      expect(user.email).toBe('piet@example.nl');
      expect(memberships.map((m) => m.role).sort()).toEqual(['auditor', 'editor']);
      expect(totpSecret).toBeNull();
      const row = await open.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const events = await auditOf(open.db, 'user', user.id);
      expect(events.map((e) => [e.organizationId, e.action])).toEqual(expect.arrayContaining([[a.id, 'user.created'], [b.id, 'user.created']]));
      expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
      expect(JSON.stringify(events)).not.toContain('argon2');
    });

    it('refuses weak passwords, bad addresses, taken addresses and unknown organizations, writing nothing', async () => {
      const deps = testDeps(open.db);
      const org = await anOrganization(deps);
      const base = { email: 'weak@example.nl', name: 'Wim', password: TEST_PASSWORD, memberships: [{ organizationId: org.id, role: 'editor' as const }] };
      const weak = await attempt(open.db, () => createUser(deps, systemActor('cli'), { ...base, password: 'short' }));
      expect(issuePaths(weak.error)).toEqual(['password']);
      expect(weak.changed).toEqual([]);
      expect(issuePaths((await attempt(open.db, () => createUser(deps, systemActor('cli'), { ...base, password: 'weak@example.nl-2026' }))).error)).toEqual(['password']);
      expect(issuePaths((await attempt(open.db, () => createUser(deps, systemActor('cli'), { ...base, email: 'not an address' }))).error)).toEqual(['email']);
      await createUser(deps, systemActor('cli'), base);
      expect(await codeOf(createUser(deps, systemActor('cli'), { ...base, email: 'WEAK@example.nl' }))).toBe('conflict');
      const ghost = await attempt(open.db, () => createUser(deps, systemActor('cli'), { ...base, email: 'g@example.nl', memberships: [{ organizationId: '00000000-0000-4000-8000-000000000000', role: 'editor' }] }));
      expect(isAppError(ghost.error) && ghost.error.code).toBe('not_found');
      expect(ghost.changed).toEqual([]);
    });

    it('lets only an admin of the organization add users and change roles there', async () => {
      const deps = testDeps(open.db);
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      const admin = await aUser(deps, a.id, 'admin');
      const editor = await aUser(deps, a.id, 'editor');
      const adminActor = actorOfUser(admin.user, admin.memberships);
      const editorActor = actorOfUser(editor.user, editor.memberships);
      const input = (organizationId: string) => ({ email: `new-${organizationId}@example.nl`, name: 'Nieuw', password: TEST_PASSWORD, memberships: [{ organizationId, role: 'communicator' as const }] });
      expect(await codeOf(createUser(deps, adminActor, input(a.id)))).toBe('ok');
      expect(await codeOf(createUser(deps, adminActor, input(b.id)))).toBe('forbidden');
      expect(await codeOf(createUser(deps, editorActor, { ...input(a.id), email: 'x@example.nl' }))).toBe('forbidden');
      expect(await codeOf(grantRole(deps, editorActor, editor.user.id, a.id, 'admin'))).toBe('forbidden');
      expect(await codeOf(grantRole(deps, adminActor, editor.user.id, a.id, 'auditor'))).toBe('ok');
      expect(await codeOf(grantRole(deps, adminActor, editor.user.id, a.id, 'auditor'))).toBe('conflict');
      expect((await listMembers(deps, a.id)).filter((m) => m.user.id === editor.user.id).map((m) => m.role)).toEqual(['auditor', 'editor']);
      expect(await codeOf(revokeRole(deps, adminActor, editor.user.id, a.id, 'auditor'))).toBe('ok');
      expect(await codeOf(revokeRole(deps, adminActor, editor.user.id, a.id, 'auditor'))).toBe('not_found');
      expect((await auditOf(open.db, 'user', editor.user.id)).map((e) => e.action)).toEqual(['user.created', 'membership.granted', 'membership.revoked']);
    });

    it('reads roles per request: a revoked role stops working in an open session', async () => {
      const deps = testDeps(open.db);
      const org = await anOrganization(deps);
      const { user } = await aUser(deps, org.id, 'editor');
      await grantRole(deps, systemActor('test'), user.id, org.id, 'auditor');
      const { token } = await logIn(deps, { email: user.email, password: TEST_PASSWORD, ip: '192.0.2.1' });
      await revokeRole(deps, systemActor('test'), user.id, org.id, 'auditor');
      expect((await resolveSession(deps, token))?.actor.roles).toEqual([{ organizationId: org.id, role: 'editor' }]);
    });

    it('creates scoped API tokens stored hashed, resolves them to one organization, and revokes them', async () => {
      const deps = testDeps(open.db);
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      const editor = await aUser(deps, a.id, 'editor');
      await grantRole(deps, systemActor('test'), editor.user.id, b.id, 'auditor');
      const actor = { ...actorOfUser(editor.user, editor.memberships), roles: [{ organizationId: a.id, role: 'editor' }, { organizationId: b.id, role: 'auditor' }] };
      const { token, apiToken } = await createApiToken(deps, actor, { name: 'Dashboard', organizationId: a.id, scopes: ['read', 'measurements:write'] });
      expect(token).toMatch(/^hld_[A-Za-z0-9_-]{43}$/);
      const rows = await open.db.selectFrom('api_tokens').selectAll().where('id', '=', apiToken.id).execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(apiToken.expiresAt).toBe('2026-08-30T10:00:00.000Z');

      const resolved = await resolveApiToken(deps, token);
      expect(resolved?.organizationId).toBe(a.id);
      expect(resolved?.scopes).toEqual(['read', 'measurements:write']);
      // The actor of a token carries only the roles of the token's organization.
      expect(resolved?.actor.roles).toEqual([{ organizationId: a.id, role: 'editor' }]);
      expect(await resolveApiToken(deps, `${token}x`)).toBeUndefined();
      expect(await resolveApiToken(deps, 'Bearer nonsense')).toBeUndefined();

      // Scopes the roles do not allow, and organizations without a role, are refused.
      expect(issuePaths((await attempt(open.db, () => createApiToken(deps, actor, { name: 'x', organizationId: b.id, scopes: ['chain:write'] }))).error)).toEqual(['scopes']);
      const stranger = await anOrganization(deps);
      expect(await codeOf(createApiToken(deps, actor, { name: 'x', organizationId: stranger.id, scopes: ['read'] }))).toBe('not_found');

      // Losing the role takes the scope away at once; revoking ends the token.
      await revokeRole(deps, systemActor('test'), editor.user.id, a.id, 'editor');
      expect(await resolveApiToken(deps, token)).toBeUndefined();
      await grantRole(deps, systemActor('test'), editor.user.id, a.id, 'communicator');
      expect((await resolveApiToken(deps, token))?.scopes).toEqual(['read']);
      const other = await aUser(deps, a.id, 'editor');
      expect(await codeOf(revokeApiToken(deps, actorOfUser(other.user, other.memberships), apiToken.id))).toBe('not_found');
      await revokeApiToken(deps, actor, apiToken.id);
      expect(await resolveApiToken(deps, token)).toBeUndefined();
      expect((await listApiTokens(deps, actor))[0]?.revokedAt).not.toBeNull();
      expect((await auditOf(open.db, 'api_token', apiToken.id)).map((e) => e.action)).toEqual(['api_token.created', 'api_token.revoked']);
    });

    it('expires a token after its lifetime', async () => {
      const deps = testDeps(open.db);
      const org = await anOrganization(deps);
      const { user, memberships } = await aUser(deps, org.id, 'auditor');
      const { token } = await createApiToken(deps, actorOfUser(user, memberships), { name: 'kort', organizationId: org.id, scopes: ['audit:read'], expiresInDays: 1 });
      expect(await resolveApiToken(deps, token)).toBeDefined();
      deps.clock.advance(86_400_000);
      expect(await resolveApiToken(deps, token)).toBeUndefined();
    });
  });
}
