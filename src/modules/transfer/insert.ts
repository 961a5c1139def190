import { AppError } from '../../core';
import type { Db } from '../../storage';
import { insertOrganization, type OrganizationId } from '../organizations';
import { insertChange, insertMilestone, type ChangeId, type MilestoneId } from '../changes';
import { insertGroup, insertImpact, type GroupId } from '../groups';
import { insertDecision, type DecisionId } from '../decisions';
import { insertAnchor, insertGoalRow, insertMeasurement, insertVersion, type GoalId, type GoalVersionId } from '../goals';
import { insertContribution, insertMeasure, type MeasureId } from '../measures';
import { insertConflict, insertExpectation, insertStatement, type ConflictId, type ExpectationId, type StatementId } from '../expectations';
import type { ChangeRecord, DecisionRecord, OrganizationDocument } from './document.schema';
import { pathOf } from './paths';

/** How many records of each kind a document holds (and an import wrote). */
export interface TransferCounts {
  groups: number;
  changes: number;
  milestones: number;
  goals: number;
  goalVersions: number;
  measurements: number;
  measures: number;
  contributions: number;
  impacts: number;
  decisions: number;
  partyVotes: number;
  followUps: number;
  anchors: number;
  statements: number;
  expectations: number;
  conflicts: number;
}

export const countsOf = (doc: OrganizationDocument): TransferCounts => {
  const goals = doc.changes.flatMap((c) => c.goals);
  const measures = doc.changes.flatMap((c) => c.measures);
  return {
    groups: doc.groups.length,
    changes: doc.changes.length,
    milestones: doc.changes.reduce((n, c) => n + c.milestones.length, 0),
    goals: goals.length,
    goalVersions: goals.reduce((n, g) => n + g.versions.length, 0),
    measurements: goals.reduce((n, g) => n + g.measurements.length, 0),
    measures: measures.length,
    contributions: measures.reduce((n, m) => n + m.contributions.length, 0),
    impacts: doc.changes.reduce((n, c) => n + c.impacts.length, 0),
    decisions: doc.decisions.length,
    partyVotes: doc.decisions.reduce((n, d) => n + d.partyVotes.length, 0),
    followUps: doc.decisions.reduce((n, d) => n + d.followUps.length, 0),
    anchors: doc.anchors.length,
    statements: doc.changes.reduce((n, c) => n + c.statements.length, 0),
    expectations: doc.changes.reduce((n, c) => n + c.expectations.length, 0),
    conflicts: doc.changes.reduce((n, c) => n + c.conflicts.length, 0),
  };
};

/**
 * SQLSTATE class 23 (PostgreSQL) and SQLITE_CONSTRAINT_* (better-sqlite3): an integrity constraint
 * refused the row. After the document's own checks this means a record with the same id (or the
 * same unique values) already exists in this installation.
 */
const isConstraintViolation = (error: unknown): boolean => {
  const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && (/^23\d{3}$/.test(code) || code.startsWith('SQLITE_CONSTRAINT'));
};

const at = async (path: string, write: () => Promise<unknown>): Promise<void> => {
  try {
    await write();
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    throw new AppError('conflict', `${path} already exists in this installation`, {
      issues: [{ path, message: 'a record with this id or these unique values already exists in this installation' }],
      cause: error,
    });
  }
};

/** Corrected decisions first: `corrects_id` is a foreign key. Cycles were refused before. */
const correctionOrder = (decisions: readonly DecisionRecord[]): [DecisionRecord, number][] => {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const depth = (d: DecisionRecord): number => {
    let n = 0;
    for (let c = d.correctsId && byId.get(d.correctsId); c; c = c.correctsId ? byId.get(c.correctsId) : undefined) n++;
    return n;
  };
  return decisions.map((d, i): [DecisionRecord, number, number] => [d, i, depth(d)]).sort((a, b) => a[2] - b[2]).map(([d, i]) => [d, i]);
};

/** Writes a checked document with the modules' raw inserts, parents before children. */
export const insertDocument = async (db: Db, doc: OrganizationDocument): Promise<void> => {
  const organizationId = doc.organization.id as OrganizationId;
  await at('organization', () => insertOrganization(db, { ...doc.organization, id: organizationId }));
  for (const [i, g] of doc.groups.entries()) await at(pathOf('groups', i), () => insertGroup(db, { ...g, id: g.id as GroupId, organizationId }));
  for (const [i, c] of doc.changes.entries()) {
    const change = pathOf('changes', i);
    const changeId = c.id as ChangeId;
    await at(change, () => insertChange(db, { ...c, id: changeId, organizationId, revision: 1 }));
    for (const [j, m] of c.milestones.entries()) await at(pathOf(change, 'milestones', j), () => insertMilestone(db, { ...m, id: m.id as MilestoneId, changeId, revision: 1 }));
    for (const [j, g] of c.goals.entries()) {
      const goal = pathOf(change, 'goals', j);
      const goalId = g.id as GoalId;
      await at(goal, () => insertGoalRow(db, { id: goalId, changeId, currentVersion: g.currentVersion, position: g.position, createdAt: g.createdAt }));
      for (const [k, v] of g.versions.entries()) await at(pathOf(goal, 'versions', k), () => insertVersion(db, { ...v, id: v.id as GoalVersionId, goalId }));
      for (const [k, m] of g.measurements.entries()) await at(pathOf(goal, 'measurements', k), () => insertMeasurement(db, { ...m, goalId }));
    }
    for (const [j, m] of c.measures.entries()) {
      const measure = pathOf(change, 'measures', j);
      const measureId = m.id as MeasureId;
      await at(measure, () => insertMeasure(db, { ...m, id: measureId, changeId, revision: 1 }));
      for (const [k, x] of m.contributions.entries()) {
        await at(pathOf(measure, 'contributions', k), () => insertContribution(db, { ...x, measureId, goalId: x.goalId as GoalId }));
      }
    }
    for (const [j, x] of c.impacts.entries()) await at(pathOf(change, 'impacts', j), () => insertImpact(db, { ...x, changeId, groupId: x.groupId as GroupId, revision: 1 }));
  }
  for (const [d, i] of correctionOrder(doc.decisions)) {
    const decision = { ...d, id: d.id as DecisionId, organizationId, changeId: d.changeId as ChangeId | null, correctsId: d.correctsId as DecisionId | null, revision: 1 };
    await at(pathOf('decisions', i), () => insertDecision(db, decision));
  }
  for (const [i, a] of doc.anchors.entries()) await at(pathOf('anchors', i), () => insertAnchor(db, { ...a, goalVersionId: a.goalVersionId as GoalVersionId }));
  // The register last: it points at goals, groups and decisions (foreign keys).
  for (const [i, c] of doc.changes.entries()) await insertRegister(db, c, pathOf('changes', i));
};

/** A change's statements, then its expectations (with their links; they may name a statement), then its conflicts. */
const insertRegister = async (db: Db, c: ChangeRecord, change: string): Promise<void> => {
  const changeId = c.id as ChangeId;
  for (const [j, s] of c.statements.entries()) await at(pathOf(change, 'statements', j), () => insertStatement(db, { ...s, id: s.id as StatementId, changeId, revision: 1 }));
  for (const [j, e] of c.expectations.entries()) {
    const expectation = {
      ...e,
      id: e.id as ExpectationId,
      changeId,
      groupId: e.groupId as GroupId | null,
      statementId: e.statementId as StatementId | null,
      goalIds: e.goalIds as GoalId[],
      decisionIds: e.decisionIds as DecisionId[],
      revision: 1,
    };
    await at(pathOf(change, 'expectations', j), () => insertExpectation(db, expectation));
  }
  for (const [j, x] of c.conflicts.entries()) {
    const conflict = { ...x, id: x.id as ConflictId, changeId, groupAId: x.groupAId as GroupId, groupBId: x.groupBId as GroupId, decisionId: x.decisionId as DecisionId | null, revision: 1 };
    await at(pathOf(change, 'conflicts', j), () => insertConflict(db, conflict));
  }
};
