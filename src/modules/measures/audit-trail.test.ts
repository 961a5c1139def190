import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { addMilestone, setChangePublished, setChangeStatus, updateChange } from '../changes';
import { aChange } from '../changes/change.factory';
import { updatePendingDecision } from '../decisions';
import { aDecision } from '../decisions/decision.factory';
import { anchorGoal, recordMeasurement, reviseGoal } from '../goals';
import { aGoal } from '../goals/goal.factory';
import { setImpact } from '../groups';
import { aGroup } from '../groups/group.factory';
import { anOrganization, attempt, auditLength, testActor, testDeps } from '../organizations/organization.factory';
import { aContribution, aMeasure } from './measure.factory';
import { updateMeasure } from './measure.service';

/**
 * The audit log across the register: every successful write of every module leaves exactly one
 * entry in its organization's chain, a failed one leaves none, and the chain verifies afterwards.
 */
for (const dialect of DIALECTS) {
  describe(`the audit trail of the register on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
    });
    afterEach(() => open.close());

    it('gives every successful write exactly one entry, every failed one none, and keeps the chain intact', async () => {
      const org = await anOrganization(deps);
      const other = await anOrganization(deps);
      let expected = 1;
      /** Runs a write and checks it added exactly one entry to the organization's chain. */
      const write = async <T>(run: () => Promise<T>): Promise<T> => {
        const result = await run();
        expected += 1;
        expect(await auditLength(open.db, org.id)).toBe(expected);
        deps.clock.advance(60_000);
        return result;
      };
      /** Runs a write that must fail and checks it left the chain (and every table) untouched. */
      const refused = async (run: () => Promise<unknown>) => {
        const { error, changed } = await attempt(open.db, run);
        expect(error).toHaveProperty('code');
        expect(changed).toEqual([]);
      };

      const change = await write(() => aChange(deps, org.id));
      await write(() => updateChange(deps, testActor, change.id, { summary: 'Een stalling bij het station.' }));
      await write(() => addMilestone(deps, testActor, change.id, { title: 'Besluit gemeenteraad', date: '2026-07-09' }));
      await write(() => setChangeStatus(deps, testActor, change.id, 'proposed'));
      const group = await write(() => aGroup(deps, org.id));
      await write(() => setImpact(deps, testActor, change.id, { groupId: group.id, effect: 'gains', meaning: 'U vindt makkelijker een plek.' }));
      const goal = await write(() => aGoal(deps, change.id));
      const pending = await write(() => aDecision(deps, org.id, { changeId: change.id, outcome: 'pending', votes: null }));
      await refused(() => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: pending.id }));
      const adopted = await write(() => updatePendingDecision(deps, testActor, pending.id, { kind: 'raadsbesluit', title: pending.title, body: pending.body, date: pending.date, outcome: 'adopted', changeId: change.id }));
      await write(() => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: adopted.id }));
      await refused(() => anchorGoal(deps, testActor, { goalId: goal.id, decisionId: adopted.id }));
      await write(() => setChangeStatus(deps, testActor, change.id, 'decided'));
      await write(() => setChangePublished(deps, testActor, change.id, true));
      await write(() => recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 45 }));
      await refused(() => recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 46 }));
      await write(() => recordMeasurement(deps, testActor, goal.id, { date: '2026-04-01', value: 46 }, { replace: true }));
      await write(() => reviseGoal(deps, testActor, goal.id, { targetValue: 75 }));
      const measure = await write(() => aMeasure(deps, change.id));
      await write(() => updateMeasure(deps, testActor, measure.id, { title: measure.title, status: 'in_progress' }));
      await write(() => aContribution(deps, measure.id, goal.id));
      await refused(() => aContribution(deps, measure.id, goal.id, { mechanism: 'kort' }));
      await write(() => aDecision(deps, org.id, { correctsId: adopted.id, votes: { for: 26, against: 9, abstain: 0 } }));
      await refused(() => setChangeStatus(deps, testActor, change.id, 'completed'));
      // A write for another organization goes to that organization's chain, not this one.
      await aDecision(deps, other.id);
      expect(await auditLength(open.db, org.id)).toBe(expected);

      expect(await verifyChain(open.db, org.id)).toEqual(expect.objectContaining({ ok: true, events: expected }));
      // The other organization's writes went to its own chain.
      expect(await verifyChain(open.db, other.id)).toMatchObject({ ok: true, events: 2 });
    });
  });
}
