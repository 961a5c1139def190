import type { Child } from 'hono/jsx';
import type { Change } from '../../../modules/changes';
import type { Organization } from '../../../modules/organizations';
import { NO_GROUP, type Poll } from '../../../modules/polls';
import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../views/components';
import { changePath, orgPath, type View } from '../site';
import { VOICE } from '../voice-i18n';
import { renderPage } from './frame';
import { ChoiceGroup, ErrorSummary, Honeypot, Submit, type FieldError } from './voice-forms';

/** The citizen-voice URLs of a change (Dutch, like the rest of the portal). */
export const pollPath = (orgSlug: string, changeSlug: string) => `${changePath(orgSlug, changeSlug)}/peiling`;
export const thanksPath = (orgSlug: string, changeSlug: string) => `${changePath(orgSlug, changeSlug)}/bedankt`;

export const crumbsOf = (view: View, organization: Organization, change: Change, last?: string) => [
  { label: view.t.home, href: view.href('/') },
  { label: organization.name, href: view.href(orgPath(organization.slug)) },
  ...(last ? [{ label: change.title, href: view.href(changePath(organization.slug, change.slug)) }, { label: last }] : [{ label: change.title }]),
];

/** The id of a question's fieldset (and, with `-0`, of its first radio, where the error summary points). */
export const questionId = (id: string) => `vraag-${id}`;

export interface PollPageProps {
  organization: Organization;
  change: Change;
  poll: Poll;
  values: Record<string, string | undefined>;
  errors: FieldError[];
}

/**
 * The poll as one plain HTML form: every question a fieldset with its legend, one tap per answer,
 * sent with one button; works without JavaScript. Q4 appears only once the change is under way and
 * Q5 lists the change's groups (the poll module decides both). Never cached: it carries a one-time
 * token, and a cached token would be shared by everyone who gets the cached copy.
 */
export const renderPollPage = (view: View, p: PollPageProps): string => {
  const v = VOICE[view.lang];
  const path = pollPath(p.organization.slug, p.change.slug);
  const en = view.lang === 'en';
  const title = `${v.poll}: ${p.change.title}`;
  return renderPage({
    view,
    path,
    title,
    description: v.pollIntro,
    organization: p.organization,
    noindex: true,
    breadcrumbs: crumbsOf(view, p.organization, p.change, v.poll),
    children: (
      <>
        <Heading level={1}>{v.poll}: <span lang="nl">{p.change.title}</span></Heading>
        <Paragraph lead>{v.pollIntro}</Paragraph>
        <Paragraph>{v.pollHowMany(p.poll.questions.length)}</Paragraph>
        <ErrorSummary view={view} errors={p.errors} />
        <form class="utrecht-form helder-poll" method="post" action={view.href(path)}>
          <input type="hidden" name="token" value={p.poll.token} />
          {p.poll.questions.map((q, i) => (
            <ChoiceGroup
              view={view}
              id={questionId(q.id)}
              name={q.id}
              legend={
                <>
                  <span class="helder-question__number">{v.questionOf(i + 1)}.</span> {en ? q.textEn : q.text}
                  {q.required ? null : <> <span class="helder-question__optional">{v.optional}</span></>}
                </>
              }
              choices={q.options.map((o) => ({ value: o.value, label: en ? o.labelEn : o.label, lang: en && q.id === 'q5' && o.value !== NO_GROUP ? 'nl' : undefined }))}
              value={p.values[q.id]}
              error={p.errors.find((e) => e.field === q.id)}
            />
          ))}
          <Honeypot view={view} />
          <Submit>{v.send}</Submit>
        </form>
      </>
    ),
  });
};

export interface MessagePageProps {
  organization: Organization;
  change: Change;
  /** The last breadcrumb, and the page title when `title` is not given. */
  crumb: string;
  title: string;
  text: Child;
  links: { label: string; href: string }[];
}

/** A short page after a citizen write: thanks, "already answered", "too often", "not from our site". */
export const renderMessagePage = (view: View, p: MessagePageProps): string =>
  renderPage({
    view,
    path: `${changePath(p.organization.slug, p.change.slug)}/bedankt`,
    title: p.title,
    description: p.title,
    organization: p.organization,
    noindex: true,
    breadcrumbs: crumbsOf(view, p.organization, p.change, p.crumb),
    children: (
      <>
        <Heading level={1}>{p.title}</Heading>
        {typeof p.text === 'string' ? <Paragraph lead>{p.text}</Paragraph> : p.text}
        <UnorderedList class="helder-next-steps">
          {p.links.map((l) => <ListItem><Link href={l.href}>{l.label}</Link></ListItem>)}
        </UnorderedList>
      </>
    ),
  });
