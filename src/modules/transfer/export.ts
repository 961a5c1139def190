import { groupBy } from '../../core';
import type { Db, Deps } from '../../storage';
import { getOrganization } from '../organizations';
import { listMilestones, selectChangesOf } from '../changes';
import { listGroups, selectImpacts } from '../groups';
import { listDecisionsOfOrganization } from '../decisions';
import { listGoals, selectAllVersions, selectAnchors, selectMeasurements } from '../goals';
import { selectContributions, selectMeasures } from '../measures';
import { selectConflicts, selectExpectations, selectStatements } from '../expectations';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type OrganizationDocument } from './document.schema';
import {
  toAnchor,
  toChange,
  toConflict,
  toContribution,
  toDecision,
  toExpectation,
  toGoal,
  toGroup,
  toImpact,
  toMeasure,
  toMeasurement,
  toMilestone,
  toOrganization,
  toStatement,
  toVersion,
} from './records';

/**
 * Compares by code units, never by locale: the two databases collate text differently, and an
 * export must come out byte-for-byte the same whichever one it was read from.
 */
const byKeys =
  <T>(...keys: ((item: T) => string | number)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };

const sorted = <T>(items: readonly T[], compare: (a: T, b: T) => number): T[] => [...items].sort(compare);

/**
 * Reads in one snapshot: on PostgreSQL a repeatable-read transaction, so a write between two of
 * the bulk reads cannot produce, say, a contribution to a goal that was not read. An SQLite read
 * transaction is a snapshot already (WAL), and ignores the isolation level.
 */
const inSnapshot = <T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().setIsolationLevel('repeatable read').execute(fn);

export const exportOrganization = async (deps: Deps, idOrSlug: string): Promise<OrganizationDocument> =>
  inSnapshot(deps.db, async (db) => {
    const organization = await getOrganization({ db }, idOrSlug);
    const scope = { organizationId: organization.id };
    const changes = await selectChangesOf(db, organization.id);
    // One bulk read per table for the whole organization, however many changes it has.
    const milestones = await listMilestones({ db }, changes.map((c) => c.id));
    const goals = await listGoals({ db }, scope);
    const versions = await selectAllVersions(db, scope);
    const measurements = await selectMeasurements(db, scope);
    const measures = await selectMeasures(db, scope);
    const contributions = await selectContributions(db, scope);
    const impacts = await selectImpacts(db, scope);
    const groups = await listGroups({ db }, organization.id);
    const decisions = await listDecisionsOfOrganization({ db }, organization.id);
    const anchors = await selectAnchors(db, scope);
    const statements = await selectStatements(db, scope);
    const expectations = await selectExpectations(db, scope);
    const conflicts = await selectConflicts(db, scope);

    const milestonesOf = groupBy(milestones, (m) => m.changeId);
    const goalsOf = groupBy(goals, (g) => g.changeId);
    const versionsOf = groupBy(versions, (v) => v.goalId);
    const measurementsOf = groupBy(measurements, (m) => m.goalId);
    const measuresOf = groupBy(measures, (m) => m.changeId);
    const contributionsOf = groupBy(contributions, (c) => c.measureId);
    const impactsOf = groupBy(impacts, (i) => i.changeId);
    const statementsOf = groupBy(statements, (s) => s.changeId);
    const expectationsOf = groupBy(expectations, (e) => e.changeId);
    const conflictsOf = groupBy(conflicts, (c) => c.changeId);
    const byCreated = byKeys<{ createdAt: string; id: string }>((x) => x.createdAt, (x) => x.id);

    return {
      format: DOCUMENT_FORMAT,
      version: DOCUMENT_VERSION,
      exportedAt: deps.clock.now().toISOString(),
      organization: toOrganization(organization),
      groups: sorted(groups.map(toGroup), byKeys((g) => g.name, (g) => g.id)),
      changes: sorted(changes, byKeys((c) => c.slug, (c) => c.id)).map((change) =>
        toChange(change, {
          milestones: sorted((milestonesOf.get(change.id) ?? []).map(toMilestone), byKeys((m) => m.position, (m) => m.date, (m) => m.id)),
          goals: sorted(goalsOf.get(change.id) ?? [], byKeys((g) => g.position, (g) => g.id)).map((goal) =>
            toGoal(goal, {
              versions: sorted((versionsOf.get(goal.id) ?? []).map(toVersion), byKeys((v) => v.version)),
              measurements: sorted((measurementsOf.get(goal.id) ?? []).map(toMeasurement), byKeys((m) => m.date, (m) => m.id)),
            }),
          ),
          measures: sorted(measuresOf.get(change.id) ?? [], byCreated).map((measure) =>
            toMeasure(measure, sorted((contributionsOf.get(measure.id) ?? []).map(toContribution), byCreated)),
          ),
          impacts: sorted((impactsOf.get(change.id) ?? []).map(toImpact), byCreated),
          statements: sorted((statementsOf.get(change.id) ?? []).map(toStatement), byKeys((s) => s.date, (s) => s.createdAt, (s) => s.id)),
          // An expectation's goalIds and decisionIds keep their order: it is the register's order.
          expectations: sorted((expectationsOf.get(change.id) ?? []).map(toExpectation), byCreated),
          conflicts: sorted((conflictsOf.get(change.id) ?? []).map(toConflict), byCreated),
        }),
      ),
      decisions: sorted(decisions.map(toDecision), byKeys((d) => d.date, (d) => d.createdAt, (d) => d.id)).map((d) => ({
        ...d,
        partyVotes: sorted(d.partyVotes, byKeys((p) => p.party, (p) => p.for, (p) => p.against, (p) => p.abstain)),
        followUps: sorted(d.followUps, byKeys((f) => f.dueDate, (f) => f.id)),
      })),
      anchors: sorted(anchors.map(toAnchor), byCreated),
    };
  });
