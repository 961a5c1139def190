import { checkRevision, givenFields, newId, nextRevision, notFound, parseInput, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getChange } from '../changes';
import { versionedFieldsDiffer, type Goal, type GoalContent, type GoalVersion } from './goal';
import { goalContentSchema, goalPatchSchema, type GoalContentInput } from './goal.schema';
import {
  countGoalsOfChange,
  insertGoalRow,
  insertVersion,
  selectGoal,
  selectGoals,
  selectVersion,
  selectVersions,
  reviseGoalRow,
  updateVersionInPlace,
  type GoalScope,
} from './goal.repository';

type Read = Pick<Deps, 'db'>;

const contentOf = (v: GoalVersion): GoalContent => ({
  statement: v.statement,
  level: v.level,
  indicator: v.indicator,
  unit: v.unit,
  baselineValue: v.baselineValue,
  baselineDate: v.baselineDate,
  targetValue: v.targetValue,
  targetDate: v.targetDate,
  direction: v.direction,
  owner: v.owner,
  dataSource: v.dataSource,
  reportingInterval: v.reportingInterval,
});

export const createGoal = async (deps: Deps, actor: Actor, changeId: string, input: GoalContentInput): Promise<Goal> => {
  const content = parseInput(goalContentSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    const now = deps.clock.now().toISOString();
    const goalId = newId<'Goal'>();
    const current: GoalVersion = { id: newId<'GoalVersion'>(), goalId, version: 1, ...content, createdAt: now, createdBy: actor.id };
    const goal: Goal = { id: goalId, changeId: change.id, position: await countGoalsOfChange(db, change.id), createdAt: now, current, revision: 1 };
    await insertGoalRow(db, { id: goal.id, changeId: goal.changeId, currentVersion: 1, position: goal.position, createdAt: now });
    await insertVersion(db, current);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'goal.created',
      entityType: 'goal',
      entityId: goal.id,
      data: { changeId: change.id, versionId: current.id, ...content },
    });
    return goal;
  });
};

/**
 * Edits a goal. A change to anything a council adopts (statement, indicator, unit, baseline, target,
 * deadline, direction, level) makes a new version, so the adopted version stays readable and the goal
 * is no longer anchored until a decision adopts the new one. Owner, data source and reporting
 * interval are administration: they are corrected in place. `ifRevision`: the revision the editor
 * or client read; `edit_conflict` when someone else saved since (core/revision.ts).
 */
export const reviseGoal = async (
  deps: Deps,
  actor: Actor,
  goalId: string,
  input: Partial<GoalContentInput>,
  ifRevision?: number,
): Promise<{ goal: Goal; newVersion: boolean }> =>
  inTransaction(deps.db, async (db) => {
    const before = await getGoal({ db }, goalId);
    checkRevision('goal', before, ifRevision);
    // Parsed on its own first: the audit event records only known, validated fields (never a body's
    // junk), and a key present but undefined (an optional form field left out) keeps the stored value.
    const given = givenFields(parseInput(goalPatchSchema, input));
    const content = parseInput(goalContentSchema, { ...contentOf(before.current), ...given });
    const change = await getChange({ db }, before.changeId);
    const newVersion = versionedFieldsDiffer(before.current, content);
    const current: GoalVersion = newVersion
      ? { id: newId<'GoalVersion'>(), goalId: before.id, version: before.current.version + 1, ...content, createdAt: deps.clock.now().toISOString(), createdBy: actor.id }
      : { ...before.current, ...content };
    const after: Goal = nextRevision({ ...before, current });
    // The goal row first: a write that lost the race stops here, before touching a version.
    await reviseGoalRow(db, after);
    if (newVersion) await insertVersion(db, current);
    else await updateVersionInPlace(db, current);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: newVersion ? 'goal.versioned' : 'goal.updated',
      entityType: 'goal',
      entityId: before.id,
      data: { versionId: current.id, version: current.version, ...given },
    });
    return { goal: after, newVersion };
  });

export const findGoal = (deps: Read, id: string) => selectGoal(deps.db, id);

export const getGoal = async (deps: Read, id: string): Promise<Goal> => {
  const goal = await selectGoal(deps.db, id);
  if (!goal) throw notFound('goal', id);
  return goal;
};

export const listGoals = (deps: Read, scope: GoalScope) => selectGoals(deps.db, scope);

/** Every version of a goal, oldest first. Throws `not_found`. */
export const listGoalVersions = async (deps: Read, goalId: string): Promise<GoalVersion[]> => {
  await getGoal(deps, goalId);
  return selectVersions(deps.db, goalId);
};

export const getGoalVersion = async (deps: Read, goalId: string, version: number): Promise<GoalVersion> => {
  const v = await selectVersion(deps.db, goalId, version);
  if (!v) throw notFound('goal version', `${goalId}@${version}`);
  return v;
};
