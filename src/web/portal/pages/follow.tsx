import type { Change } from '../../../modules/changes';
import type { ManagedSubscription } from '../../../modules/notifications';
import type { Organization } from '../../../modules/organizations';
import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../views/components';
import { changePath, orgPath, type View } from '../site';
import { renderPage } from './frame';
import { ChoiceGroup, ErrorSummary, Honeypot, Submit, type FieldError } from './voice-forms';

/**
 * The pages of following by mail (issue 10), in Dutch (the mails are Dutch too): the subscribe
 * forms, "check your mailbox", confirm, one-click unsubscribe and the manage page. Plain forms:
 * no JavaScript, no cookie; the signed form token, the honeypot and the rate limits of the
 * citizen-voice forms protect them.
 */

export const followPath = (orgSlug: string) => `${orgPath(orgSlug)}/volgen`;
export const followChangePath = (orgSlug: string, changeSlug: string) => `${changePath(orgSlug, changeSlug)}/volgen`;

const FREQUENCY_CHOICES = [
  { value: 'immediate', label: 'Meteen, bij elk nieuw bericht' },
  { value: 'weekly', label: 'Eén keer per week, in een overzicht' },
];

export interface FollowFormProps {
  organization: Organization;
  change?: Change;
  groups: { id: string; name: string }[];
  token: string;
  values: { email?: string | undefined; groupIds?: string[]; frequency?: string | undefined };
  errors: FieldError[];
}

const crumbs = (view: View, organization: Organization, change: Change | undefined, last: string) => [
  { label: view.t.home, href: view.href('/') },
  { label: organization.name, href: view.href(orgPath(organization.slug)) },
  ...(change ? [{ label: change.title, href: view.href(changePath(organization.slug, change.slug)) }] : []),
  { label: last },
];

const EmailField = ({ value, error }: { value: string | undefined; error: FieldError | undefined }) => (
  <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
    <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="veld-email">Uw e-mailadres</label></div>
    <div class="utrecht-form-field-description" id="veld-email-uitleg">Wij gebruiken uw adres alleen voor deze berichten.</div>
    {error ? <p class="utrecht-form-field-error-message helder-field-error" id="veld-email-fout"><span class="helder-visually-hidden">Fout: </span>{error.message}</p> : null}
    <div class="utrecht-form-field__input">
      <input
        class={`utrecht-textbox utrecht-textbox--html-input helder-textbox${error ? ' utrecht-textbox--invalid' : ''}`}
        type="email"
        id="veld-email"
        name="email"
        value={value ?? ''}
        maxlength={254}
        autocomplete="email"
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'veld-email-uitleg veld-email-fout' : 'veld-email-uitleg'}
      />
    </div>
  </div>
);

const GroupChoices = ({ groups, checked, legend, single }: { groups: FollowFormProps['groups']; checked: string[]; legend: string; single: boolean }) => (
  <fieldset class="utrecht-form-fieldset helder-question">
    <legend class="utrecht-form-fieldset__legend helder-question__legend">{legend}</legend>
    <p class="utrecht-form-field-description helder-question__description">
      {single ? 'Dan zeggen wij in elke mail wat het voor die groep betekent.' : 'Kiest u geen groep? Dan krijgt u alles van de gemeente.'}
    </p>
    <div class="helder-choices">
      {single ? (
        <div class="helder-choice">
          <input class="utrecht-radio-button utrecht-radio-button--html-input helder-choice__input" type="radio" id="veld-groep-geen" name="groupIds" value="" checked={checked.length === 0} />
          <label class="utrecht-form-label utrecht-form-label--radio helder-choice__label" for="veld-groep-geen">Geen groep</label>
        </div>
      ) : null}
      {groups.map((g, i) => (
        <div class="helder-choice">
          <input
            class={single ? 'utrecht-radio-button utrecht-radio-button--html-input helder-choice__input' : 'utrecht-checkbox utrecht-checkbox--html-input helder-choice__input'}
            type={single ? 'radio' : 'checkbox'}
            id={`veld-groep-${i}`}
            name="groupIds"
            value={g.id}
            checked={checked.includes(g.id)}
          />
          <label class={`utrecht-form-label ${single ? 'utrecht-form-label--radio' : 'utrecht-form-label--checkbox'} helder-choice__label`} for={`veld-groep-${i}`}>{g.name}</label>
        </div>
      ))}
    </div>
  </fieldset>
);

/** The subscribe form: for one change ("Volg deze verandering") or for the organization and its groups. */
export const renderFollowForm = (view: View, p: FollowFormProps): string => {
  const title = p.change ? `Volg deze verandering: ${p.change.title}` : `Volg alles van ${p.organization.name}`;
  const path = p.change ? followChangePath(p.organization.slug, p.change.slug) : followPath(p.organization.slug);
  return renderPage({
    view,
    path,
    title,
    description: 'Krijg een mail als er iets verandert.',
    organization: p.organization,
    noindex: true,
    breadcrumbs: crumbs(view, p.organization, p.change, 'Volgen'),
    children: (
      <div lang="nl">
        <Heading level={1}>{title}</Heading>
        <Paragraph lead>
          {p.change
            ? 'Wij sturen u een mail als er iets verandert. Bijvoorbeeld als de gemeenteraad een besluit neemt, als de planning verschuift of als een doel wel of niet wordt gehaald.'
            : 'Wij sturen u een mail als er iets verandert bij een van de veranderingen. U kunt ook alleen volgen wat voor uw groep belangrijk is.'}
        </Paragraph>
        <Paragraph>U krijgt eerst een mail met een link. Pas als u op die link klikt, krijgt u berichten. U kunt altijd met één klik stoppen.</Paragraph>
        <ErrorSummary view={view} errors={p.errors} />
        <form class="utrecht-form helder-follow-form" method="post" action={view.href(followPath(p.organization.slug))}>
          <input type="hidden" name="token" value={p.token} />
          <input type="hidden" name="scope" value={p.change ? 'change' : 'organization'} />
          {p.change ? <input type="hidden" name="changeId" value={p.change.id} /> : null}
          <EmailField value={p.values.email} error={p.errors.find((e) => e.field === 'email')} />
          {p.groups.length > 0 ? (
            <GroupChoices groups={p.groups} checked={p.values.groupIds ?? []} single={Boolean(p.change)} legend={p.change ? 'Hoort u bij een van deze groepen? (niet verplicht)' : 'Welke groepen wilt u volgen? (niet verplicht)'} />
          ) : null}
          <ChoiceGroup view={view} id="veld-frequency" name="frequency" legend="Hoe vaak wilt u een mail?" choices={FREQUENCY_CHOICES} value={p.values.frequency ?? 'immediate'} />
          <Honeypot view={view} />
          <Submit>Stuur mij berichten</Submit>
        </form>
        <Paragraph small>
          Wat wij bewaren en hoe lang, leest u op de pagina <Link href={view.href('/privacy')}>Privacy</Link>.
        </Paragraph>
      </div>
    ),
  });
};

/** A short page of one message and its next steps (check your mail, confirmed, unsubscribed, a form that asks for a click). */
export const renderFollowMessage = (
  view: View,
  p: { organization: Organization; path: string; title: string; lines: string[]; links?: { label: string; href: string }[]; form?: { action: string; button: string; fields?: Record<string, string> } },
): string =>
  renderPage({
    view,
    path: p.path,
    title: p.title,
    description: p.title,
    organization: p.organization,
    noindex: true,
    breadcrumbs: crumbs(view, p.organization, undefined, p.title),
    children: (
      <div lang="nl">
        <Heading level={1}>{p.title}</Heading>
        {p.lines.map((l, i) => <Paragraph lead={i === 0}>{l}</Paragraph>)}
        {p.form ? (
          <form class="utrecht-form" method="post" action={p.form.action}>
            {Object.entries(p.form.fields ?? {}).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
            <Submit>{p.form.button}</Submit>
          </form>
        ) : null}
        {p.links && p.links.length > 0 ? (
          <UnorderedList class="helder-next-steps">{p.links.map((l) => <ListItem><Link href={l.href}>{l.label}</Link></ListItem>)}</UnorderedList>
        ) : null}
      </div>
    ),
  });

/** The manage page, reached through the signed link in every mail. */
export const renderManagePage = (view: View, p: { organization: Organization; path: string; email: string; items: ManagedSubscription[]; unsubscribeHref: (token: string) => string }): string =>
  renderPage({
    view,
    path: p.path,
    title: 'Uw berichten',
    description: 'Bekijk wat u volgt, of stop ermee.',
    organization: p.organization,
    noindex: true,
    breadcrumbs: crumbs(view, p.organization, undefined, 'Uw berichten'),
    children: (
      <div lang="nl">
        <Heading level={1}>Uw berichten</Heading>
        <Paragraph lead>Wij sturen berichten naar {p.email}. Dit volgt u:</Paragraph>
        <ul class="utrecht-unordered-list helder-subscriptions">
          {p.items.map((item) => (
            <li class="utrecht-unordered-list__item">
              <span>{item.label}</span>
              {' — '}
              {item.subscription.confirmedAt ? (item.subscription.frequency === 'weekly' ? 'één keer per week' : 'meteen') : 'nog niet bevestigd'}
              <form class="helder-inline-form" method="post" action={p.unsubscribeHref(item.unsubscribeToken)}>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">Stop hiermee<span class="helder-visually-hidden">: {item.label}</span></button>
              </form>
            </li>
          ))}
        </ul>
        <Heading level={2}>Alles stoppen</Heading>
        <Paragraph>Wilt u geen enkel bericht meer? Dan wissen wij ook uw e-mailadres.</Paragraph>
        <form class="utrecht-form" method="post" action={view.href(`${p.path}/afmelden`)}>
          <Submit>Stop met alle berichten en wis mijn adres</Submit>
        </form>
      </div>
    ),
  });
