import type { Db } from '../../storage';
import type { Organization, OrganizationId, OrganizationKind } from './organization';

type Row = {
  id: string;
  slug: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  created_at: string;
  updated_at: string;
};

export const rowToOrganization = (r: Row): Organization => ({
  id: r.id as OrganizationId,
  slug: r.slug,
  name: r.name,
  kind: r.kind as OrganizationKind,
  description: r.description,
  website: r.website,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const insertOrganization = (db: Db, o: Organization) =>
  db
    .insertInto('organizations')
    .values({
      id: o.id,
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      description: o.description,
      website: o.website,
      created_at: o.createdAt,
      updated_at: o.updatedAt,
      revision: 1,
    })
    .execute();

export const selectOrganizationById = async (db: Db, id: string) => {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToOrganization(row);
};

export const selectOrganizationBySlug = async (db: Db, slug: string) => {
  const row = await db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && rowToOrganization(row);
};

export const selectOrganizations = async (db: Db) =>
  (await db.selectFrom('organizations').selectAll().orderBy('name').execute()).map(rowToOrganization);
