import type { Database, Db } from '../../storage';
import type { OrganizationId } from '../organizations';
import type { Membership, Role, User, UserId } from './user';

/** A user with the secrets the login use cases need; never leaves the module. */
export interface UserRecord extends User {
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

export const rowToUserRecord = (r: Database['users']): UserRecord => ({
  id: r.id as UserId,
  email: r.email,
  name: r.name,
  totpEnabled: r.totp_confirmed_at !== null,
  totpPending: r.totp_secret !== null && r.totp_confirmed_at === null,
  disabled: Number(r.disabled) === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  passwordHash: r.password_hash,
  totpSecret: r.totp_secret,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
});

/** The public shape: no hash, no secret. */
export const toUser = ({ passwordHash: _p, totpSecret: _s, totpLastStep: _l, ...user }: UserRecord): User => user;

const rowToMembership = (r: Database['memberships']): Membership => ({
  id: r.id,
  userId: r.user_id as UserId,
  organizationId: r.organization_id as OrganizationId,
  role: r.role as Role,
  createdAt: r.created_at,
});

export const insertUser = (db: Db, row: Database['users']) => db.insertInto('users').values(row).execute();

export const selectUserRecord = async (db: Db, by: { id: string } | { email: string }): Promise<UserRecord | undefined> => {
  const q = db.selectFrom('users').selectAll();
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('email', '=', by.email)).executeTakeFirst();
  return row && rowToUserRecord(row);
};

export const selectUsers = async (db: Db): Promise<User[]> =>
  (await db.selectFrom('users').selectAll().orderBy('email').execute()).map((r) => toUser(rowToUserRecord(r)));

/** Every stored TOTP secret (sealed or, from before encryption at rest, plain), by user id. */
export const selectTotpSecrets = async (db: Db): Promise<{ id: string; secret: string }[]> =>
  (await db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).orderBy('id').execute()).map((r) => ({ id: r.id, secret: r.totp_secret! }));

export const updateUserRow = (db: Db, id: string, set: Partial<Omit<Database['users'], 'id'>>) => db.updateTable('users').set(set).where('id', '=', id).execute();

export const insertMembership = (db: Db, m: Membership) =>
  db.insertInto('memberships').values({ id: m.id, user_id: m.userId, organization_id: m.organizationId, role: m.role, created_at: m.createdAt }).execute();

export const deleteMembership = (db: Db, userId: string, organizationId: string, role: Role) =>
  db.deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', organizationId).where('role', '=', role).executeTakeFirst();

export const selectMemberships = async (db: Db, scope: { userId: string } | { organizationId: string }): Promise<Membership[]> => {
  const q = db.selectFrom('memberships').selectAll();
  const rows = await ('userId' in scope ? q.where('user_id', '=', scope.userId) : q.where('organization_id', '=', scope.organizationId))
    .orderBy('organization_id')
    .orderBy('role')
    .execute();
  return rows.map(rowToMembership);
};

/** The members of one organization with their user, one query. */
export const selectMembersOf = async (db: Db, organizationId: string): Promise<{ user: User; role: Role }[]> => {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('users')
    .select('memberships.role as role')
    .where('memberships.organization_id', '=', organizationId)
    .orderBy('users.email')
    .orderBy('memberships.role')
    .execute();
  return rows.map(({ role, ...user }) => ({ user: toUser(rowToUserRecord(user)), role: role as Role }));
};

/**
 * Records a used TOTP step only if it is newer than the last one, in one statement: of two requests
 * racing with the same code, exactly one wins (RFC 6238 section 5.2, no replay). Returns whether it won.
 */
export const claimTotpStep = async (db: Db, id: string, step: number, set: Partial<Omit<Database['users'], 'id'>> = {}): Promise<boolean> => {
  const result = await db
    .updateTable('users')
    .set({ ...set, totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};
