import type { Db } from '../../storage';
import type { ThrottleState } from './throttle';

export const selectThrottle = async (db: Db, key: string): Promise<ThrottleState | undefined> => {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { failures: Number(row.failures), windowStart: row.window_start, lockedUntil: row.locked_until };
};

/** Insert or replace; `ON CONFLICT … DO UPDATE` works on SQLite ≥ 3.24 and PostgreSQL alike. */
export const saveThrottle = (db: Db, key: string, s: ThrottleState) =>
  db
    .insertInto('login_throttle')
    .values({ key, failures: s.failures, window_start: s.windowStart, locked_until: s.lockedUntil })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: s.failures, window_start: s.windowStart, locked_until: s.lockedUntil }))
    .execute();

export const deleteThrottle = (db: Db, key: string) => db.deleteFrom('login_throttle').where('key', '=', key).execute();
