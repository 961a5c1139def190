/**
 * A political decision. Vote fields follow Popolo's vote_event/count; `corrects_id` points at the
 * record this one corrects, because a decided record is never edited in place.
 */
export interface DecisionTable {
  id: string;
  organization_id: string;
  change_id: string | null;
  kind: string;
  title: string;
  body: string;
  date: string;
  reference: string;
  source_url: string | null;
  outcome: string;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  summary: string;
  corrects_id: string | null;
  created_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}

/** Votes of one party on one decision (Popolo `count` grouped by party). */
export interface PartyVoteTable {
  id: string;
  decision_id: string;
  party: string;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
}

/** A follow-up obligation created by a motie or toezegging. */
export interface FollowUpTable {
  id: string;
  decision_id: string;
  description: string;
  due_date: string;
  status: string;
}
