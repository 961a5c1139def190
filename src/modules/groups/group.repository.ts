import { assertRevised, type Database, type Db } from '../../storage';
import { changeIdsOf, isEmptyScope, type ChangeId, type ChangeScope } from '../changes';
import type { OrganizationId } from '../organizations';
import type { CitizenGroup, Effect, GroupId, Impact } from './group';

export type ImpactScope = ChangeScope;

const rowToGroup = (r: Database['citizen_groups']): CitizenGroup => ({
  id: r.id as GroupId,
  organizationId: r.organization_id as OrganizationId,
  name: r.name,
  description: r.description,
  estimatedSize: r.estimated_size === null ? null : Number(r.estimated_size),
  createdAt: r.created_at,
});

const rowToImpact = (r: Database['impacts']): Impact => ({
  id: r.id,
  changeId: r.change_id as ChangeId,
  groupId: r.group_id as GroupId,
  effect: r.effect as Effect,
  meaning: r.meaning,
  expectation: r.expectation,
  createdAt: r.created_at,
  revision: Number(r.revision),
});

const impactToRow = (i: Impact): Database['impacts'] => ({
  id: i.id,
  change_id: i.changeId,
  group_id: i.groupId,
  effect: i.effect,
  meaning: i.meaning,
  expectation: i.expectation,
  created_at: i.createdAt,
  revision: i.revision,
});

export const insertGroup = (db: Db, g: CitizenGroup) =>
  db
    .insertInto('citizen_groups')
    .values({ id: g.id, organization_id: g.organizationId, name: g.name, description: g.description, estimated_size: g.estimatedSize, created_at: g.createdAt })
    .execute();

export const selectGroup = async (db: Db, id: string) => {
  const row = await db.selectFrom('citizen_groups').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToGroup(row);
};

export const groupNameTaken = async (db: Db, organizationId: string, name: string) =>
  Boolean(await db.selectFrom('citizen_groups').select('id').where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst());

export const selectGroupsOf = async (db: Db, organizationId: string) =>
  (await db.selectFrom('citizen_groups').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute()).map(rowToGroup);

export const insertImpact = (db: Db, i: Impact) => db.insertInto('impacts').values(impactToRow(i)).execute();
/** Writes `i` over the revision just below it, or throws `edit_conflict` (storage/revision.ts). */
export const updateImpactRow = async (db: Db, i: Impact): Promise<void> =>
  assertRevised(await db.updateTable('impacts').set(impactToRow(i)).where('id', '=', i.id).where('revision', '=', i.revision - 1).executeTakeFirst(), 'impact', i.id);

export const selectImpactOf = async (db: Db, changeId: string, groupId: string) => {
  const row = await db.selectFrom('impacts').selectAll().where('change_id', '=', changeId).where('group_id', '=', groupId).executeTakeFirst();
  return row && rowToImpact(row);
};

export const selectImpacts = async (db: Db, scope: ImpactScope): Promise<Impact[]> => {
  let q = db.selectFrom('impacts').selectAll('impacts');
  if (isEmptyScope(scope)) return [];
  q = q.where('impacts.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('impacts.change_id').orderBy('impacts.created_at').orderBy('impacts.id').execute()).map(rowToImpact);
};
