import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../core';
import { resolveApiToken, type TokenContext, type TokenScope } from '../../modules/users';
import type { Deps } from '../../storage';

declare module 'fastify' {
  interface FastifyRequest {
    /** The resolved API token, set by `tokenAuth`. */
    apiToken?: TokenContext | undefined;
  }
}

/**
 * Token authentication for the write API (issue 5): `Authorization: Bearer hld_…` (RFC 6750). No
 * cookie is ever read here, so API requests carry no ambient credentials and need no CSRF token.
 * A missing, unknown, revoked or expired token is `unauthorized` (401 with `WWW-Authenticate`);
 * a valid token without the scope is `forbidden` (403, `insufficient_scope`).
 *
 * Use: `{ preHandler: requireScope(deps, 'measurements:write') }`, then `tokenActorOf(request)` for
 * the actor (its roles cover only the token's organization) and `request.apiToken.organizationId`
 * to check that the addressed entity belongs to that organization (answer `not_found` when not).
 */
export const bearerOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
};

export const requireScope =
  (deps: Deps, scope: TokenScope): preHandlerAsyncHookHandler =>
  async (request: FastifyRequest, reply: FastifyReply) => {
    const presented = bearerOf(request);
    const context = presented ? await resolveApiToken(deps, presented) : undefined;
    if (!context) {
      reply.header('WWW-Authenticate', presented ? 'Bearer realm="helder", error="invalid_token"' : 'Bearer realm="helder"');
      throw new AppError('unauthorized', 'a valid API token is required');
    }
    if (!context.scopes.includes(scope)) {
      reply.header('WWW-Authenticate', `Bearer realm="helder", error="insufficient_scope", scope="${scope}"`);
      throw new AppError('forbidden', `this token lacks the scope ${scope}`);
    }
    request.apiToken = context;
  };

/** The actor behind the request's token; a route without `requireScope` is a programming error. */
export const tokenActorOf = (request: FastifyRequest) => {
  if (!request.apiToken) throw new AppError('internal', 'route lacks requireScope');
  return request.apiToken.actor;
};
