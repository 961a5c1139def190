import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import { aDecision } from '../decisions/decision.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { anchorGoal } from './anchor.service';
import type { Goal } from './goal';
import { aGoal } from './goal.factory';
import { selectAnchors } from './goal.repository';
import { reviseGoal } from './goal.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`anchors on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    let change: Change;
    let goal: Goal;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
      change = await aChange(deps, org.id);
      goal = await aGoal(deps, change.id);
    });
    afterEach(() => open.close());

    it('anchors the current version to an adopted decision', async () => {
      const decision = await aDecision(deps, org.id, { changeId: change.id });
      const anchor = await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id });
      expect(anchor).toMatchObject({ decisionId: decision.id, goalVersionId: goal.current.id, createdAt: '2026-06-01T10:00:00.000Z' });
      expect(await selectAnchors(open.db, { organizationId: org.id })).toEqual([anchor]);
      expect((await auditOf(open.db, 'goal', goal.id)).at(-1)).toMatchObject({ action: 'goal.anchored', data: { decisionId: decision.id, version: 1 } });
    });

    it.each(['rejected', 'pending', 'withdrawn'] as const)('refuses an anchor to a %s decision with invalid_state, and writes nothing', async (outcome) => {
      const decision = await aDecision(deps, org.id, { outcome, votes: outcome === 'pending' ? null : { for: 10, against: 25, abstain: 0 } });
      const { error, changed } = await attempt(open.db, () => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id }));
      expect(error).toMatchObject({ code: 'invalid_state' });
      expect(changed).toEqual([]);
    });

    it('refuses an anchor to a decision that was corrected, pointing at the correction', async () => {
      const original = await aDecision(deps, org.id);
      const correction = await aDecision(deps, org.id, { correctsId: original.id, outcome: 'rejected', votes: { for: 10, against: 25, abstain: 0 } });
      const { error, changed } = await attempt(open.db, () => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: original.id }));
      expect(error).toMatchObject({ code: 'invalid_state', details: { correctedBy: correction.id } });
      expect(changed).toEqual([]);
    });

    it('refuses a decision of another organization, with validation_failed on decisionId, and writes nothing', async () => {
      const foreign = await aDecision(deps, (await anOrganization(deps)).id);
      const { error, changed } = await attempt(open.db, () => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: foreign.id }));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error)).toEqual(['decisionId']);
      expect(changed).toEqual([]);
    });

    it('refuses the same anchor twice with conflict, and writes nothing', async () => {
      const decision = await aDecision(deps, org.id);
      await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id });
      const { error, changed } = await attempt(open.db, () => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id }));
      expect(error).toMatchObject({ code: 'conflict' });
      expect(changed).toEqual([]);
    });

    it('lets one decision anchor a new version after a revision, and another decision the same version', async () => {
      const first = await aDecision(deps, org.id);
      await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: first.id });
      const { goal: revised } = await reviseGoal(deps, testActor, goal.id, { targetValue: 80 });
      const again = await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: first.id });
      expect(again.goalVersionId).toBe(revised.current.id);
      const second = await aDecision(deps, org.id, { kind: 'collegebesluit', body: 'college van B&W' });
      await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: second.id });
      expect(await selectAnchors(open.db, { changeIds: [change.id] })).toHaveLength(3);
    });

    it('anchors an older version when one is named', async () => {
      await reviseGoal(deps, testActor, goal.id, { targetValue: 80 });
      const decision = await aDecision(deps, org.id);
      const anchor = await anchorGoal(deps, testActor, { goalId: goal.id, decisionId: decision.id, version: 1 });
      expect(anchor.goalVersionId).toBe(goal.current.id);
    });

    it('answers not_found for an unknown goal or version, and writes nothing', async () => {
      const decision = await aDecision(deps, org.id);
      for (const input of [
        { goalId: UNKNOWN, decisionId: decision.id },
        { goalId: goal.id, decisionId: decision.id, version: 7 },
      ]) {
        const { error, changed } = await attempt(open.db, () => anchorGoal(deps, testActor, input));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
      }
    });

    it('refuses an unknown decision exactly like a decision of another organization (issue 9)', async () => {
      const foreign = await aDecision(deps, (await anOrganization(deps)).id);
      const [missing, ofOther] = [await attempt(open.db, () => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: UNKNOWN })), await attempt(open.db, () => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: foreign.id }))];
      expect(missing).toEqual({ error: expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: 'decisionId' })] }), changed: [] });
      expect(ofOther).toEqual(missing);
      expect((ofOther.error as Error).message).toBe((missing.error as Error).message);
    });
  });
}
