import { z } from 'zod';
import { slugSchema } from '../organizations';
import { CHANGE_KINDS, CHANGE_STATUSES } from './change';

export const isoDateSchema = z.iso.date();

// The fields without defaults: zod 4 applies a default even inside `.partial()`, so an edit schema
// built from defaulted fields would blank every field the edit leaves out.
const changeFields = {
  title: z.string().trim().min(3).max(200),
  kind: z.enum(CHANGE_KINDS),
  summary: z.string().trim().max(600),
  why: z.string().trim().max(10_000),
  what: z.string().trim().max(10_000),
  themes: z.array(z.string().trim().min(1).max(60)).max(20),
};

export const createChangeSchema = z.object({
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
export const updateChangeSchema = z.object(changeFields).partial();
export type UpdateChangeInput = z.input<typeof updateChangeSchema>;

const milestoneFields = {
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000),
  date: isoDateSchema,
  done: z.boolean(),
};

export const milestoneSchema = z.object({
  ...milestoneFields,
  description: milestoneFields.description.default(''),
  done: milestoneFields.done.default(false),
});
export type MilestoneInput = z.input<typeof milestoneSchema>;

/** An edit of a milestone: only the fields given change (no defaults, see above). */
export const milestonePatchSchema = z.object(milestoneFields).partial();

export const listChangesSchema = z.object({
  status: z.enum(CHANGE_STATUSES).optional(),
  theme: z.string().max(60).optional(),
  publishedOnly: z.boolean().default(false),
});
export type ListChangesFilter = z.input<typeof listChangesSchema>;
