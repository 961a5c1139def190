import type { Change, Milestone } from '../changes';
import type { Decision } from '../decisions';
import type { Conflict, Expectation, Statement } from '../expectations';
import type { AnchorOfGoal, Goal, Measurement } from '../goals';
import type { CitizenGroup, Impact } from '../groups';
import type { Contribution, Measure } from '../measures';

/** A goal as the chain shows it: current version, its anchors, and whether an older version was adopted. */
export interface ChainGoal {
  goal: Goal;
  /** Anchors of the current version to decisions whose (corrected) outcome is adopted. */
  anchors: AnchorOfGoal[];
  anchored: boolean;
  /** An older version was adopted, the current one not: edited after adoption. */
  editedAfterAdoption: boolean;
  /** The newest adopted version, when the current one is not adopted. */
  adoptedVersion: number | null;
  latestMeasurement: Measurement | null;
}

export interface ChainMeasure {
  measure: Measure;
  contributions: Contribution[];
}

export interface ChainImpact {
  impact: Impact;
  group: CitizenGroup;
}

/**
 * The legitimacy chain of one change: why/what → goals (anchored in decisions) ← measures, who it
 * affects, and its expectation register (statements, expectations, conflicts between groups).
 */
export interface ChangeChain {
  change: Change;
  milestones: Milestone[];
  goals: ChainGoal[];
  measures: ChainMeasure[];
  decisions: Decision[];
  impacts: ChainImpact[];
  statements: Statement[];
  expectations: Expectation[];
  conflicts: Conflict[];
}

/**
 * The outcome that counts for a decision: that of its newest correction, if any. A raadsbesluit
 * recorded as adopted and later corrected to rejected no longer anchors anything.
 */
export const effectiveOutcomes = (decisions: readonly Decision[]): Map<string, Decision['outcome']> => {
  const correctionOf = new Map<string, Decision>();
  for (const d of decisions) if (d.correctsId) correctionOf.set(d.correctsId, d);
  const result = new Map<string, Decision['outcome']>();
  for (const d of decisions) {
    let current = d;
    const seen = new Set<string>();
    while (correctionOf.has(current.id) && !seen.has(current.id)) {
      seen.add(current.id);
      current = correctionOf.get(current.id)!;
    }
    result.set(d.id, current.outcome);
  }
  return result;
};
