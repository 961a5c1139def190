import SQLite from 'better-sqlite3';

/**
 * Operations on a whole SQLite file, for backup and restore. They open their own connection and
 * leave Helder's pragmas alone: they must not change the file they read.
 */

/**
 * Writes a consistent copy of `source` to `target` (which must not exist) with `VACUUM INTO`. It
 * reads inside one read transaction: in WAL mode the server goes on writing meanwhile, and the
 * copy holds exactly the transactions committed before it began (https://www.sqlite.org/lang_vacuum.html#vacuuminto).
 * Unlike the online backup API, it does not start over when another process writes during the
 * copy, so it finishes under a steady write load. SQLite does not fsync the result: the caller does.
 */
export const vacuumInto = (source: string, target: string): void => {
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
};

/** `PRAGMA integrity_check` of a file, opened read-only: [] when it is sound, else SQLite's findings. */
export const integrityProblems = (file: string): string[] => {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const findings = rows.map((r) => r.integrity_check);
    return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
  } catch (error) {
    return [`not a readable SQLite database: ${(error as Error).message}`];
  } finally {
    db?.close();
  }
};

/**
 * Takes a database file out of use before it is replaced: leaves WAL mode (which checkpoints the
 * WAL into the file and removes it, so no stale WAL can be replayed onto the replacement) and holds
 * an exclusive lock until `release`. Leaving WAL mode needs every other connection closed, so a
 * running server shows up as SQLITE_BUSY: `in use` is then true and nothing was changed.
 */
export const takeOutOfUse = (file: string): { inUse: true } | { inUse: false; release(): void } => {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 200');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('still in WAL mode'), { code: 'SQLITE_BUSY' });
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return { inUse: true };
    throw error;
  }
  return {
    inUse: false,
    release: () => {
      db.exec('ROLLBACK');
      db.close();
    },
  };
};

/** Whether a file holds an installation's data (an organization or a user), read-only. */
export const holdsData = (file: string): boolean => {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>).map((t) => t.name));
    return ['organizations', 'users'].some((table) => tables.has(table) && db.prepare(`select 1 from ${table} limit 1`).get() !== undefined);
  } finally {
    db.close();
  }
};
