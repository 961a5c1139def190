import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../changes/change.factory';
import { aGroup } from '../groups/group.factory';
import { anOrganization, testDeps } from '../organizations/organization.factory';
import { hashEvent, verifyChain, verifyCheckpoint, type Db, type Deps } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { latestCheckpoint } from './index';

/**
 * What an intruder with database access does to hide a write: delete the event and recompute every
 * hash after it (renumbering), head included. `verifyChain` cannot see it; a checkpoint can.
 */
const deleteAndRecompute = async (db: Db, organizationId: string, seq: number): Promise<void> => {
  const rows = await db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId).orderBy('seq').execute();
  await db.deleteFrom('audit_events').where('organization_id', '=', organizationId).execute();
  let prev = '0'.repeat(64);
  let n = 0;
  for (const row of rows.filter((r) => Number(r.seq) !== seq)) {
    n += 1;
    const hash = hashEvent(prev, { organizationId, seq: n, at: row.at, actor: row.actor, action: row.action, entityType: row.entity_type, entityId: row.entity_id, data: JSON.parse(row.data) as unknown });
    await db.insertInto('audit_events').values({ ...row, seq: n, prev_hash: prev, hash }).execute();
    prev = hash;
  }
  await db.updateTable('audit_heads').set({ seq: n, hash: prev }).where('organization_id', '=', organizationId).execute();
};

for (const dialect of DIALECTS) {
  describe(`audit checkpoints on ${dialect}`, () => {
    let deps: Deps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      close = open.close;
    });
    afterAll(() => close());

    it('publishes the head (seq, hash, time) and verifies it while the chain is untouched', async () => {
      const organization = await anOrganization(deps);
      await aChange(deps, organization.id);
      const checkpoint = await latestCheckpoint(deps, organization.slug);
      expect(checkpoint).toMatchObject({ organizationId: organization.id, seq: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: '2026-06-01T10:00:00.000Z' });
      expect(checkpoint.verify).toBe(`helder audit verify --organization ${organization.slug} --checkpoint ${checkpoint.hash}@2`);
      await aGroup(deps, organization.id);
      expect((await latestCheckpoint(deps, organization.id)).seq).toBe(3);
      // An older checkpoint stays valid as the chain grows.
      expect(await verifyCheckpoint(deps.db, organization.id, checkpoint.seq, checkpoint.hash)).toMatchObject({ ok: true });
      await expect(latestCheckpoint(deps, 'nergens')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('catches history that was deleted and recomputed, which verifyChain alone does not', async () => {
      const organization = await anOrganization(deps);
      await aChange(deps, organization.id, { title: 'Eerste' });
      await aChange(deps, organization.id, { title: 'Tweede' });
      const published = await latestCheckpoint(deps, organization.id);
      await deleteAndRecompute(deps.db, organization.id, 2);
      expect((await verifyChain(deps.db, organization.id)).ok).toBe(true);
      expect(await verifyCheckpoint(deps.db, organization.id, published.seq, published.hash)).toMatchObject({ ok: false, reason: 'missing' });
      const earlier = await anOrganization(deps);
      await aChange(deps, earlier.id);
      const before = await latestCheckpoint(deps, earlier.id);
      await aGroup(deps, earlier.id);
      await deleteAndRecompute(deps.db, earlier.id, 1);
      await aGroup(deps, earlier.id, { name: 'Weer een groep' });
      expect(await verifyCheckpoint(deps.db, earlier.id, before.seq, before.hash)).toMatchObject({ ok: false, reason: 'hash_differs' });
    });

    it('reports a broken chain before the checkpoint', async () => {
      const organization = await anOrganization(deps);
      await aChange(deps, organization.id);
      const checkpoint = await latestCheckpoint(deps, organization.id);
      await deps.db.updateTable('audit_events').set({ actor: 'system:intruder' }).where('organization_id', '=', organization.id).where('seq', '=', 1).execute();
      expect(await verifyCheckpoint(deps.db, organization.id, checkpoint.seq, checkpoint.hash)).toMatchObject({ ok: false, reason: 'chain_broken' });
    });
  });
}
