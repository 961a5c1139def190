import { groupBy } from '../../core';
import type { Deps } from '../../storage';
import { getChange, listMilestones, selectChangesOf, type Change } from '../changes';
import { listDecisionsForChange, listDecisionsOfOrganization, type Decision } from '../decisions';
import { selectConflicts, selectExpectations, selectStatements } from '../expectations';
import { listGoals, selectAnchorsOfGoals, selectLatestMeasurements, type AnchorOfGoal, type GoalScope } from '../goals';
import { listGroups, selectImpacts } from '../groups';
import { getOrganization } from '../organizations';
import { selectContributions, selectMeasures } from '../measures';
import { effectiveOutcomes, type ChainGoal, type ChangeChain } from './chain';

type Read = Pick<Deps, 'db'>;

/**
 * Loads the chains of many changes with a fixed number of queries (about fifteen), whatever the number of
 * changes, goals or measurements: the legitimacy report of a national register must not issue one
 * query per change (ARCHITECTURE.md "no N+1").
 */
const loadChains = async (
  deps: Read,
  organizationId: string,
  changes: Change[],
  scope: GoalScope,
  decisionsOf: (anchors: Promise<AnchorOfGoal[]>) => Promise<Decision[]>,
) => {
  // Read once: the chain needs the anchors, and so may the choice of decisions.
  const anchorsRead = selectAnchorsOfGoals(deps.db, scope);
  const [milestones, goals, anchors, latest, measures, contributions, impacts, groups, decisions, statements, expectations, conflicts] = await Promise.all([
    listMilestones(deps, scope),
    listGoals(deps, scope),
    anchorsRead,
    selectLatestMeasurements(deps.db, scope),
    selectMeasures(deps.db, scope),
    selectContributions(deps.db, scope),
    selectImpacts(deps.db, scope),
    listGroups(deps, organizationId),
    decisionsOf(anchorsRead),
    selectStatements(deps.db, scope),
    selectExpectations(deps.db, scope),
    selectConflicts(deps.db, scope),
  ]);
  const outcome = effectiveOutcomes(decisions);
  const adopted = (decisionId: string) => outcome.get(decisionId) === 'adopted';
  const anchorsByGoal = groupBy(anchors, (a) => a.goalId);
  const latestByGoal = new Map(latest.map((m) => [m.goalId as string, m]));
  const contributionsByMeasure = groupBy(contributions, (c) => c.measureId as string);
  const groupById = new Map(groups.map((g) => [g.id as string, g]));
  const decisionById = new Map(decisions.map((d) => [d.id as string, d]));

  const chainGoals: ChainGoal[] = goals.map((goal) => {
    const all = (anchorsByGoal.get(goal.id) ?? []).filter((a) => adopted(a.decisionId));
    const current = all.filter((a) => a.version === goal.current.version);
    const older = all.filter((a) => a.version < goal.current.version);
    const adoptedVersion = current.length > 0 ? goal.current.version : older.reduce<number | null>((max, a) => Math.max(max ?? 0, a.version), null);
    return {
      goal,
      anchors: current,
      anchored: current.length > 0,
      editedAfterAdoption: current.length === 0 && older.length > 0,
      adoptedVersion,
      latestMeasurement: latestByGoal.get(goal.id) ?? null,
    };
  });
  const goalsByChange = groupBy(chainGoals, (g) => g.goal.changeId as string);
  const milestonesByChange = groupBy(milestones, (m) => m.changeId as string);
  const measuresByChange = groupBy(measures, (m) => m.changeId as string);
  const impactsByChange = groupBy(impacts, (i) => i.changeId as string);
  const anchorDecisionsByChange = new Map<string, Set<string>>();
  for (const g of goals) {
    for (const a of anchorsByGoal.get(g.id) ?? []) {
      const set = anchorDecisionsByChange.get(g.changeId) ?? new Set<string>();
      set.add(a.decisionId);
      anchorDecisionsByChange.set(g.changeId, set);
    }
  }
  const decisionsByChange = groupBy(decisions, (d) => d.changeId as string | null);
  const correctionsOf = groupBy(
    decisions.filter((d) => d.correctsId),
    (d) => d.correctsId as string,
  );
  const statementsByChange = groupBy(statements, (s) => s.changeId as string);
  const expectationsByChange = groupBy(expectations, (e) => e.changeId as string);
  const conflictsByChange = groupBy(conflicts, (c) => c.changeId as string);

  return changes.map((change): ChangeChain => {
    const related = new Map<string, Decision>();
    for (const d of decisionsByChange.get(change.id) ?? []) related.set(d.id, d);
    for (const id of anchorDecisionsByChange.get(change.id) ?? []) {
      const d = decisionById.get(id);
      if (d) related.set(d.id, d);
    }
    // Corrections of related decisions belong to the story too, following correction chains.
    const queue = [...related.keys()];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const correction of correctionsOf.get(id) ?? []) {
        if (!related.has(correction.id)) {
          related.set(correction.id, correction);
          queue.push(correction.id);
        }
      }
    }
    return {
      change,
      milestones: milestonesByChange.get(change.id) ?? [],
      goals: goalsByChange.get(change.id) ?? [],
      measures: (measuresByChange.get(change.id) ?? []).map((measure) => ({ measure, contributions: contributionsByMeasure.get(measure.id) ?? [] })),
      decisions: [...related.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
      impacts: (impactsByChange.get(change.id) ?? []).flatMap((impact) => {
        const group = groupById.get(impact.groupId);
        return group ? [{ impact, group }] : [];
      }),
      statements: statementsByChange.get(change.id) ?? [],
      expectations: expectationsByChange.get(change.id) ?? [],
      conflicts: conflictsByChange.get(change.id) ?? [],
    };
  });
};

/** The whole chain of one change. Throws `not_found`. */
export const getChangeChain = async (deps: Read, changeId: string): Promise<ChangeChain> => {
  const change = await getChange(deps, changeId);
  const scope = { changeIds: [change.id] };
  const [chain] = await loadChains(deps, change.organizationId, [change], scope, async (anchorsRead) => {
    const anchors = await anchorsRead;
    return listDecisionsForChange(deps, change.id, [...new Set(anchors.map((a) => a.decisionId))]);
  });
  return chain!;
};

/** The chains of every change of an organization. Throws `not_found`. */
export const getOrganizationChains = async (deps: Read, organizationIdOrSlug: string): Promise<ChangeChain[]> => {
  const organization = await getOrganization(deps, organizationIdOrSlug);
  const changes = await selectChangesOf(deps.db, organization.id);
  return loadChains(deps, organization.id, changes, { organizationId: organization.id }, () => listDecisionsOfOrganization(deps, organization.id));
};
