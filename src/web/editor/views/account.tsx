import { Alert, Heading, Paragraph, StatusBadge, Table } from '../../views/components';
import { editorUrls } from '../urls';
import { CsrfField, ErrorSummary, InputField, SubmitButton, fieldId, type FieldError } from './form';

export interface TokenRow {
  id: string;
  name: string;
  organization: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface AccountProps {
  csrf: string;
  name: string;
  email: string;
  memberships: { organization: string; role: string }[];
  totp: { enabled: boolean; pending?: { secret: string; grouped: string; uri: string } | undefined; required: boolean };
  /** The session may only enrol TOTP (an admin's first login). */
  enrolOnly: boolean;
  tokens: TokenRow[];
  organizations: { id: string; name: string }[];
  scopes: { value: string; label: string }[];
  newToken?: string | undefined;
  errors?: FieldError[];
  values?: { name?: string; organizationId?: string; scopes?: string[] };
}

const date = (iso: string | null): string => (iso ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)) : '—');

const Totp = ({ p }: { p: AccountProps }) => (
  <section aria-labelledby="tweestapsverificatie">
    <Heading level={2} id="tweestapsverificatie">Tweestapsverificatie</Heading>
    {p.totp.enabled ? (
      <Paragraph><StatusBadge tone="success">Aan</StatusBadge> Bij het inloggen vragen we een code uit uw authenticator-app.</Paragraph>
    ) : p.totp.pending ? (
      <>
        <Paragraph>Voeg Helder toe aan uw authenticator-app (bijvoorbeeld FreeOTP, Aegis, Google of Microsoft Authenticator). Typ de geheime sleutel over, of open de koppeling op uw telefoon. Vul daarna de code in die de app toont.</Paragraph>
        <Paragraph>Geheime sleutel: <span class="helder-secret">{p.totp.pending.grouped}</span></Paragraph>
        <Paragraph>Koppeling voor de app: <a class="utrecht-link helder-uri" href={p.totp.pending.uri}>{p.totp.pending.uri}</a></Paragraph>
        <form class="helder-form" method="post" action={editorUrls.confirmTotp()} novalidate>
          <CsrfField token={p.csrf} />
          <InputField name="code" label="Code uit de app (6 cijfers)" inputmode="numeric" autocomplete="one-time-code" errors={p.errors} maxlength={9} />
          <div class="helder-form-actions"><SubmitButton>Tweestapsverificatie aanzetten</SubmitButton></div>
        </form>
      </>
    ) : (
      <>
        <Paragraph>
          {p.totp.required ? 'Als beheerder moet u tweestapsverificatie gebruiken.' : 'Met tweestapsverificatie is uw account ook veilig als iemand uw wachtwoord kent.'} U heeft een authenticator-app op uw telefoon nodig.
        </Paragraph>
        <form method="post" action={editorUrls.startTotp()}>
          <CsrfField token={p.csrf} />
          <SubmitButton>Tweestapsverificatie instellen</SubmitButton>
        </form>
      </>
    )}
  </section>
);

const Tokens = ({ p }: { p: AccountProps }) => (
  <section aria-labelledby="sleutels">
    <Heading level={2} id="sleutels">API-sleutels</Heading>
    <Paragraph>Met een API-sleutel kan een ander systeem namens u gegevens schrijven, bijvoorbeeld metingen. Een sleutel werkt voor één organisatie en nooit voor meer dan uw rol daar toestaat.</Paragraph>
    {p.newToken ? (
      <Alert type="ok" heading="Uw nieuwe API-sleutel">
        <Paragraph>Kopieer de sleutel nu: hij wordt maar één keer getoond.</Paragraph>
        <Paragraph><span class="helder-secret">{p.newToken}</span></Paragraph>
      </Alert>
    ) : null}
    {p.tokens.length > 0 ? (
      <Table
        caption="Uw API-sleutels"
        head={['Naam', 'Organisatie', 'Rechten', 'Begint met', 'Gemaakt', 'Verloopt', 'Laatst gebruikt', '']}
        rows={p.tokens.map((t) => [
          t.name,
          t.organization,
          t.scopes.join(', '),
          <code>{t.prefix}…</code>,
          date(t.createdAt),
          date(t.expiresAt),
          date(t.lastUsedAt),
          t.revoked ? (
            <StatusBadge tone="inactive">Ingetrokken</StatusBadge>
          ) : (
            <form class="helder-inline-form" method="post" action={editorUrls.revokeToken(t.id)}>
              <CsrfField token={p.csrf} />
              <SubmitButton secondary>Intrekken<span class="helder-visually-hidden"> {t.name}</span></SubmitButton>
            </form>
          ),
        ])}
      />
    ) : null}
    <Heading level={3}>Nieuwe sleutel</Heading>
    <form class="helder-form" method="post" action={editorUrls.tokens()} novalidate>
      <CsrfField token={p.csrf} />
      <InputField name="name" label="Naam (waarvoor is deze sleutel?)" value={p.values?.name} errors={p.errors} maxlength={80} />
      <div class="utrecht-form-field utrecht-form-field--distanced">
        <label class="utrecht-form-label" for={fieldId('organizationId')}>Organisatie</label>
        <select class="utrecht-select utrecht-select--html-select" id={fieldId('organizationId')} name="organizationId">
          {p.organizations.map((o) => <option value={o.id} selected={o.id === p.values?.organizationId}>{o.name}</option>)}
        </select>
      </div>
      <fieldset class="utrecht-form-fieldset" id={fieldId('scopes')}>
        <legend class="utrecht-form-fieldset__legend">Rechten</legend>
        {p.errors?.some((e) => e.field === 'scopes') ? <p class="helder-field-error">{p.errors.find((e) => e.field === 'scopes')?.message}</p> : null}
        {p.scopes.map((s) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`scope-${s.value}`} name="scopes" value={s.value} checked={p.values?.scopes?.includes(s.value)} />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`scope-${s.value}`}>{s.label} (<code>{s.value}</code>)</label>
          </div>
        ))}
      </fieldset>
      <div class="helder-form-actions"><SubmitButton>Sleutel maken</SubmitButton></div>
    </form>
  </section>
);

/** The account page: roles, TOTP enrolment (secret and otpauth URI as text; no QR service) and API tokens. */
export const AccountPage = (p: AccountProps) => (
  <>
    <ErrorSummary errors={p.errors ?? []} />
    {p.enrolOnly ? (
      <Alert type="warning" heading="Stel eerst tweestapsverificatie in">
        <Paragraph>U bent beheerder. Daarom kunt u pas verder nadat u tweestapsverificatie heeft ingesteld.</Paragraph>
      </Alert>
    ) : null}
    <Heading level={1}>Uw account</Heading>
    <Paragraph>{p.name} ({p.email})</Paragraph>
    {p.memberships.length > 0 ? (
      <Table caption="Uw rollen" head={['Organisatie', 'Rol']} rows={p.memberships.map((m) => [m.organization, m.role])} />
    ) : null}
    <Totp p={p} />
    {p.enrolOnly ? null : <Tokens p={p} />}
  </>
);
