/** A change with its why/what; `themes` is a JSON array stored as text (portable). */
export interface ChangeTable {
  id: string;
  organization_id: string;
  slug: string;
  title: string;
  kind: string;
  status: string;
  summary: string;
  why: string;
  what: string;
  themes: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}
