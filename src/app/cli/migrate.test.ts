import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage';
import { LANDED } from '../../storage/migrations';
import { runCli } from './index';
import { memoryIo } from './testing';

/** `helder migrate` on the databases of issue 9 item 6, as an operator sees it. */
describe('helder migrate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helder-migrate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (file: string, ...args: string[]) => {
    const io = memoryIo({ DATABASE_URL: `sqlite:${file}` });
    const code = await runCli(['migrate', ...args], io);
    return { code, out: io.out(), err: io.err() };
  };

  it('upgrades a database made between 008 and 007 (3229a0f), naming the migrations it ran', async () => {
    const file = join(dir, 'old.sqlite');
    const open = createDatabase({ url: `sqlite:${file}` });
    const upTo008 = LANDED.slice(0, LANDED.findIndex(([name]) => name === '008_register_version') + 1);
    const { error } = await new Migrator({ db: open.db, provider: { getMigrations: async () => Object.fromEntries(upTo008) } }).migrateToLatest();
    await open.close();
    expect(error).toBeUndefined();
    const upgraded = await run(file);
    expect(upgraded).toMatchObject({ code: 0, err: '' });
    expect(upgraded.out).toContain('007_publication');
    const again = await run(file);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('007_publication');
  });

  it('refuses a database upgraded by a newer Helder with exit 1 and one line, changing nothing', async () => {
    const file = join(dir, 'newer.sqlite');
    expect((await run(file)).code).toBe(0);
    const open = createDatabase({ url: `sqlite:${file}` });
    await sql`insert into kysely_migration (name, timestamp) values ('999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(open.db);
    await open.close();
    const refused = await run(file);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toContain('999_from_the_future');
    // helder serve says the same in one line, without a stack trace.
    const io = memoryIo({ DATABASE_URL: `sqlite:${file}`, PORT: '18999', HELDER_DEMO: 'off' });
    expect(await runCli(['serve'], io)).toBe(1);
    expect(io.err().trim().split('\n')).toEqual([expect.stringMatching(/^helder serve: the database was upgraded by a newer Helder .*999_from_the_future/)]);
  });
});
