/** A public body hosted by this installation. Timestamps are ISO 8601 text on both dialects. */
export interface OrganizationTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}
