import { z } from 'zod';
import type { Change, Milestone, Publication } from '../../../modules/changes';
import type { Anchor, Goal, Measurement } from '../../../modules/goals';
import type { CitizenGroup, Impact } from '../../../modules/groups';
import type { Contribution, Measure } from '../../../modules/measures';
import { presentGoalVersion } from '../presenters';
import { goalVersionSchema } from '../schemas';

/**
 * What a write answers: the entity as stored, in the same field names as the module's input
 * schema, so a client can send back what it read. Built field by field (STYLE.md: never a row).
 */
const date = z.string().meta({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });
const timestamp = z.string().describe('ISO 8601 timestamp');

export const writtenChangeSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  summary: z.string(),
  why: z.string(),
  what: z.string(),
  themes: z.array(z.string()),
  publishedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const presentChange = (c: Change): z.infer<typeof writtenChangeSchema> => ({
  id: c.id,
  organizationId: c.organizationId,
  slug: c.slug,
  title: c.title,
  kind: c.kind,
  status: c.status,
  summary: c.summary,
  why: c.why,
  what: c.what,
  themes: c.themes,
  publishedAt: c.publishedAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const publicationSchema = z.object({
  changeId: z.string(),
  state: z.enum(['draft', 'ready_for_review', 'published']),
  reviewRequestedAt: timestamp.nullable(),
  reviewRequestedBy: z.string().nullable().describe('The actor who asked for review (`user:<id>`), as in the audit log'),
  publishedAt: timestamp.nullable(),
  publishedBy: z.string().nullable().describe('The actor who published (`user:<id>`); null for changes published by the installation (seed, import)'),
});
export const presentPublication = (p: Publication): z.infer<typeof publicationSchema> => ({
  changeId: p.changeId,
  state: p.state,
  reviewRequestedAt: p.reviewRequestedAt,
  reviewRequestedBy: p.reviewRequestedBy,
  publishedAt: p.publishedAt,
  publishedBy: p.publishedBy,
});

export const milestoneSchema = z.object({ id: z.string(), changeId: z.string(), title: z.string(), description: z.string(), date, done: z.boolean(), position: z.number().int() });
export const presentMilestone = (m: Milestone): z.infer<typeof milestoneSchema> => ({
  id: m.id,
  changeId: m.changeId,
  title: m.title,
  description: m.description,
  date: m.date,
  done: m.done,
  position: m.position,
});

export const writtenGoalSchema = z.object({
  id: z.string(),
  changeId: z.string(),
  position: z.number().int(),
  createdAt: timestamp,
  current: goalVersionSchema,
  newVersion: z.boolean().describe('Whether this write made a new version (an adopted goal is then no longer anchored)'),
});
export const presentGoal = (g: Goal, newVersion: boolean): z.infer<typeof writtenGoalSchema> => ({
  id: g.id,
  changeId: g.changeId,
  position: g.position,
  createdAt: g.createdAt,
  current: presentGoalVersion(g.current),
  newVersion,
});

export const anchorSchema = z.object({ id: z.string(), decisionId: z.string(), goalVersionId: z.string(), createdAt: timestamp });
export const presentAnchor = (a: Anchor): z.infer<typeof anchorSchema> => ({ id: a.id, decisionId: a.decisionId, goalVersionId: a.goalVersionId, createdAt: a.createdAt });

export const measurementSchema = z.object({ id: z.string(), goalId: z.string(), date, value: z.number(), source: z.string(), note: z.string(), createdAt: timestamp });
export const presentMeasurement = (m: Measurement): z.infer<typeof measurementSchema> => ({
  id: m.id,
  goalId: m.goalId,
  date: m.date,
  value: m.value,
  source: m.source,
  note: m.note,
  createdAt: m.createdAt,
});

export const writtenMeasureSchema = z.object({
  id: z.string(),
  changeId: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.string(),
  cost: z.number().nullable(),
  startDate: date.nullable(),
  endDate: date.nullable(),
  createdAt: timestamp,
});
export const presentMeasure = (m: Measure): z.infer<typeof writtenMeasureSchema> => ({
  id: m.id,
  changeId: m.changeId,
  title: m.title,
  description: m.description,
  status: m.status,
  cost: m.cost,
  startDate: m.startDate,
  endDate: m.endDate,
  createdAt: m.createdAt,
});

export const contributionSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  goalId: z.string(),
  mechanism: z.string(),
  assumptions: z.string(),
  expectedEffect: z.number().nullable(),
  evidenceStrength: z.string(),
  evidenceLinks: z.array(z.string()),
  createdAt: timestamp,
});
export const presentContribution = (c: Contribution): z.infer<typeof contributionSchema> => ({
  id: c.id,
  measureId: c.measureId,
  goalId: c.goalId,
  mechanism: c.mechanism,
  assumptions: c.assumptions,
  expectedEffect: c.expectedEffect,
  evidenceStrength: c.evidenceStrength,
  evidenceLinks: c.evidenceLinks,
  createdAt: c.createdAt,
});

export const groupSchema = z.object({ id: z.string(), organizationId: z.string(), name: z.string(), description: z.string(), estimatedSize: z.number().nullable(), createdAt: timestamp });
export const presentGroup = (g: CitizenGroup): z.infer<typeof groupSchema> => ({
  id: g.id,
  organizationId: g.organizationId,
  name: g.name,
  description: g.description,
  estimatedSize: g.estimatedSize,
  createdAt: g.createdAt,
});

export const impactSchema = z.object({ id: z.string(), changeId: z.string(), groupId: z.string(), effect: z.string(), meaning: z.string(), expectation: z.string(), createdAt: timestamp });
export const presentImpact = (i: Impact): z.infer<typeof impactSchema> => ({
  id: i.id,
  changeId: i.changeId,
  groupId: i.groupId,
  effect: i.effect,
  meaning: i.meaning,
  expectation: i.expectation,
  createdAt: i.createdAt,
});
