import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';

/**
 * The session cookie of the editor. It holds a random token; the session itself is a database row
 * (users module), so any app server can serve any request and logout ends it everywhere.
 *
 * - `HttpOnly`: no script can read it (XSS cannot steal the session).
 * - `Secure`: never sent over plain HTTP (browsers treat http://localhost as secure for development).
 * - `SameSite=Lax`: not sent on cross-site POSTs; still sent when someone follows a link into the
 *   editor from an e-mail. CSRF tokens and the Origin check guard the POSTs as well (csrf.ts).
 * - `Path=/editor`: the public portal and the API never receive it, and set no cookie themselves.
 * - no `Max-Age`: it ends with the browser; the server enforces the idle and absolute timeouts.
 */
export const SESSION_COOKIE = 'helder_session';
export const EDITOR_PATH = '/editor';

export const sessionCookieOptions: CookieSerializeOptions = { path: EDITOR_PATH, httpOnly: true, secure: true, sameSite: 'lax' };

export const sessionTokenOf = (request: FastifyRequest): string | undefined => {
  const value = request.cookies[SESSION_COOKIE];
  // A token is 43 base64url characters; anything else is not worth a query.
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
};

export const setSessionCookie = (reply: FastifyReply, token: string): FastifyReply => reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions);

export const clearSessionCookie = (reply: FastifyReply): FastifyReply => reply.clearCookie(SESSION_COOKIE, sessionCookieOptions);
