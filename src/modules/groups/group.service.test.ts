import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, auditLength, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { aGroup } from './group.factory';
import { selectImpacts } from './group.repository';
import { createGroup, getGroup, listGroups, setImpact } from './group.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`citizen groups and impacts on ${dialect}`, () => {
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

    it('creates a group that can be read back and is listed by name', async () => {
      const tenants = await aGroup(deps, org.id, { name: 'Huurders', estimatedSize: 5400 });
      const owners = await aGroup(deps, org.id, { name: 'Eigenaar-bewoners', estimatedSize: null });
      expect(await getGroup(deps, tenants.id)).toEqual(tenants);
      expect((await listGroups(deps, org.id)).map((g) => g.id)).toEqual([owners.id, tenants.id]);
      expect(await auditOf(open.db, 'group', tenants.id)).toEqual([expect.objectContaining({ action: 'group.created' })]);
    });

    it('refuses a second group with the same name in one organization, and writes nothing', async () => {
      await aGroup(deps, org.id, { name: 'Ondernemers' });
      const { error, changed } = await attempt(open.db, () => aGroup(deps, org.id, { name: 'Ondernemers' }));
      expect(error).toMatchObject({ code: 'conflict' });
      expect(issuePaths(error)).toEqual(['name']);
      expect(changed).toEqual([]);
    });

    it('refuses a negative or fractional size with validation_failed on estimatedSize', async () => {
      for (const estimatedSize of [-1, 2.5]) {
        const { error, changed } = await attempt(open.db, () => aGroup(deps, org.id, { estimatedSize }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['estimatedSize']);
        expect(changed).toEqual([]);
      }
    });

    it('answers not_found for a group in an unknown organization, and for an unknown group', async () => {
      const { error, changed } = await attempt(open.db, () => createGroup(deps, testActor, UNKNOWN, { name: 'Huurders' }));
      expect(error).toMatchObject({ code: 'not_found' });
      expect(changed).toEqual([]);
      await expect(getGroup(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('records what a change means for a group', async () => {
      const group = await aGroup(deps, org.id);
      const impact = await setImpact(deps, testActor, change.id, {
        groupId: group.id,
        effect: 'loses',
        meaning: 'U kunt uw fiets niet meer op de stoep zetten.',
        expectation: 'Vanaf 1 september staat er een stalling.',
      });
      expect(impact).toMatchObject({ changeId: change.id, groupId: group.id, effect: 'loses' });
      expect(await selectImpacts(open.db, { changeIds: [change.id] })).toEqual([impact]);
    });

    it('replaces the impact when it is set again for the same group', async () => {
      const group = await aGroup(deps, org.id);
      const first = await setImpact(deps, testActor, change.id, { groupId: group.id, effect: 'loses', meaning: 'Eerst' });
      const second = await setImpact(deps, testActor, change.id, { groupId: group.id, effect: 'mixed', meaning: 'Later' });
      expect(second).toEqual({ ...first, effect: 'mixed', meaning: 'Later', revision: 2 });
      expect(await selectImpacts(open.db, { changeIds: [change.id] })).toEqual([second]);
      const actions = (await auditOf(open.db, 'change', change.id)).map((e) => e.action);
      expect(actions).toEqual(['change.created', 'impact.created', 'impact.updated']);
    });

    it('refuses a group of another organization with validation_failed on groupId, and writes nothing', async () => {
      const stranger = await aGroup(deps, (await anOrganization(deps)).id);
      const { error, changed } = await attempt(open.db, () => setImpact(deps, testActor, change.id, { groupId: stranger.id, effect: 'gains' }));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error)).toEqual(['groupId']);
      expect(changed).toEqual([]);
    });

    it('refuses an effect that does not exist', async () => {
      const group = await aGroup(deps, org.id);
      const { error, changed } = await attempt(open.db, () => setImpact(deps, testActor, change.id, { groupId: group.id, effect: 'wins' as 'gains' }));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error)).toEqual(['effect']);
      expect(changed).toEqual([]);
    });

    it('answers not_found for an unknown change; an unknown group is refused like a group of another organization', async () => {
      const group = await aGroup(deps, org.id);
      const a = await attempt(open.db, () => setImpact(deps, testActor, UNKNOWN, { groupId: group.id, effect: 'gains' }));
      expect(a).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
      const foreign = await aGroup(deps, (await anOrganization(deps)).id);
      const [missing, ofOther] = [
        await attempt(open.db, () => setImpact(deps, testActor, change.id, { groupId: UNKNOWN, effect: 'gains' })),
        await attempt(open.db, () => setImpact(deps, testActor, change.id, { groupId: foreign.id, effect: 'gains' })),
      ];
      expect(missing).toEqual({ error: expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: 'groupId' })] }), changed: [] });
      expect(ofOther).toEqual(missing);
      expect((ofOther.error as Error).message).toBe((missing.error as Error).message);
    });

    it('leaves exactly one audit entry per write and a chain that verifies', async () => {
      const start = await auditLength(open.db, org.id);
      const a = await aGroup(deps, org.id);
      const b = await aGroup(deps, org.id);
      await setImpact(deps, testActor, change.id, { groupId: a.id, effect: 'gains' });
      await setImpact(deps, testActor, change.id, { groupId: b.id, effect: 'loses' });
      await setImpact(deps, testActor, change.id, { groupId: b.id, effect: 'mixed' });
      expect(await verifyChain(open.db, org.id)).toMatchObject({ ok: true, events: start + 5 });
    });
  });
}
