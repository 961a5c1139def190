import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../core';
import { registerApi } from './api';
import type { WebContext } from './context';
import { registerEditor } from './editor';
import { loggedAtSource, problemOf, sendProblem, toProblem } from './errors';
import { registerInputLimits } from './http/body';
import { registerSecurityHeaders } from './http/security';
import { validatorCompiler } from './http/validation';
import { portalProblemPage, registerPortal } from './portal';

export interface ServerOptions {
  logger?: boolean | { level: string };
  /**
   * Behind a reverse proxy: which proxies to believe about the client address (fastify `trustProxy`:
   * `true`, or addresses/CIDRs). Without it every visitor is the proxy, and rate limits and login
   * throttles count them all as one client.
   */
  trustProxy?: boolean | string;
}

/**
 * Builds the whole HTTP application without listening: `app/main.ts` listens, tests use `inject()`
 * (fastify docs/Guides/Testing.md).
 */
export const buildServer = async (ctx: WebContext, options: ServerOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger ?? false,
    // Ids and slugs are short; a long URL is a probe, not a user.
    routerOptions: { maxParamLength: 200 },
    // One log line per request drowns the errors; `LOG_LEVEL=debug` brings them back.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(typeof options.logger === 'object' ? options.logger.level : ''),
    }),
    bodyLimit: 1_048_576,
    // Our own 503 while closing (below): a problem document or the outage page, not Fastify's JSON.
    return503OnClosing: false,
    trustProxy: options.trustProxy ?? false,
    // A URL Fastify cannot route (bad percent-encoding: 400; a parameter over maxParamLength: 414)
    // is answered as a problem document like every other refusal, not Fastify's own JSON.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toProblem(error)),
  });
  registerInputLimits(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerSecurityHeaders(app, { hsts: ctx.hsts });

  // Requests that still arrive on open connections while the server closes (SIGTERM) are refused
  // with the same 503 as a database outage, and their connection is not kept alive.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('unavailable', 'Helder is shutting down. Try again in a moment.', { details: { fault: 'shutdown' } });
  });

  const problemPage = portalProblemPage(ctx);
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500 && !loggedAtSource(problem)) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem, problemPage);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, problemOf('not_found', { nl: 'Deze pagina bestaat niet.', en: 'This page does not exist.' }), problemPage));

  // For load balancers and monitoring: 200 only when the database answers and takes writes.
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const health = await ctx.health().catch(() => ({ ok: false, database: 'unreachable', status: 'unavailable' as const, fault: undefined }));
    const status = health.status ?? (health.ok ? 'ok' : 'unavailable');
    return reply
      .status(health.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status, database: health.database, ...(health.fault ? { fault: health.fault } : {}) });
  });

  await registerApi(app, ctx);
  await registerPortal(app, ctx);
  await registerEditor(app, ctx);
  return app;
};
