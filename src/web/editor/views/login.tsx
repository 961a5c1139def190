import { Alert, Heading, Paragraph } from '../../views/components';
import { editorUrls } from '../urls';
import { CsrfField, ErrorSummary, InputField, SubmitButton, type FieldError } from './form';

export interface LoginProps {
  csrf: string;
  email?: string;
  back?: string | undefined;
  errors?: FieldError[];
  /** Seconds until another attempt is allowed. */
  lockedFor?: number;
  notice?: string | undefined;
}

export const minutes = (seconds: number): string => {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minuut' : `${m} minuten`;
};

export const LoginPage = (p: LoginProps) => (
  <>
    <ErrorSummary errors={p.errors ?? []} />
    {p.lockedFor ? (
      <Alert type="error" heading="Te veel mislukte pogingen">
        <Paragraph>Om uw account te beschermen kunt u het over {minutes(p.lockedFor)} opnieuw proberen.</Paragraph>
      </Alert>
    ) : null}
    {p.notice ? <Alert type="info"><Paragraph>{p.notice}</Paragraph></Alert> : null}
    <Heading level={1}>Inloggen</Heading>
    <Paragraph>Log in om veranderingen, doelen en maatregelen van uw organisatie bij te houden.</Paragraph>
    <form class="helder-form" method="post" action={editorUrls.login()} novalidate>
      <CsrfField token={p.csrf} />
      {p.back ? <input type="hidden" name="terug" value={p.back} /> : null}
      <InputField name="email" label="E-mailadres" type="email" autocomplete="username" value={p.email} errors={p.errors} />
      <InputField name="password" label="Wachtwoord" type="password" autocomplete="current-password" errors={p.errors} maxlength={256} />
      <div class="helder-form-actions">
        <SubmitButton>Inloggen</SubmitButton>
      </div>
    </form>
  </>
);

export const TotpPage = (p: { csrf: string; errors?: FieldError[]; lockedFor?: number }) => (
  <>
    <ErrorSummary errors={p.errors ?? []} />
    <Heading level={1}>Code uit uw app</Heading>
    <Paragraph>Open de authenticator-app op uw telefoon en vul de code van zes cijfers in die bij Helder staat.</Paragraph>
    <form class="helder-form" method="post" action={editorUrls.totp()} novalidate>
      <CsrfField token={p.csrf} />
      <InputField name="code" label="Code (6 cijfers)" inputmode="numeric" autocomplete="one-time-code" errors={p.errors} maxlength={9} />
      <div class="helder-form-actions">
        <SubmitButton>Controleren</SubmitButton>
      </div>
    </form>
  </>
);
