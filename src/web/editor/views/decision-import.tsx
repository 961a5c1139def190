import type { DecisionImportPreview, MotionOutcome } from '../../../modules/imports';
import { Alert, Heading, Link, Paragraph, StatusBadge, Table } from '../../views/components';
import { DECISION_KIND_LABELS, OUTCOME_LABELS } from '../labels';
import { editorUrls } from '../urls';
import { CsrfField, ErrorSummary, fieldId, SubmitButton, type FieldError } from './form';

/** The page of the Popolo decisions import (routes/decision-imports.routes.ts): the text box, the preview per motion, the commit button. */

const STATUS: Record<MotionOutcome, { label: string; tone: 'success' | 'neutral' | 'danger' }> = {
  new: { label: 'Nieuw', tone: 'success' },
  present: { label: 'Staat er al', tone: 'neutral' },
  invalid: { label: 'Fout', tone: 'danger' },
};

/** Every problem, with its JSON path (`motions[3].date`) so the clerk finds it in the file. */
export const errorsOf = (preview: DecisionImportPreview): FieldError[] => preview.issues.map((i) => ({ field: 'json', message: `${i.path === 'file' ? 'Bestand' : i.path}: ${i.message}` }));

/** Where the import lives in the editor. */
export const pagePath = (org: string) => `${editorUrls.dashboard(org)}/importeren/besluiten`;
const votesOf = (v: { for: number; against: number; abstain: number } | null) => (v ? `${v.for} voor, ${v.against} tegen${v.abstain ? `, ${v.abstain} onthouding` : ''}` : '—');

const JsonBox = ({ value, errors }: { value: string; errors: FieldError[] }) => (
  <div class={`utrecht-form-field utrecht-form-field--distanced${errors.length > 0 ? ' utrecht-form-field--invalid' : ''}`}>
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={fieldId('json')}>Inhoud van het Popolo-bestand (JSON)</label>
    </div>
    <div class="utrecht-form-field-description" id={`${fieldId('json')}-uitleg`}>
      Een export uit het raadsinformatiesysteem of van Open Raadsinformatie in Popolo-formaat: een object met <code>motions</code> (kenmerk, tekst, soort,
      orgaan, datum) en <code>vote_events</code> (uitslag, aantallen stemmen per optie, eventueel per fractie). Open het bestand, kopieer alles en plak het hier.
    </div>
    <div class="utrecht-form-field__input">
      <textarea class="utrecht-textarea" id={fieldId('json')} name="json" rows={14} spellcheck={false} aria-describedby={`${fieldId('json')}-uitleg`} aria-invalid={errors.length > 0 ? 'true' : undefined}>
        {value}
      </textarea>
    </div>
  </div>
);

const PreviewTable = ({ preview, org }: { preview: DecisionImportPreview; org: string }) => (
  <Table
    caption="Wat er per motie gebeurt"
    head={['Plaats', 'Kenmerk', 'Titel', 'Soort', 'Datum', 'Uitkomst', 'Stemmen', 'Resultaat']}
    rows={preview.rows.map((r) => [
      <code>{r.path}</code>,
      r.reference ?? '—',
      r.existingId ? <Link href={editorUrls.edit(org, 'decision', r.existingId)}>{r.title ?? '—'}</Link> : (r.title ?? '—'),
      r.kind ? (DECISION_KIND_LABELS[r.kind] ?? r.kind) : '—',
      r.date ?? '—',
      r.outcome ? (OUTCOME_LABELS[r.outcome] ?? r.outcome) : '—',
      `${votesOf(r.votes)}${r.partyVotes.length > 0 ? ` (${r.partyVotes.length} fracties)` : ''}`,
      <>
        <StatusBadge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</StatusBadge>
        {r.issues.map((i) => (
          <span class="helder-field-error"> {i.path}: {i.message}</span>
        ))}
      </>,
    ])}
  />
);

/** What the page shows: what was pasted, its preview and errors, or how many decisions were written. */
export interface DecisionImportProps {
  organization: { slug: string };
  title: string;
  csrf: string;
  json: string;
  preview?: DecisionImportPreview | undefined;
  errors: FieldError[];
  written?: number | undefined;
}

/** The import page: error summary, confirmation, preview, "Vastleggen" once something new is clean, the text box. */
export const DecisionImportPage = ({ organization, title, csrf, errors, ...p }: DecisionImportProps) => {
  const ready = p.preview && p.preview.issues.length === 0 && p.preview.counts.new > 0;
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading level={1}>{title}</Heading>
      {p.written !== undefined ? <Alert type="ok" heading="Vastgelegd">{`${p.written} besluit(en) vastgelegd, in één keer.`}</Alert> : null}
      <Paragraph>
        Eerst ziet u per motie wat er gebeurt; er wordt pas iets opgeslagen als u op “Vastleggen” drukt. Is één motie fout, dan wordt niets opgeslagen. Een motie
        met hetzelfde kenmerk en dezelfde datum als een besluit dat er al staat, wordt overgeslagen.
      </Paragraph>
      {p.preview && p.preview.rows.length > 0 ? (
        <>
          <Paragraph>{`${p.preview.rows.length} moties: ${p.preview.counts.new} nieuw, ${p.preview.counts.present} staan er al, ${p.preview.counts.invalid} fout.`}</Paragraph>
          <PreviewTable preview={p.preview} org={organization.slug} />
        </>
      ) : null}
      {ready ? (
        <form method="post" action={`${pagePath(organization.slug)}/vastleggen`}>
          <CsrfField token={csrf} />
          <input type="hidden" name="json" value={p.json} />
          <SubmitButton>Vastleggen</SubmitButton>
        </form>
      ) : null}
      <form method="post" action={pagePath(organization.slug)}>
        <CsrfField token={csrf} />
        <JsonBox value={p.json} errors={errors} />
        <SubmitButton secondary={ready}>Bekijken (nog niet opslaan)</SubmitButton>
      </form>
    </>
  );
};
