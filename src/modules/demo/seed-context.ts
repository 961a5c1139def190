import type { Actor } from '../../core';
import type { Deps } from '../../storage';
import { addMilestone, getChange, setChangeStatus, type ChangeStatus } from '../changes';
import { setImpact, type Effect } from '../groups';
import { recordMeasurement } from '../goals';
import type { DemoCalendar } from './dates';
import type { GroupKey } from './organization';

/** What every change file of the demo needs: the transaction, who seeds, the calendar and the groups. */
export interface SeedContext {
  deps: Deps;
  actor: Actor;
  organizationId: string;
  cal: DemoCalendar;
  groups: Record<GroupKey, string>;
}

const LIFECYCLE: ChangeStatus[] = ['draft', 'proposed', 'decided', 'in_progress', 'completed'];

/**
 * Walks a change from its status to `status` one step at a time, as an editor would, so the audit log
 * shows every step of the lifecycle rather than a change born "completed".
 */
export const moveTo = async (ctx: SeedContext, changeId: string, status: ChangeStatus): Promise<void> => {
  const { status: from } = await getChange(ctx.deps, changeId);
  for (const step of LIFECYCLE.slice(LIFECYCLE.indexOf(from) + 1, LIFECYCLE.indexOf(status) + 1)) {
    await setChangeStatus(ctx.deps, ctx.actor, changeId, step);
  }
};

/** Adds milestones in order; a milestone is done once its date has passed. */
export const addMilestones = async (
  ctx: SeedContext,
  changeId: string,
  milestones: { date: string; title: string; description?: string }[],
): Promise<void> => {
  for (const m of milestones) {
    await addMilestone(ctx.deps, ctx.actor, changeId, { ...m, done: m.date < ctx.cal.today });
  }
};

/** Sets what a change means per group: [effect, "wat betekent dit voor u", "wat kunt u verwachten, en wanneer"]. */
export const addImpacts = async (
  ctx: SeedContext,
  changeId: string,
  impacts: Partial<Record<GroupKey, [Effect, string, string]>>,
): Promise<void> => {
  for (const [key, [effect, meaning, expectation]] of Object.entries(impacts) as [GroupKey, [Effect, string, string]][]) {
    await setImpact(ctx.deps, ctx.actor, changeId, { groupId: ctx.groups[key], effect, meaning, expectation });
  }
};

/** Records a series of measurements of one goal: `[date, value]` pairs, oldest first. */
export const measureSeries = async (
  ctx: SeedContext,
  goalId: string,
  source: string,
  series: [string, number][],
): Promise<void> => {
  for (const [date, value] of series) await recordMeasurement(ctx.deps, ctx.actor, goalId, { date, value, source });
};
