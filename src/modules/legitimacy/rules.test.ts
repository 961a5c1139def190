import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { getChangeChain, getOrganizationChains } from '../chains';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import { aDecision } from '../decisions/decision.factory';
import { aConflict, aGoal, anExpectation } from '../expectations/expectation.factory';
import { respondToExpectation, weighConflict } from '../expectations';
import { setImpact, type CitizenGroup, type Impact } from '../groups';
import { aGroup } from '../groups/group.factory';
import type { Organization } from '../organizations';
import { anOrganization, testActor, testDeps } from '../organizations/organization.factory';
import { assessChain } from './rules';

const TODAY = '2026-06-01';

for (const dialect of DIALECTS) {
  describe(`legitimacy rules 10 and 11 on ${dialect}`, () => {
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

    const rule = async (n: 10 | 11, changeId = change.id) => (await assessChain(await getChangeChain(deps, changeId), TODAY)).find((r) => r.rule === n)!;

    describe('rule 10: opposing interests are weighed', () => {
      let shops: CitizenGroup;
      let residents: CitizenGroup;
      let residentsImpact: Impact;
      beforeEach(async () => {
        shops = await aGroup(deps, org.id, { name: 'Winkeliers' });
        residents = await aGroup(deps, org.id, { name: 'Bewoners' });
      });
      const oppose = async (changeId = change.id) => {
        await setImpact(deps, testActor, changeId, { groupId: shops.id, effect: 'gains' });
        residentsImpact = await setImpact(deps, testActor, changeId, { groupId: residents.id, effect: 'loses' });
      };

      it('does not apply when no group gains while another loses', async () => {
        await setImpact(deps, testActor, change.id, { groupId: shops.id, effect: 'gains' });
        await setImpact(deps, testActor, change.id, { groupId: residents.id, effect: 'mixed' });
        expect(await rule(10)).toMatchObject({ status: 'not_applicable', fixes: [] });
      });

      it('fails for opposing groups without a recorded conflict, pointing at the losing group', async () => {
        await oppose();
        const result = await rule(10);
        expect(result).toMatchObject({ status: 'failed', fixes: [{ entity: 'impact', id: residentsImpact.id, problem: 'conflict_not_recorded' }] });
        expect(result.reason.nl).toContain('Winkeliers – Bewoners');
      });

      it('fails while the conflict is recorded but not weighed', async () => {
        await oppose();
        const conflict = await aConflict(deps, change.id, residents.id, shops.id, { weighing: '' });
        expect(await rule(10)).toMatchObject({ status: 'failed', fixes: [{ entity: 'conflict', id: conflict.id, field: 'weighing', problem: 'not_weighed' }] });
      });

      it('passes with a weighed conflict, in either order of the groups, before the decision', async () => {
        await oppose();
        await aConflict(deps, change.id, residents.id, shops.id);
        expect(await rule(10)).toMatchObject({ status: 'passed', fixes: [] });
      });

      it('once decided, asks for the decision that settled the conflict', async () => {
        const decided = await aChange(deps, org.id, { title: 'Besloten verandering', status: 'decided' });
        await oppose(decided.id);
        const conflict = await aConflict(deps, decided.id, shops.id, residents.id);
        expect(await rule(10, decided.id)).toMatchObject({ status: 'failed', fixes: [{ entity: 'conflict', id: conflict.id, field: 'decisionId', problem: 'no_settling_decision' }] });
        const decision = await aDecision(deps, org.id, { changeId: decided.id });
        await weighConflict(deps, testActor, conflict.id, { weighing: conflict.weighing, decisionId: decision.id });
        expect(await rule(10, decided.id)).toMatchObject({ status: 'passed' });
      });

      it('does not count a conflict recorded for another change', async () => {
        await oppose();
        const other = await aChange(deps, org.id, { title: 'Andere verandering' });
        await aConflict(deps, other.id, shops.id, residents.id);
        expect(await rule(10)).toMatchObject({ status: 'failed' });
      });
    });

    describe('rule 11: unfounded expectations get a response', () => {
      it('does not apply while no expectation is recorded', async () => {
        expect(await rule(11)).toMatchObject({ status: 'not_applicable', fixes: [] });
      });

      it('passes when every expectation is backed by a goal', async () => {
        const goal = await aGoal(deps, change.id);
        await anExpectation(deps, change.id, { status: 'supported', goalIds: [goal.id], response: null });
        expect(await rule(11)).toMatchObject({ status: 'passed', fixes: [] });
      });

      it('fails for an unfounded or contradicted expectation without a response, naming each', async () => {
        const goal = await aGoal(deps, change.id);
        const unfounded = await anExpectation(deps, change.id, { response: null });
        const contradicted = await anExpectation(deps, change.id, { status: 'contradicted', goalIds: [goal.id], response: null });
        await anExpectation(deps, change.id);
        const result = await rule(11);
        expect(result.status).toBe('failed');
        expect(result.fixes).toEqual(
          expect.arrayContaining([
            { entity: 'expectation', id: unfounded.id, field: 'response', problem: 'no_response' },
            { entity: 'expectation', id: contradicted.id, field: 'response', problem: 'no_response' },
          ]),
        );
        expect(result.fixes).toHaveLength(2);
        expect(result.reason.nl).toBe('2 van de 3 onterechte verwachtingen hebben nog geen antwoord.');
      });

      it('passes once the response is recorded', async () => {
        const unfounded = await anExpectation(deps, change.id, { response: null });
        await respondToExpectation(deps, testActor, unfounded.id, { text: 'De eerste 24 uur zijn gratis, daarna niet.', channel: 'website', date: '2026-06-10' });
        expect(await rule(11)).toMatchObject({ status: 'passed', fixes: [] });
      });
    });

    it('loads every change of an organization with its own register', async () => {
      const other = await aChange(deps, org.id, { title: 'Andere verandering' });
      const e = await anExpectation(deps, other.id, { response: null });
      const chains = await getOrganizationChains(deps, org.id);
      const byId = new Map(chains.map((c) => [c.change.id as string, c]));
      expect(byId.get(change.id)?.expectations).toEqual([]);
      expect(byId.get(other.id)?.expectations.map((x) => x.id)).toEqual([e.id]);
      expect(assessChain(byId.get(other.id)!, TODAY).find((r) => r.rule === 11)?.status).toBe('failed');
    });
  });
}
