import type { Database, Db } from '../../storage';
import type { ApiToken, TokenScope } from './token';

const rowToToken = (r: Database['api_tokens']): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  organizationId: r.organization_id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes.split(' ').filter(Boolean) as TokenScope[],
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export const insertToken = (db: Db, t: ApiToken, tokenHash: string) =>
  db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      user_id: t.userId,
      organization_id: t.organizationId,
      name: t.name,
      token_hash: tokenHash,
      prefix: t.prefix,
      scopes: t.scopes.join(' '),
      created_at: t.createdAt,
      last_used_at: t.lastUsedAt,
      expires_at: t.expiresAt,
      revoked_at: t.revokedAt,
    })
    .execute();

export const selectToken = async (db: Db, by: { id: string } | { hash: string }): Promise<ApiToken | undefined> => {
  const q = db.selectFrom('api_tokens').selectAll();
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('token_hash', '=', by.hash)).executeTakeFirst();
  return row && rowToToken(row);
};

export const selectTokensOf = async (db: Db, userId: string): Promise<ApiToken[]> =>
  (await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute()).map(rowToToken);

export const updateTokenRow = (db: Db, id: string, set: Partial<Pick<Database['api_tokens'], 'last_used_at' | 'revoked_at'>>) =>
  db.updateTable('api_tokens').set(set).where('id', '=', id).execute();
