import { parseArgs } from 'node:util';
import { isAppError, systemClock } from '../../core';
import { backupDatabase, restoreDatabase } from '../../storage';
import { ConfigError, loadConfig } from '../config';
import { EXIT, println, type CliIo, type Command } from './io';

const BACKUP_USAGE = `Usage: helder backup --output FILE [--force]

Writes a consistent copy of the SQLite database (DATABASE_URL) to FILE, safe while the server runs
and writes: every write acknowledged before the backup began is in it. The copy is checked with
SQLite's integrity_check and appears under FILE only when complete. An existing FILE is replaced
only with --force. The database is not migrated: back up before an upgrade.

On PostgreSQL, use pg_dump or point-in-time recovery instead (the command says how).
Exit code 0 when the backup is written, 1 when it was refused, 2 on wrong usage or a missing database.`;

const RESTORE_USAGE = `Usage: helder restore FILE [--force]

Replaces the SQLite database (DATABASE_URL) with a backup made by helder backup. The backup is
copied beside the database and checked first (integrity_check, a schema this version can run,
every audit chain intact); only then is the database replaced, in one rename. Stop Helder first:
a database in use is refused. A database that holds data is replaced only with --force, and kept
as FILE.before-restore-<time>. The next start migrates an older backup to this version's schema.

On PostgreSQL, use pg_restore or point-in-time recovery instead.
Exit code 0 when restored, 1 when refused (the database is then unchanged), 2 on wrong usage or a
missing file.`;

/** Refusals about missing or unusable input are usage errors (2); the rest are problems found (1). */
const report = (io: CliIo, command: string, error: unknown): number => {
  if (error instanceof ConfigError) {
    println(io.stderr, error.message);
    return EXIT.usage;
  }
  if (!isAppError(error)) throw error;
  println(io.stderr, `helder ${command}: ${error.message}`);
  return error.code === 'not_found' || error.code === 'validation_failed' ? EXIT.usage : EXIT.problem;
};

const parse = (io: CliIo, command: string, usage: string, args: string[], options: { output?: boolean }) => {
  try {
    return parseArgs({
      args,
      options: { force: { type: 'boolean' }, ...(options.output ? { output: { type: 'string', short: 'o' } } : {}) },
      allowPositionals: !options.output,
      strict: true,
    });
  } catch (error) {
    println(io.stderr, `helder ${command}: ${(error as Error).message}`);
    println(io.stderr, usage);
    return undefined;
  }
};

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a consistent copy of the SQLite database, safe while the server runs',
  usage: BACKUP_USAGE,
  run: async (args, io) => {
    const parsed = parse(io, 'backup', BACKUP_USAGE, args, { output: true });
    const output = parsed?.values.output;
    if (typeof output !== 'string' || output === '') {
      if (parsed) println(io.stderr, 'helder backup: --output FILE is required');
      return EXIT.usage;
    }
    try {
      const databaseUrl = loadConfig(io.env).databaseUrl;
      // Said before the copy starts: what was acknowledged before this line is in the backup.
      println(io.stdout, `Backing up to ${output} …`);
      const result = backupDatabase(databaseUrl, output, { force: parsed?.values.force === true });
      println(io.stdout, `Backup written to ${result.file} (${megabytes(result.bytes)}, integrity ok).`);
      return EXIT.ok;
    } catch (error) {
      return report(io, 'backup', error);
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the SQLite database with a checked backup (stop the server first)',
  usage: RESTORE_USAGE,
  run: async (args, io) => {
    const parsed = parse(io, 'restore', RESTORE_USAGE, args, {});
    if (!parsed || parsed.positionals.length !== 1) {
      if (parsed) println(io.stderr, 'helder restore: name one backup FILE');
      return EXIT.usage;
    }
    try {
      const result = await restoreDatabase(loadConfig(io.env).databaseUrl, parsed.positionals[0]!, { force: parsed.values.force === true, now: systemClock.now() });
      println(io.stdout, `Restored ${result.target}: integrity ok, ${result.organizations} audit chain(s) with ${result.events} events intact.`);
      if (result.previous) println(io.stdout, `The database it replaced is kept as ${result.previous}.`);
      return EXIT.ok;
    } catch (error) {
      return report(io, 'restore', error);
    }
  },
};
