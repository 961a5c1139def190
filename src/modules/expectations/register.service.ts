import { parseInput } from '../../core';
import type { Deps } from '../../storage';
import { getChange, type Change } from '../changes';
import { listDecisionsByIds, type Decision } from '../decisions';
import { listGoals, type Goal } from '../goals';
import { listGroups, type CitizenGroup } from '../groups';
import type { Conflict, Expectation, Statement } from './expectation';
import { suggestionRequestSchema, type SuggestionRequest } from './expectation.schema';
import { selectConflicts, selectExpectations, selectStatements } from './expectation.repository';
import { rankGoals, type GoalSuggestion } from './suggest';

type Read = Pick<Deps, 'db'>;

/** An expectation with what it refers to, resolved. */
export interface RegisterExpectation {
  expectation: Expectation;
  group: CitizenGroup | null;
  statement: Statement | null;
  goals: Goal[];
  decisions: Decision[];
}

/** A conflict with its two groups and settling decision, resolved. */
export interface RegisterConflict {
  conflict: Conflict;
  groupA: CitizenGroup;
  groupB: CitizenGroup;
  decision: Decision | null;
}

/** The expectation register of one change (verwachtingenregister). */
export interface ExpectationRegister {
  change: Change;
  statements: Statement[];
  expectations: RegisterExpectation[];
  conflicts: RegisterConflict[];
}

/**
 * The register of one change, read with a fixed number of queries: statements, expectations with
 * links, conflicts, the organization's groups, the change's goals and the decisions referred to.
 */
export const getExpectationRegister = async (deps: Read, changeId: string): Promise<ExpectationRegister> => {
  const change = await getChange(deps, changeId);
  const scope = { changeIds: [change.id] };
  const [statements, expectations, conflicts, groups, goals] = await Promise.all([
    selectStatements(deps.db, scope),
    selectExpectations(deps.db, scope),
    selectConflicts(deps.db, scope),
    listGroups(deps, change.organizationId),
    listGoals(deps, scope),
  ]);
  const decisionIds = new Set([...expectations.flatMap((e) => e.decisionIds), ...conflicts.flatMap((c) => (c.decisionId ? [c.decisionId] : []))]);
  const decisions = await listDecisionsByIds(deps, [...decisionIds]);
  const groupById = new Map(groups.map((g) => [g.id as string, g]));
  const goalById = new Map(goals.map((g) => [g.id as string, g]));
  const decisionById = new Map(decisions.map((d) => [d.id as string, d]));
  const statementById = new Map(statements.map((s) => [s.id as string, s]));
  return {
    change,
    statements,
    expectations: expectations.map((expectation) => ({
      expectation,
      group: expectation.groupId ? (groupById.get(expectation.groupId) ?? null) : null,
      statement: expectation.statementId ? (statementById.get(expectation.statementId) ?? null) : null,
      goals: expectation.goalIds.flatMap((id) => goalById.get(id) ?? []),
      decisions: expectation.decisionIds.flatMap((id) => decisionById.get(id) ?? []),
    })),
    conflicts: conflicts.flatMap((conflict) => {
      const groupA = groupById.get(conflict.groupAId);
      const groupB = groupById.get(conflict.groupBId);
      if (!groupA || !groupB) return [];
      return [{ conflict, groupA, groupB, decision: conflict.decisionId ? (decisionById.get(conflict.decisionId) ?? null) : null }];
    }),
  };
};

/** What `suggestGoals` returns per goal: the ranking plus the goal's current statement. */
export interface GoalSuggestionWithGoal extends GoalSuggestion {
  statement: string;
}

/**
 * The goals of a change that a text (a new expectation or statement) most likely refers to, best
 * first, by shared Dutch word stems. Throws `not_found` (change), `validation_failed` (limit).
 */
export const suggestGoals = async (deps: Read, changeId: string, request: SuggestionRequest): Promise<GoalSuggestionWithGoal[]> => {
  const { text, limit } = parseInput(suggestionRequestSchema, request);
  const change = await getChange(deps, changeId);
  const goals = await listGoals(deps, { changeIds: [change.id] });
  const byId = new Map(goals.map((g) => [g.id as string, g]));
  const ranked = rankGoals(
    text,
    goals.map((g) => ({ id: g.id, text: `${g.current.statement} ${g.current.indicator} ${g.current.unit}` })),
    limit,
  );
  return ranked.map((s) => ({ ...s, statement: byId.get(s.goalId)!.current.statement }));
};
