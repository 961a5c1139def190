import { slugify } from '../../../core';
import { CHANGE_STATUSES, type ChangeStatus } from '../../../modules/changes';
import type { ChangeChain } from '../../../modules/chains';
import { Heading, Link, Paragraph, UnorderedList } from '../../views/components';
import { SelectField, SubmitButton, TextField } from '../../views/forms';
import type { OrganizationPageData } from '../data';
import { changePath, orgPath, type View } from '../site';
import { ChangeStatusBadge, EffectBadge, fold } from './shared';
import { renderPage } from './frame';

export const PAGE_SIZE = 20;

export interface OrganizationFilter {
  q?: string;
  theme?: string;
  status?: ChangeStatus;
  /** The slug of a group's name (readable in a shared URL: `?group=inwoners-parkwijk`). */
  group?: string;
  page: number;
}

export const groupSlug = (name: string): string => slugify(name);

const matches = (chain: ChangeChain, f: OrganizationFilter): boolean => {
  const c = chain.change;
  if (f.status && c.status !== f.status) return false;
  if (f.theme && !c.themes.some((t) => fold(t) === fold(f.theme!))) return false;
  if (f.group && !chain.impacts.some((i) => groupSlug(i.group.name) === f.group)) return false;
  if (f.q) {
    const haystack = fold([c.title, c.summary, c.why, c.what, ...c.themes].join(' '));
    if (!fold(f.q).split(/\s+/).filter(Boolean).every((w) => haystack.includes(w))) return false;
  }
  return true;
};

export const filterParams = (f: OrganizationFilter) => ({ q: f.q, theme: f.theme, status: f.status, group: f.group, page: f.page > 1 ? f.page : undefined });

const ChangeItem = ({ view, org, chain, group }: { view: View; org: string; chain: ChangeChain; group?: string }) => {
  const c = chain.change;
  const impact = group ? chain.impacts.find((i) => groupSlug(i.group.name) === group) : undefined;
  return (
    <li class="helder-card">
      <Heading level={2} class="helder-card__title">
        <Link href={view.href(changePath(org, c.slug))}><span lang="nl">{c.title}</span></Link>
      </Heading>
      <p class="utrecht-paragraph helder-card__meta">
        <ChangeStatusBadge view={view} status={c.status} /> <span class="helder-card__kind">{view.labels.kind[c.kind]}</span>
      </p>
      <Paragraph lang="nl">{c.summary}</Paragraph>
      {impact ? (
        <div class="helder-card__impact">
          <p class="utrecht-paragraph"><strong>{view.t.forYou(impact.group.name)}:</strong> <EffectBadge view={view} effect={impact.impact.effect} /></p>
          {impact.impact.meaning ? <Paragraph lang="nl">{impact.impact.meaning}</Paragraph> : null}
        </div>
      ) : null}
      {c.themes.length > 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--small helder-card__themes">
          {view.t.themes}:{' '}
          {c.themes.map((t, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <Link href={view.href(orgPath(org), { theme: t })}><span lang="nl">{t}</span></Link>
            </>
          ))}
        </p>
      ) : null}
    </li>
  );
};

const Pagination = ({ view, path, filter, pages }: { view: View; path: string; filter: OrganizationFilter; pages: number }) =>
  pages < 2 ? null : (
    <nav class="utrecht-pagination helder-pagination" aria-label={view.t.pagination}>
      {filter.page > 1 ? (
        <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" rel="prev" href={view.href(path, { ...filterParams(filter), page: filter.page - 1 > 1 ? filter.page - 1 : undefined })}>{view.t.previous}</a>
      ) : null}
      <span class="helder-pagination__current">{view.t.pageOf(filter.page, pages)}</span>
      {filter.page < pages ? (
        <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" rel="next" href={view.href(path, { ...filterParams(filter), page: filter.page + 1 })}>{view.t.next}</a>
      ) : null}
    </nav>
  );

/** The result, or `undefined` when the page number lies beyond the last page (a 404, not an empty page). */
export const renderOrganizationPage = (view: View, data: OrganizationPageData, filter: OrganizationFilter): string | undefined => {
  const { organization: org, chains, groups } = data;
  const path = orgPath(org.slug);
  const found = chains.filter((c) => matches(c, filter));
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  if (filter.page > pages) return undefined;
  const shown = found.slice((filter.page - 1) * PAGE_SIZE, filter.page * PAGE_SIZE);
  const themes = [...new Set(chains.flatMap((c) => c.change.themes))].sort((a, b) => a.localeCompare(b, 'nl'));
  const title = view.t.whatChanges(org.name);
  const filtered = Boolean(filter.q || filter.theme || filter.status || filter.group);
  return renderPage({
    view,
    path,
    params: filterParams(filter),
    title,
    description: org.description || view.t.whatChangesIntro,
    organization: org,
    breadcrumbs: [{ label: view.t.home, href: view.href('/') }, { label: org.name }],
    feed: { title: view.t.feedTitle(org.name), href: `${path}/feed.atom` },
    noindex: filtered,
    children: (
      <>
        <Heading level={1}>{title}</Heading>
        <Paragraph lead>{view.t.whatChangesIntro}</Paragraph>
        {org.description ? <Paragraph lang="nl">{org.description}</Paragraph> : null}
        <form class="utrecht-form helder-filters" method="get" action={path} role="search" aria-label={view.t.filters}>
          {view.lang !== 'nl' ? <input type="hidden" name="lang" value={view.lang} /> : null}
          <div class="helder-filters__group">
            <SelectField
              id="filter-group"
              name="group"
              label={view.t.group}
              description={view.t.groupHelp}
              value={filter.group}
              options={[{ value: '', label: view.t.allGroups }, ...groups.map((g) => ({ value: groupSlug(g.name), label: g.name }))]}
            />
          </div>
          <div class="helder-filters__row">
            <TextField id="filter-q" name="q" type="search" label={view.t.search} value={filter.q} />
            <SelectField id="filter-theme" name="theme" label={view.t.theme} value={filter.theme} options={[{ value: '', label: view.t.all }, ...themes.map((t) => ({ value: t, label: t }))]} />
            <SelectField
              id="filter-status"
              name="status"
              label={view.t.status}
              value={filter.status}
              options={[{ value: '', label: view.t.all }, ...CHANGE_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: view.labels.status[s] }))]}
            />
          </div>
          <p class="utrecht-paragraph helder-filters__actions">
            <SubmitButton>{view.t.apply}</SubmitButton>
            {filtered ? <> <Link href={view.href(path)}>{view.t.reset}</Link></> : null}
          </p>
        </form>
        <p class="utrecht-paragraph helder-results" role="status">{view.t.results(found.length)}</p>
        {shown.length === 0 ? (
          <Paragraph>{view.t.noResults}</Paragraph>
        ) : (
          <ul class="helder-cards">
            {shown.map((c) => (
              <ChangeItem view={view} org={org.slug} chain={c} group={filter.group} />
            ))}
          </ul>
        )}
        <Pagination view={view} path={path} filter={filter} pages={pages} />
        <UnorderedList class="helder-feed-links">
          <li class="utrecht-unordered-list__item"><Link href={view.href(`${path}/volgen`)}>{view.t.followOrganization(org.name)}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`${path}/feed.atom`}>{view.t.feed}</Link></li>
        </UnorderedList>
      </>
    ),
  });
};
