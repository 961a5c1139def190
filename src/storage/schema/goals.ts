/** A goal; its measurable content lives in versions, `current_version` is the newest one. */
export interface GoalTable {
  id: string;
  change_id: string;
  current_version: number;
  position: number;
  created_at: string;
  /** Optimistic concurrency: 1 when created, one higher with every write (core/revision.ts). */
  revision: number;
}

/** One immutable version of a goal (IATI result/indicator/baseline/target). */
export interface GoalVersionTable {
  id: string;
  goal_id: string;
  version: number;
  statement: string;
  level: string;
  indicator: string;
  unit: string;
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number | null;
  target_date: string | null;
  direction: string;
  owner: string;
  data_source: string;
  reporting_interval: string;
  created_at: string;
  created_by: string;
}

/** "Decision D adopted goal version V". */
export interface AnchorTable {
  id: string;
  decision_id: string;
  goal_version_id: string;
  created_at: string;
}

/** A value of a goal's indicator at a date. */
export interface MeasurementTable {
  id: string;
  goal_id: string;
  date: string;
  value: number;
  source: string;
  note: string;
  created_at: string;
}
