import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../../core';
import { logIn, logOut, verifySecondFactor, type SessionSettings } from '../../../modules/users';
import type { WebContext } from '../../context';
import { renewCsrfSecret } from '../../http/csrf';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../http/session';
import { field, safeReturnPath, sendPage } from '../render';
import { editorUrls } from '../urls';
import { toFieldErrors } from '../views/form';
import { LoginPage, TotpPage } from '../views/login';

const BAD_CREDENTIALS = [{ field: 'email', message: 'Het e-mailadres of het wachtwoord klopt niet.' }];

/** Login (password, then TOTP when needed) and logout. Every step that raises privilege sets a new session id and a new CSRF secret. */
export const loginRoutes = (ctx: WebContext, settings: SessionSettings) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  app.get('/inloggen', async (request, reply) => {
    if (request.auth?.session.stage === 'active') return reply.redirect(editorUrls.home(), 303);
    const query = request.query as Record<string, unknown>;
    const notice = query.uitgelogd !== undefined ? 'U bent uitgelogd.' : undefined;
    return sendPage(request, reply, baseUrl, { title: 'Inloggen' }, (csrf) => LoginPage({ csrf, back: safeReturnPath(query.terug), notice }));
  });

  app.post('/inloggen', async (request, reply) => {
    const email = field(request.body, 'email');
    const back = safeReturnPath(field(request.body, 'terug'));
    try {
      const step = await logIn(deps, { email, password: field(request.body, 'password'), ip: request.ip, previousToken: sessionTokenOf(request) }, settings);
      setSessionCookie(reply, step.token);
      renewCsrfSecret(request, reply);
      const next = step.stage === 'totp' ? editorUrls.totp() : step.stage === 'enrol' ? editorUrls.account() : (back ?? editorUrls.home());
      return reply.redirect(next, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const page = (status: number, props: { errors?: typeof BAD_CREDENTIALS; lockedFor?: number }) =>
        sendPage(request, reply, baseUrl, { title: 'Inloggen', status, hasErrors: true }, (csrf) => LoginPage({ csrf, email, back, ...props }));
      if (error.code === 'validation_failed') return page(422, { errors: toFieldErrors(error.issues, 'email') });
      if (error.code === 'rate_limited') {
        const seconds = Number(error.details.retryAfterSeconds ?? 900);
        reply.header('Retry-After', String(seconds));
        return page(429, { lockedFor: seconds });
      }
      if (error.code === 'unauthorized') return page(401, { errors: BAD_CREDENTIALS });
      throw error;
    }
  });

  app.get('/inloggen/code', async (request, reply) => {
    if (request.auth?.session.stage !== 'totp') return reply.redirect(editorUrls.login(), 303);
    return sendPage(request, reply, baseUrl, { title: 'Code uit uw app' }, (csrf) => TotpPage({ csrf }));
  });

  app.post('/inloggen/code', async (request, reply) => {
    const token = sessionTokenOf(request);
    if (!token || request.auth?.session.stage !== 'totp') return reply.redirect(editorUrls.login(), 303);
    try {
      const step = await verifySecondFactor(deps, token, { code: field(request.body, 'code') }, settings);
      setSessionCookie(reply, step.token);
      renewCsrfSecret(request, reply);
      return reply.redirect(editorUrls.home(), 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'validation_failed') {
        return sendPage(request, reply, baseUrl, { title: 'Code uit uw app', status: 422, hasErrors: true }, (csrf) => TotpPage({ csrf, errors: toFieldErrors(error.issues, 'code') }));
      }
      if (error.code === 'rate_limited') {
        const seconds = Number(error.details.retryAfterSeconds ?? 900);
        clearSessionCookie(reply);
        request.auth = undefined;
        reply.header('Retry-After', String(seconds));
        return sendPage(request, reply, baseUrl, { title: 'Inloggen', status: 429, hasErrors: true }, (csrf) => LoginPage({ csrf, lockedFor: seconds }));
      }
      if (error.code === 'unauthorized') return reply.redirect(editorUrls.login(), 303);
      throw error;
    }
  });

  app.post('/uitloggen', async (request, reply) => {
    const token = sessionTokenOf(request);
    if (token) await logOut(deps, token);
    clearSessionCookie(reply);
    return reply.redirect(`${editorUrls.login()}?uitgelogd`, 303);
  });
};
