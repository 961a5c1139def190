import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import { aDecision } from '../decisions/decision.factory';
import { aGroup } from '../groups/group.factory';
import type { Organization } from '../organizations';
import { anOrganization, testDeps } from '../organizations/organization.factory';
import { aConflict, aGoal, anExpectation, aStatement } from './expectation.factory';
import { selectConflicts, selectExpectations, selectStatements } from './expectation.repository';
import { getExpectationRegister, suggestGoals } from './register.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`the expectation register on ${dialect}`, () => {
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

    it('resolves statements, expectations with their group, statement, goals and decisions, and conflicts', async () => {
      const shops = await aGroup(deps, org.id, { name: 'Winkeliers' });
      const residents = await aGroup(deps, org.id, { name: 'Bewoners' });
      const goal = await aGoal(deps, change.id);
      const decision = await aDecision(deps, org.id);
      const statement = await aStatement(deps, change.id);
      const supported = await anExpectation(deps, change.id, { groupId: residents.id, status: 'supported', goalIds: [goal.id], decisionIds: [decision.id], response: null });
      deps.clock.advance(1000);
      const unfounded = await anExpectation(deps, change.id, { statementId: statement.id });
      const conflict = await aConflict(deps, change.id, shops.id, residents.id, { decisionId: decision.id });
      await anExpectation(deps, (await aChange(deps, org.id, { title: 'Andere verandering' })).id);

      const register = await getExpectationRegister(deps, change.id);
      expect(register.change.id).toBe(change.id);
      expect(register.statements).toEqual([statement]);
      expect(register.expectations).toEqual([
        { expectation: supported, group: residents, statement: null, goals: [goal], decisions: [expect.objectContaining({ id: decision.id })] },
        { expectation: unfounded, group: null, statement, goals: [], decisions: [] },
      ]);
      expect(register.conflicts).toEqual([{ conflict, groupA: shops, groupB: residents, decision: expect.objectContaining({ id: decision.id }) }]);
    });

    it('reads an organization or some changes in bulk, and nothing for no changes', async () => {
      const other = await aChange(deps, org.id, { title: 'Andere verandering' });
      const goal = await aGoal(deps, other.id);
      const a = await anExpectation(deps, change.id);
      const b = await anExpectation(deps, other.id, { status: 'partly', goalIds: [goal.id] });
      await anExpectation(deps, (await aChange(deps, (await anOrganization(deps)).id)).id);
      const byOrg = await selectExpectations(open.db, { organizationId: org.id });
      expect(byOrg.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
      expect(byOrg.find((e) => e.id === b.id)?.goalIds).toEqual([goal.id]);
      expect(await selectExpectations(open.db, { changeIds: [other.id] })).toEqual([b]);
      expect(await selectExpectations(open.db, { changeIds: [] })).toEqual([]);
      expect(await selectStatements(open.db, { changeIds: [] })).toEqual([]);
      expect(await selectConflicts(open.db, { changeIds: [] })).toEqual([]);
    });

    it('answers not_found for an unknown change', async () => {
      await expect(getExpectationRegister(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      await expect(suggestGoals(deps, UNKNOWN, { text: 'fietsen' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('suggests the goals a new expectation most likely refers to, best first', async () => {
      const sidewalk = await aGoal(deps, change.id);
      const places = await aGoal(deps, change.id, { statement: 'In 2027 zijn er 2000 plaatsen in de stalling onder het plein', indicator: 'stallingsplaatsen', unit: 'plaatsen', baselineValue: 0, targetValue: 2000, direction: 'increase' });
      await aGoal(deps, change.id, { statement: 'Bezoekers van het station zijn tevreden over de bereikbaarheid', indicator: 'rapportcijfer', unit: 'cijfer', baselineValue: 6, targetValue: 7.5, direction: 'increase' });
      const suggestions = await suggestGoals(deps, change.id, { text: 'Er komt een gratis stallingsplaats voor iedere fiets onder het plein.', limit: 2 });
      expect(suggestions.map((s) => s.goalId)).toEqual([places.id, sidewalk.id]);
      expect(suggestions[0]).toMatchObject({ statement: expect.stringContaining('stalling'), matched: expect.arrayContaining(['plein']) });
      expect(await suggestGoals(deps, change.id, { text: 'Het wordt vast mooi weer.' })).toEqual([]);
      await expect(suggestGoals(deps, change.id, { text: 'fiets', limit: 50 })).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });
}
