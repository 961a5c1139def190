import { z } from 'zod';
import { textSchema, urlSchema } from '../../core';
import { ORGANIZATION_KINDS } from './organization';

/** A slug is what appears in public URLs: lower case letters, digits and hyphens. */
export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower case letters, digits and single hyphens');

export const createOrganizationSchema = z.strictObject({
  slug: slugSchema,
  name: textSchema({ min: 2, max: 200 }),
  kind: z.enum(ORGANIZATION_KINDS),
  description: textSchema({ max: 2000, multiline: true }).default(''),
  website: urlSchema().nullable().default(null),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
