import { assertRevised, type Database, type Db } from '../../storage';
import { groupBy } from '../../core';
import { changeIdsOf, isEmptyScope, type ChangeId, type ChangeScope } from '../changes';
import type { DecisionId } from '../decisions';
import type { GoalId } from '../goals';
import type { GroupId } from '../groups';
import type {
  Conflict,
  ConflictId,
  Expectation,
  ExpectationId,
  ExpectationKind,
  ExpectationSource,
  ExpectationStatus,
  SpeakerKind,
  Statement,
  StatementId,
} from './expectation';

/** Which rows a bulk read covers: one organization (joined through changes) or some changes. */
export type ExpectationScope = ChangeScope;

const rowToStatement = (r: Database['statements']): Statement => ({
  id: r.id as StatementId,
  changeId: r.change_id as ChangeId,
  speaker: r.speaker,
  speakerKind: r.speaker_kind as SpeakerKind,
  role: r.role,
  medium: r.medium,
  date: r.date,
  quote: r.quote,
  url: r.url,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revision: Number(r.revision),
});

const statementToRow = (s: Statement): Database['statements'] => ({
  id: s.id,
  change_id: s.changeId,
  speaker: s.speaker,
  speaker_kind: s.speakerKind,
  role: s.role,
  medium: s.medium,
  date: s.date,
  quote: s.quote,
  url: s.url,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
  revision: s.revision,
});

type LinkRow = Database['expectation_links'];

const rowToExpectation = (r: Database['expectations'], links: readonly LinkRow[]): Expectation => ({
  id: r.id as ExpectationId,
  changeId: r.change_id as ChangeId,
  groupId: r.group_id as GroupId | null,
  statementId: r.statement_id as StatementId | null,
  text: r.text,
  kind: r.kind as ExpectationKind,
  source: r.source as ExpectationSource,
  raisedBy: r.raised_by,
  raisedWhere: r.raised_where,
  raisedOn: r.raised_on,
  sourceUrl: r.source_url,
  status: r.status as ExpectationStatus,
  goalIds: links.flatMap((l) => (l.goal_id ? [l.goal_id as GoalId] : [])),
  decisionIds: links.flatMap((l) => (l.decision_id ? [l.decision_id as DecisionId] : [])),
  response:
    r.response_text === null ? null : { text: r.response_text, channel: r.response_channel ?? '', date: r.response_date ?? '' },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revision: Number(r.revision),
});

const expectationToRow = (e: Expectation): Database['expectations'] => ({
  id: e.id,
  change_id: e.changeId,
  group_id: e.groupId,
  statement_id: e.statementId,
  text: e.text,
  kind: e.kind,
  source: e.source,
  raised_by: e.raisedBy,
  raised_where: e.raisedWhere,
  raised_on: e.raisedOn,
  source_url: e.sourceUrl,
  status: e.status,
  response_text: e.response?.text ?? null,
  response_channel: e.response?.channel ?? null,
  response_date: e.response?.date ?? null,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
  revision: e.revision,
});

// Goals first, then decisions, each in the order given: the order the register shows them in.
const linksOf = (e: Expectation): LinkRow[] => [
  ...e.goalIds.map((goalId, i) => ({ id: `${e.id}:g${i}`, expectation_id: e.id, goal_id: goalId, decision_id: null, position: i })),
  ...e.decisionIds.map((decisionId, i) => ({
    id: `${e.id}:d${i}`,
    expectation_id: e.id,
    goal_id: null,
    decision_id: decisionId,
    position: e.goalIds.length + i,
  })),
];

const rowToConflict = (r: Database['conflicts']): Conflict => ({
  id: r.id as ConflictId,
  changeId: r.change_id as ChangeId,
  groupAId: r.group_a_id as GroupId,
  groupBId: r.group_b_id as GroupId,
  description: r.description,
  weighing: r.weighing,
  decisionId: r.decision_id as DecisionId | null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revision: Number(r.revision),
});

const conflictToRow = (c: Conflict): Database['conflicts'] => ({
  id: c.id,
  change_id: c.changeId,
  group_a_id: c.groupAId,
  group_b_id: c.groupBId,
  description: c.description,
  weighing: c.weighing,
  decision_id: c.decisionId,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  revision: c.revision,
});

export const insertStatement = (db: Db, s: Statement) => db.insertInto('statements').values(statementToRow(s)).execute();
/** Writes `s` over the revision just below it, or throws `edit_conflict` (storage/revision.ts). */
export const updateStatementRow = async (db: Db, s: Statement): Promise<void> =>
  assertRevised(await db.updateTable('statements').set(statementToRow(s)).where('id', '=', s.id).where('revision', '=', s.revision - 1).executeTakeFirst(), 'statement', s.id);

export const selectStatement = async (db: Db, id: string): Promise<Statement | undefined> => {
  const row = await db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToStatement(row);
};

/** Inserts an expectation with its links (two statements; run inside the caller's transaction). */
export const insertExpectation = async (db: Db, e: Expectation): Promise<void> => {
  await db.insertInto('expectations').values(expectationToRow(e)).execute();
  const links = linksOf(e);
  if (links.length > 0) await db.insertInto('expectation_links').values(links).execute();
};

/** Replaces an expectation (over the revision just below `e`'s, or `edit_conflict`) and all its links. */
export const updateExpectationRow = async (db: Db, e: Expectation): Promise<void> => {
  assertRevised(await db.updateTable('expectations').set(expectationToRow(e)).where('id', '=', e.id).where('revision', '=', e.revision - 1).executeTakeFirst(), 'expectation', e.id);
  await db.deleteFrom('expectation_links').where('expectation_id', '=', e.id).execute();
  const links = linksOf(e);
  if (links.length > 0) await db.insertInto('expectation_links').values(links).execute();
};

export const selectExpectation = async (db: Db, id: string): Promise<Expectation | undefined> => {
  const row = await db.selectFrom('expectations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const links = await db.selectFrom('expectation_links').selectAll().where('expectation_id', '=', id).orderBy('position').execute();
  return rowToExpectation(row, links);
};

export const insertConflict = (db: Db, c: Conflict) => db.insertInto('conflicts').values(conflictToRow(c)).execute();
/** Writes `c` over the revision just below it, or throws `edit_conflict` (storage/revision.ts). */
export const updateConflictRow = async (db: Db, c: Conflict): Promise<void> =>
  assertRevised(await db.updateTable('conflicts').set(conflictToRow(c)).where('id', '=', c.id).where('revision', '=', c.revision - 1).executeTakeFirst(), 'conflict', c.id);

export const selectConflict = async (db: Db, id: string): Promise<Conflict | undefined> => {
  const row = await db.selectFrom('conflicts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToConflict(row);
};

/** The conflict between two groups in one change, in either order. */
export const selectConflictBetween = async (db: Db, changeId: string, a: string, b: string): Promise<Conflict | undefined> => {
  const row = await db
    .selectFrom('conflicts')
    .selectAll()
    .where('change_id', '=', changeId)
    .where((eb) => eb.or([eb.and([eb('group_a_id', '=', a), eb('group_b_id', '=', b)]), eb.and([eb('group_a_id', '=', b), eb('group_b_id', '=', a)])]))
    .executeTakeFirst();
  return row && rowToConflict(row);
};

/** Statements of one organization or some changes, one query, by change then date. */
export const selectStatements = async (db: Db, scope: ExpectationScope): Promise<Statement[]> => {
  let q = db.selectFrom('statements').selectAll('statements');
  if (isEmptyScope(scope)) return [];
  q = q.where('statements.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('statements.change_id').orderBy('statements.date').orderBy('statements.id').execute()).map(rowToStatement);
};

/** Expectations with their links of one organization or some changes: two queries, whatever the count. */
export const selectExpectations = async (db: Db, scope: ExpectationScope): Promise<Expectation[]> => {
  let q = db.selectFrom('expectations').selectAll('expectations');
  let l = db.selectFrom('expectation_links').innerJoin('expectations as e', 'e.id', 'expectation_links.expectation_id').selectAll('expectation_links');
  if (isEmptyScope(scope)) return [];
  q = q.where('expectations.change_id', 'in', changeIdsOf(db, scope));
  l = l.where('e.change_id', 'in', changeIdsOf(db, scope));
  const [rows, links] = await Promise.all([
    q.orderBy('expectations.change_id').orderBy('expectations.created_at').orderBy('expectations.id').execute(),
    l.orderBy('expectation_links.expectation_id').orderBy('expectation_links.position').execute(),
  ]);
  const linksByExpectation = groupBy(links, (link) => link.expectation_id);
  return rows.map((r) => rowToExpectation(r, linksByExpectation.get(r.id) ?? []));
};

/** Conflicts of one organization or some changes, one query. */
export const selectConflicts = async (db: Db, scope: ExpectationScope): Promise<Conflict[]> => {
  let q = db.selectFrom('conflicts').selectAll('conflicts');
  if (isEmptyScope(scope)) return [];
  q = q.where('conflicts.change_id', 'in', changeIdsOf(db, scope));
  return (await q.orderBy('conflicts.change_id').orderBy('conflicts.created_at').orderBy('conflicts.id').execute()).map(rowToConflict);
};
