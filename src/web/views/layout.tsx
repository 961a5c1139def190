import type { Child } from 'hono/jsx';

/**
 * The HTML document shell every public page shares: `lang` on <html> (WCAG 3.1.1), a skip link as
 * the first focusable element (WCAG 2.4.1), one <main id="main">, the NL Design System page
 * structure (utrecht-page / page-header / page-body / page-footer) inside a theme class, stylesheets
 * from our own origin only (CSP `default-src 'self'`), and Open Graph tags for link previews.
 */
export interface DocumentProps {
  lang: string;
  title: string;
  description: string;
  /** Absolute canonical URL of this page. */
  canonical: string;
  /** Absolute URLs of the same page in other languages (`hreflang`). */
  alternates: { lang: string; href: string }[];
  siteName: string;
  stylesheets: string[];
  themeClass: string;
  skipLabel: string;
  feed?: { title: string; href: string };
  noindex?: boolean;
  ogType?: 'website' | 'article';
  header: Child;
  footer: Child;
  children: Child;
}

export const Document = (p: DocumentProps) => (
  <html lang={p.lang} dir="ltr">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {/* No favicon request: an empty data URL (CSP img-src allows data:). */}
      <link rel="icon" href="data:," />
      <title>{p.title}</title>
      <meta name="description" content={p.description} />
      {p.noindex ? <meta name="robots" content="noindex" /> : null}
      <link rel="canonical" href={p.canonical} />
      {p.alternates.map((a) => (
        <link rel="alternate" hreflang={a.lang} href={a.href} />
      ))}
      {p.feed ? <link rel="alternate" type="application/atom+xml" title={p.feed.title} href={p.feed.href} /> : null}
      {p.stylesheets.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      <meta property="og:type" content={p.ogType ?? 'website'} />
      <meta property="og:title" content={p.title} />
      <meta property="og:description" content={p.description} />
      <meta property="og:url" content={p.canonical} />
      <meta property="og:site_name" content={p.siteName} />
      <meta property="og:locale" content={p.lang === 'en' ? 'en_GB' : 'nl_NL'} />
      <meta name="twitter:card" content="summary" />
    </head>
    <body class={`utrecht-document utrecht-document--surface utrecht-body ${p.themeClass}`}>
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">{p.skipLabel}</a>
      <div class="utrecht-page helder-page">
        {p.header}
        <main class="utrecht-page-body helder-main" id="main" tabindex={-1}>
          <div class="utrecht-page-body__content">{p.children}</div>
        </main>
        {p.footer}
      </div>
    </body>
  </html>
);
