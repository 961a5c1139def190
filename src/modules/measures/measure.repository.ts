import { assertRevised, type Database, type Db } from '../../storage';
import { changeIdsOf, isEmptyScope, type ChangeId, type ChangeScope } from '../changes';
import type { GoalId } from '../goals';
import type { Contribution, EvidenceStrength, Measure, MeasureId, MeasureStatus } from './measure';

/** Which measures a bulk read covers: one organization (joined through changes) or some changes. */
export type MeasureScope = ChangeScope;

export const rowToMeasure = (r: Database['measures']): Measure => ({
  id: r.id as MeasureId,
  changeId: r.change_id as ChangeId,
  title: r.title,
  description: r.description,
  status: r.status as MeasureStatus,
  cost: r.cost === null ? null : Number(r.cost),
  startDate: r.start_date,
  endDate: r.end_date,
  createdAt: r.created_at,
  revision: Number(r.revision),
});

const measureToRow = (m: Measure): Database['measures'] => ({
  id: m.id,
  change_id: m.changeId,
  title: m.title,
  description: m.description,
  status: m.status,
  cost: m.cost,
  start_date: m.startDate,
  end_date: m.endDate,
  created_at: m.createdAt,
  revision: m.revision,
});

const rowToContribution = (r: Database['contributions']): Contribution => ({
  id: r.id,
  measureId: r.measure_id as MeasureId,
  goalId: r.goal_id as GoalId,
  mechanism: r.mechanism,
  assumptions: r.assumptions,
  expectedEffect: r.expected_effect === null ? null : Number(r.expected_effect),
  evidenceStrength: r.evidence_strength as EvidenceStrength,
  evidenceLinks: JSON.parse(r.evidence_links) as string[],
  createdAt: r.created_at,
});

export const insertMeasure = (db: Db, m: Measure) => db.insertInto('measures').values(measureToRow(m)).execute();
/** Writes `m` over the revision just below it, or throws `edit_conflict` (storage/revision.ts). */
export const updateMeasureRow = async (db: Db, m: Measure): Promise<void> =>
  assertRevised(await db.updateTable('measures').set(measureToRow(m)).where('id', '=', m.id).where('revision', '=', m.revision - 1).executeTakeFirst(), 'measure', m.id);

export const selectMeasure = async (db: Db, id: string) => {
  const row = await db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToMeasure(row);
};

export const selectMeasures = async (db: Db, scope: MeasureScope): Promise<Measure[]> => {
  let q = db.selectFrom('measures').selectAll('measures');
  if (isEmptyScope(scope)) return [];
  q = q.where('measures.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('measures.change_id').orderBy('measures.created_at').orderBy('measures.id').execute()).map(rowToMeasure);
};

export const insertContribution = (db: Db, c: Contribution) =>
  db
    .insertInto('contributions')
    .values({
      id: c.id,
      measure_id: c.measureId,
      goal_id: c.goalId,
      mechanism: c.mechanism,
      assumptions: c.assumptions,
      expected_effect: c.expectedEffect,
      evidence_strength: c.evidenceStrength,
      evidence_links: JSON.stringify(c.evidenceLinks),
      created_at: c.createdAt,
    })
    .execute();

export const contributionExists = async (db: Db, measureId: string, goalId: string) =>
  Boolean(await db.selectFrom('contributions').select('id').where('measure_id', '=', measureId).where('goal_id', '=', goalId).executeTakeFirst());

export const selectContributions = async (db: Db, scope: MeasureScope): Promise<Contribution[]> => {
  let q = db.selectFrom('contributions').innerJoin('measures', 'measures.id', 'contributions.measure_id').selectAll('contributions');
  if (isEmptyScope(scope)) return [];
  q = q.where('measures.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('contributions.measure_id').orderBy('contributions.created_at').orderBy('contributions.id').execute()).map(rowToContribution);
};
