/** A citizen group of an organization, reused across its changes. */
export interface CitizenGroupTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  estimated_size: number | null;
  created_at: string;
}

/** What one change means for one group. */
export interface ImpactTable {
  id: string;
  change_id: string;
  group_id: string;
  effect: string;
  meaning: string;
  expectation: string;
  created_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}
