import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, isPlainText, textSchema, urlSchema } from '../../core';
import { isoDateSchema } from '../changes';
import { EXPECTATION_KINDS, EXPECTATION_SOURCES, EXPECTATION_STATUSES, SPEAKER_KINDS } from './expectation';

// Links end up as hrefs on the portal: only http(s), never javascript: or data: (OWASP XSS prevention).
const url = urlSchema();
const ids = z.array(z.uuid()).max(20).refine((list) => new Set(list).size === list.length, 'each id only once');

export const statementSchema = z.strictObject({
  speaker: textSchema({ min: 2, max: 200 }),
  speakerKind: z.enum(SPEAKER_KINDS),
  role: textSchema({ max: 200 }).default(''),
  medium: textSchema({ min: 2, max: 200 }),
  date: isoDateSchema,
  quote: textSchema({ min: 5, max: 5000, multiline: true }),
  url: url.nullable().default(null),
});
export type StatementInput = z.input<typeof statementSchema>;

export const responseSchema = z.strictObject({
  text: textSchema({ min: 10, tooShort: 'say in a sentence what we tell people', max: 5000, multiline: true }),
  channel: textSchema({ min: 2, max: 200 }),
  date: isoDateSchema,
});
export type ResponseInput = z.input<typeof responseSchema>;

/**
 * An expectation with its status and links. What the links mean follows the status: they back a
 * supported or partly supported expectation, and say otherwise for a contradicted one.
 */
export const expectationSchema = z.strictObject({
  text: textSchema({ min: 5, max: 2000, multiline: true }),
  kind: z.enum(EXPECTATION_KINDS).default('predictive'),
  source: z.enum(EXPECTATION_SOURCES),
  groupId: z.uuid().nullable().default(null),
  statementId: z.uuid().nullable().default(null),
  raisedBy: textSchema({ max: 200 }).default(''),
  raisedWhere: textSchema({ max: 200 }).default(''),
  raisedOn: isoDateSchema.nullable().default(null),
  sourceUrl: url.nullable().default(null),
  status: z.enum(EXPECTATION_STATUSES),
  goalIds: ids.default([]),
  decisionIds: ids.default([]),
  response: responseSchema.nullable().default(null),
});
export type ExpectationInput = z.input<typeof expectationSchema>;

export const conflictSchema = z
  .strictObject({
    groupAId: z.uuid(),
    groupBId: z.uuid(),
    description: textSchema({ max: 3000, multiline: true }).default(''),
    weighing: textSchema({ max: 10_000, multiline: true }).default(''),
    decisionId: z.uuid().nullable().default(null),
  })
  .refine((c) => c.groupAId !== c.groupBId, { path: ['groupBId'], message: 'a conflict is between two different groups' });
export type ConflictInput = z.input<typeof conflictSchema>;

/** A weighing recorded later: the afweging and, once taken, the decision that settled it. */
export const weighingSchema = z.strictObject({
  weighing: textSchema({ min: 10, tooShort: 'say in a sentence how it was decided and why', max: 10_000, multiline: true }),
  decisionId: z.uuid().nullable().default(null),
});
export type WeighingInput = z.input<typeof weighingSchema>;

export const suggestionRequestSchema = z.strictObject({
  text: z.string().max(5000).refine((s) => isPlainText(s, true), CONTROL_CHARACTER_MESSAGE),
  limit: z.number().int().min(1).max(10).default(3),
});
export type SuggestionRequest = z.input<typeof suggestionRequestSchema>;
