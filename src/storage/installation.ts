import { randomBytes } from 'node:crypto';
import type { Db } from './database';

/**
 * The installation's server secret: generated once, on the first start, and kept in the database so
 * every app server on that database shares it without configuration. Insert-if-absent then read, so
 * two servers starting at once agree on one value. (HELDER_SECRET overrides it; see app/config.)
 */
export const installationSecret = async (db: Db, now: Date): Promise<string> => {
  await db
    .insertInto('installation_settings')
    .values({ key: 'secret', value: randomBytes(32).toString('base64url'), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('installation_settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
  return row.value;
};

/** The installation secret when it has been made, without making it (for reading what it sealed). */
export const findInstallationSecret = async (db: Db): Promise<string | undefined> =>
  (await db.selectFrom('installation_settings').select('value').where('key', '=', 'secret').executeTakeFirst())?.value;
