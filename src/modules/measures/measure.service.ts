import { AppError, checkRevision, givenFields, newId, nextRevision, notFound, parseInput, requireInScope, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getChange } from '../changes';
import { findGoal } from '../goals';
import type { Contribution, Measure } from './measure';
import { contributionSchema, measurePatchSchema, measureSchema, type ContributionInput, type MeasureInput } from './measure.schema';
import { contributionExists, insertContribution, insertMeasure, selectMeasure, updateMeasureRow } from './measure.repository';

export const createMeasure = async (deps: Deps, actor: Actor, changeId: string, input: MeasureInput): Promise<Measure> => {
  const data = parseInput(measureSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    const measure: Measure = { id: newId<'Measure'>(), changeId: change.id, ...data, createdAt: deps.clock.now().toISOString(), revision: 1 };
    await insertMeasure(db, measure);
    await recordAudit(db, deps, actor, { organizationId: change.organizationId, action: 'measure.created', entityType: 'measure', entityId: measure.id, data: { changeId: change.id, ...data } });
    return measure;
  });
};

/**
 * Edits a measure. Fields left out keep their stored value (`null` clears one): parsed on its own,
 * the input's defaults would silently reset the status, cost and dates of every partial edit. The
 * merged whole is validated, so new dates are checked against the stored ones. `ifRevision`: the
 * revision the editor or client read; `edit_conflict` when someone else saved since (core/revision.ts).
 */
export const updateMeasure = async (deps: Deps, actor: Actor, id: string, input: MeasureInput, ifRevision?: number): Promise<Measure> =>
  inTransaction(deps.db, async (db) => {
    const before = await getMeasure({ db }, id);
    checkRevision('measure', before, ifRevision);
    // Parsed on its own first: the audit event records only known, validated fields.
    const given = givenFields(parseInput(measurePatchSchema, input));
    const stored: MeasureInput = {
      title: before.title,
      description: before.description,
      status: before.status,
      cost: before.cost,
      startDate: before.startDate,
      endDate: before.endDate,
    };
    const data = parseInput(measureSchema, { ...stored, ...given });
    const change = await getChange({ db }, before.changeId);
    const after: Measure = nextRevision({ ...before, ...data });
    await updateMeasureRow(db, after);
    await recordAudit(db, deps, actor, { organizationId: change.organizationId, action: 'measure.updated', entityType: 'measure', entityId: id, data: given });
    return after;
  });

/**
 * Records how a measure contributes to a goal. The goal must belong to the measure's own change
 * (`validation_failed`): a measure cannot claim credit for another change's goal.
 */
export const addContribution = async (deps: Deps, actor: Actor, measureId: string, input: ContributionInput): Promise<Contribution> => {
  const data = parseInput(contributionSchema, input);
  return inTransaction(deps.db, async (db) => {
    const measure = await getMeasure({ db }, measureId);
    // A goal of another change, of another organization, or none at all: one answer (issue 9).
    const goal = requireInScope(await findGoal({ db }, data.goalId), (g) => g.changeId === measure.changeId, 'goalId', 'goal');
    if (await contributionExists(db, measure.id, goal.id)) throw new AppError('conflict', 'this measure already contributes to this goal');
    const change = await getChange({ db }, measure.changeId);
    const contribution: Contribution = { id: newId(), measureId: measure.id, ...data, goalId: goal.id, createdAt: deps.clock.now().toISOString() };
    await insertContribution(db, contribution);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'contribution.created',
      entityType: 'measure',
      entityId: measure.id,
      data: { contributionId: contribution.id, ...data },
    });
    return contribution;
  });
};

export const findMeasure = (deps: Pick<Deps, 'db'>, id: string) => selectMeasure(deps.db, id);

export const getMeasure = async (deps: Pick<Deps, 'db'>, id: string): Promise<Measure> => {
  const measure = await selectMeasure(deps.db, id);
  if (!measure) throw notFound('measure', id);
  return measure;
};
