import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { anOrganization, attempt, issuePaths, testActor, testDeps } from './organization.factory';
import { createOrganization, findOrganization, getOrganization, listOrganizations } from './organization.service';

for (const dialect of DIALECTS) {
  describe(`organizations on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
    });
    afterEach(() => open.close());

    it('creates an organization that can be read back by id and by slug, and starts its audit chain', async () => {
      const org = await createOrganization(deps, testActor, { slug: 'utrecht', name: 'Gemeente Utrecht', kind: 'gemeente' });
      expect(await getOrganization(deps, org.id)).toEqual(org);
      expect(await getOrganization(deps, 'utrecht')).toEqual(org);
      expect(org).toMatchObject({ description: '', website: null, createdAt: '2026-06-01T10:00:00.000Z' });
      const audit = await auditOf(open.db, 'organization', org.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'organization.created', actor: testActor.id, seq: 1 });
      expect(await verifyChain(open.db, org.id)).toMatchObject({ ok: true, events: 1 });
    });

    it('refuses a slug that is already taken, and writes nothing', async () => {
      await anOrganization(deps, { slug: 'utrecht' });
      const { error, changed } = await attempt(open.db, () =>
        createOrganization(deps, testActor, { slug: 'utrecht', name: 'Another Utrecht', kind: 'provincie' }),
      );
      expect(error).toMatchObject({ code: 'conflict' });
      expect(issuePaths(error)).toEqual(['slug']);
      expect(changed).toEqual([]);
    });

    it.each(['Utrecht', 'den haag', 'a', 'dubbel--streepje', '-begin'])('refuses the slug %j with validation_failed on slug', async (slug) => {
      const { error, changed } = await attempt(open.db, () => createOrganization(deps, testActor, { slug, name: 'Gemeente', kind: 'gemeente' }));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error)).toEqual(['slug']);
      expect(changed).toEqual([]);
    });

    it('names every invalid field at once', async () => {
      const { error } = await attempt(open.db, () =>
        createOrganization(deps, testActor, { slug: 'ok-slug', name: 'x', kind: 'stadsdeel' as 'gemeente', website: 'not a url' }),
      );
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(issuePaths(error).sort()).toEqual(['kind', 'name', 'website']);
    });

    it('answers not_found for an unknown id or slug, and undefined from find', async () => {
      await expect(getOrganization(deps, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
      await expect(getOrganization(deps, 'nergens')).rejects.toMatchObject({ code: 'not_found' });
      expect(await findOrganization(deps, 'nergens')).toBeUndefined();
    });

    it('lists organizations by name', async () => {
      await anOrganization(deps, { name: 'Zaanstad' });
      await anOrganization(deps, { name: 'Almere' });
      expect((await listOrganizations(deps)).map((o) => o.name)).toEqual(['Almere', 'Zaanstad']);
    });

    it('(test helper) attempt sees every table a write touches', async () => {
      const { error, changed } = await attempt(open.db, () => anOrganization(deps));
      expect(error).toBeUndefined();
      // The notification outbox is written with every register audit event (the worker picks what is worth a mail).
      expect(changed).toEqual(['audit_events', 'audit_heads', 'notification_outbox', 'organizations']);
    });

    it('keeps one audit chain per organization', async () => {
      const a = await anOrganization(deps);
      const b = await anOrganization(deps);
      expect(await verifyChain(open.db, a.id)).toMatchObject({ ok: true, events: 1 });
      expect(await verifyChain(open.db, b.id)).toMatchObject({ ok: true, events: 1 });
    });
  });
}
