import { Feed } from 'feed';
import type { ChangeChain } from '../../modules/chains';
import type { Measurement } from '../../modules/goals';
import type { Organization } from '../../modules/organizations';
import { updatesOf, type Update } from './data';
import { updateText } from './pages/change';
import { changePath, orgPath, type View } from './site';

/**
 * Atom feeds (RFC 4287) of an organization and of each change: new updates, decisions and
 * measurements, so citizens and journalists can follow a change without visiting it. The `feed`
 * package escapes every text it writes; ids are tag-free absolute URLs with a fragment, stable
 * across renders (RFC 4287 4.2.6: an id must never change).
 */
const MAX_ITEMS = 100;

/**
 * The `feed` package writes titles and summaries as `type="html"` in CDATA: a reader parses them
 * as HTML. So plain text must be HTML-escaped first, or a title with `<script>` would run in a
 * feed reader.
 */
const asHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const feedOf = (view: View, title: string, path: string, description: string, author: string, updated: Date) =>
  new Feed({
    id: view.site.baseUrl + path,
    title: asHtml(title),
    description: asHtml(description),
    link: view.url(path),
    language: view.lang,
    updated,
    generator: 'Helder',
    feedLinks: { atom: view.site.baseUrl + `${path}/feed.atom` },
    author: { name: asHtml(author) },
    copyright: asHtml(author),
  });

const addUpdates = (feed: Feed, view: View, org: Organization, chain: ChangeChain, updates: Update[]) => {
  const link = view.url(changePath(org.slug, chain.change.slug));
  for (const u of updates) {
    feed.addItem({
      id: `${view.site.baseUrl}${changePath(org.slug, chain.change.slug)}#${u.id}`,
      title: asHtml(`${chain.change.title}: ${updateText(view, u)}`),
      link: `${link}${u.kind === 'decision' ? '#besluiten' : u.kind === 'measurement' ? '#doelen' : u.kind === 'milestone' ? '#wanneer' : ''}`,
      date: new Date(`${u.date}T00:00:00Z`),
      description: asHtml(u.kind === 'published' ? chain.change.summary : updateText(view, u)),
    });
  }
};

const newest = (updates: { date: string }[], fallback: string) => new Date(`${updates.reduce((max, u) => (u.date > max ? u.date : max), fallback.slice(0, 10))}T00:00:00Z`);

export const changeFeed = (view: View, org: Organization, chain: ChangeChain, measurements: Measurement[], today: string): string => {
  const updates = updatesOf(chain, measurements, today).slice(0, MAX_ITEMS);
  const feed = feedOf(view, `${chain.change.title} | ${org.name}`, changePath(org.slug, chain.change.slug), chain.change.summary, org.name, newest(updates, chain.change.updatedAt));
  addUpdates(feed, view, org, chain, updates);
  return feed.atom1();
};

export const organizationFeed = (view: View, org: Organization, chains: ChangeChain[], measurements: Measurement[], today: string): string => {
  const all = chains.flatMap((chain) => updatesOf(chain, measurements, today).map((u) => ({ chain, u })));
  all.sort((a, b) => b.u.date.localeCompare(a.u.date) || a.u.id.localeCompare(b.u.id));
  const shown = all.slice(0, MAX_ITEMS);
  const feed = feedOf(view, view.t.feedTitle(org.name), orgPath(org.slug), org.description || view.t.whatChangesIntro, org.name, newest(shown.map((s) => s.u), org.updatedAt));
  for (const { chain, u } of shown) addUpdates(feed, view, org, chain, [u]);
  return feed.atom1();
};

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A sitemap (sitemaps.org 0.9) of every public page in Dutch, with `xhtml:link` to the English version. */
export const sitemap = (baseUrl: string, entries: { path: string; lastmod?: string }[]): string => {
  const urls = entries.map(({ path, lastmod }) => {
    const nl = baseUrl + path;
    const en = `${baseUrl}${path}?lang=en`;
    return `<url><loc>${xml(nl)}</loc>${lastmod ? `<lastmod>${xml(lastmod.slice(0, 10))}</lastmod>` : ''}<xhtml:link rel="alternate" hreflang="nl" href="${xml(nl)}"/><xhtml:link rel="alternate" hreflang="en" href="${xml(en)}"/></url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
};
