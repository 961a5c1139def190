import type { ChangeChain } from '../../modules/chains';
import type { Change } from '../../modules/changes';
import type { Decision } from '../../modules/decisions';
import { isWeighed, lacksResponse, needsResponse, type Expectation, type ExpectationRegister } from '../../modules/expectations';
import { progressOf, trackStatus, type GoalVersion } from '../../modules/goals';
import type { CitizenGroup } from '../../modules/groups';
import type { Organization } from '../../modules/organizations';

/**
 * Presenters decide the public JSON: never spread a row or domain object into a response (STYLE.md),
 * so adding a column never leaks it.
 */
export const portalPathOf = (organizationSlug: string, changeSlug?: string): string =>
  changeSlug ? `/${organizationSlug}/veranderingen/${changeSlug}` : `/${organizationSlug}`;

export const presentOrganization = (o: Organization, baseUrl: string) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  description: o.description,
  website: o.website,
  portalUrl: baseUrl + portalPathOf(o.slug),
});

export const presentChangeSummary = (c: Change, organizationSlug: string, baseUrl: string) => ({
  id: c.id,
  organizationId: c.organizationId,
  slug: c.slug,
  title: c.title,
  kind: c.kind,
  status: c.status,
  summary: c.summary,
  themes: c.themes,
  publishedAt: c.publishedAt,
  portalUrl: baseUrl + portalPathOf(organizationSlug, c.slug),
  links: { self: `/api/v1/changes/${c.id}`, legitimacy: `/api/v1/changes/${c.id}/legitimacy` },
});

export const presentGoalVersion = (v: GoalVersion) => ({
  id: v.id,
  version: v.version,
  statement: v.statement,
  level: v.level,
  indicator: v.indicator,
  unit: v.unit,
  baseline: v.baselineValue === null || v.baselineDate === null ? null : { value: v.baselineValue, date: v.baselineDate },
  target: v.targetValue === null || v.targetDate === null ? null : { value: v.targetValue, date: v.targetDate },
  direction: v.direction,
  owner: v.owner,
  dataSource: v.dataSource,
  reportingInterval: v.reportingInterval,
  createdAt: v.createdAt,
  createdBy: v.createdBy,
});

export const presentDecision = (d: Decision) => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  body: d.body,
  date: d.date,
  reference: d.reference,
  sourceUrl: d.sourceUrl,
  outcome: d.outcome,
  votes: d.votes,
  partyVotes: d.partyVotes.map((p) => ({ party: p.party, for: p.for, against: p.against, abstain: p.abstain })),
  followUps: d.followUps.map((f) => ({ description: f.description, dueDate: f.dueDate, status: f.status })),
  summary: d.summary,
  correctsId: d.correctsId,
});

export const presentChain = (chain: ChangeChain, organizationSlug: string, baseUrl: string) => ({
  ...presentChangeSummary(chain.change, organizationSlug, baseUrl),
  why: chain.change.why,
  what: chain.change.what,
  milestones: chain.milestones.map((m) => ({ id: m.id, title: m.title, description: m.description, date: m.date, done: m.done })),
  goals: chain.goals.map((g) => {
    const { id: versionId, createdAt: _c, createdBy: _b, ...version } = presentGoalVersion(g.goal.current);
    const latest = g.latestMeasurement;
    return {
      ...version,
      id: g.goal.id,
      versionId,
      anchored: g.anchored,
      editedAfterAdoption: g.editedAfterAdoption,
      adoptedVersion: g.adoptedVersion,
      anchors: g.anchors.map((a) => ({ decisionId: a.decisionId, version: a.version })),
      latestMeasurement: latest ? { date: latest.date, value: latest.value, source: latest.source } : null,
      progress: progressOf(g.goal.current, latest?.value),
      trackStatus: trackStatus(g.goal.current, latest ?? undefined),
      links: { versions: `/api/v1/goals/${g.goal.id}/versions` },
    };
  }),
  measures: chain.measures.map(({ measure: m, contributions }) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    status: m.status,
    cost: m.cost,
    startDate: m.startDate,
    endDate: m.endDate,
    contributions: contributions.map((c) => ({
      goalId: c.goalId,
      mechanism: c.mechanism,
      assumptions: c.assumptions,
      expectedEffect: c.expectedEffect,
      evidenceStrength: c.evidenceStrength,
      evidenceLinks: c.evidenceLinks,
    })),
  })),
  decisions: chain.decisions.map(presentDecision),
  groups: chain.impacts.map(({ impact, group }) => ({
    groupId: group.id,
    name: group.name,
    estimatedSize: group.estimatedSize,
    effect: impact.effect,
    meaning: impact.meaning,
    expectation: impact.expectation,
  })),
});

const presentDecisionRef = (d: Decision) => ({ id: d.id, kind: d.kind, title: d.title, date: d.date, outcome: d.outcome });
const presentGroupRef = (g: CitizenGroup) => ({ id: g.id, name: g.name });

export const presentExpectationRegister = (register: ExpectationRegister) => {
  const expectations = register.expectations.map((r) => r.expectation);
  const count = (status: Expectation['status']) => expectations.filter((e) => e.status === status).length;
  return {
    changeId: register.change.id,
    summary: {
      statements: register.statements.length,
      expectations: expectations.length,
      byStatus: { supported: count('supported'), partly: count('partly'), unfounded: count('unfounded'), contradicted: count('contradicted') },
      withoutResponse: expectations.filter(lacksResponse).length,
      conflicts: register.conflicts.length,
      conflictsWeighed: register.conflicts.filter((c) => isWeighed(c.conflict)).length,
    },
    statements: register.statements.map((s) => ({
      id: s.id,
      speaker: s.speaker,
      speakerKind: s.speakerKind,
      role: s.role,
      medium: s.medium,
      date: s.date,
      quote: s.quote,
      url: s.url,
    })),
    expectations: register.expectations.map(({ expectation: e, group, goals, decisions }) => ({
      id: e.id,
      text: e.text,
      kind: e.kind,
      source: e.source,
      group: group ? presentGroupRef(group) : null,
      statementId: e.statementId,
      raisedBy: e.raisedBy,
      raisedWhere: e.raisedWhere,
      raisedOn: e.raisedOn,
      sourceUrl: e.sourceUrl,
      status: e.status,
      goals: goals.map((g) => ({ id: g.id, statement: g.current.statement })),
      decisions: decisions.map(presentDecisionRef),
      needsResponse: needsResponse(e),
      response: e.response ? { text: e.response.text, channel: e.response.channel, date: e.response.date } : null,
    })),
    conflicts: register.conflicts.map(({ conflict: c, groupA, groupB, decision }) => ({
      id: c.id,
      groups: [presentGroupRef(groupA), presentGroupRef(groupB)] as [ReturnType<typeof presentGroupRef>, ReturnType<typeof presentGroupRef>],
      description: c.description,
      weighing: c.weighing,
      weighed: isWeighed(c),
      decision: decision ? presentDecisionRef(decision) : null,
    })),
  };
};
