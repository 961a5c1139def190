import { AppError, checkRevision, inScope, newId, nextRevision, notFound, parseInput, unknownReference, type Actor, type FieldIssue } from '../../core';
import { inTransaction, recordAudit, type Db, type Deps } from '../../storage';
import { getChange, type Change } from '../changes';
import { findDecision, type DecisionId } from '../decisions';
import { findGroup, type GroupId } from '../groups';
import type { Conflict } from './expectation';
import { conflictSchema, weighingSchema, type ConflictInput, type WeighingInput } from './expectation.schema';
import { insertConflict, selectConflict, selectConflictBetween, updateConflictRow } from './expectation.repository';

type Read = Pick<Deps, 'db'>;

/** The settling decision must be the change's organization's own: a foreign id answers like a missing one (issue 9). */
const checkDecision = async (db: Db, change: Change, decisionId: string | null): Promise<FieldIssue[]> => {
  if (!decisionId) return [];
  return inScope(await findDecision({ db }, decisionId), (d) => d.organizationId === change.organizationId) ? [] : [unknownReference('decisionId', 'decision')];
};

const fail = (issues: FieldIssue[]) => new AppError('validation_failed', `${issues[0]!.path}: ${issues[0]!.message}`, { issues });

/**
 * Records a conflict between two groups of the change's organization, with (or, while it is still
 * open, without) its weighing and settling decision. One conflict per pair of groups per change.
 */
export const recordConflict = async (deps: Deps, actor: Actor, changeId: string, input: ConflictInput): Promise<Conflict> => {
  const data = parseInput(conflictSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    const issues: FieldIssue[] = [];
    for (const path of ['groupAId', 'groupBId'] as const) {
      if (!inScope(await findGroup({ db }, data[path]), (g) => g.organizationId === change.organizationId)) issues.push(unknownReference(path, 'group'));
    }
    issues.push(...(await checkDecision(db, change, data.decisionId)));
    if (issues.length > 0) throw fail(issues);
    const existing = await selectConflictBetween(db, change.id, data.groupAId, data.groupBId);
    if (existing) {
      throw new AppError('conflict', 'a conflict between these groups is already recorded for this change: weigh that one', {
        details: { conflictId: existing.id },
        issues: [{ path: 'groupBId', message: 'already recorded' }],
      });
    }
    const now = deps.clock.now().toISOString();
    const conflict: Conflict = {
      id: newId<'Conflict'>(),
      changeId: change.id,
      ...data,
      groupAId: data.groupAId as GroupId,
      groupBId: data.groupBId as GroupId,
      decisionId: data.decisionId as DecisionId | null,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await insertConflict(db, conflict);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'conflict.recorded',
      entityType: 'conflict',
      entityId: conflict.id,
      data: { changeId: change.id, ...data },
    });
    return conflict;
  });
};

/** Records (or revises) the weighing of a conflict and the decision that settled it. `ifRevision`: the revision the editor read; `edit_conflict` when someone else saved since (core/revision.ts). */
export const weighConflict = async (deps: Deps, actor: Actor, id: string, input: WeighingInput, ifRevision?: number): Promise<Conflict> => {
  const data = parseInput(weighingSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getConflict({ db }, id);
    checkRevision('conflict', before, ifRevision);
    const change = await getChange({ db }, before.changeId);
    const issues = await checkDecision(db, change, data.decisionId);
    if (issues.length > 0) throw fail(issues);
    const after: Conflict = nextRevision({ ...before, weighing: data.weighing, decisionId: data.decisionId as DecisionId | null, updatedAt: deps.clock.now().toISOString() });
    await updateConflictRow(db, after);
    await recordAudit(db, deps, actor, { organizationId: change.organizationId, action: 'conflict.weighed', entityType: 'conflict', entityId: id, data });
    return after;
  });
};

export const findConflict = (deps: Read, id: string) => selectConflict(deps.db, id);

export const getConflict = async (deps: Read, id: string): Promise<Conflict> => {
  const conflict = await selectConflict(deps.db, id);
  if (!conflict) throw notFound('conflict', id);
  return conflict;
};
