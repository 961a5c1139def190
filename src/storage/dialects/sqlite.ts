import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, type Dialect } from 'kysely';

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
