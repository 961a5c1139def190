import { AppError, checkRevision, editConflict, newId, nextRevision, notFound, parseInput, requireInScope, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getChange } from '../changes';
import { getOrganization } from '../organizations';
import type { CitizenGroup, Impact } from './group';
import { groupSchema, impactSchema, type GroupInput, type ImpactInput } from './group.schema';
import { groupNameTaken, insertGroup, insertImpact, selectGroup, selectGroupsOf, selectImpactOf, updateImpactRow } from './group.repository';

type Read = Pick<Deps, 'db'>;

export const createGroup = async (deps: Deps, actor: Actor, organizationId: string, input: GroupInput): Promise<CitizenGroup> => {
  const data = parseInput(groupSchema, input);
  return inTransaction(deps.db, async (db) => {
    const organization = await getOrganization({ db }, organizationId);
    if (await groupNameTaken(db, organization.id, data.name)) {
      throw new AppError('conflict', `a group named ${data.name} already exists`, { issues: [{ path: 'name', message: 'already in use' }] });
    }
    const group: CitizenGroup = { id: newId<'CitizenGroup'>(), organizationId: organization.id, ...data, createdAt: deps.clock.now().toISOString() };
    await insertGroup(db, group);
    await recordAudit(db, deps, actor, { organizationId: organization.id, action: 'group.created', entityType: 'group', entityId: group.id, data });
    return group;
  });
};

/**
 * Sets what a change means for a group (creates or replaces the impact). The group must belong to
 * the change's organization: another organization's group is `validation_failed` on `groupId`,
 * exactly like a group that does not exist. `ifRevision`: the revision of the impact the editor or
 * client read; `edit_conflict` when someone else saved since, or when there is no impact to have
 * read (core/revision.ts).
 */
export const setImpact = async (deps: Deps, actor: Actor, changeId: string, input: ImpactInput, ifRevision?: number): Promise<Impact> => {
  const data = parseInput(impactSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    const group = requireInScope(await selectGroup(db, data.groupId), (g) => g.organizationId === change.organizationId, 'groupId', 'group');
    const existing = await selectImpactOf(db, change.id, group.id);
    if (existing) checkRevision('impact', existing, ifRevision);
    else if (ifRevision !== undefined) throw editConflict('impact', `${change.id}/${group.id}`);
    const impact: Impact = existing
      ? nextRevision({ ...existing, ...data, groupId: group.id })
      : { id: newId(), changeId: change.id, ...data, groupId: group.id, createdAt: deps.clock.now().toISOString(), revision: 1 };
    if (existing) await updateImpactRow(db, impact);
    else await insertImpact(db, impact);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: existing ? 'impact.updated' : 'impact.created',
      entityType: 'change',
      entityId: change.id,
      data: { impactId: impact.id, ...data },
    });
    return impact;
  });
};

export const findGroup = (deps: Read, id: string) => selectGroup(deps.db, id);

export const getGroup = async (deps: Read, id: string): Promise<CitizenGroup> => {
  const group = await selectGroup(deps.db, id);
  if (!group) throw notFound('group', id);
  return group;
};

export const listGroups = (deps: Read, organizationId: string) => selectGroupsOf(deps.db, organizationId);
