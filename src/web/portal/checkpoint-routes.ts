import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../core';
import { latestCheckpoint } from '../../modules/exports';
import { findOrganization } from '../../modules/organizations';
import type { WebContext } from '../context';
import { renderCheckpointPage } from './checkpoint-page';
import { renderErrorPage } from './pages/errors';
import { isSlug, langQuery, parseQuery } from './query';
import { send, type PageServer, type Rendered } from './respond';
import { viewOf, type Site } from './site';

/**
 * `/{org}/controlepunt`: the published checkpoint of the audit chain (issue 5) as a page for
 * everyone; the same data as `GET /api/v1/organizations/{slug}/checkpoint`. Cached per
 * organization like every portal page: the cache version is the audit head, so the page moves on
 * with every event. No cookie, no form.
 */
export const checkpointRoutes = (app: FastifyInstance, ctx: WebContext, site: Site, pages: PageServer): void => {
  app.get<{ Params: { org: string } }>('/:org/controlepunt', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    if (!q.ok) return send(request, reply, { status: 400, body: renderErrorPage({ view: viewOf(site, q.lang), status: 400, problems: q.problems }) });
    const { lang } = q.value;
    const slug = request.params.org;
    const organization = isSlug(slug) ? await findOrganization(ctx.deps, slug) : undefined;
    if (!organization || organization.slug !== slug) return send(request, reply, { status: 404, body: renderErrorPage({ view: viewOf(site, lang), status: 404 }) });
    return pages.serve(request, reply, `checkpoint|${lang}|${slug}`, organization.id, async (): Promise<Rendered> => {
      try {
        return { status: 200, body: renderCheckpointPage(viewOf(site, lang), organization, await latestCheckpoint(ctx.deps, organization.id)) };
      } catch (error) {
        if (!isAppError(error) || error.code !== 'not_found') throw error;
        return { status: 404, body: renderErrorPage({ view: viewOf(site, lang), status: 404 }) };
      }
    });
  });
};
