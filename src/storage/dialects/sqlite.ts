import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, type Dialect } from 'kysely';
import type { FaultKind } from '../faults';

/**
 * Opens an SQLite file for Helder. The pragmas are set on EVERY open: better-sqlite3 falls back to
 * `synchronous=NORMAL` on reopen, which in WAL mode can lose acknowledged commits on power loss
 * (https://www.sqlite.org/pragma.html#pragma_synchronous). FULL syncs the WAL on every commit.
 */
export const openSqlite = (file: string): { dialect: Dialect; raw: SQLite.Database } => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  // Another process (the CLI while the server runs) may hold the write lock briefly.
  raw.pragma('busy_timeout = 5000');
  return { dialect: new SqliteDialect({ database: raw }), raw };
};

/**
 * SQLite's storage faults by result code (https://www.sqlite.org/rescode.html); extended codes
 * (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED…) share their primary's prefix.
 */
const SQLITE_FAULTS: [prefix: string, kind: FaultKind][] = [
  ['SQLITE_FULL', 'disk_full'],
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_CANTOPEN', 'io'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
];

export const classifySqliteFault = (error: unknown): FaultKind | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return SQLITE_FAULTS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
  // better-sqlite3 after close (a request still running while the server shuts down).
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) return 'connection';
  return undefined;
};
