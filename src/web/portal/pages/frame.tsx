import type { Child } from 'hono/jsx';
import { Link } from '../../views/components';
import { Document } from '../../views/layout';
import { renderDocument } from '../../views/render';
import { hrefIn, orgPath, type View } from '../site';

export interface Crumb {
  label: string;
  href?: string;
}

export interface FrameProps {
  view: View;
  /** The page path without query; the language switch and canonical URL derive from it. */
  path: string;
  /** Query parameters that are part of the page's identity (filters), without `lang`. */
  params?: Record<string, string | number | undefined>;
  title: string;
  description: string;
  organization?: { name: string; slug: string };
  breadcrumbs: Crumb[];
  feed?: { title: string; href: string };
  ogType?: 'website' | 'article';
  noindex?: boolean;
  children: Child;
}

const Header = ({ view, organization, path, params }: Pick<FrameProps, 'view' | 'organization' | 'path' | 'params'>) => {
  const other = view.lang === 'nl' ? 'en' : 'nl';
  return (
    <header class="utrecht-page-header helder-header">
      <div class="utrecht-page-header__content helder-header__content">
        <a class="helder-header__brand" href={organization ? view.href(orgPath(organization.slug)) : view.href('/')}>
          {organization ? <span lang="nl">{organization.name}</span> : view.t.siteName}
        </a>
        <a class="utrecht-link utrecht-link--html-a helder-header__lang" href={hrefIn(other, path, params)} hreflang={other} lang={other} aria-label={view.t.otherLanguageLabel}>
          {view.t.otherLanguage}
        </a>
      </div>
    </header>
  );
};

const Breadcrumbs = ({ view, crumbs }: { view: View; crumbs: Crumb[] }) =>
  crumbs.length < 2 ? null : (
    <nav class="utrecht-breadcrumb-nav helder-breadcrumbs" aria-label={view.t.breadcrumb}>
      <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {crumbs.map((c, i) => (
          <li class="utrecht-breadcrumb-nav__item">
            {c.href && i < crumbs.length - 1 ? (
              <a class="utrecht-breadcrumb-nav__link utrecht-link" href={c.href}>{c.label}</a>
            ) : (
              <span class="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );

const Footer = ({ view, organization }: { view: View; organization?: { slug: string } | undefined }) => (
  <footer class="utrecht-page-footer helder-footer">
    <div class="utrecht-page-footer__content">
      <p class="utrecht-paragraph">{view.t.footerAbout}</p>
      <p class="utrecht-paragraph">{view.t.footerNoCookies}</p>
      <nav aria-label={view.t.siteName}>
        <ul class="helder-footer__links">
          <li><Link href={view.href('/toegankelijkheid')}>{view.t.accessibility}</Link></li>
          <li><Link href={view.href('/privacy')}>{view.t.privacy}</Link></li>
          <li><Link href="/sitemap.xml">{view.t.sitemap}</Link></li>
          {organization ? <li><Link href={view.href(`${orgPath(organization.slug)}/controlepunt`)}>{view.t.checkpoint}</Link></li> : null}
        </ul>
      </nav>
    </div>
  </footer>
);

/** Renders one public page in the shared frame: header with the organization's name, breadcrumbs, footer. */
export const renderPage = (p: FrameProps): string =>
  renderDocument(
    <Document
      lang={p.view.lang}
      title={p.organization && p.breadcrumbs.length > 1 ? `${p.title} | ${p.organization.name}` : p.title}
      description={p.description}
      canonical={p.view.url(p.path, p.params)}
      alternates={[
        { lang: 'nl', href: p.view.site.baseUrl + hrefIn('nl', p.path, p.params) },
        { lang: 'en', href: p.view.site.baseUrl + hrefIn('en', p.path, p.params) },
      ]}
      siteName={p.organization?.name ?? p.view.t.siteName}
      stylesheets={p.view.site.stylesheets}
      themeClass={p.view.site.themeClass}
      skipLabel={p.view.t.skipLink}
      feed={p.feed}
      noindex={p.noindex}
      ogType={p.ogType}
      header={<Header view={p.view} organization={p.organization} path={p.path} params={p.params} />}
      footer={<Footer view={p.view} organization={p.organization} />}
    >
      <Breadcrumbs view={p.view} crumbs={p.breadcrumbs} />
      {p.view.lang !== 'nl' && p.organization && p.breadcrumbs.length > 0 ? <p class="utrecht-paragraph utrecht-paragraph--small helder-language-note">{p.view.t.contentOnlyDutch}</p> : null}
      {p.children}
    </Document>,
  );
