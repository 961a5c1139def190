import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../core';
import { verifyChain } from './audit';
import { createDatabase, sqlitePathOf } from './database';
import { holdsData, integrityProblems, takeOutOfUse, vacuumInto } from './dialects/sqlite-files';
import { migrations } from './migrations';

/**
 * Backup and restore of a SQLite installation: one file that holds everything (organizations,
 * users, tokens, poll answers, reactions, the audit chain). PostgreSQL has better tools than any
 * Helder could offer, and both functions say so.
 */

const POSTGRES_BACKUP =
  'this installation runs on PostgreSQL: back it up with pg_dump (pg_dump -Fc -f helder.dump "$DATABASE_URL" reads every table in one consistent snapshot while Helder keeps writing) ' +
  'or with continuous WAL archiving and point-in-time recovery (which can return to any moment, e.g. just before a mistake); see docs/operations.md#backups';
const POSTGRES_RESTORE =
  'this installation runs on PostgreSQL: restore a pg_dump file with pg_restore into an empty database (createdb, then pg_restore -d URL helder.dump), or recover with PITR; then run helder audit verify; see docs/operations.md#backups';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Writes a consistent copy of the SQLite database to `output`, safe while the server writes: every
 * write acknowledged before the backup began is in it. The copy is written beside `output` under a
 * temporary name, synced, checked with `integrity_check`, then renamed into place, so `output` is
 * either the old file or a whole new backup, never half of one.
 */
export const backupDatabase = (databaseUrl: string | undefined, output: string, options: { force?: boolean } = {}): BackupResult => {
  const source = sqlitePathOf(databaseUrl);
  if (source === undefined) throw new AppError('invalid_state', POSTGRES_BACKUP);
  if (source === ':memory:') throw new AppError('validation_failed', 'an in-memory database cannot be backed up');
  if (!existsSync(source)) throw new AppError('not_found', `the SQLite database ${source} does not exist (check DATABASE_URL)`);
  const file = resolve(output);
  if (file === source) throw new AppError('validation_failed', 'the backup cannot overwrite the database itself');
  if (existsSync(file) && !options.force) throw new AppError('conflict', `${file} already exists; choose another name or pass --force to replace it`);
  if (!existsSync(dirname(file))) throw new AppError('not_found', `the folder ${dirname(file)} does not exist`);
  const temp = temporaryBeside(file, 'backup');
  try {
    vacuumInto(source, temp);
    fsyncPath(temp);
    const problems = integrityProblems(temp);
    if (problems.length > 0) throw new AppError('internal', `the copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    renameSync(temp, file);
    fsyncPath(dirname(file));
  } finally {
    rmSync(temp, { force: true });
  }
  return { file, bytes: statSync(file).size };
};

export interface RestoreResult {
  target: string;
  /** Where the database that was replaced is kept (with --force over existing data). */
  previous?: string;
  organizations: number;
  events: number;
}

/**
 * Replaces the SQLite database with a backup. The backup is copied beside the database and checked
 * there (integrity_check, a Helder schema this version can run, every audit chain intact) before
 * anything is replaced; then the database is taken out of use (refused while a server has it open)
 * and the copy renamed over it in one step. A database that holds data is replaced only with
 * `force`, and kept under a `.before-restore-…` name.
 */
export const restoreDatabase = async (databaseUrl: string | undefined, backup: string, options: { force?: boolean; now: Date }): Promise<RestoreResult> => {
  const target = sqlitePathOf(databaseUrl);
  if (target === undefined) throw new AppError('invalid_state', POSTGRES_RESTORE);
  if (target === ':memory:') throw new AppError('validation_failed', 'cannot restore into an in-memory database');
  const from = resolve(backup);
  if (!existsSync(from)) throw new AppError('not_found', `the backup ${from} does not exist`);
  if (from === target) throw new AppError('validation_failed', 'the backup is the database itself');
  const exists = existsSync(target) && statSync(target).size > 0;
  if (exists && !options.force && holdsData(target)) {
    throw new AppError('conflict', `${target} already holds an installation's data; pass --force to replace it (it is kept as ${basename(target)}.before-restore-…)`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = temporaryBeside(target, 'restore');
  try {
    copyFileSync(from, temp);
    fsyncPath(temp);
    const checked = await checkBackup(temp);
    const outOfUse = existsSync(target) ? takeOutOfUse(target) : undefined;
    if (outOfUse?.inUse) throw new AppError('conflict', `${target} is in use: stop Helder (every server and command using it) and restore again`);
    try {
      let previous: string | undefined;
      if (exists) {
        previous = `${target}.before-restore-${options.now.toISOString().replace(/[:.]/g, '-')}`;
        linkSync(target, previous);
      }
      renameSync(temp, target);
      // Leaving WAL mode removed the old WAL; a stray one must never be replayed onto the backup.
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
      fsyncPath(dirname(target));
      return { target, ...(previous ? { previous } : {}), ...checked };
    } finally {
      if (outOfUse && !outOfUse.inUse) outOfUse.release();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
};

/** Refuses a file that is not a sound Helder database this version can run, or whose audit chains do not verify. */
const checkBackup = async (file: string): Promise<{ organizations: number; events: number }> => {
  const problems = integrityProblems(file);
  if (problems.length > 0) throw new AppError('invalid_state', `the backup fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`);
  const open = createDatabase({ url: `sqlite:${file}`, mustExist: true });
  try {
    const ran = await sql<{ name: string }>`select name from kysely_migration`.execute(open.db).then(
      (r) => r.rows.map((row) => row.name),
      () => undefined,
    );
    if (!ran) throw new AppError('invalid_state', 'the backup is not a Helder database (it has no migration table)');
    const unknown = ran.filter((name) => !(name in migrations));
    if (unknown.length > 0) throw new AppError('invalid_state', `the backup was made by a newer Helder (migration ${unknown.join(', ')}): restore it with that version`);
    // Every chain in the file, also one whose organization row is gone.
    const ids = await sql<{ id: string }>`select id from organizations union select distinct organization_id from audit_events`.execute(open.db);
    let events = 0;
    for (const { id } of ids.rows) {
      const report = await verifyChain(open.db, id);
      if (!report.ok) throw new AppError('invalid_state', `the backup's audit chain of organization ${id} is broken at event ${report.broken!.seq} (${report.broken!.reason}): ${report.broken!.detail}`);
      events += report.events;
    }
    return { organizations: ids.rows.length, events };
  } finally {
    await open.close();
  }
};

const temporaryBeside = (file: string, what: string): string => join(dirname(file), `.${basename(file)}.${what}-${randomBytes(6).toString('hex')}.tmp`);

/** fsync a file or folder: a rename is durable only once its folder is synced. */
const fsyncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
