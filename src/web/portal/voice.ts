import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core';
import { findChangeBySlug, type Change } from '../../modules/changes';
import { findOrganization, type Organization } from '../../modules/organizations';
import { hashClientAddress, rejectionReasonOf, type ClientHash, type RejectionReason, type VoiceDeps } from '../../modules/polls';
import type { WebContext } from '../context';
import { isSameOrigin } from '../http/csrf';
import { isSlug } from './query';

/**
 * What the citizen-voice pages of the portal share: the deps with the server secret, the hashed
 * client address, the same-origin rule for anonymous forms, and finding a published change by its
 * slugs. The portal may not import the API (dependency-cruiser), so this mirrors, in a few lines,
 * what `web/api/polls.routes.ts` does for JSON clients.
 */

/**
 * The deps of citizen-voice use cases: the context's deps plus the server secret. Without
 * `ctx.secret` a random per-process secret keeps the forms working on one server until it restarts
 * (the API logs the same warning).
 */
export const voiceDepsOf = (app: FastifyInstance, ctx: WebContext): VoiceDeps => {
  if (!ctx.secret) app.log.warn('HELDER_SECRET is not set: the portal\'s poll and reaction forms use a random per-process secret and fail after a restart or on another server');
  return { ...ctx.deps, secret: ctx.secret ?? fallbackSecret };
};
const fallbackSecret = randomBytes(32).toString('base64url');

/** Hashes the client address at the edge (salted, rotated daily); the raw address goes no further. */
export const clientOf = (deps: VoiceDeps, request: FastifyRequest): Promise<ClientHash> => hashClientAddress(deps, request.ip);

/**
 * Anonymous public forms carry no cookie, so there is no CSRF cookie to pair a token with. What
 * protects them: the signed form token (issued by our server, checked for age and, for the poll,
 * used once), this same-origin rule, and the rate limits. A browser always sends `Origin` on a
 * cross-site POST (Fetch standard, "serializing a request origin"), so a form on another site that
 * posts here is refused; a request without `Origin` and `Referer` is not a browser acting for
 * someone else (curl, privacy tools) and still needs a valid token. `Origin: null` (sandboxed
 * frames, some redirects) is refused.
 */
export const fromOurSite = (request: FastifyRequest, baseUrl: string): boolean => isSameOrigin(request, baseUrl);

/** A published change by organization slug and change slug; drafts and unknown slugs are undefined alike. */
export const findPublishedChange = async (deps: VoiceDeps, orgSlug: string, changeSlug: string): Promise<{ organization: Organization; change: Change } | undefined> => {
  if (!isSlug(orgSlug) || !isSlug(changeSlug)) return undefined;
  const organization = await findOrganization(deps, orgSlug);
  if (!organization || organization.slug !== orgSlug) return undefined;
  const change = await findChangeBySlug(deps, organization.id, changeSlug);
  return change?.publishedAt ? { organization, change } : undefined;
};

/** A form field as one string (a form body gives an array for a repeated name: the first counts). */
export const field = (body: unknown, name: string): string | undefined => {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
};

/** The form fields a use case reads, as single strings (never arrays, never other keys). */
export const fieldsOf = (body: unknown, names: readonly string[]): Record<string, string | undefined> => Object.fromEntries(names.map((n) => [n, field(body, n)]));

/** How a refused citizen write is shown: which reason, and which fields were wrong. */
export interface Refusal {
  code: AppError['code'];
  reason: RejectionReason | undefined;
  fields: string[];
}

/** Reads a refusal of a citizen-voice use case; anything else is rethrown (500 page). */
export const refusalOf = (error: unknown): Refusal => {
  if (!(error instanceof AppError) || !['validation_failed', 'conflict', 'rate_limited', 'not_found'].includes(error.code)) throw error;
  return { code: error.code, reason: rejectionReasonOf(error), fields: [...new Set(error.issues.map((i) => i.path.split('.')[0] ?? ''))] };
};

/** The reasons a fresh form token fixes: the one sent was missing, not ours, or too old. */
export const TOKEN_REASONS: readonly (RejectionReason | undefined)[] = ['form_missing', 'form_invalid', 'form_expired'];

/** Retry-After for a refused write (RFC 9110 10.2.3): the shortest throttle window that can refuse it. */
export const RETRY_AFTER_SECONDS = 600;
