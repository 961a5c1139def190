/** The publication workflow of one change: who asked for review and who published, and when. */
export interface ChangePublicationTable {
  change_id: string;
  review_requested_at: string | null;
  review_requested_by: string | null;
  published_at: string | null;
  published_by: string | null;
  updated_at: string;
}
