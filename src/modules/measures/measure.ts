import type { Id } from '../../core';
import type { ChangeId } from '../changes';
import type { GoalId } from '../goals';

export type MeasureId = Id<'Measure'>;

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'stopped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** How strong the evidence is that a measure helps a goal, weakest first. */
export const EVIDENCE_STRENGTHS = ['assumed', 'plausible', 'evaluated', 'measured'] as const;
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

export interface Measure {
  id: MeasureId;
  changeId: ChangeId;
  title: string;
  description: string;
  status: MeasureStatus;
  /** Cost in euros. */
  cost: number | null;
  startDate: string | null;
  endDate: string | null;
  createdAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/** "Measure M contributes to goal G": what makes "demonstrably contributes" demonstrable. */
export interface Contribution {
  id: string;
  measureId: MeasureId;
  goalId: GoalId;
  mechanism: string;
  assumptions: string;
  /** Expected effect in the goal's unit, when it can be estimated. */
  expectedEffect: number | null;
  evidenceStrength: EvidenceStrength;
  evidenceLinks: string[];
  createdAt: string;
}
