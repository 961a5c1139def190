import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebContext } from '../context';
import type { Problem } from '../errors';
import { registerFormBodies } from '../http/body';
import { checkpointRoutes } from './checkpoint-routes';
import type { Lang } from './i18n';
import { metaRoutes } from './meta-routes';
import { renderErrorPage } from './pages/errors';
import { HTML, PageServer } from './respond';
import { pageRoutes } from './routes';
import { siteOf, viewOf } from './site';
import { voiceRoutes } from './voice-routes';

/**
 * Het portaal / The public portal: every published change explained to citizens, server-rendered
 * HTML without JavaScript, cookies or third-party requests (docs/portal.md).
 *
 * Registers the portal's routes in their own encapsulated context, with a per-client rate limit
 * and load shedding (503 + Retry-After when the event loop lags) that apply to portal pages only.
 */
export const registerPortal = async (app: FastifyInstance, ctx: WebContext): Promise<PageServer> => {
  const site = siteOf(ctx);
  const pages = new PageServer(ctx, site.settings.cacheEntries, site.settings.cacheBytes);
  const busy = renderErrorPage({ view: viewOf(site, 'nl'), status: 503 });
  await app.register(async (portal) => {
    const shedding = site.settings.loadShedding ?? { maxEventLoopDelayMs: 50, retryAfterSeconds: 10 };
    if (shedding) {
      // Shed early and cheaply: the 503 page is rendered once, at start. The delay is the mean over
      // a 500 ms window, so one slow render does not shed, a sustained backlog does (and a window
      // with no sample at all — the loop blocked throughout — counts as overload).
      await portal.register(underPressure, {
        maxEventLoopDelay: shedding.maxEventLoopDelayMs,
        sampleInterval: 500,
        retryAfter: shedding.retryAfterSeconds,
        pressureHandler: (_request, reply) => {
          void reply.code(503).header('retry-after', String(shedding.retryAfterSeconds)).header('content-type', HTML).header('cache-control', 'no-store').send(busy);
        },
      });
    }
    const limit = site.settings.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
    if (limit) {
      await portal.register(rateLimit, { max: limit.max, timeWindow: limit.timeWindowMs, allowList: limit.allowList ?? [], cache: 10_000 });
    }
    // Form bodies for the citizen's poll and reaction forms only: the portal sets and reads no cookie.
    registerFormBodies(portal, 65_536);
    pageRoutes(portal, ctx, site, pages);
    voiceRoutes(portal, ctx, site);
    metaRoutes(portal, ctx, site, pages);
    checkpointRoutes(portal, ctx, site, pages);
  });
  return pages;
};

/**
 * The HTML renderer for `sendProblem` (web/errors.ts) in the application's error and not-found
 * handlers: a browser that asks for a page that does not exist gets a Dutch page that helps
 * (English with `?lang=en`); API clients keep their JSON problem documents.
 */
export const portalProblemPage = (ctx: WebContext) => {
  const site = siteOf(ctx);
  return (problem: Problem, request: FastifyRequest): string => {
    const lang: Lang = (request.query as Record<string, unknown> | undefined)?.lang === 'en' ? 'en' : 'nl';
    const status = problem.status === 404 ? 404 : problem.status === 429 || problem.status === 503 ? 503 : problem.status < 500 ? 400 : 500;
    return renderErrorPage({ view: viewOf(site, lang), status, unavailable: problem.code === 'unavailable', problems: status === 400 ? problem.issues.map((i) => i.path) : undefined });
  };
};
