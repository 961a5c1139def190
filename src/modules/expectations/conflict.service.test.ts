import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import { aDecision } from '../decisions/decision.factory';
import type { CitizenGroup } from '../groups';
import { aGroup } from '../groups/group.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { getConflict, weighConflict } from './conflict.service';
import { aConflict } from './expectation.factory';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`conflicts between groups on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    let change: Change;
    let shops: CitizenGroup;
    let residents: CitizenGroup;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
      change = await aChange(deps, org.id);
      shops = await aGroup(deps, org.id, { name: 'Winkeliers' });
      residents = await aGroup(deps, org.id, { name: 'Bewoners' });
    });
    afterEach(() => open.close());

    const refused = async (useCase: () => Promise<unknown>, code: string, paths: string[] = []) => {
      const { error, changed } = await attempt(open.db, useCase);
      expect(error).toMatchObject({ code });
      if (paths.length > 0) expect(issuePaths(error)).toEqual(paths);
      expect(changed).toEqual([]);
    };

    it('records a weighed conflict with its settling decision, read back and audited', async () => {
      const decision = await aDecision(deps, org.id);
      const conflict = await aConflict(deps, change.id, shops.id, residents.id, { decisionId: decision.id });
      expect(conflict).toMatchObject({ changeId: change.id, groupAId: shops.id, groupBId: residents.id, decisionId: decision.id });
      expect(await getConflict(deps, conflict.id)).toEqual(conflict);
      expect(await auditOf(open.db, 'conflict', conflict.id)).toEqual([expect.objectContaining({ action: 'conflict.recorded' })]);
    });

    it('records an open conflict first and its weighing later', async () => {
      const open1 = await aConflict(deps, change.id, shops.id, residents.id, { weighing: '' });
      expect(open1.weighing).toBe('');
      const decision = await aDecision(deps, org.id);
      deps.clock.advance(1000);
      const weighed = await weighConflict(deps, testActor, open1.id, { weighing: 'Een vrije stoep gaat voor: veiligheid weegt zwaarder.', decisionId: decision.id });
      expect(weighed).toMatchObject({ weighing: expect.stringContaining('vrije stoep'), decisionId: decision.id, createdAt: open1.createdAt });
      expect(await getConflict(deps, open1.id)).toEqual(weighed);
      expect((await auditOf(open.db, 'conflict', open1.id)).map((e) => e.action)).toEqual(['conflict.recorded', 'conflict.weighed']);
    });

    it('refuses a conflict between a group and itself', async () => {
      await refused(() => aConflict(deps, change.id, shops.id, shops.id), 'validation_failed', ['groupBId']);
    });

    it('refuses groups of another organization, naming each', async () => {
      const stranger = await aGroup(deps, (await anOrganization(deps)).id);
      await refused(() => aConflict(deps, change.id, stranger.id, residents.id), 'validation_failed', ['groupAId']);
      await refused(() => aConflict(deps, change.id, shops.id, stranger.id), 'validation_failed', ['groupBId']);
    });

    it('refuses a settling decision of another organization, on record and on weighing', async () => {
      const foreign = await aDecision(deps, (await anOrganization(deps)).id);
      await refused(() => aConflict(deps, change.id, shops.id, residents.id, { decisionId: foreign.id }), 'validation_failed', ['decisionId']);
      const conflict = await aConflict(deps, change.id, shops.id, residents.id);
      await refused(() => weighConflict(deps, testActor, conflict.id, { weighing: 'Zo is het besloten, en daarom.', decisionId: foreign.id }), 'validation_failed', ['decisionId']);
    });

    it('refuses a second conflict between the same two groups in one change, in either order', async () => {
      await aConflict(deps, change.id, shops.id, residents.id);
      await refused(() => aConflict(deps, change.id, residents.id, shops.id), 'conflict');
      const other = await aChange(deps, org.id, { title: 'Een andere verandering' });
      expect(await aConflict(deps, other.id, residents.id, shops.id)).toMatchObject({ changeId: other.id });
    });

    it('refuses a weighing that says nothing, and bad ids', async () => {
      const conflict = await aConflict(deps, change.id, shops.id, residents.id);
      await refused(() => weighConflict(deps, testActor, conflict.id, { weighing: 'Zo.' }), 'validation_failed', ['weighing']);
      await refused(() => aConflict(deps, change.id, 'nope', residents.id), 'validation_failed', ['groupAId']);
    });

    it('answers not_found for an unknown change or conflict, refuses an unknown group or decision on its field, and writes nothing', async () => {
      await refused(() => aConflict(deps, UNKNOWN, shops.id, residents.id), 'not_found');
      await refused(() => aConflict(deps, change.id, UNKNOWN, residents.id), 'validation_failed');
      await refused(() => aConflict(deps, change.id, shops.id, residents.id, { decisionId: UNKNOWN }), 'validation_failed');
      await refused(() => weighConflict(deps, testActor, UNKNOWN, { weighing: 'Zo is het besloten, en daarom.' }), 'not_found');
      const conflict = await aConflict(deps, change.id, shops.id, residents.id);
      await refused(() => weighConflict(deps, testActor, conflict.id, { weighing: 'Zo is het besloten, en daarom.', decisionId: UNKNOWN }), 'validation_failed');
      await expect(getConflict(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
