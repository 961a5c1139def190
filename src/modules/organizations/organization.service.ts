import { AppError, isId, newId, notFound, parseInput, type Actor } from '../../core';
import { appendAudit, inTransaction, type Deps } from '../../storage';
import type { Organization, OrganizationId } from './organization';
import { createOrganizationSchema, type CreateOrganizationInput } from './organization.schema';
import {
  insertOrganization,
  selectOrganizationById,
  selectOrganizationBySlug,
  selectOrganizations,
} from './organization.repository';

export const createOrganization = async (deps: Deps, actor: Actor, input: CreateOrganizationInput): Promise<Organization> => {
  const data = parseInput(createOrganizationSchema, input);
  return inTransaction(deps.db, async (tx) => {
    if (await selectOrganizationBySlug(tx, data.slug)) {
      throw new AppError('conflict', `an organization with slug ${data.slug} already exists`, {
        issues: [{ path: 'slug', message: 'already in use' }],
      });
    }
    const now = deps.clock.now().toISOString();
    const organization: Organization = { id: newId<'Organization'>(), ...data, createdAt: now, updatedAt: now };
    await insertOrganization(tx, organization);
    await appendAudit(tx, {
      organizationId: organization.id,
      actor: actor.id,
      action: 'organization.created',
      entityType: 'organization',
      entityId: organization.id,
      data,
      at: deps.clock.now(),
    });
    return organization;
  });
};

export const findOrganization = (deps: Pick<Deps, 'db'>, idOrSlug: string): Promise<Organization | undefined> =>
  isId(idOrSlug) ? selectOrganizationById(deps.db, idOrSlug) : selectOrganizationBySlug(deps.db, idOrSlug);

export const getOrganization = async (deps: Pick<Deps, 'db'>, idOrSlug: string): Promise<Organization> => {
  const organization = await findOrganization(deps, idOrSlug);
  if (!organization) throw notFound('organization', idOrSlug);
  return organization;
};

export const listOrganizations = (deps: Pick<Deps, 'db'>): Promise<Organization[]> => selectOrganizations(deps.db);

export type { OrganizationId };
