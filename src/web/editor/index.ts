import cookie from '@fastify/cookie';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DEFAULT_SESSION_SETTINGS } from '../../modules/users';
import type { WebContext } from '../context';
import { ERROR_TABLE, loggedAtSource, problemOf, setProblemHeaders, toProblem } from '../errors';
import { registerFormBodies } from '../http/body';
import { sessionHook } from '../http/auth';
import { isCsrfError, registerCsrf } from '../http/csrf';
import { EDITOR_PATH } from '../http/session';
import { editorAssets } from './assets';
import { auditRoutes } from './routes/audit.routes';
import { decisionImportRoutes } from './routes/decision-imports.routes';
import { expectationRoutes } from './routes/expectations.routes';
import { importRoutes } from './routes/measurement-imports.routes';
import { moderationRoutes } from './routes/moderation.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { sendPage } from './render';
import { accountRoutes } from './routes/account.routes';
import { changeRoutes } from './routes/changes.routes';
import { goalRoutes } from './routes/goals.routes';
import { measureRoutes } from './routes/measures.routes';
import { decisionRoutes } from './routes/decisions.routes';
import { impactRoutes } from './routes/impacts.routes';
import { publicationRoutes } from './routes/publication.routes';
import { loginRoutes } from './routes/login.routes';
import { organizationRoutes } from './routes/organization.routes';
import { ErrorPage } from './views/home';

/** What each error code means to a civil servant, in Dutch (the codes come from web/errors.ts). */
const DETAILS: Partial<Record<string, string>> = {
  not_found: 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
  forbidden: 'Uw rol in deze organisatie geeft geen toegang tot deze pagina of actie.',
  unauthorized: 'Uw sessie is verlopen of u bent niet ingelogd. Log opnieuw in.',
  conflict: 'Dit is al gebeurd of botst met bestaande gegevens.',
  edit_conflict: 'Iemand anders heeft dit opgeslagen nadat u de pagina opende. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
  rate_limited: 'Te veel pogingen. Probeer het later opnieuw.',
  unavailable: 'De editor is tijdelijk niet beschikbaar door een storing. Verstuurde u een formulier, dan is het niet opgeslagen: ga terug en probeer het over een paar minuten opnieuw.',
};

/**
 * The editor at /editor: the workspace of civil servants, server-rendered, working without
 * JavaScript. Cookies, form parsing, CSRF and sessions are registered inside this encapsulated
 * plugin, so the public portal and the API never set or read a cookie.
 */
export const registerEditor = async (app: FastifyInstance, ctx: WebContext): Promise<void> => {
  const settings = { ...DEFAULT_SESSION_SETTINGS, ...ctx.editor?.session };
  await app.register(
    async (editor) => {
      await editor.register(cookie);
      registerFormBodies(editor, 65_536);
      await registerCsrf(editor, { baseUrl: ctx.baseUrl });
      const resolveSession = sessionHook(ctx.deps, settings);
      // Stylesheets need no session: no database query for them.
      editor.addHook('onRequest', async (request) => (request.url.startsWith(`${EDITOR_PATH}/assets/`) ? undefined : resolveSession(request)));
      editor.addHook('onSend', async (request, reply) => {
        if (!request.url.startsWith(`${EDITOR_PATH}/assets/`)) reply.header('Cache-Control', 'no-store');
      });

      editor.setErrorHandler((error: FastifyError, request, reply) => {
        const problem = isCsrfError(error) ? problemOf('forbidden', 'CSRF') : toProblem(error);
        if (problem.status >= 500 && !loggedAtSource(problem)) request.log.error({ err: error }, 'editor request failed');
        setProblemHeaders(reply, problem.code);
        const redirect = (error as { details?: { redirect?: unknown } }).details?.redirect;
        if (problem.code === 'unauthorized' && request.method === 'GET' && typeof redirect === 'string') return reply.redirect(redirect, 303);
        const detail = isCsrfError(error) || problem.detail === 'request from another site'
          ? 'Dit formulier is verlopen of komt niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog eens.'
          : (DETAILS[problem.code] ?? ERROR_TABLE[problem.code].nl);
        return sendPage(request, reply, ctx.baseUrl, { title: ERROR_TABLE[problem.code].nl, status: problem.status }, () =>
          ErrorPage({ title: ERROR_TABLE[problem.code].nl, detail, loginLink: problem.code === 'unauthorized' }),
        );
      });

      editor.get('/assets/:name', async (request, reply) => {
        const asset = editorAssets().find((a) => a.name === (request.params as { name: string }).name);
        if (!asset) return reply.status(404).type('text/plain; charset=utf-8').send('Niet gevonden');
        return reply.header('Cache-Control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(asset.body);
      });
      await editor.register(loginRoutes(ctx, settings));
      await editor.register(accountRoutes(ctx, settings));
      await editor.register(organizationRoutes(ctx));
      await editor.register(auditRoutes(ctx));
      await editor.register(notificationRoutes(ctx));
      await editor.register(importRoutes(ctx));
      await editor.register(decisionImportRoutes(ctx));
      await editor.register(changeRoutes(ctx));
      await editor.register(goalRoutes(ctx));
      await editor.register(measureRoutes(ctx));
      await editor.register(decisionRoutes(ctx));
      await editor.register(impactRoutes(ctx));
      await editor.register(expectationRoutes(ctx));
      await editor.register(publicationRoutes(ctx));
      await editor.register(moderationRoutes(ctx));
    },
    { prefix: EDITOR_PATH },
  );
};
