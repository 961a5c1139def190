import type { OutboxLine } from '../../../modules/notifications';
import { Alert, Heading, Paragraph, Table } from '../../views/components';
import { editorUrls } from '../urls';
import { CsrfField, ErrorSummary, InputField, SubmitButton, type FieldError } from './form';

/** The mail page of an organization (routes/notifications.routes.ts): settings, counts, the outbox. */

export const notificationsUrl = (org: string) => `${editorUrls.dashboard(org)}/meldingen`;
const dateTime = (iso: string | null): string => (iso ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)) : '—');

const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const KIND: Record<string, string> = { confirm: 'Bevestiging', event: 'Bericht', digest: 'Weekoverzicht' };

/** What happened to one mail, as the editor reads it. */
export const stateLabel = (l: Pick<OutboxLine, 'state' | 'via' | 'lastError' | 'attempts'>): string => {
  if (l.state === 'sent') return l.via === 'file' ? 'Niet verstuurd: geen mailserver ingesteld' : l.via === 'none' ? 'Niet nodig (niets meer te melden)' : 'Verstuurd';
  if (l.state === 'failed') return `Mislukt na ${l.attempts} pogingen: ${l.lastError ?? 'onbekende fout'}`;
  if (l.state === 'pending') return l.attempts > 0 ? `Wacht op een nieuwe poging (${l.attempts} mislukt: ${l.lastError ?? ''})` : 'Wacht op verzending';
  return { sending: 'Wordt verstuurd', held: 'Wacht op het weekoverzicht', digested: 'In het weekoverzicht' }[l.state] ?? l.state;
};

export interface NotificationsProps {
  organization: { slug: string; name: string };
  csrf: string;
  isAdmin: boolean;
  settings: { senderAddress: string | null; digestDay: number };
  settingsValues?: { senderAddress?: string | undefined; digestDay?: string | undefined };
  counts: { organization: number; changes: { title: string; count: number }[]; groups: { name: string; count: number }[] };
  outbox: { counts: Record<string, number>; lines: OutboxLine[] };
  failedOnly: boolean;
  errors: FieldError[];
  notice?: string | undefined;
  smtp: boolean;
}

export const NotificationsPage = (p: NotificationsProps) => {
  const base = notificationsUrl(p.organization.slug);
  return (
    <>
      <Heading level={1}>Berichten aan inwoners</Heading>
      <ErrorSummary errors={p.errors} />
      {p.notice ? <Alert type="ok">{p.notice}</Alert> : null}
      {p.smtp ? null : (
        <Alert type="info" heading="Geen mailserver ingesteld">
          Helder schrijft de mails nu als bestanden weg in plaats van ze te versturen. Stel HELDER_SMTP_URL in om echt te versturen.
        </Alert>
      )}

      <Heading level={2} id="volgers">Volgers</Heading>
      <Paragraph>Alleen aantallen van bevestigde aanmeldingen. Wie volgt, ziet u hier niet.</Paragraph>
      <Table caption="Volgers per verandering" head={['Verandering', 'Volgers']} numeric={[1]} rows={p.counts.changes.map((c) => [c.title, String(c.count)])} />
      <Table caption="Volgers per groep" head={['Groep', 'Volgers']} numeric={[1]} rows={p.counts.groups.map((g) => [g.name, String(g.count)])} />
      <Paragraph>Volgen alles van {p.organization.name}: {p.counts.organization}</Paragraph>

      <Heading level={2} id="uitgaand">Uitgaande mail</Heading>
      <Paragraph>
        {Object.entries(p.outbox.counts).map(([state, n]) => `${stateLabel({ state, via: null, lastError: null, attempts: 0 }).split(':')[0]}: ${n}`).join(' · ') || 'Nog geen mail.'}
      </Paragraph>
      <p class="utrecht-paragraph">
        {p.failedOnly ? <a class="utrecht-link utrecht-link--html-a" href={base}>Toon alle mail</a> : <a class="utrecht-link utrecht-link--html-a" href={`${base}?mislukt=1`}>Toon alleen mislukte mail</a>}
      </p>
      <Table
        caption={p.failedOnly ? 'Mislukte mail' : 'Nieuwste mail'}
        head={['Aangemaakt', 'Aan', 'Soort', 'Over', 'Status', '']}
        rows={p.outbox.lines.map((l) => [
          dateTime(l.createdAt),
          l.to,
          KIND[l.kind] ?? l.kind,
          l.about,
          stateLabel(l),
          l.state === 'failed' ? (
            <form class="helder-inline-form" method="post" action={`${base}/${encodeURIComponent(l.id)}/opnieuw`}>
              <CsrfField token={p.csrf} />
              <SubmitButton secondary>Opnieuw versturen<span class="helder-visually-hidden">: {l.about}</span></SubmitButton>
            </form>
          ) : (
            ''
          ),
        ])}
      />

      <Heading level={2} id="instellingen">Instellingen</Heading>
      {p.isAdmin ? (
        <form class="helder-form" method="post" action={`${base}/instellingen`}>
          <CsrfField token={p.csrf} />
          <InputField name="senderAddress" type="email" label="Afzender (e-mailadres)" description={`Mails komen van "${p.organization.name}" met dit adres.`} value={p.settingsValues?.senderAddress ?? p.settings.senderAddress ?? ''} errors={p.errors} />
          <div class="utrecht-form-field utrecht-form-field--distanced">
            <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="veld-digestDay">Dag van het weekoverzicht</label></div>
            <div class="utrecht-form-field__input">
              <select class="utrecht-select utrecht-select--html-select" id="veld-digestDay" name="digestDay">
                {DAYS.map((d, i) => <option value={String(i + 1)} selected={String(i + 1) === (p.settingsValues?.digestDay ?? String(p.settings.digestDay))}>{d}</option>)}
              </select>
            </div>
          </div>
          <SubmitButton>Opslaan</SubmitButton>
        </form>
      ) : (
        <Paragraph>Afzender: {p.settings.senderAddress ?? 'standaard'} · weekoverzicht op {DAYS[p.settings.digestDay - 1]}. Alleen een beheerder kan dit wijzigen.</Paragraph>
      )}

      {p.isAdmin ? (
        <>
          <Heading level={2} id="abonnee">Gegevens van één volger (AVG)</Heading>
          <Paragraph>Vraagt iemand welke gegevens wij hebben, of wil iemand dat wij die wissen? Vul het e-mailadres in.</Paragraph>
          <form class="helder-form" method="post" action={`${base}/volger`}>
            <CsrfField token={p.csrf} />
            <InputField name="email" type="email" label="E-mailadres van de volger" errors={p.errors} />
            <div class="helder-form-actions">
              <button type="submit" name="action" value="export" class="utrecht-button utrecht-button--secondary-action">Gegevens downloaden (JSON)</button>{' '}
              <button type="submit" name="action" value="delete" class="utrecht-button utrecht-button--secondary-action">Alle gegevens wissen</button>
            </div>
          </form>
        </>
      ) : null}
    </>
  );
};
