import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../views/components';
import { orgPath, type View } from '../site';
import { renderPage } from './frame';

/**
 * Error pages that help (issue 3: "a 404 page that helps"): say what happened in plain words, and
 * offer the way on — the organization's overview and its search, or the home page. Never echo the
 * requested URL: it is attacker-controlled (and escaping aside, it helps no one).
 */
export interface ErrorPageProps {
  view: View;
  status: 400 | 404 | 500 | 503;
  /** A 503 because of a fault (the database is down), not because it is busy. */
  unavailable?: boolean;
  /** The organization the URL belonged to, when it exists. */
  organization?: { name: string; slug: string };
  /** What was wrong with the address (400): names of parameters, never their values. */
  problems?: string[];
  change?: boolean;
}

export const renderErrorPage = ({ view, status, organization, problems, change, unavailable }: ErrorPageProps): string => {
  const t = view.t;
  const title = status === 404 ? t.notFoundTitle : status === 400 ? t.badRequestTitle : status === 503 ? (unavailable ? t.unavailableTitle : t.busyTitle) : t.errorTitle;
  const text = status === 404 ? (change ? t.notFoundChange : t.notFoundText) : status === 400 ? t.badRequestText : status === 503 ? (unavailable ? t.unavailableText : t.busyText) : t.errorText;
  return renderPage({
    view,
    path: organization ? orgPath(organization.slug) : '/',
    title,
    description: text,
    organization,
    noindex: true,
    breadcrumbs: [],
    children: (
      <>
        <Heading level={1}>{title}</Heading>
        <Paragraph lead>{text}</Paragraph>
        {problems && problems.length > 0 ? (
          <UnorderedList>{problems.map((p) => <ListItem><code>{p}</code></ListItem>)}</UnorderedList>
        ) : null}
        {status === 404 || status === 400 ? (
          <>
            <Heading level={2}>{t.notFoundHelp}</Heading>
            <UnorderedList>
              {organization ? <ListItem><Link href={view.href(orgPath(organization.slug))}>{t.notFoundOrg(organization.name)}</Link></ListItem> : null}
              <ListItem><Link href={view.href('/')}>{t.notFoundHome}</Link></ListItem>
            </UnorderedList>
            {organization ? (
              <form class="utrecht-form helder-search" method="get" action={orgPath(organization.slug)} role="search" aria-label={t.notFoundSearch}>
                {view.lang !== 'nl' ? <input type="hidden" name="lang" value={view.lang} /> : null}
                <div class="utrecht-form-field">
                  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="search-q">{t.notFoundSearch}</label></div>
                  <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="search-q" name="q" maxlength={100} /></div>
                </div>
                <p class="utrecht-paragraph"><button type="submit" class="utrecht-button utrecht-button--secondary-action">{t.apply}</button></p>
              </form>
            ) : null}
          </>
        ) : null}
      </>
    ),
  });
};
