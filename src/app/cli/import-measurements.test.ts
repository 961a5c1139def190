import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { listMeasurementsOfGoal } from '../../modules/goals';
import { aGoal } from '../../modules/goals/goal.factory';
import { anOrganization, testDeps } from '../../modules/organizations/organization.factory';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { importMeasurementsCommand } from './import-measurements';
import { memoryIo } from './testing';

for (const dialect of DIALECTS) {
  describe(`helder import-measurements on ${dialect}`, () => {
    let db: OpenDatabase;
    let dir: string;
    beforeAll(async () => {
      db = await openTestDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'helder-import-'));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await db.close();
    });

    const run = async (args: string[], stdin = '') => {
      const io = memoryIo({}, stdin);
      const code = await importMeasurementsCommand(args, { deps: testDeps(db.db), ...io });
      return { code, out: io.out(), err: io.err() };
    };

    it('previews without writing, commits with --commit, and refuses bad rows by line', async () => {
      const deps = testDeps(db.db);
      const organization = await anOrganization(deps);
      const change = await aChange(deps, organization.id);
      const goal = await aGoal(deps, change.id);
      const file = join(dir, 'metingen.csv');
      writeFileSync(file, `\uFEFFdoel;datum;waarde;bron\r\n${change.slug}/1;31-03-2026;52,5;Telling\r\n`);
      const preview = await run([file, '--organization', organization.slug]);
      expect(preview.code).toBe(0);
      expect(preview.out).toContain('regel    2  nieuw       2026-03-31  52.5');
      expect(preview.out).toContain('nothing written');
      expect(await listMeasurementsOfGoal(deps, goal.id)).toEqual([]);
      const committed = await run([file, '--organization', organization.slug, '--commit']);
      expect([committed.code, committed.out]).toEqual([0, expect.stringContaining('Written: 1 measurement(s)')]);
      expect((await listMeasurementsOfGoal(deps, goal.id)).map((m) => m.value)).toEqual([52.5]);

      const bad = await run(['-', '--organization', organization.slug, '--commit'], `doel;datum;waarde\n${change.slug}/1;30-04-2026;x\n${change.slug}/7;30-04-2026;1\n`);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('line 2.value: "x" is geen getal');
      expect(bad.err).toContain('line 3.goal:');
      expect(await listMeasurementsOfGoal(deps, goal.id)).toHaveLength(1);
      expect((await run(['--organization', organization.slug])).code).toBe(2);
      expect((await run([join(dir, 'nergens.csv'), '--organization', organization.slug])).code).toBe(2);
      expect((await run([file, '--organization', 'onbekend'])).code).toBe(1);
    });
  });
}
