import { AppError, checkRevision, inScope, newId, nextRevision, notFound, parseInput, unknownReference, type Actor, type FieldIssue } from '../../core';
import { inTransaction, recordAudit, type Db, type Deps } from '../../storage';
import { getChange, type Change } from '../changes';
import { findDecision, type DecisionId } from '../decisions';
import { findGoal, type GoalId } from '../goals';
import { findGroup, type GroupId } from '../groups';
import { linkIssues, type Expectation, type StatementId } from './expectation';
import { expectationSchema, responseSchema, type ExpectationInput, type ResponseInput } from './expectation.schema';
import { insertExpectation, selectExpectation, updateExpectationRow } from './expectation.repository';
import { findStatement } from './statement.service';

type Read = Pick<Deps, 'db'>;
type Parsed = ReturnType<typeof expectationSchema.parse>;

const invalidInput = (message: string, issues: FieldIssue[]) => new AppError('validation_failed', message, { issues });

/**
 * Checks every id an expectation refers to against its change: a group or decision not of this
 * organization and a statement or goal not of this change — whether it belongs elsewhere or does
 * not exist at all, one answer (issue 9) — and a backing decision that was not adopted are
 * `validation_failed` on the field that names them.
 */
const checkReferences = async (db: Db, change: Change, data: Parsed): Promise<void> => {
  const issues = linkIssues(data.status, data.goalIds, data.decisionIds);
  const ofOrganization = (entity: { organizationId: string }) => entity.organizationId === change.organizationId;
  const ofChange = (entity: { changeId: string }) => entity.changeId === change.id;
  if (data.groupId && !inScope(await findGroup({ db }, data.groupId), ofOrganization)) issues.push(unknownReference('groupId', 'group'));
  if (data.statementId && !inScope(await findStatement({ db }, data.statementId), ofChange)) issues.push(unknownReference('statementId', 'statement'));
  for (const [i, goalId] of data.goalIds.entries()) {
    if (!inScope(await findGoal({ db }, goalId), ofChange)) issues.push(unknownReference(`goalIds.${i}`, 'goal'));
  }
  for (const [i, decisionId] of data.decisionIds.entries()) {
    const decision = inScope(await findDecision({ db }, decisionId), ofOrganization);
    if (!decision) issues.push(unknownReference(`decisionIds.${i}`, 'decision'));
    // Only an adopted decision backs anything; a rejected motie may still say otherwise.
    else if (data.status !== 'contradicted' && decision.outcome !== 'adopted') {
      issues.push({ path: `decisionIds.${i}`, message: 'only an adopted decision backs an expectation' });
    }
  }
  if (issues.length > 0) throw invalidInput(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
};

const fromInput = (data: Parsed) => ({
  ...data,
  groupId: data.groupId as GroupId | null,
  statementId: data.statementId as StatementId | null,
  goalIds: data.goalIds as GoalId[],
  decisionIds: data.decisionIds as DecisionId[],
});

/**
 * Records what a group (or the public) expects from a change, with its status and links; see
 * `linkIssues` for what each status requires.
 */
export const recordExpectation = async (deps: Deps, actor: Actor, changeId: string, input: ExpectationInput): Promise<Expectation> => {
  const data = parseInput(expectationSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    await checkReferences(db, change, data);
    const now = deps.clock.now().toISOString();
    const expectation: Expectation = { id: newId<'Expectation'>(), changeId: change.id, ...fromInput(data), createdAt: now, updatedAt: now, revision: 1 };
    await insertExpectation(db, expectation);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'expectation.recorded',
      entityType: 'expectation',
      entityId: expectation.id,
      data: { changeId: change.id, ...data },
    });
    return expectation;
  });
};

/** Replaces an expectation's text, source, status, links and response (a re-assessment). `ifRevision`: the revision the editor read; `edit_conflict` when someone else saved since (core/revision.ts). */
export const updateExpectation = async (deps: Deps, actor: Actor, id: string, input: ExpectationInput, ifRevision?: number): Promise<Expectation> => {
  const data = parseInput(expectationSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getExpectation({ db }, id);
    checkRevision('expectation', before, ifRevision);
    const change = await getChange({ db }, before.changeId);
    await checkReferences(db, change, data);
    const after: Expectation = nextRevision({ ...before, ...fromInput(data), updatedAt: deps.clock.now().toISOString() });
    await updateExpectationRow(db, after);
    await recordAudit(db, deps, actor, { organizationId: change.organizationId, action: 'expectation.updated', entityType: 'expectation', entityId: id, data });
    return after;
  });
};

/** Records what we communicate about an expectation, where and when (legitimacy rule 11). `ifRevision`: the revision the editor read; `edit_conflict` when someone else saved since (core/revision.ts). */
export const respondToExpectation = async (deps: Deps, actor: Actor, id: string, input: ResponseInput, ifRevision?: number): Promise<Expectation> => {
  const response = parseInput(responseSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getExpectation({ db }, id);
    checkRevision('expectation', before, ifRevision);
    const change = await getChange({ db }, before.changeId);
    const after: Expectation = nextRevision({ ...before, response, updatedAt: deps.clock.now().toISOString() });
    await updateExpectationRow(db, after);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: before.response ? 'expectation.response_updated' : 'expectation.responded',
      entityType: 'expectation',
      entityId: id,
      data: response,
    });
    return after;
  });
};

export const findExpectation = (deps: Read, id: string) => selectExpectation(deps.db, id);

export const getExpectation = async (deps: Read, id: string): Promise<Expectation> => {
  const expectation = await selectExpectation(deps.db, id);
  if (!expectation) throw notFound('expectation', id);
  return expectation;
};
