import type { FastifyRequest } from 'fastify';
import { isId, notFound } from '../../core';
import { findChange, type Change } from '../../modules/changes';
import type { Role } from '../../modules/users';
import type { Deps } from '../../storage';
import { organizationOf } from '../http/auth';

/**
 * Who may edit what, and the organization check behind every id in an editor URL
 * (docs/editor.md, "Roles per organization"): an id of another organization answers exactly like
 * an id that does not exist.
 */

/** Changes, goals, measures, decisions, measurements: editors, and admins (who may do everything). */
export const CHAIN_ROLES: readonly Role[] = ['editor', 'admin'];
/** Citizen texts (summary, why, what, what an impact means, responses): communicators too. */
export const TEXT_ROLES: readonly Role[] = ['editor', 'communicator', 'admin'];

/** The `:id` of the route, or `not_found` when it is not an id at all. */
export const idParam = (request: FastifyRequest, entity: string, name = 'id'): string => {
  const id = (request.params as Record<string, unknown>)[name];
  if (typeof id !== 'string' || !isId(id)) throw notFound(entity, String(id));
  return id;
};

/**
 * An entity of the URL's organization, or `not_found`: an id of another organization answers
 * exactly like an id that does not exist (docs/editor.md, roles per organization).
 */
export const ownedBy = async <T>(entity: T | undefined, organizationIdOf: (e: T) => string | Promise<string>, organizationId: string, kind: string, id: string): Promise<T> => {
  if (entity === undefined || (await organizationIdOf(entity)) !== organizationId) throw notFound(kind, id);
  return entity;
};

/** The change of the URL, within the URL's organization, or `not_found`. */
export const loadChange = async (deps: Pick<Deps, 'db'>, request: FastifyRequest): Promise<Change> => {
  const id = idParam(request, 'change');
  return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
};

/**
 * An entity that belongs to a change, and that change, when the change is the URL's
 * organization's; otherwise `not_found`, exactly like an id that does not exist.
 */
export const loadOfChange = async <T extends { changeId: string }>(deps: Pick<Deps, 'db'>, request: FastifyRequest, kind: string, find: (deps: Pick<Deps, 'db'>, id: string) => Promise<T | undefined>): Promise<{ entity: T; change: Change }> => {
  const id = idParam(request, kind);
  const entity = await find(deps, id);
  const change = entity && (await findChange(deps, entity.changeId));
  await ownedBy(change, (c) => c.organizationId, organizationOf(request).id, kind, id);
  return { entity: entity!, change: change! };
};
