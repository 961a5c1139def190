import type { ChangeChain } from '../../modules/chains';
import type { Change } from '../../modules/changes';
import type { Decision } from '../../modules/decisions';
import { progressOf, trackStatus, type GoalVersion } from '../../modules/goals';
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
