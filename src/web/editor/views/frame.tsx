import type { Child } from 'hono/jsx';
import { Document } from '../../views/layout';
import { renderDocument } from '../../views/render';
import { stylesheetUrls } from '../assets';
import { editorUrls } from '../urls';
import { CsrfField } from './form';

/** Who is logged in, for the header: name, and the CSRF token of the logout form. */
export interface Viewer {
  name: string;
  csrf: string;
  /** False in the login steps: the header then offers only logout. */
  full: boolean;
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface EditorPageProps {
  title: string;
  baseUrl: string;
  path: string;
  viewer?: Viewer | undefined;
  organization?: { name: string; slug: string } | undefined;
  breadcrumbs?: Crumb[];
  /** Prefixes the title with "Fout:" so screen reader users hear it first (GOV.UK error pattern). */
  hasErrors?: boolean;
  children: Child;
}

const Header = ({ viewer, organization }: Pick<EditorPageProps, 'viewer' | 'organization'>) => (
  <header class="utrecht-page-header helder-editor-header">
    <div class="helder-editor-header__content">
      <a class="helder-editor-header__brand" href={organization ? editorUrls.dashboard(organization.slug) : editorUrls.home()}>
        Helder redactie{organization ? <span> · {organization.name}</span> : null}
      </a>
      {viewer ? (
        <nav aria-label="Account">
          <ul class="helder-editor-nav">
            {viewer.full ? <li><a class="utrecht-link" href={editorUrls.home()}>Organisaties</a></li> : null}
            <li><a class="utrecht-link" href={editorUrls.account()}>{viewer.name}</a></li>
            <li>
              <form class="helder-inline-form" method="post" action={editorUrls.logout()}>
                <CsrfField token={viewer.csrf} />
                <button type="submit" class="helder-link-button">Uitloggen</button>
              </form>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  </header>
);

const Breadcrumbs = ({ crumbs }: { crumbs: Crumb[] }) =>
  crumbs.length < 2 ? null : (
    <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
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

const Footer = () => (
  <footer class="utrecht-page-footer helder-editor-footer">
    <div class="helder-editor-footer__content">
      <p class="utrecht-paragraph utrecht-paragraph--small">Helder · redactieomgeving. Deze omgeving gebruikt alleen noodzakelijke cookies om u ingelogd te houden.</p>
    </div>
  </footer>
);

/** One editor page in the shared document shell (views/layout.tsx), never indexed by search engines. */
export const renderEditorPage = (p: EditorPageProps): string =>
  renderDocument(
    <Document
      lang="nl"
      title={`${p.hasErrors ? 'Fout: ' : ''}${p.title} | Helder redactie`}
      description="Redactieomgeving van Helder"
      canonical={p.baseUrl + p.path}
      alternates={[]}
      siteName="Helder"
      stylesheets={stylesheetUrls()}
      themeClass="voorbeeld-theme"
      skipLabel="Naar de inhoud"
      noindex
      header={<Header viewer={p.viewer} organization={p.organization} />}
      footer={<Footer />}
    >
      <Breadcrumbs crumbs={p.breadcrumbs ?? []} />
      {p.children}
    </Document>,
  );
