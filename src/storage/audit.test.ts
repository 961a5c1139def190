import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, openTestDatabase } from './testing';
import { appendAudit, registerVersionReader, verifyChain } from './audit';
import { inTransaction, type OpenDatabase } from './database';

const ORG = '00000000-0000-4000-8000-000000000001';
const entry = (n: number) => ({
  organizationId: ORG,
  actor: 'test',
  action: 'thing.created',
  entityType: 'thing',
  entityId: `id-${n}`,
  data: { n, name: `thing ${n}`, nested: { b: 2, a: 1 } },
  at: new Date(Date.UTC(2026, 0, n)),
});

for (const dialect of DIALECTS) {
  describe(`audit chain on ${dialect}`, () => {
    let open: OpenDatabase;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      for (let n = 1; n <= 5; n++) await inTransaction(open.db, (tx) => appendAudit(tx, entry(n)));
    });
    afterEach(() => open.close());

    it('verifies an untouched chain', async () => {
      const report = await verifyChain(open.db, ORG);
      expect(report).toMatchObject({ ok: true, events: 5 });
    });

    it('finds a changed byte', async () => {
      await sql`update audit_events set data = replace(data, 'thing 3', 'thing 8') where seq = 3`.execute(open.db);
      const report = await verifyChain(open.db, ORG);
      expect(report.ok).toBe(false);
      expect(report.broken).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
    });

    it('finds a deleted row in the middle', async () => {
      await open.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
      const report = await verifyChain(open.db, ORG);
      expect(report.broken).toMatchObject({ seq: 3, reason: 'missing' });
    });

    it('finds deleted newest rows through the head', async () => {
      await open.db.deleteFrom('audit_events').where('seq', '=', 5).execute();
      const report = await verifyChain(open.db, ORG);
      expect(report.broken).toMatchObject({ reason: 'head_mismatch' });
    });

    it('finds deleted newest rows when the head was deleted too', async () => {
      await open.db.deleteFrom('audit_events').where('seq', '>=', 4).execute();
      await open.db.deleteFrom('audit_heads').where('organization_id', '=', ORG).execute();
      const report = await verifyChain(open.db, ORG);
      expect(report.ok).toBe(false);
      expect(report.broken).toMatchObject({ seq: 4, reason: 'head_missing' });
    });

    it('writes nothing when the surrounding transaction fails', async () => {
      await expect(
        inTransaction(open.db, async (tx) => {
          await appendAudit(tx, entry(6));
          throw new Error('use case failed');
        }),
      ).rejects.toThrow('use case failed');
      expect((await verifyChain(open.db, ORG)).events).toBe(5);
    });

    it('keeps one chain when appends run concurrently', async () => {
      await Promise.all([6, 7, 8, 9].map((n) => inTransaction(open.db, (tx) => appendAudit(tx, entry(n)))));
      expect(await verifyChain(open.db, ORG)).toMatchObject({ ok: true, events: 9 });
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`register version on ${dialect}`, () => {
    let open: OpenDatabase;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
    });
    afterEach(() => open.close());

    it('moves on register writes, not on public events, while the chain takes both', async () => {
      const version = registerVersionReader(open.db);
      expect(await version(ORG)).toBe(0);
      await inTransaction(open.db, (tx) => appendAudit(tx, entry(1)));
      expect(await version(ORG)).toBe(1);
      await inTransaction(open.db, (tx) => appendAudit(tx, { ...entry(2), scope: 'public' }));
      await inTransaction(open.db, (tx) => appendAudit(tx, { ...entry(3), scope: 'public' }));
      expect(await version(ORG)).toBe(1);
      await inTransaction(open.db, (tx) => appendAudit(tx, entry(4)));
      expect(await version(ORG)).toBe(4);
      expect(await version()).toBe(4);
      expect(await verifyChain(open.db, ORG)).toMatchObject({ ok: true, events: 4 });
    });

    it('starts a chain with a public event without moving the register version', async () => {
      await inTransaction(open.db, (tx) => appendAudit(tx, { ...entry(1), scope: 'public' }));
      expect(await registerVersionReader(open.db)(ORG)).toBe(0);
    });
  });
}
