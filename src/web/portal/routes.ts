import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isoDate } from '../../core';
import { listOrganizations, type Organization } from '../../modules/organizations';
import type { WebContext } from '../context';
import { findOrganizationOfPath, loadChangePage, loadOrganizationPage } from './data';
import { changeFeed, organizationFeed } from './feeds';
import type { Lang } from './i18n';
import { renderChangePage } from './pages/change';
import { renderErrorPage } from './pages/errors';
import { renderHomePage } from './pages/home';
import { spliceLive } from './pages/live';
import { filterParams, renderOrganizationPage } from './pages/organization';
import { isSlug, langQuery, organizationQuery, parseQuery } from './query';
import { send, type PageServer, type Rendered } from './respond';
import { changePath, hrefIn, orgPath, viewOf, type Site } from './site';

const ATOM = 'application/atom+xml; charset=utf-8';

type OrgParams = { org: string };
type ChangeParams = { org: string; change: string };

/**
 * The citizen's pages. Every route: parse the URL (400 page naming the bad parameter) → find the
 * organization (404 page) → serve from the page cache, rendering on a miss.
 */
export const pageRoutes = (app: FastifyInstance, ctx: WebContext, site: Site, pages: PageServer): void => {
  const { deps } = ctx;
  const today = () => isoDate(deps.clock.now());

  /** Slug → id, so a cache hit needs no organization query. Slugs and ids of organizations never change. */
  const orgIds = new Map<string, string>();
  const findOrg = async (slug: string): Promise<Organization | undefined> => {
    const org = await findOrganizationOfPath(deps, slug);
    if (org) orgIds.set(slug, org.id);
    return org;
  };
  const orgIdOf = async (slug: string): Promise<string | undefined> => orgIds.get(slug) ?? (await findOrg(slug))?.id;

  const notFound = (reply: FastifyReply, request: FastifyRequest, lang: Lang, organization?: Organization, change = false) =>
    send(request, reply, { status: 404, body: renderErrorPage({ view: viewOf(site, lang), status: 404, organization, change }) });
  const badRequest = (reply: FastifyReply, request: FastifyRequest, lang: Lang, problems: string[], organization?: Organization) =>
    send(request, reply, { status: 400, body: renderErrorPage({ view: viewOf(site, lang), status: 400, problems, organization }) });

  app.get('/', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    if (!q.ok) return badRequest(reply, request, q.lang, q.problems);
    const organizations = await listOrganizations(deps);
    if (organizations.length === 1) return reply.redirect(hrefIn(q.value.lang, orgPath(organizations[0]!.slug)), 302);
    return pages.serve(request, reply, `home|${q.value.lang}`, 'all', async () => ({ status: 200, body: renderHomePage(viewOf(site, q.value.lang), organizations) }));
  });

  app.get<{ Params: OrgParams }>('/:org', async (request, reply) => {
    const q = parseQuery(organizationQuery, request.query);
    if (!q.ok) return badRequest(reply, request, q.lang, q.problems, await findOrg(request.params.org));
    const { lang, ...filter } = q.value;
    const id = await orgIdOf(request.params.org);
    if (!id) return notFound(reply, request, lang);
    const key = `org|${lang}|${hrefIn('nl', orgPath(request.params.org), filterParams(filter))}`;
    return pages.serve(request, reply, key, id, async (): Promise<Rendered> => {
      const org = await findOrg(request.params.org);
      if (!org) return { status: 404, body: renderErrorPage({ view: viewOf(site, lang), status: 404 }) };
      const view = viewOf(site, lang);
      const body = renderOrganizationPage(view, await loadOrganizationPage(deps, org), filter);
      return body === undefined ? { status: 404, body: renderErrorPage({ view, status: 404, organization: org }) } : { status: 200, body };
    });
  });

  app.get<{ Params: OrgParams }>('/:org/veranderingen', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    const lang = q.ok ? q.value.lang : 'nl';
    if (!(await orgIdOf(request.params.org))) return notFound(reply, request, lang);
    return reply.redirect(hrefIn(lang, orgPath(request.params.org)), 301);
  });

  app.get<{ Params: ChangeParams }>('/:org/veranderingen/:change', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    if (!q.ok) return badRequest(reply, request, q.lang, q.problems);
    const { lang } = q.value;
    const { org: slug, change } = request.params;
    const id = await orgIdOf(slug);
    if (!id) return notFound(reply, request, lang);
    if (!isSlug(change)) return notFound(reply, request, lang, await findOrg(slug), true);
    return pages.serve(request, reply, `change|${lang}|${changePath(slug, change)}`, id, async (): Promise<Rendered> => {
      const org = await findOrg(slug);
      const view = viewOf(site, lang);
      const data = org && (await loadChangePage(deps, org, change, today()));
      if (!data) return { status: 404, body: renderErrorPage({ view, status: 404, organization: org, change: true }) };
      return { status: 200, body: renderChangePage(view, data) };
    }, (page) => spliceLive(deps, viewOf(site, lang), page));
  });

  app.get<{ Params: OrgParams }>('/:org/feed.atom', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    if (!q.ok) return badRequest(reply, request, q.lang, q.problems);
    const id = await orgIdOf(request.params.org);
    if (!id) return notFound(reply, request, q.value.lang);
    return pages.serve(request, reply, `orgfeed|${q.value.lang}|${request.params.org}`, id, async () => {
      const org = (await findOrg(request.params.org))!;
      const data = await loadOrganizationPage(deps, org, true);
      return { status: 200, contentType: ATOM, body: organizationFeed(viewOf(site, q.value.lang), org, data.chains, data.measurements, today()) };
    });
  });

  app.get<{ Params: ChangeParams }>('/:org/veranderingen/:change/feed.atom', async (request, reply) => {
    const q = parseQuery(langQuery, request.query);
    if (!q.ok) return badRequest(reply, request, q.lang, q.problems);
    const { lang } = q.value;
    const { org: slug, change } = request.params;
    const id = await orgIdOf(slug);
    if (!id || !isSlug(change)) return notFound(reply, request, lang);
    return pages.serve(request, reply, `changefeed|${lang}|${changePath(slug, change)}`, id, async (): Promise<Rendered> => {
      const org = await findOrg(slug);
      const data = org && (await loadChangePage(deps, org, change, today()));
      if (!data) return { status: 404, body: renderErrorPage({ view: viewOf(site, lang), status: 404, organization: org, change: true }) };
      return { status: 200, contentType: ATOM, body: changeFeed(viewOf(site, lang), data.organization, data.chain, data.measurements, data.today) };
    });
  });
};
