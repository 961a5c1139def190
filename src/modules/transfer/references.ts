import { linkIssues } from '../expectations';
import type { ChangeRecord, DecisionRecord, OrganizationDocument } from './document.schema';
import { pathOf, type IssueList } from './paths';

/** Where each referable record sits in the document, by id. */
export interface DocumentIndex {
  changes: Map<string, { path: string }>;
  goals: Map<string, { path: string; changeId: string }>;
  versions: Map<string, { path: string }>;
  groups: Map<string, { path: string }>;
  decisions: Map<string, { path: string; decision: DecisionRecord }>;
  statements: Map<string, { path: string; changeId: string }>;
}

/** Every record that has an id, with its path: ids must be unique in the whole document. */
const recordsWithIds = function* (doc: OrganizationDocument): Generator<{ id: string; path: string }> {
  yield { id: doc.organization.id, path: 'organization' };
  for (const [i, g] of doc.groups.entries()) yield { id: g.id, path: pathOf('groups', i) };
  for (const [i, c] of doc.changes.entries()) {
    const change = pathOf('changes', i);
    yield { id: c.id, path: change };
    for (const [j, m] of c.milestones.entries()) yield { id: m.id, path: pathOf(change, 'milestones', j) };
    for (const [j, g] of c.goals.entries()) {
      const goal = pathOf(change, 'goals', j);
      yield { id: g.id, path: goal };
      for (const [k, v] of g.versions.entries()) yield { id: v.id, path: pathOf(goal, 'versions', k) };
      for (const [k, m] of g.measurements.entries()) yield { id: m.id, path: pathOf(goal, 'measurements', k) };
    }
    for (const [j, m] of c.measures.entries()) {
      yield { id: m.id, path: pathOf(change, 'measures', j) };
      for (const [k, x] of m.contributions.entries()) yield { id: x.id, path: pathOf(change, 'measures', j, 'contributions', k) };
    }
    for (const [j, x] of c.impacts.entries()) yield { id: x.id, path: pathOf(change, 'impacts', j) };
    for (const [j, x] of c.statements.entries()) yield { id: x.id, path: pathOf(change, 'statements', j) };
    for (const [j, x] of c.expectations.entries()) yield { id: x.id, path: pathOf(change, 'expectations', j) };
    for (const [j, x] of c.conflicts.entries()) yield { id: x.id, path: pathOf(change, 'conflicts', j) };
  }
  for (const [i, d] of doc.decisions.entries()) {
    yield { id: d.id, path: pathOf('decisions', i) };
    for (const [j, f] of d.followUps.entries()) yield { id: f.id, path: pathOf('decisions', i, 'followUps', j) };
  }
  for (const [i, a] of doc.anchors.entries()) yield { id: a.id, path: pathOf('anchors', i) };
};

/** Reports a value seen twice, at its second place, naming the first. */
const uniqueBy = (issues: IssueList, what: string) => {
  const seen = new Map<string, string>();
  return (key: string, path: string): void => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, path);
    else issues.add(path, `${what} already used at ${first}`);
  };
};

export const indexDocument = (doc: OrganizationDocument): DocumentIndex => {
  const index: DocumentIndex = { changes: new Map(), goals: new Map(), versions: new Map(), groups: new Map(), decisions: new Map(), statements: new Map() };
  for (const [i, g] of doc.groups.entries()) index.groups.set(g.id, { path: pathOf('groups', i) });
  for (const [i, c] of doc.changes.entries()) {
    index.changes.set(c.id, { path: pathOf('changes', i) });
    for (const [j, g] of c.goals.entries()) {
      index.goals.set(g.id, { path: pathOf('changes', i, 'goals', j), changeId: c.id });
      for (const [k, v] of g.versions.entries()) index.versions.set(v.id, { path: pathOf('changes', i, 'goals', j, 'versions', k) });
    }
    for (const [j, x] of c.statements.entries()) index.statements.set(x.id, { path: pathOf('changes', i, 'statements', j), changeId: c.id });
  }
  for (const [i, d] of doc.decisions.entries()) index.decisions.set(d.id, { path: pathOf('decisions', i), decision: d });
  return index;
};

/**
 * Checks what the database would otherwise enforce, or fail on halfway: unique ids, slugs, names
 * and pairs, and that every reference points at a record in the same document.
 */
export const checkReferences = (doc: OrganizationDocument, index: DocumentIndex, issues: IssueList): void => {
  const ids = uniqueBy(issues, 'this id is');
  for (const { id, path } of recordsWithIds(doc)) ids(id, pathOf(path, 'id'));
  const groupNames = uniqueBy(issues, 'this group name is');
  for (const [i, g] of doc.groups.entries()) groupNames(g.name, pathOf('groups', i, 'name'));
  const slugs = uniqueBy(issues, 'this slug is');
  for (const [i, c] of doc.changes.entries()) {
    const change = pathOf('changes', i);
    slugs(c.slug, pathOf(change, 'slug'));
    for (const [j, g] of c.goals.entries()) {
      const goal = pathOf(change, 'goals', j);
      const versions = uniqueBy(issues, 'this version number is');
      for (const [k, v] of g.versions.entries()) versions(String(v.version), pathOf(goal, 'versions', k, 'version'));
      const newest = Math.max(...g.versions.map((v) => v.version));
      if (g.currentVersion !== newest) issues.add(pathOf(goal, 'currentVersion'), `must be the newest version (${newest})`);
      const dates = uniqueBy(issues, 'a measurement on this date is');
      for (const [k, m] of g.measurements.entries()) dates(m.date, pathOf(goal, 'measurements', k, 'date'));
    }
    for (const [j, m] of c.measures.entries()) {
      const goals = uniqueBy(issues, 'a contribution to this goal is');
      for (const [k, x] of m.contributions.entries()) {
        const path = pathOf(change, 'measures', j, 'contributions', k, 'goalId');
        const goal = index.goals.get(x.goalId);
        if (!goal) issues.add(path, 'no goal with this id in the document');
        else if (goal.changeId !== c.id) issues.add(path, `the goal (${goal.path}) belongs to another change than the measure`);
        else goals(x.goalId, path);
      }
    }
    const groups = uniqueBy(issues, 'an impact on this group is');
    for (const [j, x] of c.impacts.entries()) {
      const path = pathOf(change, 'impacts', j, 'groupId');
      if (!index.groups.has(x.groupId)) issues.add(path, 'no group with this id in the document');
      else groups(x.groupId, path);
    }
    checkRegisterReferences(c, change, index, issues);
  }
  checkDecisionReferences(doc, index, issues);
};

/**
 * The expectation register of one change, with the rules `recordExpectation` and `recordConflict`
 * enforce (docs/expectations.md): the links a status requires (`linkIssues`); a goal or statement
 * of this same change; a group or decision in the document (the same organization); only an
 * adopted decision backs an expectation (a contradicted one may name a rejected motie); one
 * conflict per pair of groups, in either order.
 */
const checkRegisterReferences = (c: ChangeRecord, change: string, index: DocumentIndex, issues: IssueList): void => {
  const group = (groupId: string, path: string): void => {
    if (!index.groups.has(groupId)) issues.add(path, 'no group with this id in the document');
  };
  const decision = (decisionId: string, path: string) => {
    const found = index.decisions.get(decisionId);
    if (!found) issues.add(path, 'no decision with this id in the document');
    return found?.decision;
  };
  for (const [j, e] of c.expectations.entries()) {
    const expectation = pathOf(change, 'expectations', j);
    for (const issue of linkIssues(e.status, e.goalIds, e.decisionIds)) issues.add(pathOf(expectation, issue.path), issue.message);
    if (e.groupId !== null) group(e.groupId, pathOf(expectation, 'groupId'));
    if (e.statementId !== null) {
      const statement = index.statements.get(e.statementId);
      const path = pathOf(expectation, 'statementId');
      if (!statement) issues.add(path, 'no statement with this id in the document');
      else if (statement.changeId !== c.id) issues.add(path, `the statement (${statement.path}) is about another change`);
    }
    for (const [k, goalId] of e.goalIds.entries()) {
      const goal = index.goals.get(goalId);
      const path = pathOf(expectation, 'goalIds', k);
      if (!goal) issues.add(path, 'no goal with this id in the document');
      else if (goal.changeId !== c.id) issues.add(path, `the goal (${goal.path}) belongs to another change`);
    }
    for (const [k, decisionId] of e.decisionIds.entries()) {
      const path = pathOf(expectation, 'decisionIds', k);
      const found = decision(decisionId, path);
      if (found && e.status !== 'contradicted' && found.outcome !== 'adopted') {
        issues.add(path, `the decision has outcome ${found.outcome}; only an adopted decision backs an expectation`);
      }
    }
  }
  const pairs = uniqueBy(issues, 'a conflict between these groups is');
  for (const [j, x] of c.conflicts.entries()) {
    const conflict = pathOf(change, 'conflicts', j);
    group(x.groupAId, pathOf(conflict, 'groupAId'));
    group(x.groupBId, pathOf(conflict, 'groupBId'));
    if (x.decisionId !== null) decision(x.decisionId, pathOf(conflict, 'decisionId'));
    pairs([x.groupAId, x.groupBId].sort().join('/'), pathOf(conflict, 'groupBId'));
  }
};

const checkDecisionReferences = (doc: OrganizationDocument, index: DocumentIndex, issues: IssueList): void => {
  const corrected = uniqueBy(issues, 'a correction of this decision is');
  for (const [i, d] of doc.decisions.entries()) {
    if (d.changeId !== null && !index.changes.has(d.changeId)) issues.add(pathOf('decisions', i, 'changeId'), 'no change with this id in the document');
    if (d.correctsId === null) continue;
    const path = pathOf('decisions', i, 'correctsId');
    if (d.correctsId === d.id) issues.add(path, 'a decision cannot correct itself');
    else if (!index.decisions.has(d.correctsId)) issues.add(path, 'no decision with this id in the document');
    else corrected(d.correctsId, path);
  }
  for (const path of correctionCycles(doc.decisions)) issues.add(path, 'corrections form a cycle');
  const pairs = uniqueBy(issues, 'an anchor of this decision to this version is');
  for (const [i, a] of doc.anchors.entries()) {
    const decision = index.decisions.get(a.decisionId);
    if (!decision) issues.add(pathOf('anchors', i, 'decisionId'), 'no decision with this id in the document');
    else if (decision.decision.outcome !== 'adopted') {
      // DOMAIN.md "Anchor": only an adopted decision anchors a goal version.
      issues.add(pathOf('anchors', i, 'decisionId'), `${decision.path} has outcome ${decision.decision.outcome}; only an adopted decision anchors a goal`);
    }
    if (!index.versions.has(a.goalVersionId)) issues.add(pathOf('anchors', i, 'goalVersionId'), 'no goal version with this id in the document');
    else if (decision) pairs(`${a.decisionId}/${a.goalVersionId}`, pathOf('anchors', i));
  }
};

/** Paths of decisions whose chain of corrections comes back to itself (it could never be inserted). */
const correctionCycles = (decisions: readonly DecisionRecord[]): string[] => {
  const position = new Map(decisions.map((d, i) => [d.id, i]));
  const state = new Map<string, 'walking' | 'done'>();
  const inCycle: string[] = [];
  for (const start of decisions) {
    const trail: DecisionRecord[] = [];
    let current: DecisionRecord | undefined = start;
    while (current && !state.has(current.id)) {
      state.set(current.id, 'walking');
      trail.push(current);
      const next: number | undefined = current.correctsId === null || current.correctsId === current.id ? undefined : position.get(current.correctsId);
      current = next === undefined ? undefined : decisions[next];
    }
    if (current && state.get(current.id) === 'walking') inCycle.push(pathOf('decisions', position.get(current.id) ?? 0, 'correctsId'));
    for (const d of trail) state.set(d.id, 'done');
  }
  return inCycle;
};
