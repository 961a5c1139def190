import type { Child } from 'hono/jsx';
import type { LanguageReport } from '../../../language';
import { EXPECTATION_KINDS, EXPECTATION_SOURCES, EXPECTATION_STATUSES } from '../../../modules/expectations';
import { Alert, DataList, Heading, Paragraph } from '../../views/components';
import type { Values } from '../forms';
import { optionsOf } from '../labels';
import { Select, TextArea, TextInput, type Option } from './fields';
import { CsrfField, ErrorSummary, fieldId, RevisionField, SubmitButton, type FieldError } from './form';

/** Lower-case field names for messages; the response's fields carry a `response` prefix on the page. */
export const EXPECTATION_LABELS: Record<string, string> = {
  text: 'de verwachting',
  kind: 'de soort verwachting',
  source: 'de bron',
  groupId: 'de doelgroep',
  statementId: 'de uitspraak',
  raisedBy: 'wie het zei',
  raisedWhere: 'waar het gezegd is',
  raisedOn: 'de datum',
  sourceUrl: 'de link',
  status: 'de beoordeling',
  goalIds: 'de doelen',
  decisionIds: 'de besluiten',
  response: 'het antwoord',
  responseChannel: 'waar we het vertellen',
  responseDate: 'de datum van het antwoord',
};

export const EXPECTATION_KIND_LABELS: Record<string, string> = { predictive: 'Voorspellend: wat er zal gebeuren', normative: 'Normatief: wat er zou moeten gebeuren' };
export const EXPECTATION_SOURCE_LABELS: Record<string, string> = { poll: 'Peiling', reaction: 'Reactie', consultation: 'Inspraak of consultatie', political_statement: 'Politieke uitspraak', media: 'Media' };
export const EXPECTATION_STATUS_LABELS: Record<string, string> = {
  supported: 'Terecht: een doel of besluit onderbouwt haar',
  partly: 'Deels terecht',
  unfounded: 'Onterecht: niets wat besloten is onderbouwt haar',
  contradicted: 'Tegengesproken: een doel zegt iets anders',
};

export interface ExpectationOptions {
  groups: Option[];
  statements: Option[];
  goals: Option[];
  decisions: Option[];
}

/** Checkboxes for a list of ids; the fieldset carries `id="veld-{name}"` for the error summary. */
const CheckboxList = (p: { name: string; legend: string; description: string; options: Option[]; checked: string[]; errors: FieldError[]; empty: string; suggested?: string[]; children?: Child }) => {
  const error = p.errors.find((e) => e.field === p.name);
  const id = fieldId(p.name);
  return (
    <fieldset class={`utrecht-form-fieldset helder-fieldset${error ? ' utrecht-form-field--invalid' : ''}`} id={id} aria-describedby={[`${id}-uitleg`, error ? `${id}-fout` : ''].filter(Boolean).join(' ')}>
      <legend class="utrecht-form-fieldset__legend">{p.legend}</legend>
      <div class="utrecht-form-field-description" id={`${id}-uitleg`}>{p.description}</div>
      {error ? <p class="utrecht-form-field-error-message helder-field-error" id={`${id}-fout`}><span class="helder-visually-hidden">Fout: </span>{error.message}</p> : null}
      {p.options.length === 0 ? <Paragraph>{p.empty}</Paragraph> : p.options.map((o, i) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`${id}-${i}`} name={p.name} value={o.value} checked={p.checked.includes(o.value)} />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-${i}`}>
              {o.label}
              {p.suggested?.includes(o.value) ? <strong> (voorgesteld)</strong> : null}
            </label>
          </div>
        </div>
      ))}
      {p.children ?? null}
    </fieldset>
  );
};

export interface ExpectationFormProps {
  action: string;
  values: Values;
  goalIds: string[];
  decisionIds: string[];
  options: ExpectationOptions;
  /** Goals `suggestGoals` proposed after "Stel doelen voor"; already checked. */
  suggested: string[];
  isNew: boolean;
}

/** What is expected, by whom, from where, and how the register judges it, with the goals and decisions behind it. */
const ExpectationForm = ({ f, csrf, errors, cancelHref }: { f: ExpectationFormProps; csrf: string; errors: FieldError[]; cancelHref: string }) => (
  <form class="helder-form helder-form--wide" method="post" action={f.action} novalidate>
    <CsrfField token={csrf} />
    <RevisionField value={f.values.versie} />
    <TextArea name="text" label="Wat verwacht men?" description="In één of twee zinnen, zoals mensen het zeggen." value={f.values.text} rows={3} maxlength={2000} errors={errors} />
    <Select name="kind" label="Soort verwachting" value={f.values.kind} options={optionsOf(EXPECTATION_KINDS, EXPECTATION_KIND_LABELS)} errors={errors} />
    <Select name="source" label="Waar kwam de verwachting vandaan?" value={f.values.source} options={optionsOf(EXPECTATION_SOURCES, EXPECTATION_SOURCE_LABELS, 'Kies een bron')} errors={errors} />
    <Select name="groupId" label="Wie verwacht dit?" value={f.values.groupId} options={[{ value: '', label: 'Iedereen (geen bepaalde doelgroep)' }, ...f.options.groups]} errors={errors} />
    <Select name="statementId" label="Uitspraak die de verwachting wekte (optioneel)" value={f.values.statementId} options={[{ value: '', label: 'Geen uitspraak' }, ...f.options.statements]} errors={errors} />
    <TextInput name="raisedBy" label="Wie zei het? (optioneel)" description="Een publiek persoon, een organisatie of een groep, zoals “deelnemers peiling”. Nooit de naam van een inwoner: het register is openbaar." value={f.values.raisedBy} maxlength={200} errors={errors} />
    <TextInput name="raisedWhere" label="Waar? (optioneel)" value={f.values.raisedWhere} maxlength={200} errors={errors} />
    <TextInput name="raisedOn" type="date" label="Wanneer? (optioneel)" value={f.values.raisedOn} errors={errors} size="small" />
    <TextInput name="sourceUrl" type="url" label="Link naar de bron (optioneel)" value={f.values.sourceUrl} maxlength={2000} errors={errors} />
    <Select name="status" label="Beoordeling" description="Terecht of deels terecht: kies wat haar onderbouwt. Tegengesproken: kies het doel dat iets anders zegt. Onterecht: niets aanvinken, en schrijf daarna een antwoord." value={f.values.status} options={optionsOf(EXPECTATION_STATUSES, EXPECTATION_STATUS_LABELS, 'Kies een beoordeling')} errors={errors} />
    <CheckboxList name="goalIds" legend="Doelen" description="Doelen die de verwachting onderbouwen, of (bij tegengesproken) iets anders zeggen." options={f.options.goals} checked={f.goalIds} suggested={f.suggested} errors={errors} empty="Deze verandering heeft nog geen doelen.">
      {f.options.goals.length > 0 ? (
        <div class="helder-form-actions">
          <button type="submit" name="actie" value="doelen" class="utrecht-button utrecht-button--secondary-action">Stel doelen voor</button>
        </div>
      ) : null}
    </CheckboxList>
    <CheckboxList name="decisionIds" legend="Besluiten" description="Alleen een aangenomen besluit onderbouwt een verwachting; een verworpen motie kan haar tegenspreken." options={f.options.decisions} checked={f.decisionIds} errors={errors} empty="Bij deze verandering zijn nog geen besluiten vastgelegd." />
    <div class="helder-form-actions">
      <SubmitButton>{f.isNew ? 'Verwachting vastleggen' : 'Opslaan'}</SubmitButton>
      <a class="utrecht-link" href={cancelHref}>Annuleren</a>
    </div>
  </form>
);

/** What we tell people about an expectation we will not meet, where and when (legitimacy rule 11). */
const ResponseForm = ({ r, csrf, errors }: { r: NonNullable<ExpectationPageProps['response']>; csrf: string; errors: FieldError[] }) => (
  <section aria-labelledby="kop-antwoord">
    <Heading level={2} id="kop-antwoord">Antwoord: wat we mensen vertellen</Heading>
    <Paragraph>
      {r.needed
        ? 'Deze verwachting is onterecht of wordt door een doel tegengesproken. Vertel mensen wat ze wel kunnen verwachten. Het antwoord staat op de website bij “Wat u wel en niet kunt verwachten”.'
        : 'Niet verplicht: alleen onterechte of tegengesproken verwachtingen hebben een antwoord nodig.'}
    </Paragraph>
    <form class="helder-form helder-form--wide" method="post" action={r.action} novalidate>
      <CsrfField token={csrf} />
      <RevisionField value={r.values.versie} />
      <TextArea name="response" label="Wat vertellen we mensen?" description="Schrijf in eenvoudige taal (B1)." value={r.values.response} rows={4} maxlength={5000} errors={errors} feedback={r.feedback} />
      <TextInput name="responseChannel" label="Waar vertellen we het?" description="Bijvoorbeeld: de pagina van de verandering, een brief, de gemeenteraad" value={r.values.responseChannel} maxlength={200} errors={errors} />
      <TextInput name="responseDate" type="date" label="Wanneer?" value={r.values.responseDate} errors={errors} size="small" />
      <div class="helder-form-actions">
        <SubmitButton>Antwoord opslaan</SubmitButton>
        <button type="submit" name="actie" value="taalcheck" class="utrecht-button utrecht-button--secondary-action">Taalcheck zonder opslaan</button>
      </div>
    </form>
  </section>
);

export interface ExpectationPageProps {
  heading: string;
  notice?: { type: 'ok' | 'info' | 'warning'; text: string } | undefined;
  errors: FieldError[];
  csrf: string;
  cancelHref: string;
  /** The expectation itself: editors and admins; other roles see `summary`. */
  form?: ExpectationFormProps | undefined;
  summary?: [string, string][] | undefined;
  /** The response; absent on the form that records a new expectation. */
  response?: { action: string; values: Values; feedback?: LanguageReport | undefined; needed: boolean } | undefined;
}

/** A new expectation, or one expectation with its response: one error summary for both forms. */
export const ExpectationPage = (p: ExpectationPageProps) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    {p.notice ? <Alert type={p.notice.type}><Paragraph>{p.notice.text}</Paragraph></Alert> : null}
    <ErrorSummary errors={p.errors} />
    {p.form ? <ExpectationForm f={p.form} csrf={p.csrf} errors={p.errors} cancelHref={p.cancelHref} /> : null}
    {p.summary ? <DataList rows={p.summary} /> : null}
    {p.response ? <ResponseForm r={p.response} csrf={p.csrf} errors={p.errors} /> : null}
    {p.form ? null : <Paragraph><a class="utrecht-link" href={p.cancelHref}>Terug naar de verandering</a></Paragraph>}
  </>
);
