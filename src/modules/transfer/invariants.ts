import type { z } from 'zod';
import { createOrganizationSchema } from '../organizations';
import { createChangeSchema, milestoneSchema } from '../changes';
import { groupSchema, impactSchema } from '../groups';
import { createsObligation, decisionSchema } from '../decisions';
import { goalContentSchema, measurementSchema } from '../goals';
import { contributionSchema, measureSchema } from '../measures';
import { conflictSchema, expectationSchema, statementSchema } from '../expectations';
import type { GoalRecord, OrganizationDocument } from './document.schema';
import { pathOf, type IssueList } from './paths';

/**
 * Runs a module's own input schema on a record, so an import obeys the same rules as the editor.
 * The record's own keys (`id`, `createdAt`, nested lists) are the document schema's business, which
 * is strict itself: the input schemas' "unknown field" does not apply to them.
 */
const check = (issues: IssueList, schema: z.ZodType, value: unknown, path: string): void => {
  const result = schema.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) if (issue.code !== 'unrecognized_keys') issues.add(pathOf(path, ...issue.path), issue.message);
};

/**
 * The domain rules each service enforces on the way in: lengths and formats, a goal's unit and the
 * direction of its target, a measure's dates, votes per party adding up to the totals, follow-ups
 * only on a motie or toezegging, measurements not before the baseline; a statement's quote and
 * link, an expectation's text, links (each id once) and response, a conflict between two different
 * groups.
 */
export const checkInvariants = (doc: OrganizationDocument, issues: IssueList): void => {
  check(issues, createOrganizationSchema, doc.organization, 'organization');
  for (const [i, g] of doc.groups.entries()) check(issues, groupSchema, g, pathOf('groups', i));
  for (const [i, c] of doc.changes.entries()) {
    const change = pathOf('changes', i);
    check(issues, createChangeSchema, c, change);
    for (const [j, m] of c.milestones.entries()) check(issues, milestoneSchema, m, pathOf(change, 'milestones', j));
    for (const [j, g] of c.goals.entries()) {
      const goal = pathOf(change, 'goals', j);
      for (const [k, v] of g.versions.entries()) check(issues, goalContentSchema, v, pathOf(goal, 'versions', k));
      for (const [k, m] of g.measurements.entries()) {
        const path = pathOf(goal, 'measurements', k);
        check(issues, measurementSchema, m, path);
        if (!onOrAfterBaseline(g, m)) issues.add(pathOf(path, 'date'), 'lies before the baseline date of the goal version it was recorded against');
      }
    }
    for (const [j, m] of c.measures.entries()) {
      const measure = pathOf(change, 'measures', j);
      check(issues, measureSchema, m, measure);
      for (const [k, x] of m.contributions.entries()) check(issues, contributionSchema, x, pathOf(measure, 'contributions', k));
    }
    for (const [j, x] of c.impacts.entries()) check(issues, impactSchema, x, pathOf(change, 'impacts', j));
    for (const [j, x] of c.statements.entries()) check(issues, statementSchema, x, pathOf(change, 'statements', j));
    for (const [j, x] of c.expectations.entries()) check(issues, expectationSchema, x, pathOf(change, 'expectations', j));
    for (const [j, x] of c.conflicts.entries()) check(issues, conflictSchema, x, pathOf(change, 'conflicts', j));
  }
  for (const [i, d] of doc.decisions.entries()) {
    check(issues, decisionSchema, d, pathOf('decisions', i));
    if (d.followUps.length > 0 && !createsObligation(d.kind)) issues.add(pathOf('decisions', i, 'followUps'), 'only a motie or toezegging creates follow-up obligations');
  }
};

/**
 * `recordMeasurement` refuses a date before the baseline of the goal's current version at that
 * moment. A later version may move the baseline, so the rule is checked against the versions that
 * existed when the measurement was recorded (version 1 always counts): data the services accepted
 * must import again.
 */
const onOrAfterBaseline = (goal: GoalRecord, m: GoalRecord['measurements'][number]): boolean => {
  const first = Math.min(...goal.versions.map((v) => v.version));
  return goal.versions
    .filter((v) => v.version === first || v.createdAt <= m.createdAt)
    .some((v) => v.baselineDate === null || m.date >= v.baselineDate);
};
