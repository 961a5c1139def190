import type { Id } from '../../core';

export type OrganizationId = Id<'Organization'>;

/** The kinds of public body Helder serves (MISSION.md). */
export const ORGANIZATION_KINDS = ['gemeente', 'provincie', 'waterschap', 'ministerie', 'uitvoeringsorganisatie'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface Organization {
  id: OrganizationId;
  slug: string;
  name: string;
  kind: OrganizationKind;
  description: string;
  website: string | null;
  createdAt: string;
  updatedAt: string;
}
