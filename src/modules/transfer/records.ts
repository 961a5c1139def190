import type { Organization } from '../organizations';
import type { Change, Milestone } from '../changes';
import type { CitizenGroup, Impact } from '../groups';
import type { Decision } from '../decisions';
import type { Anchor, Goal, GoalVersion, Measurement } from '../goals';
import type { Contribution, Measure } from '../measures';
import type { Conflict, Expectation, Statement } from '../expectations';
import type {
  ChangeRecord,
  ConflictRecord,
  DecisionRecord,
  ExpectationRecord,
  GoalRecord,
  GoalVersionRecord,
  MeasureRecord,
  OrganizationDocument,
  StatementRecord,
} from './document.schema';

/**
 * The presenters of the document: each names its fields explicitly (never a spread row), so the
 * format changes only when this file does. Parent ids are left out where nesting says them.
 */
type Doc = OrganizationDocument;

export const toOrganization = (o: Organization): Doc['organization'] => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  description: o.description,
  website: o.website,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

export const toGroup = (g: CitizenGroup): Doc['groups'][number] => ({
  id: g.id,
  name: g.name,
  description: g.description,
  estimatedSize: g.estimatedSize,
  createdAt: g.createdAt,
});

type ChangeChildren = Pick<ChangeRecord, 'milestones' | 'goals' | 'measures' | 'impacts' | 'statements' | 'expectations' | 'conflicts'>;

export const toChange = (c: Change, children: ChangeChildren): ChangeRecord => ({
  id: c.id,
  slug: c.slug,
  title: c.title,
  kind: c.kind,
  status: c.status,
  summary: c.summary,
  why: c.why,
  what: c.what,
  themes: [...c.themes],
  publishedAt: c.publishedAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  ...children,
});

export const toMilestone = (m: Milestone): ChangeRecord['milestones'][number] => ({
  id: m.id,
  title: m.title,
  description: m.description,
  date: m.date,
  done: m.done,
  position: m.position,
});

export const toGoal = (g: Goal, children: Pick<GoalRecord, 'versions' | 'measurements'>): GoalRecord => ({
  id: g.id,
  position: g.position,
  createdAt: g.createdAt,
  currentVersion: g.current.version,
  ...children,
});

export const toVersion = (v: GoalVersion): GoalVersionRecord => ({
  id: v.id,
  version: v.version,
  statement: v.statement,
  level: v.level,
  indicator: v.indicator,
  unit: v.unit,
  baselineValue: v.baselineValue,
  baselineDate: v.baselineDate,
  targetValue: v.targetValue,
  targetDate: v.targetDate,
  direction: v.direction,
  owner: v.owner,
  dataSource: v.dataSource,
  reportingInterval: v.reportingInterval,
  createdAt: v.createdAt,
  createdBy: v.createdBy,
});

export const toMeasurement = (m: Measurement): GoalRecord['measurements'][number] => ({
  id: m.id,
  date: m.date,
  value: m.value,
  source: m.source,
  note: m.note,
  createdAt: m.createdAt,
});

export const toMeasure = (m: Measure, contributions: MeasureRecord['contributions']): MeasureRecord => ({
  id: m.id,
  title: m.title,
  description: m.description,
  status: m.status,
  cost: m.cost,
  startDate: m.startDate,
  endDate: m.endDate,
  createdAt: m.createdAt,
  contributions,
});

export const toContribution = (c: Contribution): MeasureRecord['contributions'][number] => ({
  id: c.id,
  goalId: c.goalId,
  mechanism: c.mechanism,
  assumptions: c.assumptions,
  expectedEffect: c.expectedEffect,
  evidenceStrength: c.evidenceStrength,
  evidenceLinks: [...c.evidenceLinks],
  createdAt: c.createdAt,
});

export const toImpact = (i: Impact): ChangeRecord['impacts'][number] => ({
  id: i.id,
  groupId: i.groupId,
  effect: i.effect,
  meaning: i.meaning,
  expectation: i.expectation,
  createdAt: i.createdAt,
});

export const toDecision = (d: Decision): DecisionRecord => ({
  id: d.id,
  changeId: d.changeId,
  kind: d.kind,
  title: d.title,
  body: d.body,
  date: d.date,
  reference: d.reference,
  sourceUrl: d.sourceUrl,
  outcome: d.outcome,
  votes: d.votes && { for: d.votes.for, against: d.votes.against, abstain: d.votes.abstain },
  partyVotes: d.partyVotes.map((p) => ({ party: p.party, for: p.for, against: p.against, abstain: p.abstain })),
  followUps: d.followUps.map((f) => ({ id: f.id, description: f.description, dueDate: f.dueDate, status: f.status })),
  summary: d.summary,
  correctsId: d.correctsId,
  createdAt: d.createdAt,
});

export const toAnchor = (a: Anchor): Doc['anchors'][number] => ({
  id: a.id,
  decisionId: a.decisionId,
  goalVersionId: a.goalVersionId,
  createdAt: a.createdAt,
});

export const toStatement = (s: Statement): StatementRecord => ({
  id: s.id,
  speaker: s.speaker,
  speakerKind: s.speakerKind,
  role: s.role,
  medium: s.medium,
  date: s.date,
  quote: s.quote,
  url: s.url,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export const toExpectation = (e: Expectation): ExpectationRecord => ({
  id: e.id,
  groupId: e.groupId,
  statementId: e.statementId,
  text: e.text,
  kind: e.kind,
  source: e.source,
  raisedBy: e.raisedBy,
  raisedWhere: e.raisedWhere,
  raisedOn: e.raisedOn,
  sourceUrl: e.sourceUrl,
  status: e.status,
  goalIds: [...e.goalIds],
  decisionIds: [...e.decisionIds],
  response: e.response && { text: e.response.text, channel: e.response.channel, date: e.response.date },
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export const toConflict = (c: Conflict): ConflictRecord => ({
  id: c.id,
  groupAId: c.groupAId,
  groupBId: c.groupBId,
  description: c.description,
  weighing: c.weighing,
  decisionId: c.decisionId,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
