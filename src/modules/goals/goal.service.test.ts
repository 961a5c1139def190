import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import { aDecision } from '../decisions/decision.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { anchorGoal } from './anchor.service';
import { aGoal } from './goal.factory';
import { selectAnchors } from './goal.repository';
import { getGoal, getGoalVersion, listGoals, listGoalVersions, reviseGoal } from './goal.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`goals on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    let change: Change;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
      change = await aChange(deps, org.id);
    });
    afterEach(() => open.close());

    describe('creating', () => {
      it('creates version 1, readable with its change, in the order goals were added', async () => {
        const first = await aGoal(deps, change.id);
        const second = await aGoal(deps, change.id, { statement: 'Minder fietsen op de stoep rond het station', direction: 'decrease', baselineValue: 900, targetValue: 100, unit: 'fietsen' });
        expect(first.current).toMatchObject({ version: 1, unit: 'procent', baselineValue: 40, targetValue: 70, createdBy: testActor.id });
        expect(await getGoal(deps, first.id)).toEqual(first);
        expect((await listGoals(deps, { changeIds: [change.id] })).map((g) => [g.id, g.position])).toEqual([
          [first.id, 0],
          [second.id, 1],
        ]);
        expect(await auditOf(open.db, 'goal', first.id)).toEqual([expect.objectContaining({ action: 'goal.created' })]);
      });

      it('keeps fractional values exactly on every dialect', async () => {
        const goal = await aGoal(deps, change.id, { unit: 'microgram per m3', baselineValue: 22.7, targetValue: 0.05, direction: 'decrease' });
        expect((await getGoal(deps, goal.id)).current).toMatchObject({ baselineValue: 22.7, targetValue: 0.05 });
      });

      it('refuses a goal without a unit, with validation_failed on unit, and writes nothing', async () => {
        const { error, changed } = await attempt(open.db, () => aGoal(deps, change.id, { unit: '  ' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['unit']);
        expect(changed).toEqual([]);
      });

      it('refuses a target equal to the baseline where a direction is required, with validation_failed on targetValue', async () => {
        for (const direction of ['increase', 'decrease'] as const) {
          const { error, changed } = await attempt(open.db, () => aGoal(deps, change.id, { direction, baselineValue: 40, targetValue: 40 }));
          expect(error).toMatchObject({ code: 'validation_failed' });
          expect(issuePaths(error)).toEqual(['targetValue']);
          expect(changed).toEqual([]);
        }
      });

      it('refuses a target in the wrong direction, with validation_failed on targetValue', async () => {
        const { error, changed } = await attempt(open.db, () => aGoal(deps, change.id, { direction: 'decrease', baselineValue: 40, targetValue: 70 }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['targetValue']);
        expect(changed).toEqual([]);
      });

      it('accepts keep with the target equal to the baseline, and refuses keep with another target', async () => {
        await expect(aGoal(deps, change.id, { direction: 'keep', baselineValue: 95, targetValue: 95 })).resolves.toBeDefined();
        const { error } = await attempt(open.db, () => aGoal(deps, change.id, { direction: 'keep', baselineValue: 95, targetValue: 97 }));
        expect(issuePaths(error)).toEqual(['targetValue']);
      });

      it('refuses a deadline on or before the baseline date, with validation_failed on targetDate', async () => {
        for (const targetDate of ['2024-12-31', '2025-01-01']) {
          const { error, changed } = await attempt(open.db, () => aGoal(deps, change.id, { baselineDate: '2025-01-01', targetDate }));
          expect(error).toMatchObject({ code: 'validation_failed' });
          expect(issuePaths(error)).toEqual(['targetDate']);
          expect(changed).toEqual([]);
        }
      });

      it('refuses half a baseline (a value without a date), with validation_failed on baselineDate', async () => {
        const { error } = await attempt(open.db, () => aGoal(deps, change.id, { baselineValue: 40, baselineDate: null }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['baselineDate']);
      });

      it('stores an incomplete goal: completeness is the legitimacy check’s job, not a reason to refuse', async () => {
        const goal = await aGoal(deps, change.id, { indicator: '', baselineValue: null, baselineDate: null, targetValue: null, targetDate: null });
        expect(goal.current).toMatchObject({ indicator: '', baselineValue: null, targetValue: null });
      });

      it('answers not_found for an unknown change, and writes nothing', async () => {
        const { error, changed } = await attempt(open.db, () => aGoal(deps, UNKNOWN));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
      });
    });

    describe('revising', () => {
      it('makes version 2 when an adopted field changes; version 1 stays readable and anchored', async () => {
        const goal = await aGoal(deps, change.id);
        const decision = await aDecision(deps, org.id, { changeId: change.id });
        const anchor = await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id });
        deps.clock.advance(86_400_000);
        const { goal: revised, newVersion } = await reviseGoal(deps, testActor, goal.id, { targetValue: 80 });
        expect(newVersion).toBe(true);
        expect(revised.current).toMatchObject({ version: 2, targetValue: 80, createdAt: '2026-06-02T10:00:00.000Z' });
        expect(revised.current.id).not.toBe(goal.current.id);
        expect((await getGoal(deps, goal.id)).current).toEqual(revised.current);
        expect(await getGoalVersion(deps, goal.id, 1)).toEqual(goal.current);
        expect((await listGoalVersions(deps, goal.id)).map((v) => [v.version, v.targetValue])).toEqual([
          [1, 70],
          [2, 80],
        ]);
        // Version 1 is still anchored; version 2, the current one, is not (yet).
        const anchors = await selectAnchors(open.db, { changeIds: [change.id] });
        expect(anchors).toEqual([anchor]);
        expect(anchors.some((a) => a.goalVersionId === revised.current.id)).toBe(false);
        expect((await auditOf(open.db, 'goal', goal.id)).map((e) => e.action)).toEqual(['goal.created', 'goal.anchored', 'goal.versioned']);
      });

      it('corrects only the owner in place: still version 1, still anchored', async () => {
        const goal = await aGoal(deps, change.id);
        const decision = await aDecision(deps, org.id);
        const anchor = await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id });
        const { goal: revised, newVersion } = await reviseGoal(deps, testActor, goal.id, { owner: 'Team Verkeer' });
        expect(newVersion).toBe(false);
        expect(revised.current).toEqual({ ...goal.current, owner: 'Team Verkeer' });
        expect(await listGoalVersions(deps, goal.id)).toEqual([revised.current]);
        expect(await selectAnchors(open.db, { changeIds: [change.id] })).toEqual([anchor]);
        expect(anchor.goalVersionId).toBe(revised.current.id);
      });

      it('makes one version per revision, numbered in order', async () => {
        const goal = await aGoal(deps, change.id);
        await reviseGoal(deps, testActor, goal.id, { targetValue: 75 });
        await reviseGoal(deps, testActor, goal.id, { targetDate: '2029-01-01' });
        await reviseGoal(deps, testActor, goal.id, { dataSource: 'Nieuwe telling' });
        expect((await listGoalVersions(deps, goal.id)).map((v) => v.version)).toEqual([1, 2, 3]);
        expect((await getGoal(deps, goal.id)).current).toMatchObject({ version: 3, targetValue: 75, targetDate: '2029-01-01', dataSource: 'Nieuwe telling' });
      });

      it('leaves fields passed as undefined as they were', async () => {
        const goal = await aGoal(deps, change.id);
        const { goal: revised, newVersion } = await reviseGoal(deps, testActor, goal.id, { owner: 'Team Verkeer', baselineValue: undefined, unit: undefined });
        expect(newVersion).toBe(false);
        expect(revised.current).toEqual({ ...goal.current, owner: 'Team Verkeer' });
      });

      it('refuses a revision that breaks the goal (target now in the wrong direction), and writes nothing', async () => {
        const goal = await aGoal(deps, change.id);
        const { error, changed } = await attempt(open.db, () => reviseGoal(deps, testActor, goal.id, { direction: 'decrease' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['targetValue']);
        expect(changed).toEqual([]);
      });

      it('answers not_found for an unknown goal or version, and writes nothing', async () => {
        const goal = await aGoal(deps, change.id);
        const { error, changed } = await attempt(open.db, () => reviseGoal(deps, testActor, UNKNOWN, { owner: 'Iemand' }));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
        await expect(listGoalVersions(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
        await expect(getGoalVersion(deps, goal.id, 2)).rejects.toMatchObject({ code: 'not_found' });
        await expect(getGoal(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      });
    });
  });
}
