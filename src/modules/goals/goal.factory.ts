import type { Deps } from '../../storage';
import { testActor } from '../organizations/organization.factory';
import type { Goal, GoalContent } from './goal';
import type { GoalContentInput } from './goal.schema';
import { createGoal } from './goal.service';

/**
 * Test-only builders. Not exported from index.ts. The default goal is measurable: from 40% of bikes
 * in the stalling on 1 January 2025 to 70% by 1 January 2028, measured quarterly.
 */
const defaults: GoalContent = {
  statement: 'Meer fietsen staan in de stalling in plaats van op de stoep',
  level: 'outcome',
  indicator: 'Aandeel geparkeerde fietsen in de stalling bij de telling',
  unit: 'procent',
  baselineValue: 40,
  baselineDate: '2025-01-01',
  targetValue: 70,
  targetDate: '2028-01-01',
  direction: 'increase',
  owner: 'Team Mobiliteit',
  dataSource: 'Fietstelling gemeente',
  reportingInterval: 'quarterly',
};

/** Goal content for the pure rules, never stored. */
export const aGoalContent = (overrides: Partial<GoalContent> = {}): GoalContent => ({ ...defaults, ...overrides });

/** A stored goal (version 1) of a change. */
export const aGoal = (deps: Deps, changeId: string, overrides: Partial<GoalContentInput> = {}): Promise<Goal> =>
  createGoal(deps, testActor, changeId, { ...defaults, ...overrides });
