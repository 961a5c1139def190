import { SqliteAdapter, sql } from 'kysely';
import type { Db } from './database';

/**
 * Dialect-specific write primitives for group commit (src/modules/polls/writer.ts): they live here
 * because storage is the only layer that knows which database runs.
 */

/** Whether `db` is SQLite outside a transaction: there, writes may be grouped into one commit. */
export const batchesWrites = (db: Db): boolean => !db.isTransaction && db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * Runs `fn` on one SQLite connection inside `BEGIN IMMEDIATE … COMMIT`: the write lock is taken
 * before the first read, so what the batch reads (used tokens, throttle counts) cannot change
 * before it writes, also when another process (the CLI, a second server) shares the file.
 * Returns after the COMMIT; on any error rolls back and throws.
 */
export const writeLocked = <T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> =>
  db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    let result: T;
    try {
      result = await fn(conn);
      await sql`commit`.execute(conn);
    } catch (error) {
      // After a failed COMMIT SQLite may have rolled back already; then this fails, harmlessly.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
    return result;
  });

/**
 * Makes a select that claims queued work skip rows another transaction holds: `FOR UPDATE SKIP
 * LOCKED` on PostgreSQL, so several app servers' workers each take different rows and never wait
 * on one another. SQLite has one writer at a time (and no such clause), so there it is unchanged.
 */
export const skippingLocked = <QB extends { forUpdate(): QB; skipLocked(): QB }>(db: Db, query: QB): QB =>
  db.getExecutor().adapter instanceof SqliteAdapter ? query : query.forUpdate().skipLocked();
