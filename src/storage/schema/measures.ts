/** A measure (maatregel) of a change. */
export interface MeasureTable {
  id: string;
  change_id: string;
  title: string;
  description: string;
  status: string;
  cost: number | null;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}

/** "Measure M contributes to goal G", with why we believe it. `evidence_links` is JSON text. */
export interface ContributionTable {
  id: string;
  measure_id: string;
  goal_id: string;
  mechanism: string;
  assumptions: string;
  expected_effect: number | null;
  evidence_strength: string;
  evidence_links: string;
  created_at: string;
}
