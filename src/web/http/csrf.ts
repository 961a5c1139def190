import { randomBytes } from 'node:crypto';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core';
import { EDITOR_PATH } from './session';

/**
 * CSRF protection for every state-changing request of a cookie-authenticated part of the site, in
 * two layers (OWASP CSRF Prevention Cheat Sheet):
 *
 * 1. The Origin header (or, when a browser leaves it out, the Referer) must be our own origin. A
 *    foreign or opaque (`null`) origin is refused before anything else runs.
 * 2. A synchronizer token: @fastify/csrf-protection keeps a secret in an HttpOnly, SameSite=Strict
 *    cookie and every form carries a token derived from it in `_csrf` (or the `x-csrf-token`
 *    header). It runs in `preHandler`, after the form body was parsed (STACK.md).
 *
 * GET, HEAD and OPTIONS are never checked, so they must never change state: the role × route matrix
 * test checks that no GET writes.
 */
export const CSRF_COOKIE = 'helder_csrf';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const cookieOpts = { path: EDITOR_PATH, httpOnly: true, secure: true, sameSite: 'strict' as const };

const originOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
};

/** Whether an unsafe request comes from one of our own origins (the configured base URL, or the Host it was sent to). */
export const isSameOrigin = (request: FastifyRequest, baseUrl: string): boolean => {
  const header = request.headers.origin;
  const claimed = header === 'null' ? 'null' : (originOf(header) ?? originOf(request.headers.referer));
  // Neither header: old clients and some privacy tools strip both; the token alone must then carry it.
  if (claimed === undefined) return true;
  const own = new Set([originOf(baseUrl), `${request.protocol}://${request.host}`]);
  return own.has(claimed);
};

/** Registers the token plugin and the guard on `app` (an encapsulated plugin: the public site is untouched). */
export const registerCsrf = async (app: FastifyInstance, options: { baseUrl: string }): Promise<void> => {
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts,
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined;
      const header = request.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    if (!isSameOrigin(request, options.baseUrl)) return done(new AppError('forbidden', 'request from another site'));
    app.csrfProtection(request, reply, done);
  });
};

/** A token for the forms of this response (sets the secret cookie on first use). */
export const csrfToken = (reply: FastifyReply): string => reply.generateCsrf();

/**
 * After login the secret is replaced (OWASP: renew the token when privilege changes), so a token
 * seen before login is worthless after it. The next page render derives tokens from the new secret.
 */
export const renewCsrfSecret = (request: FastifyRequest, reply: FastifyReply): void => {
  const secret = randomBytes(18).toString('base64url');
  reply.setCookie(CSRF_COOKIE, secret, cookieOpts);
  // Tokens generated later in this same response must use the new secret too.
  request.cookies[CSRF_COOKIE] = secret;
};

/** Errors of the token plugin are 403 with these codes; the editor maps them to `forbidden`. */
export const isCsrfError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'FST_CSRF_MISSING_SECRET' || code === 'FST_CSRF_INVALID_TOKEN';
};
