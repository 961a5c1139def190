import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, isId, isPlainText } from '../../core';
import { ORGANIZATION_KINDS, slugSchema } from '../organizations';
import { CHANGE_KINDS, CHANGE_STATUSES, isoDateSchema } from '../changes';
import { EFFECTS } from '../groups';
import { DECISION_KINDS, DECISION_OUTCOMES, FOLLOW_UP_STATUSES } from '../decisions';
import { DIRECTIONS, GOAL_LEVELS, REPORTING_INTERVALS } from '../goals';
import { EVIDENCE_STRENGTHS, MEASURE_STATUSES } from '../measures';
import { EXPECTATION_KINDS, EXPECTATION_SOURCES, EXPECTATION_STATUSES, SPEAKER_KINDS } from '../expectations';

/**
 * The structure of an organization document, version 1. Every field is required (the export
 * always writes them all, `null` where empty) and every object is strict: a key this version does
 * not know is an error rather than silently dropped, because an import must lose nothing. The one
 * exception: a change's `statements`, `expectations` and `conflicts` came later to version 1, so a
 * document written before them imports with those lists empty.
 * Domain rules (lengths, direction of a target, …) are checked afterwards with the modules' own
 * schemas (invariants.ts); references between records in references.ts.
 */
export const DOCUMENT_FORMAT = 'helder-organization';
export const DOCUMENT_VERSION = 1;

const id = z.string().refine(isId, 'must be a UUID');
/** Timestamps are what `Date#toISOString()` writes: ISO 8601 in UTC. */
const timestamp = z.iso.datetime();
const date = isoDateSchema;
/**
 * Any text of the document: no control character but tab and line feed (core's text rule), so a NUL
 * that an older SQLite database held is refused as "path: message" instead of failing in PostgreSQL.
 * Lengths and single-line fields are the modules' rules, checked in invariants.ts.
 */
const text = z.string().refine((s) => isPlainText(s, true), CONTROL_CHARACTER_MESSAGE);
const int = z.number().int();
const count = int.min(0);

const organization = z.strictObject({
  id,
  slug: slugSchema,
  name: text,
  kind: z.enum(ORGANIZATION_KINDS),
  description: text,
  website: text.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const group = z.strictObject({ id, name: text, description: text, estimatedSize: count.nullable(), createdAt: timestamp });

const milestone = z.strictObject({ id, title: text, description: text, date, done: z.boolean(), position: int });

const goalVersion = z.strictObject({
  id,
  version: int.min(1),
  statement: text,
  level: z.enum(GOAL_LEVELS),
  indicator: text,
  unit: text,
  baselineValue: z.number().nullable(),
  baselineDate: date.nullable(),
  targetValue: z.number().nullable(),
  targetDate: date.nullable(),
  direction: z.enum(DIRECTIONS),
  owner: text,
  dataSource: text,
  reportingInterval: z.enum(REPORTING_INTERVALS),
  createdAt: timestamp,
  createdBy: text,
});

const measurement = z.strictObject({ id, date, value: z.number(), source: text, note: text, createdAt: timestamp });

const goal = z.strictObject({
  id,
  position: int,
  createdAt: timestamp,
  currentVersion: int.min(1),
  versions: z.array(goalVersion).min(1),
  measurements: z.array(measurement),
});

const contribution = z.strictObject({
  id,
  goalId: id,
  mechanism: text,
  assumptions: text,
  expectedEffect: z.number().nullable(),
  evidenceStrength: z.enum(EVIDENCE_STRENGTHS),
  evidenceLinks: z.array(text),
  createdAt: timestamp,
});

const measure = z.strictObject({
  id,
  title: text,
  description: text,
  status: z.enum(MEASURE_STATUSES),
  cost: z.number().nullable(),
  startDate: date.nullable(),
  endDate: date.nullable(),
  createdAt: timestamp,
  contributions: z.array(contribution),
});

const impact = z.strictObject({ id, groupId: id, effect: z.enum(EFFECTS), meaning: text, expectation: text, createdAt: timestamp });

const statement = z.strictObject({
  id,
  speaker: text,
  speakerKind: z.enum(SPEAKER_KINDS),
  role: text,
  medium: text,
  date,
  quote: text,
  url: text.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const response = z.strictObject({ text, channel: text, date });

const expectation = z.strictObject({
  id,
  groupId: id.nullable(),
  statementId: id.nullable(),
  text,
  kind: z.enum(EXPECTATION_KINDS),
  source: z.enum(EXPECTATION_SOURCES),
  raisedBy: text,
  raisedWhere: text,
  raisedOn: date.nullable(),
  sourceUrl: text.nullable(),
  status: z.enum(EXPECTATION_STATUSES),
  /** In the order given: the order the register shows them in. */
  goalIds: z.array(id),
  decisionIds: z.array(id),
  response: response.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const conflict = z.strictObject({
  id,
  groupAId: id,
  groupBId: id,
  description: text,
  weighing: text,
  decisionId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const change = z.strictObject({
  id,
  slug: slugSchema,
  title: text,
  kind: z.enum(CHANGE_KINDS),
  status: z.enum(CHANGE_STATUSES),
  summary: text,
  why: text,
  what: text,
  themes: z.array(text),
  publishedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  milestones: z.array(milestone),
  goals: z.array(goal),
  measures: z.array(measure),
  impacts: z.array(impact),
  // Added to version 1 later: absent in older documents, which import with an empty register.
  statements: z.array(statement).default([]),
  expectations: z.array(expectation).default([]),
  conflicts: z.array(conflict).default([]),
});

const votes = z.strictObject({ for: count, against: count, abstain: count });
const partyVote = z.strictObject({ party: text, for: count, against: count, abstain: count });
const followUp = z.strictObject({ id, description: text, dueDate: date, status: z.enum(FOLLOW_UP_STATUSES) });

const decision = z.strictObject({
  id,
  changeId: id.nullable(),
  kind: z.enum(DECISION_KINDS),
  title: text,
  body: text,
  date,
  reference: text,
  sourceUrl: text.nullable(),
  outcome: z.enum(DECISION_OUTCOMES),
  votes: votes.nullable(),
  partyVotes: z.array(partyVote),
  followUps: z.array(followUp),
  summary: text,
  correctsId: id.nullable(),
  createdAt: timestamp,
});

const anchor = z.strictObject({ id, decisionId: id, goalVersionId: id, createdAt: timestamp });

export const organizationDocumentSchema = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  exportedAt: timestamp,
  organization,
  groups: z.array(group),
  changes: z.array(change),
  decisions: z.array(decision),
  anchors: z.array(anchor),
});

/** One organization with everything it holds, as exported and imported. */
export type OrganizationDocument = z.infer<typeof organizationDocumentSchema>;
export type ChangeRecord = OrganizationDocument['changes'][number];
export type GoalRecord = ChangeRecord['goals'][number];
export type GoalVersionRecord = GoalRecord['versions'][number];
export type MeasureRecord = ChangeRecord['measures'][number];
export type DecisionRecord = OrganizationDocument['decisions'][number];
export type StatementRecord = ChangeRecord['statements'][number];
export type ExpectationRecord = ChangeRecord['expectations'][number];
export type ConflictRecord = ChangeRecord['conflicts'][number];
