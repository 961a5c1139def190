import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import type { Goal } from '../goals';
import { aGoal } from '../goals/goal.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { aContribution, aMeasure } from './measure.factory';
import { selectContributions, selectMeasures } from './measure.repository';
import { getMeasure, updateMeasure } from './measure.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`measures and contributions on ${dialect}`, () => {
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

    describe('measures', () => {
      it('creates a measure that reads back as created', async () => {
        const measure = await aMeasure(deps, change.id, { cost: 1234.56 });
        expect(await getMeasure(deps, measure.id)).toEqual(measure);
        expect(await selectMeasures(open.db, { organizationId: org.id })).toEqual([measure]);
        expect(await auditOf(open.db, 'measure', measure.id)).toEqual([expect.objectContaining({ action: 'measure.created' })]);
      });

      it('refuses an end date before the start date, with validation_failed on endDate, and writes nothing', async () => {
        const { error, changed } = await attempt(open.db, () => aMeasure(deps, change.id, { startDate: '2027-01-01', endDate: '2026-12-31' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['endDate']);
        expect(changed).toEqual([]);
      });

      it('refuses a negative cost, with validation_failed on cost', async () => {
        const { error, changed } = await attempt(open.db, () => aMeasure(deps, change.id, { cost: -1 }));
        expect(issuePaths(error)).toEqual(['cost']);
        expect(changed).toEqual([]);
      });

      it('edits a measure; fields left out keep their value, null clears one', async () => {
        const measure = await aMeasure(deps, change.id);
        const started = await updateMeasure(deps, testActor, measure.id, { title: measure.title, status: 'in_progress' });
        expect(started).toEqual({ ...measure, status: 'in_progress', revision: 2 });
        expect(await getMeasure(deps, measure.id)).toEqual(started);
        const unbudgeted = await updateMeasure(deps, testActor, measure.id, { title: measure.title, cost: null });
        expect(unbudgeted).toEqual({ ...started, cost: null, revision: 3 });
      });

      it('checks the dates of an edit against the stored ones', async () => {
        const measure = await aMeasure(deps, change.id, { startDate: '2026-09-01', endDate: '2027-09-01' });
        const { error, changed } = await attempt(open.db, () => updateMeasure(deps, testActor, measure.id, { title: measure.title, startDate: '2028-01-01' }));
        expect(issuePaths(error)).toEqual(['endDate']);
        expect(changed).toEqual([]);
      });

      it('answers not_found for an unknown change or measure, and writes nothing', async () => {
        const a = await attempt(open.db, () => aMeasure(deps, UNKNOWN));
        expect(a).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
        const b = await attempt(open.db, () => updateMeasure(deps, testActor, UNKNOWN, { title: 'Iets anders doen' }));
        expect(b).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
        await expect(getMeasure(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('contributions', () => {
      it('records how a measure contributes to a goal of its change', async () => {
        const measure = await aMeasure(deps, change.id);
        const contribution = await aContribution(deps, measure.id, goal.id, { expectedEffect: 12.5 });
        expect(contribution).toMatchObject({ measureId: measure.id, goalId: goal.id, evidenceStrength: 'plausible', expectedEffect: 12.5 });
        expect(await selectContributions(open.db, { changeIds: [change.id] })).toEqual([contribution]);
        expect((await auditOf(open.db, 'measure', measure.id)).map((e) => e.action)).toEqual(['measure.created', 'contribution.created']);
      });

      it('refuses a contribution to a goal of another change, with validation_failed on goalId, and writes nothing', async () => {
        const measure = await aMeasure(deps, change.id);
        const otherGoal = await aGoal(deps, (await aChange(deps, org.id, { title: 'Andere verandering' })).id);
        const { error, changed } = await attempt(open.db, () => aContribution(deps, measure.id, otherGoal.id));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['goalId']);
        expect(changed).toEqual([]);
      });

      it('refuses a mechanism too short to explain anything, with validation_failed on mechanism, and writes nothing', async () => {
        const measure = await aMeasure(deps, change.id);
        const { error, changed } = await attempt(open.db, () => aContribution(deps, measure.id, goal.id, { mechanism: 'helpt' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['mechanism']);
        expect(changed).toEqual([]);
      });

      it('refuses an evidence link that is not a URL, naming the link', async () => {
        const measure = await aMeasure(deps, change.id);
        const { error } = await attempt(open.db, () => aContribution(deps, measure.id, goal.id, { evidenceLinks: ['https://example.org/a', 'rapport.pdf'] }));
        expect(issuePaths(error)).toEqual(['evidenceLinks.1']);
      });

      it('refuses the same contribution twice with conflict, and writes nothing', async () => {
        const measure = await aMeasure(deps, change.id);
        await aContribution(deps, measure.id, goal.id);
        const { error, changed } = await attempt(open.db, () => aContribution(deps, measure.id, goal.id));
        expect(error).toMatchObject({ code: 'conflict' });
        expect(changed).toEqual([]);
      });

      it('answers not_found for an unknown measure; an unknown goal is refused like a goal of another organization', async () => {
        const measure = await aMeasure(deps, change.id);
        const a = await attempt(open.db, () => aContribution(deps, UNKNOWN, goal.id));
        expect(a).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
        const foreign = await aGoal(deps, (await aChange(deps, (await anOrganization(deps)).id)).id);
        const [missing, ofOther] = [await attempt(open.db, () => aContribution(deps, measure.id, UNKNOWN)), await attempt(open.db, () => aContribution(deps, measure.id, foreign.id))];
        expect(missing).toEqual({ error: expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: 'goalId' })] }), changed: [] });
        expect(ofOther).toEqual(missing);
        expect((ofOther.error as Error).message).toBe((missing.error as Error).message);
      });
    });
  });
}
