import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../changes/change.factory';
import { anOrganization, testDeps } from '../organizations/organization.factory';
import type { Deps } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { actorOfUser, readAuditTrail, readOrganizationAudit, verifyOrganizationChain, type Role } from './index';
import { aUser } from './user.factory';

for (const dialect of DIALECTS) {
  describe(`reading an organization's audit log on ${dialect}`, () => {
    let deps: Deps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      close = open.close;
    });
    afterAll(() => close());
    const actorIn = async (organizationId: string, role: Role) => {
      const u = await aUser(deps, organizationId, role);
      return actorOfUser(u.user, u.memberships);
    };

    it('pages the whole log newest first, filters by entity type, and lists the types', async () => {
      const organization = await anOrganization(deps);
      for (let n = 1; n <= 4; n++) await aChange(deps, organization.id, { title: `Verandering ${n}` });
      const auditor = await actorIn(organization.id, 'auditor');
      const first = await readOrganizationAudit(deps, auditor, organization.id, { page: 1, size: 3 });
      expect(first.total).toBeGreaterThanOrEqual(6);
      expect(first.items.map((l) => l.seq)).toEqual([first.total, first.total - 1, first.total - 2]);
      expect(first.entityTypes).toEqual(expect.arrayContaining(['change', 'organization', 'user']));
      const last = await readOrganizationAudit(deps, auditor, organization.id, { page: first.pages, size: 3 });
      expect(last.items.at(-1)!.seq).toBe(1);
      const changes = await readOrganizationAudit(deps, auditor, organization.id, { page: 1, size: 50 }, { entityType: 'change' });
      expect(changes.total).toBe(4);
      expect(changes.items.every((l) => l.entityType === 'change')).toBe(true);
      expect(changes.items[0]!.data).toMatchObject({ title: 'Verandering 4' });
    });

    it('is for auditors and admins of that organization only, like the trail per entity', async () => {
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      for (const role of ['editor', 'communicator', 'moderator'] as const) {
        const actor = await actorIn(a.id, role);
        await expect(readOrganizationAudit(deps, actor, a.id, { page: 1, size: 10 })).rejects.toMatchObject({ code: 'forbidden' });
        await expect(verifyOrganizationChain(deps, actor, a.id)).rejects.toMatchObject({ code: 'forbidden' });
      }
      const auditorOfB = await actorIn(b.id, 'auditor');
      await expect(readOrganizationAudit(deps, auditorOfB, a.id, { page: 1, size: 10 })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(readAuditTrail(deps, auditorOfB, a.id, [a.id])).rejects.toMatchObject({ code: 'forbidden' });
      expect((await readOrganizationAudit(deps, await actorIn(a.id, 'admin'), a.id, { page: 1, size: 10 })).total).toBeGreaterThan(0);
    });

    it('reports a whole chain, and the first broken link after someone edits a row', async () => {
      const organization = await anOrganization(deps);
      await aChange(deps, organization.id);
      const auditor = await actorIn(organization.id, 'auditor');
      const whole = await verifyOrganizationChain(deps, auditor, organization.id);
      expect(whole).toMatchObject({ ok: true, organizationId: organization.id });
      await sql`update audit_events set data = ${'{"title":"Anders"}'} where organization_id = ${organization.id} and seq = 2`.execute(deps.db);
      expect(await verifyOrganizationChain(deps, auditor, organization.id)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'hash_mismatch' } });
    });
  });
}
