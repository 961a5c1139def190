import { z } from 'zod';
import { isoDateSchema } from '../changes';
import { EXPECTATION_KINDS, EXPECTATION_SOURCES, EXPECTATION_STATUSES, SPEAKER_KINDS } from './expectation';

// Links end up as hrefs on the portal: only http(s), never javascript: or data: (OWASP XSS prevention).
const url = z.url({ protocol: /^https?$/, message: 'a web address starting with https://' }).max(2000);
const ids = z.array(z.uuid()).max(20).refine((list) => new Set(list).size === list.length, 'each id only once');

export const statementSchema = z.object({
  speaker: z.string().trim().min(2).max(200),
  speakerKind: z.enum(SPEAKER_KINDS),
  role: z.string().trim().max(200).default(''),
  medium: z.string().trim().min(2).max(200),
  date: isoDateSchema,
  quote: z.string().trim().min(5).max(5000),
  url: url.nullable().default(null),
});
export type StatementInput = z.input<typeof statementSchema>;

export const responseSchema = z.object({
  text: z.string().trim().min(10, 'say in a sentence what we tell people').max(5000),
  channel: z.string().trim().min(2).max(200),
  date: isoDateSchema,
});
export type ResponseInput = z.input<typeof responseSchema>;

/**
 * An expectation with its status and links. What the links mean follows the status: they back a
 * supported or partly supported expectation, and say otherwise for a contradicted one.
 */
export const expectationSchema = z.object({
  text: z.string().trim().min(5).max(2000),
  kind: z.enum(EXPECTATION_KINDS).default('predictive'),
  source: z.enum(EXPECTATION_SOURCES),
  groupId: z.uuid().nullable().default(null),
  statementId: z.uuid().nullable().default(null),
  raisedBy: z.string().trim().max(200).default(''),
  raisedWhere: z.string().trim().max(200).default(''),
  raisedOn: isoDateSchema.nullable().default(null),
  sourceUrl: url.nullable().default(null),
  status: z.enum(EXPECTATION_STATUSES),
  goalIds: ids.default([]),
  decisionIds: ids.default([]),
  response: responseSchema.nullable().default(null),
});
export type ExpectationInput = z.input<typeof expectationSchema>;

export const conflictSchema = z
  .object({
    groupAId: z.uuid(),
    groupBId: z.uuid(),
    description: z.string().trim().max(3000).default(''),
    weighing: z.string().trim().max(10_000).default(''),
    decisionId: z.uuid().nullable().default(null),
  })
  .refine((c) => c.groupAId !== c.groupBId, { path: ['groupBId'], message: 'a conflict is between two different groups' });
export type ConflictInput = z.input<typeof conflictSchema>;

/** A weighing recorded later: the afweging and, once taken, the decision that settled it. */
export const weighingSchema = z.object({
  weighing: z.string().trim().min(10, 'say in a sentence how it was decided and why').max(10_000),
  decisionId: z.uuid().nullable().default(null),
});
export type WeighingInput = z.input<typeof weighingSchema>;

export const suggestionRequestSchema = z.object({
  text: z.string().max(5000),
  limit: z.number().int().min(1).max(10).default(3),
});
export type SuggestionRequest = z.input<typeof suggestionRequestSchema>;
