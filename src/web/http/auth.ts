import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, type Actor } from '../../core';
import { findOrganization, type Organization } from '../../modules/organizations';
import { hasRole, resolveSession, rolesIn, type Role, type SessionContext, type SessionSettings } from '../../modules/users';
import type { Deps } from '../../storage';
import { sessionTokenOf } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The resolved editor session (any stage), set by `sessionHook`. */
    auth?: SessionContext | undefined;
    /** The organization of the route, set by `requireRole`. */
    organization?: Organization | undefined;
  }
}

/** Where a session in a login step must go before anything else. */
export const LOGIN_PATH = '/editor/inloggen';
export const TOTP_PATH = '/editor/inloggen/code';
export const ACCOUNT_PATH = '/editor/account';

/** `onRequest`: resolves the session cookie (one indexed query per table) and leaves it on the request. */
export const sessionHook =
  (deps: Deps, settings: SessionSettings) =>
  async (request: FastifyRequest): Promise<void> => {
    const token = sessionTokenOf(request);
    request.auth = token ? await resolveSession(deps, token, settings) : undefined;
  };

/**
 * `unauthorized` with where to go: the editor turns it into a redirect for page requests. A session
 * half-way through login is sent to its step; none at all to the login page.
 */
const notLoggedIn = (request: FastifyRequest): AppError => {
  const stage = request.auth?.session.stage;
  const redirect = stage === 'totp' ? TOTP_PATH : stage === 'enrol' ? ACCOUNT_PATH : `${LOGIN_PATH}?terug=${encodeURIComponent(request.url)}`;
  return new AppError('unauthorized', 'log in first', { details: { redirect } });
};

/** The actor of a fully logged-in session, or `unauthorized`. Use in every editor route. */
export const actorOf = (request: FastifyRequest): Actor => {
  if (request.auth?.session.stage !== 'active') throw notLoggedIn(request);
  return request.auth.actor;
};

/**
 * The actor of a session that is logged in or must still enrol TOTP (stage `enrol`): for the account
 * page only, where an admin sets up two-factor authentication.
 */
export const enrollingActorOf = (request: FastifyRequest): Actor => {
  const stage = request.auth?.session.stage;
  if (!request.auth || (stage !== 'active' && stage !== 'enrol')) throw notLoggedIn(request);
  return request.auth.actor;
};

/**
 * Checks an actor against an organization: no role there at all is `not_found` (a user of B must not
 * learn that A's slug or ids exist), a role but not one of `roles` is `forbidden`.
 */
export const authorize = (actor: Actor, organizationId: string, roles: readonly Role[] | 'any'): void => {
  const held = rolesIn(actor, organizationId);
  if (held.length === 0) throw new AppError('not_found', 'no such organization', { details: { entity: 'organization', id: organizationId } });
  if (roles !== 'any' && !hasRole(actor, organizationId, roles)) throw new AppError('forbidden', 'your role does not allow this');
};

/**
 * `preHandler` for routes under `/:org`: resolves the organization by slug, requires a logged-in
 * actor with one of `roles` there (`'any'`: any role) and leaves the organization on the request.
 * Throws `unauthorized`, `not_found`, `forbidden`.
 */
export const requireRole =
  (deps: Pick<Deps, 'db'>, roles: readonly Role[] | 'any', param = 'org'): preHandlerAsyncHookHandler =>
  async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = actorOf(request);
    const slug = (request.params as Record<string, unknown>)[param];
    const organization = typeof slug === 'string' && slug.length <= 80 ? await findOrganization(deps, slug) : undefined;
    if (!organization) throw new AppError('not_found', 'no such organization');
    authorize(actor, organization.id, roles);
    request.organization = organization;
  };

/** The organization `requireRole` resolved; a route without the hook is a programming error. */
export const organizationOf = (request: FastifyRequest): Organization => {
  if (!request.organization) throw new AppError('internal', 'route lacks requireRole');
  return request.organization;
};
