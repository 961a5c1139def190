import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, sql, type Transaction } from 'kysely';
import { AppError } from '../core';
import type { Database } from './schema';
import { openSqlite } from './dialects/sqlite';
import { openPostgres } from './dialects/postgres';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** `postgres://…`, `sqlite:/path/file.sqlite`, a bare path, or undefined for ./data/helder.sqlite */
  url?: string | undefined;
  /** PostgreSQL only: schema to use (tests run each file in its own schema). */
  searchPath?: string;
  /**
   * SQLite: refuse a file that does not exist instead of creating an empty database. Commands that
   * only read set it, so a mistyped path is an error rather than an empty, "healthy" installation.
   */
  mustExist?: boolean;
}

export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  /** A human-readable description of where the data lives, without credentials. */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = './data/helder.sqlite';

/**
 * The SQLite file a database URL names (absolute, or `:memory:`), or undefined for PostgreSQL: for
 * commands that work on the file itself (backup, restore).
 */
export const sqlitePathOf = (databaseUrl: string | undefined): string | undefined => {
  const url = databaseUrl?.trim() || DEFAULT_SQLITE_FILE;
  if (/^postgres(ql)?:\/\//.test(url)) return undefined;
  if (/^[a-z]+:\/\//.test(url) && !url.startsWith('sqlite:')) {
    throw new AppError('validation_failed', `DATABASE_URL must start with postgres:// or sqlite: (got ${url.split(':')[0]}:)`);
  }
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : url;
  return file === ':memory:' ? file : resolve(file);
};

/** Chooses the dialect from the URL: the one place that reads a database URL. */
export const createDatabase = (config: DatabaseConfig = {}): OpenDatabase => {
  const url = config.url?.trim() || DEFAULT_SQLITE_FILE;
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { dialect } = openPostgres(url, config.searchPath ? { searchPath: config.searchPath } : {});
    const db = new Kysely<Database>({ dialect });
    const safe = new URL(url);
    safe.password = '';
    return { db, dialect: 'postgres', location: safe.toString(), close: () => db.destroy().then(() => undefined) };
  }
  const path = sqlitePathOf(url)!;
  if (config.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new AppError('not_found', `the SQLite database ${path} does not exist (check DATABASE_URL; this command does not create one)`);
  }
  const { dialect } = openSqlite(path);
  const db = new Kysely<Database>({ dialect });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
};

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one: a use
 * case is one transaction, and an import that calls many use cases stays all-or-nothing.
 */
export const inTransaction = <T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db as Tx) : db.transaction().execute(fn);

/** `count(*)` is a bigint on PostgreSQL and arrives as a string: normalize it here. */
export const toCount = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/** Round-trips one trivial query: for health checks. */
export const pingDatabase = async (db: Db): Promise<void> => {
  await sql`select 1`.execute(db);
};
