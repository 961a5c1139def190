import type { FastifyInstance } from 'fastify';
import { MAX_PAGE_SIZE } from '../../core';
import { listChanges } from '../../modules/changes';
import { listOrganizations } from '../../modules/organizations';
import type { WebContext } from '../context';
import { sitemap } from './feeds';
import { renderErrorPage } from './pages/errors';
import { renderAccessibilityPage, renderPrivacyPage } from './pages/statements';
import { langQuery, parseQuery } from './query';
import { send, type PageServer } from './respond';
import { changePath, orgPath, viewOf, type Site } from './site';

const TEXT = 'text/plain; charset=utf-8';
const DAY = 86_400_000;

/**
 * The basics of a government site: stylesheets from our own origin, the accessibility statement and
 * privacy page, robots.txt, a sitemap and /.well-known/security.txt (RFC 9116).
 */
export const metaRoutes = (app: FastifyInstance, ctx: WebContext, site: Site, pages: PageServer): void => {
  for (const a of site.assets) {
    // The URL carries the content hash (?v=…), so the file may be cached for a year (RFC 9111 5.2.2.4 immutable).
    app.get(a.path, async (_request, reply) =>
      reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').header('etag', `"${a.hash}"`).send(a.body),
    );
  }

  const statement = (path: string, render: (lang: 'nl' | 'en') => string) =>
    app.get(path, async (request, reply) => {
      const q = parseQuery(langQuery, request.query);
      if (!q.ok) return send(request, reply, { status: 400, body: renderErrorPage({ view: viewOf(site, q.lang), status: 400, problems: q.problems }) });
      return pages.serve(request, reply, `${path}|${q.value.lang}`, 'static', async () => ({ status: 200, body: render(q.value.lang) }));
    });
  statement('/toegankelijkheid', (lang) => renderAccessibilityPage(viewOf(site, lang), site.settings.accessibilityContact ?? site.settings.securityContact));
  statement('/privacy', (lang) => renderPrivacyPage(viewOf(site, lang)));

  app.get('/robots.txt', async (_request, reply) => reply.type(TEXT).send(`User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}/sitemap.xml\n`));

  app.get('/.well-known/security.txt', async (_request, reply) => {
    // RFC 9116 2.5.5: Expires is required and should lie less than a year ahead. Counted from this
    // request, not from the process start: a server that runs for months must not serve an expired file.
    const expires = new Date(ctx.deps.clock.now().getTime() + 180 * DAY).toISOString();
    const contact = site.settings.securityContact ?? `mailto:security@${new URL(site.baseUrl).hostname}`;
    return reply
      .type(TEXT)
      .send(`Contact: ${contact}\nExpires: ${expires}\nPreferred-Languages: nl, en\nCanonical: ${site.baseUrl}/.well-known/security.txt\n`);
  });

  app.get('/sitemap.xml', async (request, reply) =>
    pages.serve(request, reply, 'sitemap', 'all', async () => {
      // Final URLs only (a sitemap lists pages, not redirects): with one organization, / redirects to it.
      const organizations = await listOrganizations(ctx.deps);
      const entries: { path: string; lastmod?: string }[] = [...(organizations.length === 1 ? [] : [{ path: '/' }]), { path: '/toegankelijkheid' }, { path: '/privacy' }];
      for (const org of organizations) {
        entries.push({ path: orgPath(org.slug) });
        for (let page = 1, pages = 1; page <= pages; page++) {
          const result = await listChanges(ctx.deps, org.id, { publishedOnly: true }, { page, size: MAX_PAGE_SIZE });
          pages = result.pages;
          for (const c of result.items) entries.push({ path: changePath(org.slug, c.slug), lastmod: c.updatedAt });
        }
      }
      return { status: 200, contentType: 'application/xml; charset=utf-8', body: sitemap(site.baseUrl, entries) };
    }),
  );
};
