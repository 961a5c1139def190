import { assertRevised, type Database, type Db } from '../../storage';
import { changeIdsOf, isEmptyScope, type ChangeId, type ChangeScope } from '../changes';
import type { Anchor, Direction, Goal, GoalId, GoalLevel, GoalVersion, GoalVersionId, Measurement, ReportingInterval } from './goal';

type VersionRow = Database['goal_versions'];

/** Which goals a bulk read covers: one organization (joined through changes) or some changes. */
export type GoalScope = ChangeScope;

export const rowToVersion = (r: VersionRow): GoalVersion => ({
  id: r.id as GoalVersionId,
  goalId: r.goal_id as GoalId,
  version: Number(r.version),
  statement: r.statement,
  level: r.level as GoalLevel,
  indicator: r.indicator,
  unit: r.unit,
  baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
  baselineDate: r.baseline_date,
  targetValue: r.target_value === null ? null : Number(r.target_value),
  targetDate: r.target_date,
  direction: r.direction as Direction,
  owner: r.owner,
  dataSource: r.data_source,
  reportingInterval: r.reporting_interval as ReportingInterval,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export const versionToRow = (v: GoalVersion): VersionRow => ({
  id: v.id,
  goal_id: v.goalId,
  version: v.version,
  statement: v.statement,
  level: v.level,
  indicator: v.indicator,
  unit: v.unit,
  baseline_value: v.baselineValue,
  baseline_date: v.baselineDate,
  target_value: v.targetValue,
  target_date: v.targetDate,
  direction: v.direction,
  owner: v.owner,
  data_source: v.dataSource,
  reporting_interval: v.reportingInterval,
  created_at: v.createdAt,
  created_by: v.createdBy,
});

export const insertGoalRow = (db: Db, g: { id: string; changeId: string; currentVersion: number; position: number; createdAt: string }) =>
  db.insertInto('goals').values({ id: g.id, change_id: g.changeId, current_version: g.currentVersion, position: g.position, created_at: g.createdAt, revision: 1 }).execute();

export const insertVersion = (db: Db, v: GoalVersion) => db.insertInto('goal_versions').values(versionToRow(v)).execute();

export const updateVersionInPlace = (db: Db, v: GoalVersion) => db.updateTable('goal_versions').set(versionToRow(v)).where('id', '=', v.id).execute();

/**
 * Points the goal at its current version and moves it to `g.revision`, over the revision just
 * below it, or throws `edit_conflict` (storage/revision.ts). Every edit of a goal runs this first,
 * whether it makes a new version or corrects the current one in place.
 */
export const reviseGoalRow = async (db: Db, g: Goal): Promise<void> =>
  assertRevised(
    await db.updateTable('goals').set({ current_version: g.current.version, revision: g.revision }).where('id', '=', g.id).where('revision', '=', g.revision - 1).executeTakeFirst(),
    'goal',
    g.id,
  );

const goalsWithCurrent = (db: Db) =>
  db
    .selectFrom('goals')
    .innerJoin('goal_versions as v', (j) => j.onRef('v.goal_id', '=', 'goals.id').onRef('v.version', '=', 'goals.current_version'))
    .selectAll('v')
    .select(['goals.change_id', 'goals.position', 'goals.created_at as goal_created_at', 'goals.revision as goal_revision']);

type JoinedRow = VersionRow & { change_id: string; position: number; goal_created_at: string; goal_revision: number };
const joinedToGoal = (r: JoinedRow): Goal => ({
  id: r.goal_id as GoalId,
  changeId: r.change_id as ChangeId,
  position: Number(r.position),
  createdAt: r.goal_created_at,
  current: rowToVersion(r),
  revision: Number(r.goal_revision),
});

export const selectGoal = async (db: Db, id: string): Promise<Goal | undefined> => {
  const row = await goalsWithCurrent(db).where('goals.id', '=', id).executeTakeFirst();
  return row && joinedToGoal(row as JoinedRow);
};

export const selectGoals = async (db: Db, scope: GoalScope): Promise<Goal[]> => {
  if (isEmptyScope(scope)) return [];
  const rows = await goalsWithCurrent(db)
    .where('goals.change_id', 'in', changeIdsOf(db, scope)).orderBy('goals.change_id').orderBy('goals.position').orderBy('goals.id').execute();
  return rows.map((r) => joinedToGoal(r as JoinedRow));
};

export const countGoalsOfChange = async (db: Db, changeId: string) =>
  Number((await db.selectFrom('goals').select((eb) => eb.fn.countAll().as('n')).where('change_id', '=', changeId).executeTakeFirstOrThrow()).n);

export const selectVersions = async (db: Db, goalId: string) =>
  (await db.selectFrom('goal_versions').selectAll().where('goal_id', '=', goalId).orderBy('version').execute()).map(rowToVersion);

export const selectVersion = async (db: Db, goalId: string, version: number) => {
  const row = await db.selectFrom('goal_versions').selectAll().where('goal_id', '=', goalId).where('version', '=', version).executeTakeFirst();
  return row && rowToVersion(row);
};

/** Every version of the goals in scope (for exports and version histories). */
export const selectAllVersions = async (db: Db, scope: GoalScope): Promise<GoalVersion[]> => {
  let q = db.selectFrom('goal_versions as v').innerJoin('goals', 'goals.id', 'v.goal_id').selectAll('v');
  if (isEmptyScope(scope)) return [];
  q = q.where('goals.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('v.goal_id').orderBy('v.version').execute()).map(rowToVersion);
};

export const insertAnchor = (db: Db, a: Anchor) =>
  db.insertInto('anchors').values({ id: a.id, decision_id: a.decisionId, goal_version_id: a.goalVersionId, created_at: a.createdAt }).execute();

export const anchorExists = async (db: Db, decisionId: string, goalVersionId: string) =>
  Boolean(await db.selectFrom('anchors').select('id').where('decision_id', '=', decisionId).where('goal_version_id', '=', goalVersionId).executeTakeFirst());

/** Anchors of every version of the goals in scope. */
export const selectAnchors = async (db: Db, scope: GoalScope): Promise<Anchor[]> => {
  let q = db
    .selectFrom('anchors')
    .innerJoin('goal_versions as v', 'v.id', 'anchors.goal_version_id')
    .innerJoin('goals', 'goals.id', 'v.goal_id')
    .selectAll('anchors');
  if (isEmptyScope(scope)) return [];
  q = q.where('goals.change_id', 'in', changeIdsOf(db, scope));
  const rows = await q.orderBy('anchors.created_at').orderBy('anchors.id').execute();
  return rows.map((r) => ({ id: r.id, decisionId: r.decision_id, goalVersionId: r.goal_version_id as GoalVersionId, createdAt: r.created_at }));
};

const rowToMeasurement = (r: Database['measurements']): Measurement => ({
  id: r.id,
  goalId: r.goal_id as GoalId,
  date: r.date,
  value: Number(r.value),
  source: r.source,
  note: r.note,
  createdAt: r.created_at,
});

export const insertMeasurement = (db: Db, m: Measurement) =>
  db
    .insertInto('measurements')
    .values({ id: m.id, goal_id: m.goalId, date: m.date, value: m.value, source: m.source, note: m.note, created_at: m.createdAt })
    .execute();

export const updateMeasurementRow = (db: Db, m: Measurement) =>
  db.updateTable('measurements').set({ value: m.value, source: m.source, note: m.note }).where('id', '=', m.id).execute();

export const selectMeasurementAt = async (db: Db, goalId: string, date: string) => {
  const row = await db.selectFrom('measurements').selectAll().where('goal_id', '=', goalId).where('date', '=', date).executeTakeFirst();
  return row && rowToMeasurement(row);
};

export const selectMeasurementsOfGoal = async (db: Db, goalId: string) =>
  (await db.selectFrom('measurements').selectAll().where('goal_id', '=', goalId).orderBy('date').execute()).map(rowToMeasurement);

/** Every measurement of the goals in scope, oldest first per goal. */
export const selectMeasurements = async (db: Db, scope: GoalScope): Promise<Measurement[]> => {
  let q = db.selectFrom('measurements as m').innerJoin('goals', 'goals.id', 'm.goal_id').selectAll('m');
  if (isEmptyScope(scope)) return [];
  q = q.where('goals.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('m.goal_id').orderBy('m.date').execute()).map(rowToMeasurement);
};

/**
 * The newest measurement of each goal in scope, in one query whatever the number of measurements
 * (a join on the per-goal maximum date, which the (goal_id, date) unique index serves).
 */
export const selectLatestMeasurements = async (db: Db, scope: GoalScope): Promise<Measurement[]> => {
  let latest = db.selectFrom('measurements as m2').innerJoin('goals', 'goals.id', 'm2.goal_id').select(['m2.goal_id', (eb) => eb.fn.max('m2.date').as('max_date')]);
  if (isEmptyScope(scope)) return [];
  latest = latest.where('goals.change_id', 'in', changeIdsOf(db, scope));
  const rows = await db
    .selectFrom('measurements as m')
    .innerJoin(latest.groupBy('m2.goal_id').as('l'), (j) => j.onRef('l.goal_id', '=', 'm.goal_id').onRef('l.max_date', '=', 'm.date'))
    .selectAll('m')
    .execute();
  return rows.map(rowToMeasurement);
};

/** An anchor with the goal and version number it adopted: what the legitimacy check reads. */
export interface AnchorOfGoal extends Anchor {
  goalId: GoalId;
  version: number;
}

/** Anchors of every version of the goals in scope, with their goal id and version number. */
export const selectAnchorsOfGoals = async (db: Db, scope: GoalScope): Promise<AnchorOfGoal[]> => {
  let q = db
    .selectFrom('anchors')
    .innerJoin('goal_versions as v', 'v.id', 'anchors.goal_version_id')
    .innerJoin('goals', 'goals.id', 'v.goal_id')
    .selectAll('anchors')
    .select(['v.goal_id', 'v.version']);
  if (isEmptyScope(scope)) return [];
  q = q.where('goals.change_id', 'in', changeIdsOf(db, scope));
  const rows = await q.orderBy('anchors.created_at').orderBy('anchors.id').execute();
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    goalVersionId: r.goal_version_id as GoalVersionId,
    goalId: r.goal_id as GoalId,
    version: Number(r.version),
    createdAt: r.created_at,
  }));
};
