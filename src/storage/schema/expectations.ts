/** A promise or claim by a politician or in the media about a change (uitspraak). */
export interface StatementTable {
  id: string;
  change_id: string;
  speaker: string;
  speaker_kind: string;
  role: string;
  medium: string;
  date: string;
  quote: string;
  url: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}

/** What a group (or the public, `group_id` null) expects from a change, with status and response. */
export interface ExpectationTable {
  id: string;
  change_id: string;
  group_id: string | null;
  statement_id: string | null;
  text: string;
  kind: string;
  source: string;
  raised_by: string;
  raised_where: string;
  raised_on: string | null;
  source_url: string | null;
  status: string;
  response_text: string | null;
  response_channel: string | null;
  response_date: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}

/**
 * A goal or decision an expectation is linked to: what backs it (status supported/partly) or what
 * says otherwise (contradicted). Exactly one of `goal_id` and `decision_id` is set.
 */
export interface ExpectationLinkTable {
  id: string;
  expectation_id: string;
  goal_id: string | null;
  decision_id: string | null;
  position: number;
}

/** Two groups with opposing interests in one change, and the weighing (afweging). */
export interface ConflictTable {
  id: string;
  change_id: string;
  group_a_id: string;
  group_b_id: string;
  description: string;
  weighing: string;
  decision_id: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}
