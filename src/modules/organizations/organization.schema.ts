import { z } from 'zod';
import { ORGANIZATION_KINDS } from './organization';

/** A slug is what appears in public URLs: lower case letters, digits and hyphens. */
export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower case letters, digits and single hyphens');

export const createOrganizationSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANIZATION_KINDS),
  description: z.string().max(2000).default(''),
  website: z.url().nullable().default(null),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
