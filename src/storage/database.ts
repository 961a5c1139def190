import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, sql, type Transaction } from 'kysely';
import { AppError, isAppError } from '../core';
import type { Database } from './schema';
import { classifySqliteFault, openSqlite } from './dialects/sqlite';
import { breaksPostgresConnection, classifyPostgresFault, openPostgres } from './dialects/postgres';
import { describeCause, FaultMonitor, guardDialect, type FaultKind, type FaultReport } from './faults';

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
  /** PostgreSQL only: connecting (or waiting for a free pooled connection); unset or 0: no limit. */
  connectTimeoutMs?: number;
  /** PostgreSQL only: per statement; unset or 0: no limit (the CLI, migrations). */
  statementTimeoutMs?: number;
  /** Storage faults, once per burst (began, a reminder each minute, ended): for the log. */
  onFault?: (report: FaultReport) => void;
}

/** What /healthz reports about the database. */
export interface DatabaseHealth {
  /** The database answers and writes are not known to fail. */
  ok: boolean;
  /** `degraded`: reads work, writes fail (disk full, read-only); `unavailable`: no answer. */
  status: 'ok' | 'degraded' | 'unavailable';
  dialect: DialectName;
  /** The fault, when not ok. */
  fault?: FaultKind;
}

export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  /** A human-readable description of where the data lives, without credentials. */
  location: string;
  /**
   * Checks the database within `timeoutMs` (a frozen server does not answer at all) and whether
   * writes have been failing (a full disk still answers `select 1`).
   */
  health(timeoutMs?: number): Promise<DatabaseHealth>;
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
  const monitor = new FaultMonitor(config.onFault);
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { dialect } = openPostgres(url, {
      ...(config.searchPath ? { searchPath: config.searchPath } : {}),
      connectTimeoutMs: config.connectTimeoutMs ?? 0,
      statementTimeoutMs: config.statementTimeoutMs ?? 0,
      // Errors of idle connections (a restart) reach the monitor; the next query reports the fault.
      onIdleError: (error) => monitor.failed(classifyPostgresFault(error) ?? 'connection', error),
      isBroken: breaksPostgresConnection,
    });
    const db = new Kysely<Database>({ dialect: guardDialect(dialect, classifyPostgresFault, monitor) });
    const safe = new URL(url);
    safe.password = '';
    return { db, dialect: 'postgres', location: safe.toString(), health: healthOf(db, 'postgres', monitor), close: () => db.destroy().then(() => undefined) };
  }
  const path = sqlitePathOf(url)!;
  if (config.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new AppError('not_found', `the SQLite database ${path} does not exist (check DATABASE_URL; this command does not create one)`);
  }
  const { dialect } = openSqlite(path);
  const db = new Kysely<Database>({ dialect: guardDialect(dialect, classifySqliteFault, monitor) });
  return { db, dialect: 'sqlite', location: path, health: healthOf(db, 'sqlite', monitor), close: () => db.destroy() };
};

const healthOf =
  (db: Db, dialect: DialectName, monitor: FaultMonitor) =>
  async (timeoutMs = 800): Promise<DatabaseHealth> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => {
      timer = setTimeout(() => done('late'), timeoutMs);
    });
    // The ping may go on after the deadline (a frozen server); its late failure is of no interest.
    const ping = pingDatabase(db).then(
      () => undefined,
      (error: unknown) => (isAppError(error) && error.code === 'unavailable' ? ((error.details.fault as FaultKind | undefined) ?? 'connection') : 'connection'),
    );
    const outcome = await Promise.race([ping, late]).finally(() => clearTimeout(timer));
    if (outcome === 'late') return { ok: false, status: 'unavailable', dialect, fault: 'timeout' };
    if (outcome) return { ok: false, status: 'unavailable', dialect, fault: outcome };
    const writes = monitor.failingWrites();
    return writes ? { ok: false, status: 'degraded', dialect, fault: writes.kind } : { ok: true, status: 'ok', dialect };
  };

/** One line saying why the database cannot be used: the driver's code and message, no stack. */
export const describeDatabaseError = describeCause;

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
