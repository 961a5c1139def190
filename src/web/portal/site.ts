import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { PortalSettings, WebContext } from '../context';
import { LABELS, MESSAGES, type Lang } from './i18n';

/** A stylesheet served by the portal from memory: never from a CDN (CSP `style-src 'self'`). */
export interface Asset {
  path: string;
  body: Buffer;
  hash: string;
}

/** Everything a page needs to know about the site, fixed at start. */
export interface Site {
  baseUrl: string;
  themeClass: string;
  assets: Asset[];
  stylesheets: string[];
  settings: Required<Pick<PortalSettings, 'cacheEntries' | 'cacheBytes'>> & PortalSettings;
}

const require = createRequire(import.meta.url);

const asset = (path: string, file: string): Asset => {
  const body = readFileSync(file);
  return { path, body, hash: createHash('sha1').update(body).digest('hex').slice(0, 12) };
};

const sites = new WeakMap<WebContext, Site>();

/**
 * The site of a web context, built once (synchronously, at start: the error handlers need it before
 * the portal registers). The theme is the open Voorbeeld token set unless the organization brings
 * its own tokens file (`portal.themeCss`); Utrecht's component CSS sits on top of the tokens, and
 * our own small stylesheet (layout, timeline, charts, print) on top of that.
 */
export const siteOf = (ctx: WebContext): Site => {
  const cached = sites.get(ctx);
  if (cached) return cached;
  const settings = { cacheEntries: 1000, cacheBytes: 64 * 1024 * 1024, ...ctx.portal };
  const assets = [
    asset('/assets/theme.css', settings.themeCss ?? require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css')),
    asset('/assets/utrecht.css', require.resolve('@utrecht/component-library-css/dist/index.css')),
    asset('/assets/portal.css', fileURLToPath(new URL('./assets/portal.css', import.meta.url))),
  ];
  const site: Site = {
    baseUrl: ctx.baseUrl,
    themeClass: settings.themeClass ?? 'voorbeeld-theme',
    assets,
    stylesheets: assets.map((a) => `${a.path}?v=${a.hash}`),
    settings,
  };
  sites.set(ctx, site);
  return site;
};

/** A page's view of the site in one language. */
export interface View {
  site: Site;
  lang: Lang;
  t: (typeof MESSAGES)[Lang];
  labels: (typeof LABELS)[Lang];
  /** A link to a portal path in this language, with query parameters (empty ones dropped). */
  href(path: string, params?: Record<string, string | number | undefined>): string;
  /** The same, absolute. */
  url(path: string, params?: Record<string, string | number | undefined>): string;
}

/**
 * The language lives in the URL (`?lang=en`), not in a cookie (the portal sets none) nor in
 * Accept-Language alone (a shared link must show what the sender saw). Dutch has no parameter.
 */
export const hrefIn = (lang: Lang, path: string, params: Record<string, string | number | undefined> = {}): string => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  if (lang !== 'nl') query.set('lang', lang);
  const q = query.toString();
  return q ? `${path}?${q}` : path;
};

export const viewOf = (site: Site, lang: Lang): View => ({
  site,
  lang,
  t: MESSAGES[lang],
  labels: LABELS[lang],
  href: (path, params) => hrefIn(lang, path, params),
  url: (path, params) => site.baseUrl + hrefIn(lang, path, params),
});

/** The portal path of an organization or change: identical to the API's `portalUrl` (api/presenters.ts). */
export const orgPath = (orgSlug: string) => `/${orgSlug}`;
export const changePath = (orgSlug: string, changeSlug: string) => `/${orgSlug}/veranderingen/${changeSlug}`;
