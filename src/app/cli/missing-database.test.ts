import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './index';
import { memoryIo } from './testing';

/**
 * A mistyped SQLite path must not become a new, empty database that every read-only command then
 * reports on as if all were well (`audit verify` said "nothing to verify" and exited 0).
 */
describe('commands that only read refuse a database file that does not exist', () => {
  let dir: string;
  let missing: string;
  let csv: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helder-missing-'));
    missing = join(dir, 'typo', 'helder.sqlite');
    csv = join(dir, 'm.csv');
    writeFileSync(csv, 'goal_id,date,value\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const READ_ONLY = [
    ['audit', 'verify'],
    ['legitimacy'],
    ['export', '--organization', 'teststad'],
    ['user', 'list'],
    ['user', 'reset-totp', '--email', 'a@example.nl'],
    ['import-measurements', 'CSV', '--organization', 'teststad'],
  ];

  it.each(READ_ONLY.map((args) => [args.join(' '), args] as const))('helder %s exits 2 with one line naming the file, and creates nothing', async (_, args) => {
    const io = memoryIo({ DATABASE_URL: `sqlite:${missing}` });
    const code = await runCli(args.map((a) => (a === 'CSV' ? csv : a)), io);
    expect(code).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toContain(missing);
    expect(io.err()).toContain('does not exist');
    expect(io.out()).toBe('');
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('still creates the database where making one is the point (migrate)', async () => {
    const io = memoryIo({ DATABASE_URL: `sqlite:${missing}` });
    expect(await runCli(['migrate'], io)).toBe(0);
    expect(existsSync(missing)).toBe(true);
  });
});
