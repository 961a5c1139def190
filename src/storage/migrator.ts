import { Migrator, sql } from 'kysely';
import { AppError } from '../core';
import type { Db } from './database';
import { LANDED_LATE, migrationProvider } from './migrations';

/**
 * Brings the schema up to date; safe to run on every start, and on several app servers at once
 * (Kysely holds a lock while it migrates).
 *
 * Kysely refuses a database that ran a migration with a higher name than a pending one, because
 * running migrations out of order is usually a mistake. It was one here once: 007_publication
 * landed after 008_register_version had run on databases. Those databases run 007 late, on
 * purpose; any other such gap breaks the numbering rule and is refused with a clear message, as is a
 * database migrated by a newer Helder than this one.
 */
export const migrateToLatest = async (db: Db, options: { schema?: string } = {}): Promise<string[]> => {
  // On PostgreSQL, name the schema: Kysely otherwise looks for its lock table in every schema on the
  // search path, and two test schemas migrating at once trip over each other.
  const base = { db, provider: migrationProvider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) };
  const known = await new Migrator(base).getMigrations();
  const executed = await executedNames(db, options.schema, known.some((m) => m.executedAt));
  const unknown = executed.filter((name) => !known.some((m) => m.name === name));
  if (unknown.length > 0) {
    throw new AppError('invalid_state', `the database was upgraded by a newer Helder (it ran migration ${unknown.join(', ')}, which this version does not know): run that version or restore a backup made before the upgrade`);
  }
  const last = executed.reduce((a, b) => (b > a ? b : a), '');
  const late = known.filter((m) => !m.executedAt && m.name < last).map((m) => m.name);
  const refused = late.filter((name) => !LANDED_LATE.has(name));
  if (refused.length > 0) {
    throw new AppError('invalid_state', `migration ${refused.join(', ')} has a lower number than ${last}, which this database already ran: a migration must take a number above every one on main (docs/operations.md#upgrades)`);
  }
  // The check above replaces Kysely's own ordering check, which would also refuse every later start
  // of a database that ran 007 after 008 (its table lists them in the order they ran).
  const run = async () => {
    const { error, results } = await new Migrator({ ...base, allowUnorderedMigrations: true }).migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  return db.getExecutor().adapter.supportsTransactionalDdl ? run() : inOneWriteTransaction(db, run);
};

/**
 * Kysely runs migrations in one transaction only where its adapter says DDL is transactional; it
 * says no for SQLite, although SQLite's DDL is transactional, so a migration failing halfway left a
 * half-upgraded file. SQLite's driver runs every query on its one connection, so a BEGIN IMMEDIATE
 * around the migrator holds all of it: a failed upgrade changes nothing, and a second process
 * starting at the same moment waits for the write lock and then finds nothing left to do.
 * (A future migration that must run outside a transaction, e.g. one that switches foreign keys off
 * to rebuild a table, needs its own path.)
 */
const inOneWriteTransaction = async <T>(db: Db, fn: () => Promise<T>): Promise<T> => {
  await sql`begin immediate`.execute(db);
  try {
    const result = await fn();
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => undefined);
    throw error;
  }
};

/** The names in Kysely's migration table, including ones this version does not know. */
const executedNames = async (db: Db, schema: string | undefined, tableExists: boolean): Promise<string[]> => {
  if (!tableExists) return [];
  const table = sql.table(schema ? `${schema}.kysely_migration` : 'kysely_migration');
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
  return rows.map((r) => r.name);
};
