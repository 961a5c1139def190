import { z } from 'zod';
import { dateSchema, textSchema } from '../../core';
import { slugSchema } from '../organizations';
import { CHANGE_KINDS, CHANGE_STATUSES } from './change';

/** A date field: `YYYY-MM-DD`, an existing day within core's `DATE_RANGE`. */
export const isoDateSchema = dateSchema;

// The fields without defaults: zod 4 applies a default even inside `.partial()`, so an edit schema
// built from defaulted fields would blank every field the edit leaves out.
const changeFields = {
  title: textSchema({ min: 3, max: 200 }),
  kind: z.enum(CHANGE_KINDS),
  summary: textSchema({ max: 600, multiline: true }),
  why: textSchema({ max: 10_000, multiline: true }),
  what: textSchema({ max: 10_000, multiline: true }),
  themes: z.array(textSchema({ min: 1, max: 60 })).max(20),
};

export const createChangeSchema = z.strictObject({
  ...changeFields,
  summary: changeFields.summary.default(''),
  why: changeFields.why.default(''),
  what: changeFields.what.default(''),
  themes: changeFields.themes.default([]),
  slug: slugSchema.optional(),
  status: z.enum(CHANGE_STATUSES).default('draft'),
});
export type CreateChangeInput = z.input<typeof createChangeSchema>;

/** An edit: only the fields given change (no defaults, see above). */
export const updateChangeSchema = z.strictObject(changeFields).partial();
export type UpdateChangeInput = z.input<typeof updateChangeSchema>;

const milestoneFields = {
  title: textSchema({ min: 2, max: 200 }),
  description: textSchema({ max: 2000, multiline: true }),
  date: isoDateSchema,
  done: z.boolean(),
};

export const milestoneSchema = z.strictObject({
  ...milestoneFields,
  description: milestoneFields.description.default(''),
  done: milestoneFields.done.default(false),
});
export type MilestoneInput = z.input<typeof milestoneSchema>;

/** An edit of a milestone: only the fields given change (no defaults, see above). */
export const milestonePatchSchema = z.strictObject(milestoneFields).partial();

export const listChangesSchema = z.object({
  status: z.enum(CHANGE_STATUSES).optional(),
  theme: textSchema({ max: 60 }).optional(),
  publishedOnly: z.boolean().default(false),
});
export type ListChangesFilter = z.input<typeof listChangesSchema>;
