import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, systemClock } from '../../core';
import { createChange } from '../../modules/changes';
import { createOrganization } from '../../modules/organizations';
import { createDatabase, migrateToLatest } from '../../storage';
import { LANDED } from '../../storage/migrations';
import { runCli } from './index';
import { memoryIo } from './testing';

/** Issue 9 item 7: backup and restore of a SQLite installation, and what restore refuses. */
describe('helder backup and helder restore', () => {
  let dir: string;
  let live: string;
  let backup: string;

  const run = async (databaseFile: string, ...args: string[]) => {
    const io = memoryIo({ DATABASE_URL: `sqlite:${databaseFile}` });
    const code = await runCli(args, io);
    return { code, out: io.out(), err: io.err() };
  };
  const titles = async (file: string): Promise<string[]> => {
    const open = createDatabase({ url: `sqlite:${file}`, mustExist: true });
    try {
      return (await open.db.selectFrom('changes').select('title').orderBy('title').execute()).map((r) => r.title);
    } finally {
      await open.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-backup-'));
    live = join(dir, 'live.sqlite');
    backup = join(dir, 'backup.sqlite');
    const open = createDatabase({ url: `sqlite:${live}` });
    await migrateToLatest(open.db);
    const deps = { db: open.db, clock: systemClock };
    const org = await createOrganization(deps, systemActor('test'), { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
    await createChange(deps, systemActor('test'), org.id, { title: 'Nieuwe fietsroute', kind: 'infrastructure', why: 'Kort.' });
    await open.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up, and restores into a new database where audit verify passes and the data is there', async () => {
    const made = await run(live, 'backup', '--output', backup);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toContain('integrity ok');
    const target = join(dir, 'new', 'helder.sqlite');
    const restored = await run(target, 'restore', backup);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain('1 audit chain(s)');
    expect(await titles(target)).toEqual(['Nieuwe fietsroute']);
    expect((await run(target, 'audit', 'verify')).code).toBe(0);
    expect(readdirSync(join(dir, 'new'))).toEqual(['helder.sqlite']); // no temporary files left
  });

  it('refuses to overwrite an existing backup file without --force', async () => {
    const again = await run(live, 'backup', '--output', backup);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    expect((await run(live, 'backup', '--output', backup, '--force')).code).toBe(0);
  });

  it('refuses to replace a database that holds data without --force, and keeps the old one with it', async () => {
    const target = join(dir, 'occupied.sqlite');
    expect((await run(target, 'seed', '--demo')).code).toBe(0);
    const before = readFileSync(target);
    const refused = await run(target, 'restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toContain('--force');
    expect(readFileSync(target).equals(before)).toBe(true);
    const forced = await run(target, 'restore', backup, '--force');
    expect(forced.code).toBe(0);
    expect(await titles(target)).toEqual(['Nieuwe fietsroute']);
    const kept = readdirSync(dir).find((f) => f.startsWith('occupied.sqlite.before-restore-'));
    expect(kept).toBeDefined();
    expect((await titles(join(dir, kept!))).length).toBeGreaterThan(1); // the demo's changes
  });

  it('refuses a backup whose audit chain is broken, and leaves the database as it was', async () => {
    const tampered = join(dir, 'tampered.sqlite');
    expect((await run(live, 'backup', '--output', tampered)).code).toBe(0);
    const open = createDatabase({ url: `sqlite:${tampered}` });
    await sql`update changes set title = 'Vervalst' where 1 = 1`.execute(open.db);
    await sql`update audit_events set data = replace(data, 'Nieuwe fietsroute', 'Vervalst')`.execute(open.db);
    await open.close();
    const target = join(dir, 'untouched.sqlite');
    expect((await run(target, 'restore', backup)).code).toBe(0);
    const refused = await run(target, 'restore', tampered, '--force');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('audit chain');
    expect(await titles(target)).toEqual(['Nieuwe fietsroute']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a file that is not a sound SQLite database', async () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const refused = await run(join(dir, 'fresh.sqlite'), 'restore', garbage);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('integrity');
    expect(existsSync(join(dir, 'fresh.sqlite'))).toBe(false);
  });

  it('refuses to replace a database that a running Helder has open', async () => {
    const target = join(dir, 'busy.sqlite');
    expect((await run(target, 'restore', backup)).code).toBe(0);
    const server = createDatabase({ url: `sqlite:${target}` });
    try {
      await sql`select count(*) from changes`.execute(server.db);
      const refused = await run(target, 'restore', backup, '--force');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('in use');
    } finally {
      await server.close();
    }
  });

  it('backs up an older installation without upgrading it; the restored copy upgrades on the next start', async () => {
    const old = join(dir, 'old.sqlite');
    const open = createDatabase({ url: `sqlite:${old}` });
    const upTo008 = LANDED.slice(0, LANDED.findIndex(([name]) => name === '008_register_version') + 1);
    await new Migrator({ db: open.db, provider: { getMigrations: async () => Object.fromEntries(upTo008) } }).migrateToLatest();
    await open.close();
    const ran = async (file: string) => {
      const db = createDatabase({ url: `sqlite:${file}`, mustExist: true });
      try {
        return (await sql<{ name: string }>`select name from kysely_migration`.execute(db.db)).rows.map((r) => r.name);
      } finally {
        await db.close();
      }
    };
    const oldBackup = join(dir, 'old-backup.sqlite');
    expect((await run(old, 'backup', '--output', oldBackup)).code).toBe(0);
    expect(await ran(old)).not.toContain('007_publication');
    const target = join(dir, 'from-old.sqlite');
    expect((await run(target, 'restore', oldBackup)).code).toBe(0);
    const migrated = await run(target, 'migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain('Ran migration 007_publication.');
  });

  it('says to use pg_dump / pg_restore on PostgreSQL', async () => {
    const io = memoryIo({ DATABASE_URL: 'postgres://helder@127.0.0.1:1/none' });
    expect(await runCli(['backup', '--output', join(dir, 'pg.dump')], io)).toBe(1);
    expect(io.err()).toContain('pg_dump');
    const io2 = memoryIo({ DATABASE_URL: 'postgres://helder@127.0.0.1:1/none' });
    expect(await runCli(['restore', backup], io2)).toBe(1);
    expect(io2.err()).toContain('pg_restore');
  });

  it('explains itself with --help and exits 2 on wrong usage or a missing database', async () => {
    expect((await run(live, 'backup', '--help')).code).toBe(0);
    expect((await run(live, 'restore', '--help')).code).toBe(0);
    expect((await run(live, 'backup')).code).toBe(2);
    expect((await run(live, 'restore')).code).toBe(2);
    const missing = await run(join(dir, 'typo', 'x.sqlite'), 'backup', '--output', join(dir, 'x.bak'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });
});
