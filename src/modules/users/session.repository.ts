import type { Database, Db } from '../../storage';
import type { Session, SessionStage } from './session';
import type { UserId } from './user';

const rowToSession = (r: Database['sessions']): Session => ({
  id: r.id,
  userId: r.user_id as UserId,
  stage: r.stage as SessionStage,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
});

export const insertSession = (db: Db, s: Session) =>
  db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, stage: s.stage, created_at: s.createdAt, last_seen_at: s.lastSeenAt, expires_at: s.expiresAt })
    .execute();

export const selectSession = async (db: Db, id: string): Promise<Session | undefined> => {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToSession(row);
};

export const touchSession = (db: Db, id: string, at: string) => db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();

export const deleteSession = (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteSessionsOfUser = (db: Db, userId: string) => db.deleteFrom('sessions').where('user_id', '=', userId).execute();

/** Removes sessions past their absolute end or idle since `idleSince`: housekeeping on each login. */
export const deleteStaleSessions = (db: Db, now: string, idleSince: string) =>
  db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute();
