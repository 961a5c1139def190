import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDecisionsOfOrganization } from '../../modules/decisions';
import { ORI_POPOLO_FIXTURE } from '../../modules/imports/popolo.fixture';
import { anOrganization, testDeps } from '../../modules/organizations/organization.factory';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { importDecisionsCommand } from './import-decisions';
import { memoryIo } from './testing';

for (const dialect of DIALECTS) {
  describe(`helder import-decisions on ${dialect}`, () => {
    let db: OpenDatabase;
    let dir: string;
    beforeAll(async () => {
      db = await openTestDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'helder-import-decisions-'));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await db.close();
    });

    const run = async (args: string[], stdin = '') => {
      const io = memoryIo({}, stdin);
      const code = await importDecisionsCommand(args, { deps: testDeps(db.db), ...io });
      return { code, out: io.out(), err: io.err() };
    };

    it('previews without writing, commits with --commit, and refuses bad motions by JSON path', async () => {
      const deps = testDeps(db.db);
      const organization = await anOrganization(deps);
      const file = join(dir, 'raad.json');
      writeFileSync(file, ORI_POPOLO_FIXTURE);
      const preview = await run([file, '--organization', organization.slug]);
      expect(preview.code).toBe(0);
      expect(preview.out).toContain('motions[0]   nieuw       2026-03-12  M2026-014    motie, adopted  16-10-0  Motie Veilige fietsroutes naar school');
      expect(preview.out).toContain('4 motions: 4 new, 0 present, 0 invalid.');
      expect(await listDecisionsOfOrganization(deps, organization.id)).toEqual([]);
      const committed = await run([file, '--organization', organization.slug, '--commit']);
      expect([committed.code, committed.out]).toEqual([0, expect.stringContaining('Written: 4 decision(s)')]);
      expect(await listDecisionsOfOrganization(deps, organization.id)).toHaveLength(4);
      const json = await run([file, '--organization', organization.slug, '--json']);
      expect(JSON.parse(json.out)).toMatchObject({ counts: { new: 0, present: 4, invalid: 0 } });

      const doc = JSON.parse(ORI_POPOLO_FIXTURE) as { motions: Record<string, unknown>[] };
      doc.motions[0]!.identifier = 'M2026-099';
      doc.motions[1]!.date = 'gisteren';
      delete (doc.motions[1] as Record<string, unknown>).organization;
      const bad = await run(['-', '--organization', organization.slug, '--commit'], JSON.stringify(doc));
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('motions[1].organization: leeg');
      expect(await listDecisionsOfOrganization(deps, organization.id)).toHaveLength(4);
      expect((await run(['--organization', organization.slug])).code).toBe(2);
      expect((await run([join(dir, 'nergens.json'), '--organization', organization.slug])).code).toBe(2);
      expect((await run([file, '--organization', 'onbekend'])).code).toBe(1);
    });
  });
}
