import { AppError, newId, notFound, parseInput, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { hashToken, newToken } from './session';
import { isUsable, scopesAllowed, TOKEN_PREFIX, type ApiToken, type TokenScope } from './token';
import { insertToken, selectToken, selectTokensOf, updateTokenRow } from './token.repository';
import { actorOfUser, userIdOf } from './user';
import { canManageUsers, rolesIn } from './user.policy';
import { selectMemberships, selectUserRecord, toUser } from './user.repository';
import { createTokenSchema, type CreateTokenInput } from './user.schema';

const DAY = 86_400_000;
/** `last_used_at` is bookkeeping, not a log: written at most once an hour per token. */
const TOUCH_MS = 60 * 60_000;

const ownerOf = (actor: Actor) => {
  const id = userIdOf(actor);
  if (!id) throw new AppError('unauthorized', 'only a logged-in user has API tokens');
  return id;
};

/**
 * Creates a personal API token for one organization with some scopes, each of which the actor's
 * roles there must allow. The token itself is returned once and stored only as its SHA-256.
 * Throws `unauthorized`, `not_found` (no role in the organization: it does not leak that it exists),
 * `validation_failed` (a scope the roles do not allow).
 */
export const createApiToken = async (deps: Deps, actor: Actor, input: CreateTokenInput): Promise<{ token: string; apiToken: ApiToken }> => {
  const userId = ownerOf(actor);
  const data = parseInput(createTokenSchema, input);
  const roles = rolesIn(actor, data.organizationId);
  if (roles.length === 0) throw notFound('organization', data.organizationId);
  const allowed = scopesAllowed(roles);
  const refused = data.scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0) {
    throw new AppError('validation_failed', 'scope not allowed for your roles', { issues: [{ path: 'scopes', message: `uw rollen geven geen recht op: ${refused.join(', ')}` }] });
  }
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const now = deps.clock.now();
  const apiToken: ApiToken = {
    id: newId(),
    userId,
    organizationId: data.organizationId,
    name: data.name,
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    scopes: [...new Set(data.scopes)],
    createdAt: now.toISOString(),
    lastUsedAt: null,
    expiresAt: new Date(now.getTime() + data.expiresInDays * DAY).toISOString(),
    revokedAt: null,
  };
  await inTransaction(deps.db, async (db) => {
    await insertToken(db, apiToken, hashToken(token));
    await recordAudit(db, deps, actor, {
      organizationId: apiToken.organizationId,
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: apiToken.id,
      data: { name: apiToken.name, prefix: apiToken.prefix, scopes: apiToken.scopes, expiresAt: apiToken.expiresAt, userId },
    });
  });
  return { token, apiToken };
};

/**
 * Revokes a token at once. Its owner may, and so may an admin of its organization (to stop a leaked
 * token without the owner). Revoking twice is harmless. Throws `not_found` for anyone else.
 */
export const revokeApiToken = async (deps: Deps, actor: Actor, tokenId: string): Promise<void> => {
  await inTransaction(deps.db, async (db) => {
    const token = await selectToken(db, { id: tokenId });
    const own = token && token.userId === userIdOf(actor);
    if (!token || !(own || canManageUsers(actor, token.organizationId))) throw notFound('api_token', tokenId);
    if (token.revokedAt) return;
    await updateTokenRow(db, token.id, { revoked_at: deps.clock.now().toISOString() });
    await recordAudit(db, deps, actor, { organizationId: token.organizationId, action: 'api_token.revoked', entityType: 'api_token', entityId: token.id, data: { prefix: token.prefix } });
  });
};

/** The actor's own tokens, newest first (never the secret: it was shown once). */
export const listApiTokens = (deps: Pick<Deps, 'db'>, actor: Actor): Promise<ApiToken[]> => selectTokensOf(deps.db, ownerOf(actor));

/** What a presented token resolves to: the acting user (roles in the token's organization only) and the scopes in force. */
export interface TokenContext {
  actor: Actor;
  token: ApiToken;
  organizationId: string;
  /** The token's scopes that the owner's current roles still allow. */
  scopes: TokenScope[];
}

/**
 * Resolves a bearer token; `undefined` when unknown, revoked, expired, or its owner is disabled or
 * holds no role in the organization any more. The actor carries only the roles of the token's
 * organization, so a token for A can never act in B.
 */
export const resolveApiToken = async (deps: Deps, presented: string): Promise<TokenContext | undefined> => {
  if (!presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return undefined;
  const token = await selectToken(deps.db, { hash: hashToken(presented) });
  const now = deps.clock.now();
  if (!token || !isUsable(token, now)) return undefined;
  const record = await selectUserRecord(deps.db, { id: token.userId });
  if (!record || record.disabled) return undefined;
  const memberships = (await selectMemberships(deps.db, { userId: record.id })).filter((m) => m.organizationId === token.organizationId);
  if (memberships.length === 0) return undefined;
  const allowed = scopesAllowed(memberships.map((m) => m.role));
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() >= TOUCH_MS) {
    await updateTokenRow(deps.db, token.id, { last_used_at: now.toISOString() });
  }
  const user = toUser(record);
  const actor = { ...actorOfUser(user, memberships), label: `${user.name} (API-sleutel ${token.prefix}…)` };
  return { actor, token, organizationId: token.organizationId, scopes: token.scopes.filter((s) => allowed.includes(s)) };
};
