import { z } from 'zod';
import type { ErrorCode } from '../../core';
import { ERROR_TABLE } from '../errors';

/**
 * The public JSON shapes of API v1. Presenters build them; these schemas serialize responses and
 * describe them in the OpenAPI document, so the documentation cannot drift from what is sent.
 */
const date = z.string().meta({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });
const timestamp = z.string().describe('ISO 8601 timestamp');

/** The path parameter of every operation on one entity. */
export const idParam = z.object({ id: z.uuid() });

export const problemSchema = z
  .object({
    type: z.string().describe('urn:helder:problem:{code}'),
    title: z.string().describe('In the language of Content-Language (Accept-Language: nl by default, or en)'),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_TABLE) as [ErrorCode, ...ErrorCode[]]).describe('Stable: branch on it, not on the texts'),
    detail: z.string(),
    issues: z.array(z.object({ path: z.string().describe('The field, dotted (e.g. `goals.2.unit`)'), message: z.string() })).describe('One per invalid field; empty for other problems'),
  })
  .describe('RFC 9457 problem document with a stable `code`');

export const organizationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  portalUrl: z.string(),
});

export const changeSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  summary: z.string(),
  themes: z.array(z.string()),
  publishedAt: timestamp.nullable(),
  portalUrl: z.string(),
  links: z.object({ self: z.string(), legitimacy: z.string() }),
});

const valueAt = z.object({ value: z.number(), date: date }).nullable();

export const goalVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  statement: z.string(),
  level: z.string(),
  indicator: z.string(),
  unit: z.string(),
  baseline: valueAt,
  target: valueAt,
  direction: z.string(),
  owner: z.string(),
  dataSource: z.string(),
  reportingInterval: z.string(),
  createdAt: timestamp,
  createdBy: z.string(),
});

export const goalSchema = goalVersionSchema.omit({ id: true, createdAt: true, createdBy: true }).extend({
  id: z.string(),
  versionId: z.string(),
  anchored: z.boolean(),
  editedAfterAdoption: z.boolean(),
  adoptedVersion: z.number().int().nullable(),
  anchors: z.array(z.object({ decisionId: z.string(), version: z.number().int() })),
  latestMeasurement: z.object({ date: date, value: z.number(), source: z.string() }).nullable(),
  progress: z.number().nullable().describe('(latest − baseline) / (target − baseline), clamped to 0..1'),
  trackStatus: z.enum(['achieved', 'on_track', 'behind', 'no_measurement', 'not_measurable']),
  links: z.object({ versions: z.string() }),
});

const votes = z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() });

export const decisionSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  date: date,
  reference: z.string(),
  sourceUrl: z.string().nullable(),
  outcome: z.string(),
  votes: votes.nullable(),
  partyVotes: z.array(votes.extend({ party: z.string() })),
  followUps: z.array(z.object({ description: z.string(), dueDate: date, status: z.string() })),
  summary: z.string(),
  correctsId: z.string().nullable(),
});

export const measureSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.string(),
  cost: z.number().nullable(),
  startDate: date.nullable(),
  endDate: date.nullable(),
  contributions: z.array(
    z.object({
      goalId: z.string(),
      mechanism: z.string(),
      assumptions: z.string(),
      expectedEffect: z.number().nullable(),
      evidenceStrength: z.string(),
      evidenceLinks: z.array(z.string()),
    }),
  ),
});

export const changeDetailSchema = changeSummarySchema.extend({
  why: z.string(),
  what: z.string(),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), date: date, done: z.boolean() })),
  goals: z.array(goalSchema),
  measures: z.array(measureSchema),
  decisions: z.array(decisionSchema),
  groups: z.array(
    z.object({ groupId: z.string(), name: z.string(), estimatedSize: z.number().nullable(), effect: z.string(), meaning: z.string(), expectation: z.string() }),
  ),
});

const text = z.object({ nl: z.string(), en: z.string() });
/** Confirmed e-mail followers of one change (issue 10): a count, never addresses. */
export const changeFollowersSchema = z.object({ changeId: z.string(), followers: z.number().int().min(0) });

export const legitimacySchema = z.object({
  changeId: z.string(),
  organizationId: z.string(),
  slug: z.string(),
  title: z.string(),
  status: z.string(),
  score: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  notAssessed: z.number().int(),
  readyToCommunicate: z.boolean(),
  rules: z.array(
    z.object({
      rule: z.number().int(),
      key: z.string(),
      title: text,
      status: z.enum(['passed', 'failed', 'not_assessed', 'not_applicable']),
      reason: text,
      fixes: z.array(z.object({ entity: z.string(), id: z.string(), problem: z.string(), field: z.string().optional() })),
    }),
  ),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), size: z.number().int(), total: z.number().int(), pages: z.number().int() });

const goalRef = z.object({ id: z.string(), statement: z.string() });
const decisionRef = z.object({ id: z.string(), kind: z.string(), title: z.string(), date: date, outcome: z.string() });
const groupRef = z.object({ id: z.string(), name: z.string() });

/** The expectation register of a change (issue 4): statements, expectations, conflicts. */
export const expectationRegisterSchema = z.object({
  changeId: z.string(),
  summary: z.object({
    statements: z.number().int(),
    expectations: z.number().int(),
    byStatus: z.object({ supported: z.number().int(), partly: z.number().int(), unfounded: z.number().int(), contradicted: z.number().int() }),
    withoutResponse: z.number().int().describe('Unfounded or contradicted expectations that have no response yet (legitimacy rule 11)'),
    conflicts: z.number().int(),
    conflictsWeighed: z.number().int(),
  }),
  statements: z.array(
    z.object({
      id: z.string(),
      speaker: z.string(),
      speakerKind: z.enum(['politician', 'alderman', 'journalist', 'organization', 'other']),
      role: z.string(),
      medium: z.string(),
      date: date,
      quote: z.string(),
      url: z.string().nullable(),
    }),
  ),
  expectations: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.enum(['predictive', 'normative']),
      source: z.enum(['poll', 'reaction', 'consultation', 'political_statement', 'media']),
      group: groupRef.nullable().describe('null: the public at large'),
      statementId: z.string().nullable(),
      raisedBy: z.string(),
      raisedWhere: z.string(),
      raisedOn: date.nullable(),
      sourceUrl: z.string().nullable(),
      status: z.enum(['supported', 'partly', 'unfounded', 'contradicted']),
      goals: z.array(goalRef).describe('Goals that back it (supported, partly) or say otherwise (contradicted)'),
      decisions: z.array(decisionRef).describe('Decisions that back it (supported, partly) or say otherwise (contradicted)'),
      needsResponse: z.boolean(),
      response: z.object({ text: z.string(), channel: z.string(), date: date }).nullable(),
    }),
  ),
  conflicts: z.array(
    z.object({
      id: z.string(),
      groups: z.tuple([groupRef, groupRef]),
      description: z.string(),
      weighing: z.string().describe('The afweging: how it was decided and why; empty while open'),
      weighed: z.boolean(),
      decision: decisionRef.nullable().describe('The decision that settled it'),
    }),
  ),
});
