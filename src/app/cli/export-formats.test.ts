import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { aGoal } from '../../modules/goals/goal.factory';
import { anOrganization, testDeps } from '../../modules/organizations/organization.factory';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { memoryIo } from './testing';
import { exportCommand } from './transfer';

for (const dialect of DIALECTS) {
  describe(`helder export --format on ${dialect}`, () => {
    let db: OpenDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(dialect);
    });
    afterAll(() => db.close());
    const run = async (args: string[]) => {
      const io = memoryIo();
      return { code: await exportCommand(args, { deps: testDeps(db.db), ...io }), out: io.out(), err: io.err() };
    };

    it('writes JSON (default), CSV and IATI, and refuses an unknown format', async () => {
      const deps = testDeps(db.db);
      const organization = await anOrganization(deps);
      await aGoal(deps, (await aChange(deps, organization.id)).id);
      const json = await run(['--organization', organization.slug]);
      expect([json.code, JSON.parse(json.out).format]).toEqual([0, 'helder-organization']);
      expect((await run(['--organization', organization.slug, '--format', 'json'])).out).toBe(json.out);
      const csv = await run(['--organization', organization.slug, '--format', 'csv']);
      expect([csv.code, csv.out.startsWith('\uFEFFdoel;verandering;')]).toEqual([0, true]);
      const iati = await run(['--organization', organization.slug, '--format', 'iati']);
      expect([iati.code, iati.out]).toEqual([0, expect.stringContaining('<iati-activities version="2.03"')]);
      expect((await run(['--organization', organization.slug, '--format', 'xls'])).code).toBe(2);
      expect((await run(['--organization', 'nergens', '--format', 'csv'])).code).toBe(1);
    });
  });
}
