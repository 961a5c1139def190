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

/** The counts of these throttle rows (key and window start); rows not yet written are absent. */
export const throttleCounts = async (db: Db, rows: { key: string; windowStart: string }[]): Promise<Map<string, number>> => {
  const found = new Map<string, number>();
  if (rows.length === 0) return found;
  const wanted = new Set(rows.map((r) => `${r.key}\n${r.windowStart}`));
  const result = await db
    .selectFrom('voice_throttle')
    .select(['key', 'window_start', 'count'])
    .where('key', 'in', [...new Set(rows.map((r) => r.key))])
    .execute();
  for (const r of result) if (wanted.has(`${r.key}\n${r.window_start}`)) found.set(`${r.key}\n${r.window_start}`, Number(r.count));
  return found;
};

/** Adds `count` to each throttle row in one statement (rows distinct by key and window start). */
export const addToThrottles = async (db: Db, rows: { key: string; windowStart: string; count: number }[]): Promise<void> => {
  if (rows.length === 0) return;
  await db
    .insertInto('voice_throttle')
    .values(rows.map((r) => ({ key: r.key, window_start: r.windowStart, count: r.count })))
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('voice_throttle.count', '+', eb.ref('excluded.count')) })))
    .execute();
};

/** Deletes throttle windows that started before `windowsBefore` and used tokens older than `tokensBefore`. */
export const pruneGuardState = async (db: Db, windowsBefore: string, tokensBefore: string): Promise<{ windows: number; tokens: number }> => {
  const windows = await db.deleteFrom('voice_throttle').where('window_start', '<', windowsBefore).executeTakeFirst();
  const tokens = await db.deleteFrom('poll_tokens_used').where('used_at', '<', tokensBefore).executeTakeFirst();
  return { windows: Number(windows.numDeletedRows), tokens: Number(tokens.numDeletedRows) };
};
