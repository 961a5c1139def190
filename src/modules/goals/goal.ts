import type { Id } from '../../core';
import type { ChangeId } from '../changes';

export type GoalId = Id<'Goal'>;
export type GoalVersionId = Id<'GoalVersion'>;

export const GOAL_LEVELS = ['impact', 'outcome', 'output'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export const DIRECTIONS = ['increase', 'decrease', 'keep'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const REPORTING_INTERVALS = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type ReportingInterval = (typeof REPORTING_INTERVALS)[number];

/** Days a measurement stays current, per reporting interval, with a little slack for publication. */
export const INTERVAL_DAYS: Record<ReportingInterval, number> = { monthly: 31 + 14, quarterly: 92 + 31, half_yearly: 183 + 31, yearly: 366 + 62 };

/** The fields a council adopts. Changing any of them makes a new version (DOMAIN.md "Goal version"). */
export const VERSIONED_FIELDS = ['statement', 'level', 'indicator', 'unit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'direction'] as const;

export interface GoalContent {
  statement: string;
  level: GoalLevel;
  /** What is counted, and how. */
  indicator: string;
  unit: string;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  direction: Direction;
  owner: string;
  dataSource: string;
  reportingInterval: ReportingInterval;
}

export interface GoalVersion extends GoalContent {
  id: GoalVersionId;
  goalId: GoalId;
  version: number;
  createdAt: string;
  createdBy: string;
}

export interface Goal {
  id: GoalId;
  changeId: ChangeId;
  position: number;
  createdAt: string;
  current: GoalVersion;
  /** Optimistic concurrency of the goal as a whole, whether an edit makes a new version or not (core/revision.ts). */
  revision: number;
}

export interface Anchor {
  id: string;
  decisionId: string;
  goalVersionId: GoalVersionId;
  createdAt: string;
}

export interface Measurement {
  id: string;
  goalId: GoalId;
  date: string;
  value: number;
  source: string;
  note: string;
  createdAt: string;
}

export const versionedFieldsDiffer = (a: GoalContent, b: GoalContent): boolean => VERSIONED_FIELDS.some((f) => a[f] !== b[f]);

/**
 * Why a goal cannot be measured, as reason codes (empty when measurable): rule 4 of the legitimacy
 * check. Vague wording is judged by the language checker, not here.
 */
export const measurabilityGaps = (g: GoalContent): string[] => {
  const gaps: string[] = [];
  if (!g.indicator.trim()) gaps.push('no_indicator');
  if (!g.unit.trim()) gaps.push('no_unit');
  if (g.baselineValue === null || g.baselineDate === null) gaps.push('no_baseline');
  if (g.targetValue === null) gaps.push('no_target');
  if (g.targetDate === null) gaps.push('no_deadline');
  if (g.baselineValue !== null && g.targetValue !== null && !directionHolds(g.direction, g.baselineValue, g.targetValue)) {
    gaps.push('target_not_in_direction');
  }
  return gaps;
};

/** The target lies on the stated side of the baseline; "keep" means the target equals it. */
export const directionHolds = (direction: Direction, baseline: number, target: number): boolean =>
  direction === 'increase' ? target > baseline : direction === 'decrease' ? target < baseline : target === baseline;

/**
 * Progress = (actual − baseline) / (target − baseline), clamped to 0..1 (DOMAIN.md). For "keep",
 * 1 while the value holds at the target (within 1%), else 0. `null` without baseline, target or value.
 */
export const progressOf = (g: GoalContent, actual: number | null | undefined): number | null => {
  if (actual === null || actual === undefined || g.baselineValue === null || g.targetValue === null) return null;
  if (g.direction === 'keep' || g.targetValue === g.baselineValue) {
    return Math.abs(actual - g.targetValue) <= Math.abs(g.targetValue) * 0.01 ? 1 : 0;
  }
  const p = (actual - g.baselineValue) / (g.targetValue - g.baselineValue);
  return Math.min(1, Math.max(0, p));
};

export type TrackStatus = 'achieved' | 'on_track' | 'behind' | 'no_measurement' | 'not_measurable';

/**
 * Where a goal stands: achieved, on track (progress at least 80% of the straight line from
 * baseline date to target date), behind, or without a measurement. The 80% tolerance keeps one
 * slow quarter from turning a goal red; it is a display rule, not a judgement of the council.
 * From the deadline on there is no quarter left to make up: short of the target is behind.
 */
export const trackStatus = (g: GoalContent, latest: Pick<Measurement, 'date' | 'value'> | undefined): TrackStatus => {
  if (measurabilityGaps(g).length > 0) return 'not_measurable';
  if (!latest) return 'no_measurement';
  const progress = progressOf(g, latest.value) ?? 0;
  if (progress >= 1) return 'achieved';
  const start = Date.parse(g.baselineDate!);
  const end = Date.parse(g.targetDate!);
  const at = Date.parse(latest.date);
  if (at >= end) return 'behind';
  const expected = end > start ? Math.min(1, Math.max(0, (at - start) / (end - start))) : 1;
  return progress >= expected * 0.8 ? 'on_track' : 'behind';
};
