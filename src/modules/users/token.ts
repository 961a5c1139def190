import type { Role } from './user';
import { PERMISSIONS } from './user.policy';

/**
 * API token scopes: what a token may do for the write API, at most what its owner's roles allow in
 * the token's organization. A token never outlives the role behind it: scopes are intersected with
 * the owner's current roles on every request.
 */
export const TOKEN_SCOPES = ['read', 'chain:write', 'measurements:write', 'texts:write', 'publication:write', 'reactions:moderate', 'audit:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * Which roles may hold each scope: derived from the editor's permissions, so a token is never
 * stronger or weaker than the pages its owner may use.
 */
export const SCOPE_ROLES: Record<TokenScope, readonly Role[]> = {
  read: PERMISSIONS['organization.read'],
  'chain:write': PERMISSIONS['chain.edit'],
  'measurements:write': PERMISSIONS['chain.edit'],
  'texts:write': PERMISSIONS['texts.edit'],
  // Whoever may take any step of the workflow; which step is theirs the workflow itself decides,
  // with the same rules as the editor's publication page.
  'publication:write': [...new Set([...PERMISSIONS['changes.request_review'], ...PERMISSIONS['changes.publish'], ...PERMISSIONS['changes.send_back']])],
  'reactions:moderate': PERMISSIONS['reactions.moderate'],
  'audit:read': PERMISSIONS['audit.read'],
};

export const SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'Lezen, ook concepten',
  'chain:write': 'Veranderingen, doelen, maatregelen en besluiten schrijven',
  'measurements:write': 'Alleen metingen schrijven (voor databronnen)',
  'texts:write': 'Teksten voor inwoners en berichten schrijven',
  'publication:write': 'Publicatie: om controle vragen, publiceren, terugzetten (zoals uw rol toestaat)',
  'reactions:moderate': 'Reacties modereren',
  'audit:read': 'Auditlog lezen',
};

/** The scopes a set of roles allows. */
export const scopesAllowed = (roles: readonly Role[]): TokenScope[] => TOKEN_SCOPES.filter((s) => SCOPE_ROLES[s].some((r) => roles.includes(r)));

/** Recognisable prefix (secret scanners can look for it) plus 256 random bits. */
export const TOKEN_PREFIX = 'hld_';

export interface ApiToken {
  id: string;
  userId: string;
  organizationId: string;
  name: string;
  /** The first characters, to recognise a token in a list; never enough to use it. */
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export const isUsable = (token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): boolean =>
  token.revokedAt === null && (token.expiresAt === null || now.toISOString() < token.expiresAt);
