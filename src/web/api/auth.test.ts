import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core';
import { anOrganization, testDeps } from '../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken, revokeApiToken } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { ERROR_TABLE } from '../errors';
import { requireScope, tokenActorOf } from './auth';

for (const dialect of DIALECTS) {
  describe(`API token hook (${dialect})`, () => {
    let open: OpenDatabase;
    beforeAll(async () => {
      open = await openTestDatabase(dialect);
    });
    afterAll(() => open.close());

    it('admits a token with the scope, refuses others with 401/403 and WWW-Authenticate, and carries the actor', async () => {
      const deps = testDeps(open.db);
      const org = await anOrganization(deps);
      const { user, memberships } = await aUser(deps, org.id, 'editor');
      const actor = actorOfUser(user, memberships);
      const { token, apiToken } = await createApiToken(deps, actor, { name: 'sensor', organizationId: org.id, scopes: ['measurements:write'] });
      const { token: readOnly } = await createApiToken(deps, actor, { name: 'lezen', organizationId: org.id, scopes: ['read'] });

      const app = Fastify();
      app.setErrorHandler((error, _request, reply) => {
        const code = isAppError(error) ? error.code : 'internal';
        return reply.status(ERROR_TABLE[code].status).send({ code });
      });
      app.put('/measure', { preHandler: requireScope(deps, 'measurements:write') }, async (request) => ({ actor: tokenActorOf(request).id, organization: request.apiToken?.organizationId }));
      const put = (authorization?: string) => app.inject({ method: 'PUT', url: '/measure', headers: authorization ? { authorization } : {} });

      const ok = await put(`Bearer ${token}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ actor: `user:${user.id}`, organization: org.id });
      const none = await put();
      expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, 'Bearer realm="helder"']);
      const bogus = await put('Bearer hld_nonsense');
      expect([bogus.statusCode, bogus.headers['www-authenticate']]).toEqual([401, 'Bearer realm="helder", error="invalid_token"']);
      const scope = await put(`Bearer ${readOnly}`);
      expect(scope.statusCode).toBe(403);
      expect(scope.headers['www-authenticate']).toContain('insufficient_scope');
      expect((await put(`Basic ${token}`)).statusCode).toBe(401);
      await revokeApiToken(deps, actor, apiToken.id);
      expect((await put(`Bearer ${token}`)).statusCode).toBe(401);
      await app.close();
    });
  });
}
