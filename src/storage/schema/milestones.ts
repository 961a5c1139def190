/** A planned moment in a change's timeline (`date` is YYYY-MM-DD). */
export interface MilestoneTable {
  id: string;
  change_id: string;
  title: string;
  description: string;
  date: string;
  done: number;
  position: number;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}
