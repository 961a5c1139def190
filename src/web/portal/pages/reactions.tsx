import type { Page } from '../../../core';
import type { Change } from '../../../modules/changes';
import type { Organization } from '../../../modules/organizations';
import { linksClickable, MAX_NAME_LENGTH, MAX_REACTION_LENGTH, REACTION_ROLE_LABELS, REACTION_ROLES, REPORT_REASON_LABELS, REPORT_REASONS, segmentsOf, type Reaction, type ReactionThread } from '../../../modules/reactions';
import { Heading, Link, Paragraph, StatusBadge } from '../../views/components';
import { formatDate, formatNumber } from '../i18n';
import { changePath, type View } from '../site';
import { VOICE } from '../voice-i18n';
import { renderPage } from './frame';
import { crumbsOf } from './poll';
import { ErrorSummary, Honeypot, Select, Submit, TextArea, TextInput, type FieldError } from './voice-forms';

export const reactionsPath = (orgSlug: string, changeSlug: string) => `${changePath(orgSlug, changeSlug)}/reacties`;
export const reactPath = (orgSlug: string, changeSlug: string) => `${changePath(orgSlug, changeSlug)}/reageren`;
export const reportPath = (orgSlug: string, changeSlug: string, id: string) => `${reactionsPath(orgSlug, changeSlug)}/${id}/melden`;

/**
 * A reaction's text as the citizen typed it, escaped like everything else (hono/jsx), with links
 * shown but only made clickable once a person approved the text (`segmentsOf`); a link that leaves
 * the site is `nofollow ugc` (Google's markup for user-generated links) and opens no window.
 */
const ReactionText = ({ view, r }: { view: View; r: Reaction }) => (
  <p class="utrecht-paragraph helder-reaction__text" lang="nl">
    {segmentsOf(r.text, linksClickable(r)).map((s) =>
      s.kind === 'text' ? (
        s.text
      ) : s.href ? (
        <a class="utrecht-link utrecht-link--html-a" href={s.href} rel="nofollow ugc noopener noreferrer">{s.text}</a>
      ) : (
        <>
          <span class="helder-reaction__link">{s.text}</span> <span class="helder-reaction__note" lang={view.lang}>{VOICE[view.lang].linkNotChecked}</span>
        </>
      ),
    )}
  </p>
);

const ReportForm = ({ view, base, r }: { view: View; base: { org: string; change: string }; r: Reaction }) => {
  const v = VOICE[view.lang];
  return (
    <details class="helder-report">
      <summary>{v.report}</summary>
      <form class="utrecht-form helder-report__form" method="post" action={view.href(reportPath(base.org, base.change, r.id))}>
        <fieldset class="utrecht-form-fieldset helder-question">
          <legend class="utrecht-form-fieldset__legend helder-question__legend">{v.reportLegend} <span lang="nl">{r.displayName}</span>?</legend>
          <div class="helder-choices">
            {REPORT_REASONS.map((reason, i) => (
              <div class="helder-choice">
                <input class="utrecht-radio-button utrecht-radio-button--html-input helder-choice__input" type="radio" id={`melden-${r.id}-${i}`} name="reason" value={reason} />
                <label class="utrecht-form-label utrecht-form-label--radio helder-choice__label" for={`melden-${r.id}-${i}`}>{REPORT_REASON_LABELS[reason][view.lang]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <p class="utrecht-paragraph"><button type="submit" class="utrecht-button utrecht-button--secondary-action">{v.reportSend}</button></p>
      </form>
    </details>
  );
};

const ReactionItem = ({ view, organization, base, r, reply }: { view: View; organization: Organization; base: { org: string; change: string }; r: Reaction; reply: boolean }) => {
  const v = VOICE[view.lang];
  return (
    <article class={`helder-reaction${r.official ? ' helder-reaction--official' : ''}`} aria-labelledby={`reactie-${r.id}`}>
      <header class="helder-reaction__header">
        <h3 class={`utrecht-heading-${reply ? 4 : 3} helder-reaction__name`} id={`reactie-${r.id}`}><span lang="nl">{r.displayName}</span></h3>
        <p class="utrecht-paragraph utrecht-paragraph--small helder-reaction__meta">
          {r.official ? <StatusBadge tone="active">{v.officialAnswer(organization.kind, organization.name)}</StatusBadge> : <span>{REACTION_ROLE_LABELS[r.role][view.lang]}</span>}
          {' · '}
          <time datetime={(r.publishedAt ?? r.createdAt).slice(0, 10)}>{formatDate(view.lang, r.publishedAt ?? r.createdAt)}</time>
        </p>
      </header>
      <ReactionText view={view} r={r} />
      <div class="helder-reaction__actions">
        {reply ? null : <Link href={view.href(reactPath(base.org, base.change), { op: r.id })}>{v.replyTo} <span lang="nl">{r.displayName}</span></Link>}
        {r.official ? null : <ReportForm view={view} base={base} r={r} />}
      </div>
    </article>
  );
};

export interface ReactionsPageProps {
  organization: Organization;
  change: Change;
  threads: Page<ReactionThread>;
}

/**
 * The published reactions of a change, threaded two deep, oldest first, official answers marked;
 * a report form per reaction (a `<details>`: works without JavaScript, reachable by keyboard). Not
 * part of the cached change page: reports hide a reaction without moving the register version.
 */
export const renderReactionsPage = (view: View, p: ReactionsPageProps): string => {
  const v = VOICE[view.lang];
  const base = { org: p.organization.slug, change: p.change.slug };
  const path = reactionsPath(base.org, base.change);
  const { threads } = p;
  return renderPage({
    view,
    path,
    params: threads.page > 1 ? { page: threads.page } : undefined,
    title: `${v.reactions}: ${p.change.title}`,
    description: v.reactionsIntro,
    organization: p.organization,
    breadcrumbs: crumbsOf(view, p.organization, p.change, v.reactions),
    children: (
      <>
        <Heading level={1}>{v.reactions}: <span lang="nl">{p.change.title}</span></Heading>
        <Paragraph lead>{v.reactionsIntro}</Paragraph>
        <p class="utrecht-paragraph helder-call">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={view.href(reactPath(base.org, base.change))}>{v.writeReaction}</a>
        </p>
        <Heading level={2}>{v.reactionsCount(threads.total)}</Heading>
        <ol class="helder-reactions">
          {threads.items.map((t) => (
            <li class="helder-reactions__item">
              <ReactionItem view={view} organization={p.organization} base={base} r={t.reaction} reply={false} />
              {t.replies.length > 0 ? (
                <ol class="helder-reactions helder-reactions--replies" aria-label={v.repliesTo(t.reaction.displayName)}>
                  {t.replies.map((r) => <li class="helder-reactions__item"><ReactionItem view={view} organization={p.organization} base={base} r={r} reply /></li>)}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
        {threads.pages > 1 ? (
          <nav class="helder-pagination" aria-label={v.pagination}>
            {threads.page > 1 ? <Link href={view.href(path, { page: threads.page > 2 ? threads.page - 1 : undefined })} rel="prev">{view.t.previous}</Link> : null}
            <span>{view.t.pageOf(threads.page, threads.pages)}</span>
            {threads.page < threads.pages ? <Link href={view.href(path, { page: threads.page + 1 })} rel="next">{view.t.next}</Link> : null}
          </nav>
        ) : null}
        <p class="utrecht-paragraph"><Link href={view.href(changePath(base.org, base.change))}>{v.backToChange} <span lang="nl">{p.change.title}</span></Link></p>
      </>
    ),
  });
};

export interface ReactionFormProps {
  organization: Organization;
  change: Change;
  token: string;
  parent: Reaction | undefined;
  values: Record<string, string | undefined>;
  errors: FieldError[];
}

/** The number as Dutch (2.000) or English (2,000) readers write it. */
export const maxLengthText = (view: View) => formatNumber(view.lang, MAX_REACTION_LENGTH);

/**
 * The reaction form on its own page (never cached: it carries a signed form token). The length
 * limit is said in words ("maximaal 2.000 tekens"), so it needs no script to count.
 */
export const renderReactionFormPage = (view: View, p: ReactionFormProps): string => {
  const v = VOICE[view.lang];
  const base = { org: p.organization.slug, change: p.change.slug };
  const path = reactPath(base.org, base.change);
  const title = p.parent ? `${v.replyFormTitle} ${p.parent.displayName}` : `${v.reactionFormTitle} ${p.change.title}`;
  return renderPage({
    view,
    path,
    title,
    description: v.reactionFormIntro,
    organization: p.organization,
    noindex: true,
    breadcrumbs: crumbsOf(view, p.organization, p.change, v.writeReaction),
    children: (
      <>
        <Heading level={1}>
          {p.parent ? <>{v.replyFormTitle} <span lang="nl">{p.parent.displayName}</span></> : <>{v.reactionFormTitle} <span lang="nl">{p.change.title}</span></>}
        </Heading>
        <Paragraph lead>{v.reactionFormIntro}</Paragraph>
        {p.parent ? (
          <>
            <Paragraph>{v.yourReplyTo}</Paragraph>
            <blockquote class="helder-reaction helder-reaction--quoted">
              <p class="utrecht-paragraph"><strong lang="nl">{p.parent.displayName}</strong></p>
              <ReactionText view={view} r={p.parent} />
            </blockquote>
          </>
        ) : null}
        <ErrorSummary view={view} errors={p.errors} />
        <form class="utrecht-form helder-reaction-form" method="post" action={view.href(path)}>
          <input type="hidden" name="token" value={p.token} />
          {p.parent ? <input type="hidden" name="parentId" value={p.parent.id} /> : null}
          <TextInput view={view} id="veld-displayName" name="displayName" label={v.name} description={v.nameHelp} value={p.values.displayName} maxlength={MAX_NAME_LENGTH} autocomplete="nickname" error={p.errors.find((e) => e.field === 'displayName')} />
          <Select
            view={view}
            id="veld-role"
            name="role"
            label={v.role}
            value={p.values.role}
            placeholder={v.chooseRole}
            options={REACTION_ROLES.map((r) => ({ value: r, label: REACTION_ROLE_LABELS[r][view.lang] }))}
            error={p.errors.find((e) => e.field === 'role')}
          />
          <TextArea view={view} id="veld-text" name="text" label={v.text} description={v.textHelp(maxLengthText(view))} value={p.values.text} maxlength={MAX_REACTION_LENGTH} error={p.errors.find((e) => e.field === 'text')} />
          <Honeypot view={view} />
          <Submit>{v.postReaction}</Submit>
        </form>
        <p class="utrecht-paragraph"><Link href={view.href(reactionsPath(base.org, base.change))}>{v.readReactions}</Link></p>
      </>
    ),
  });
};
