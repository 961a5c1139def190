import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Migrator, sql, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db, DialectName } from '../database';
import { migrateToLatest } from '../migrator';
import { DIALECTS, openEmptyTestDatabase, type EmptyTestDatabase } from '../testing';
import { LANDED, LANDED_LATE } from '.';
import * as expectationsBefore551152b from './historic/003_expectations.da7200e';

/**
 * Every database any commit of main made must upgrade to the latest schema. A commit's database is
 * the migration set of that commit, run by the plain Kysely migrator Helder used then. Those sets
 * are the prefixes of LANDED (the landing order), except that 003_expectations lacked its unique
 * pair constraint from da7200e until 551152b.
 */
const prefixes = LANDED.map((_, i) => LANDED.slice(0, i + 1));
const replaced = (set: typeof LANDED, name: string, migration: Migration) => set.map(([n, m]) => [n, n === name ? migration : m] as const);
const HISTORY: Array<{ label: string; set: typeof LANDED }> = [
  ...prefixes.map((set) => ({ label: `up to ${set.at(-1)![0]}`, set })),
  { label: 'da7200e (003 without its unique pair)', set: replaced(LANDED.slice(0, 2), '003_expectations', expectationsBefore551152b) },
  { label: '8520db3 (003 without its unique pair, 004)', set: replaced(LANDED.slice(0, 3), '003_expectations', expectationsBefore551152b) },
];

const numberOf = (name: string): number => Number(/^(\d{3})_[a-z0-9_]+$/.exec(name)?.[1] ?? NaN);

describe('the numbering rule', () => {
  it('gives every migration a three-digit number and a snake_case name', () => {
    for (const [name] of LANDED) expect(numberOf(name), name).not.toBeNaN();
  });

  it('numbers grow along the landing order: a migration never takes a number below one already landed', () => {
    // A migration that lands with a lower number than one databases already ran is skipped by
    // Kysely's ordering check on every such database (the 007-after-008 upgrade failure).
    let highest = 0;
    const late: string[] = [];
    for (const [name] of LANDED) {
      if (numberOf(name) <= highest) late.push(name);
      highest = Math.max(highest, numberOf(name));
    }
    expect(late).toEqual([...LANDED_LATE]);
  });
});

/**
 * The first 16 hex digits of the sha256 of each landed migration's source. A database that ran a
 * migration never runs it again, so editing a landed one splits databases into two schemas (as
 * 003_expectations did, repaired by 009): change the schema in a new migration instead. A new
 * migration adds its line here when it lands (the failure message gives it).
 */
const FINGERPRINTS: Record<string, string> = {
  '001_core': '0a0592c7d13ce942',
  '003_expectations': '2b17d42627dd23ff',
  '004_accounts': '8e182f0400f9bad3',
  '005_citizen_voice': 'b696fccf46cfd3ca',
  '006_installation': 'b485ca84391f72f8',
  '007_publication': '3609b8e67e8598fc',
  '008_register_version': '6910c4e6466c90db',
  '009_conflict_pair_repair': 'e19f5ab01b132b99',
  '010_notifications': 'a6a9920c8c13d46a',
  '011_revisions': 'c44940feeceb47c1',
};

describe('landed migrations', () => {
  it.each(LANDED.map(([name]) => name))('%s is unchanged since it landed', (name) => {
    const source = readFileSync(new URL(`./${name}.ts`, import.meta.url), 'utf8').replace(/\r/g, '');
    const fingerprint = createHash('sha256').update(source).digest('hex').slice(0, 16);
    const hint = FINGERPRINTS[name]
      ? `${name} changed after it landed: put the change in a new migration (docs/operations.md#the-numbering-rule)`
      : `a new migration: add  '${name}': '${fingerprint}',  to FINGERPRINTS`;
    expect(fingerprint, hint).toBe(FINGERPRINTS[name]);
  });
});

/** Tables, columns, indexes, unique sets and foreign keys: what the code relies on, per dialect. */
const schemaOf = async (db: Db, dialect: DialectName, schema?: string): Promise<string[]> => {
  const facts = new Set<string>();
  if (dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db);
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`select * from pragma_table_info(${name})`.execute(db);
      for (const c of columns.rows) facts.add(`${name}.${c.name} ${c.type} ${c.notnull ? 'not null' : 'null'} default ${c.dflt_value} pk ${c.pk}`);
      const indexes = await sql<{ name: string; unique: number }>`select * from pragma_index_list(${name})`.execute(db);
      for (const index of indexes.rows) {
        const cols = await sql<{ name: string }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
        facts.add(`${name} ${index.unique ? 'unique' : 'index'} (${cols.rows.map((c) => c.name).join(', ')})`);
      }
      const keys = await sql<{ from: string; table: string; to: string }>`select * from pragma_foreign_key_list(${name})`.execute(db);
      for (const k of keys.rows) facts.add(`${name}.${k.from} -> ${k.table}.${k.to}`);
    }
  } else {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
      select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
      where table_schema = ${schema} and table_name not like 'kysely_%'`.execute(db);
    for (const c of columns.rows) facts.add(`${c.table_name}.${c.column_name} ${c.data_type} ${c.is_nullable} default ${c.column_default}`);
    const indexes = await sql<{ table: string; unique: boolean; columns: string }>`
      select t.relname as table, i.indisunique as unique,
        (select string_agg(a.attname, ', ' order by k.n) from unnest(i.indkey) with ordinality as k(attnum, n)
          join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) as columns
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace s on s.oid = t.relnamespace
      where s.nspname = ${schema} and t.relname not like 'kysely_%'`.execute(db);
    for (const index of indexes.rows) facts.add(`${index.table} ${index.unique ? 'unique' : 'index'} (${index.columns})`);
    const constraints = await sql<{ table: string; def: string }>`
      select t.relname as table, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace s on s.oid = t.relnamespace
      where s.nspname = ${schema} and c.contype in ('f', 'c')`.execute(db);
    for (const c of constraints.rows) facts.add(`${c.table} ${c.def}`);
  }
  return [...facts].sort();
};

/** Runs a migration set the way Helder did before it knew about late migrations. */
const runAsThen = async (open: EmptyTestDatabase, set: typeof LANDED): Promise<void> => {
  const migrator = new Migrator({
    db: open.db,
    provider: { getMigrations: async () => Object.fromEntries(set) },
    ...(open.schema ? { migrationTableSchema: open.schema } : {}),
  });
  const { error } = await open.migrating(() => migrator.migrateToLatest());
  if (error) throw error;
};

describe.each(DIALECTS)('upgrading a database made by an older Helder (%s)', (dialect) => {
  const opened: EmptyTestDatabase[] = [];
  const open = async () => {
    const database = await openEmptyTestDatabase(dialect);
    opened.push(database);
    return database;
  };
  const upgrade = (database: EmptyTestDatabase) => database.migrating(() => migrateToLatest(database.db, database.schema ? { schema: database.schema } : {}));
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
  });

  it.each(HISTORY)('upgrades $label to the schema of a new database', async ({ set }) => {
    const fresh = await open();
    await upgrade(fresh);
    const old = await open();
    await runAsThen(old, set);
    await upgrade(old);
    expect(await schemaOf(old.db, dialect, old.schema)).toEqual(await schemaOf(fresh.db, dialect, fresh.schema));
    // Upgraded means nothing is left to run.
    expect(await upgrade(old)).toEqual([]);
  });
});

describe.each(DIALECTS)('refusing an upgrade it cannot make safely (%s)', (dialect) => {
  let database: EmptyTestDatabase;
  afterEach(async () => database.close());
  const table = (d: EmptyTestDatabase) => sql.table(d.schema ? `${d.schema}.kysely_migration` : 'kysely_migration');
  const upgrade = (d: EmptyTestDatabase) => d.migrating(() => migrateToLatest(d.db, d.schema ? { schema: d.schema } : {}));

  it('refuses a database that skipped a migration numbered below one it ran (other than the historic 007)', async () => {
    database = await openEmptyTestDatabase(dialect);
    await upgrade(database);
    await sql`delete from ${table(database)} where name = '006_installation'`.execute(database.db);
    await expect(upgrade(database)).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringContaining('006_installation has a lower number than') });
  });

  it('refuses a database upgraded by a newer Helder, naming the migration it does not know', async () => {
    database = await openEmptyTestDatabase(dialect);
    await upgrade(database);
    await sql`insert into ${table(database)} (name, timestamp) values ('999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(database.db);
    await expect(upgrade(database)).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringContaining('999_from_the_future') });
  });
});

describe.each(DIALECTS)('repairing the conflicts table of da7200e–551152b (%s)', (dialect) => {
  let database: EmptyTestDatabase;
  afterEach(async () => database.close());
  const at = '2026-11-27T10:10:00.000Z';

  it('refuses, naming the pair, when a conflict was recorded twice before the unique pair existed', async () => {
    database = await openEmptyTestDatabase(dialect);
    await runAsThen(database, HISTORY.find((h) => h.label.startsWith('8520db3'))!.set);
    const db = database.db;
    await sql`insert into organizations (id, slug, name, kind, created_at, updated_at) values ('o1', 'stad', 'Stad', 'gemeente', ${at}, ${at})`.execute(db);
    await sql`insert into changes (id, organization_id, slug, title, kind, status, created_at, updated_at) values ('c1', 'o1', 'c', 'C', 'policy', 'draft', ${at}, ${at})`.execute(db);
    await sql`insert into citizen_groups (id, organization_id, name, created_at) values ('g1', 'o1', 'A', ${at}), ('g2', 'o1', 'B', ${at})`.execute(db);
    await sql`insert into conflicts (id, change_id, group_a_id, group_b_id, created_at, updated_at) values ('k1', 'c1', 'g1', 'g2', ${at}, ${at}), ('k2', 'c1', 'g1', 'g2', ${at}, ${at})`.execute(db);
    const upgrade = database.migrating(() => migrateToLatest(db, database.schema ? { schema: database.schema } : {}));
    await expect(upgrade).rejects.toThrow(/1 pair\(s\) of groups have their conflict recorded twice \(first: change c1, groups g1 and g2\)/);
    const rows = await sql<{ id: string }>`select id from conflicts order by id`.execute(db);
    expect(rows.rows.map((r) => r.id)).toEqual(['k1', 'k2']);
    // A refused upgrade changes nothing: the migrations before 009 are rolled back with it.
    const table = sql.table(database.schema ? `${database.schema}.kysely_migration` : 'kysely_migration');
    const ran = await sql<{ name: string }>`select name from ${table} order by name`.execute(db);
    expect(ran.rows.map((r) => r.name)).toEqual(['001_core', '003_expectations', '004_accounts']);
  });
});
