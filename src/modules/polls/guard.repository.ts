import type { Db } from '../../storage';

/** Today's salt: inserted when missing (the first process wins), then read; older days deleted. */
export const todaysSalt = async (db: Db, day: string, fresh: string): Promise<string> => {
  await db.insertInto('voice_salts').values({ day, salt: fresh }).onConflict((oc) => oc.column('day').doNothing()).execute();
  const row = await db.selectFrom('voice_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  await db.deleteFrom('voice_salts').where('day', '<', day).execute();
  return row.salt;
};

/**
 * Counts one more write in a throttle window and returns the new count: one atomic upsert on both
 * dialects (PostgreSQL locks the row until the transaction ends, so concurrent writes queue).
 */
export const bumpThrottle = async (db: Db, key: string, windowStart: string): Promise<number> => {
  const row = await db
    .insertInto('voice_throttle')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('voice_throttle.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

/** Deletes throttle windows that started before `windowsBefore` and used tokens older than `tokensBefore`. */
export const pruneGuardState = async (db: Db, windowsBefore: string, tokensBefore: string): Promise<{ windows: number; tokens: number }> => {
  const windows = await db.deleteFrom('voice_throttle').where('window_start', '<', windowsBefore).executeTakeFirst();
  const tokens = await db.deleteFrom('poll_tokens_used').where('used_at', '<', tokensBefore).executeTakeFirst();
  return { windows: Number(windows.numDeletedRows), tokens: Number(tokens.numDeletedRows) };
};
