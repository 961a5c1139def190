import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportOrganization, type OrganizationDocument } from '../../modules/transfer';
import { buildTransferFixture } from '../../modules/transfer/transfer.factory';
import { snapshotStore, testActor, testDeps } from '../../modules/organizations/organization.factory';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { memoryIo } from './testing';
import { exportCommand, importCommand } from './transfer';

const NOW = '2026-06-01T10:00:00Z';

for (const dialect of DIALECTS) {
  describe(`helder export / import on ${dialect}`, () => {
    let dir: string;
    let exported: string;
    let expected: OrganizationDocument;
    let db: OpenDatabase;

    // The source database is closed before a target opens (see transfer.test.ts).
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'helder-transfer-'));
      const source = await openTestDatabase(dialect);
      try {
        const deps = testDeps(source.db);
        await buildTransferFixture(deps, testActor, 'gemeente-cli');
        const io = memoryIo();
        const code = await exportCommand(['--organization', 'gemeente-cli'], { deps: testDeps(source.db, NOW), ...io });
        expect(code).toBe(0);
        exported = io.out();
        expected = await exportOrganization(testDeps(source.db, NOW), 'gemeente-cli');
        expect(await exportCommand(['--organization', 'gemeente-cli', '--output', join(dir, 'org.json')], { deps: testDeps(source.db, NOW), ...memoryIo() })).toBe(0);
        expect(await exportCommand(['--organization', 'nergens'], { deps: testDeps(source.db, NOW), ...memoryIo() })).toBe(1);
      } finally {
        await source.close();
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeEach(async () => {
      db = await openTestDatabase(dialect);
    });
    afterEach(() => db.close());

    const run = async (command: typeof importCommand, args: string[], stdin = '') => {
      const io = memoryIo({}, stdin);
      const code = await command(args, { deps: testDeps(db.db), ...io });
      return { code, out: io.out(), err: io.err() };
    };

    it('exports pretty JSON with a trailing newline, to stdout or to a file', () => {
      expect(exported).toBe(`${JSON.stringify(expected, null, 2)}\n`);
      expect(exported.split('\n')[1]).toBe('  "format": "helder-organization",');
      expect(readFileSync(join(dir, 'org.json'), 'utf8')).toBe(exported);
    });

    it('imports a file, or standard input with -', async () => {
      const fromFile = await run(importCommand, [join(dir, 'org.json')]);
      expect(fromFile).toMatchObject({ code: 0, err: '' });
      expect(fromFile.out).toContain('2 changes');
      expect((await exportOrganization(testDeps(db.db, NOW), 'gemeente-cli')).changes).toEqual(expected.changes);
      const again = await run(importCommand, ['-'], exported);
      expect(again.code).toBe(1);
      expect(again.err).toContain('organization.slug: already in use');
    });

    it('prints every wrong field as path: message and writes nothing', async () => {
      const doc = JSON.parse(exported) as OrganizationDocument;
      delete (doc.changes[0] as Partial<OrganizationDocument['changes'][number]>).title;
      Object.assign(doc.decisions[0]!, { outcome: 'approved' });
      const before = await snapshotStore(db.db);
      const result = await run(importCommand, ['-'], JSON.stringify(doc));
      expect(result.code).toBe(1);
      const lines = result.err.trim().split('\n');
      expect(lines[0]).toMatch(/^helder import: validation_failed/);
      expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(['changes[0].title', 'decisions[0].outcome']);
      expect(await snapshotStore(db.db)).toEqual(before);
    });

    it('refuses a document holding a NUL (as an older SQLite export may) with path: message, no stack trace (issue 9)', async () => {
      const doc = JSON.parse(exported) as OrganizationDocument;
      Object.assign(doc.decisions[0]!, { title: 'Besluit\u0000' });
      const before = await snapshotStore(db.db);
      const result = await run(importCommand, ['-'], JSON.stringify(doc));
      expect(result.code).toBe(1);
      expect(result.err).toContain('decisions[0].title: contains a control character');
      expect(result.err).not.toContain('    at ');
      expect(await snapshotStore(db.db)).toEqual(before);
    });

    it('refuses a file that is not UTF-8 with exit code 2, naming the byte (issue 9)', async () => {
      writeFileSync(join(dir, 'latin1.json'), Buffer.concat([Buffer.from(exported.slice(0, 40)), Buffer.from([0xe9]), Buffer.from(exported.slice(40))]));
      const result = await run(importCommand, [join(dir, 'latin1.json')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('not valid UTF-8 (the first bad byte is at offset 40)');
    });

    it('answers 2 for a file it cannot read or text that is not JSON', async () => {
      expect(await run(importCommand, [join(dir, 'missing.json')])).toMatchObject({ code: 2 });
      writeFileSync(join(dir, 'broken.json'), '{"format": "helder-organization",');
      const broken = await run(importCommand, [join(dir, 'broken.json')]);
      expect(broken.code).toBe(2);
      expect(broken.err).toContain('is not valid JSON');
      expect(await run(importCommand, ['-'], '\uFEFF' + exported)).toMatchObject({ code: 0 });
    });

    it('prints usage for --help and refuses wrong usage', async () => {
      for (const command of [exportCommand, importCommand]) {
        const help = await run(command, ['--help']);
        expect(help.code).toBe(0);
        expect(help.out).toMatch(/^Usage: helder (export|import)/);
      }
      expect((await run(exportCommand, [])).code).toBe(2);
      expect((await run(exportCommand, ['--organisation', 'x'])).code).toBe(2);
      expect((await run(importCommand, [])).code).toBe(2);
      expect((await run(importCommand, ['a.json', 'b.json'])).code).toBe(2);
    });
  });
}
