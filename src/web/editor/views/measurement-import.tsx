import type { MeasurementImportPreview, RowOutcome } from '../../../modules/imports';
import { Alert, Heading, Paragraph, StatusBadge, Table } from '../../views/components';
import { editorUrls } from '../urls';
import { CsrfField, ErrorSummary, fieldId, SubmitButton, type FieldError } from './form';

/** The page of the measurements import (routes/measurement-imports.routes.ts): the text box, the preview per row, the commit button. */

const OUTCOME: Record<RowOutcome, { label: string; tone: 'success' | 'warning' | 'neutral' | 'danger' }> = {
  new: { label: 'Nieuw', tone: 'success' },
  replace: { label: 'Vervangt', tone: 'warning' },
  unchanged: { label: 'Ongewijzigd', tone: 'neutral' },
  invalid: { label: 'Fout', tone: 'danger' },
};
const FIELD_NL: Record<string, string> = { goal: 'doel', date: 'datum', value: 'waarde', source: 'bron', note: 'toelichting', row: 'regel' };

/** `line 4.date`/** `line 4.date` → "Regel 4, datum: …": every bad row named, in Dutch, linking to the text box. */
export const errorsOf = (preview: MeasurementImportPreview): FieldError[] =>
  preview.issues.map((i) => {
    const [, line, name] = /^line (\d+)(?:\.(\w+))?$/.exec(i.path) ?? [];
    const where = line ? `Regel ${line}${name ? `, ${FIELD_NL[name] ?? name}` : ''}` : 'Bestand';
    return { field: 'csv', message: `${where}: ${i.message}` };
  });

/** Where the import lives in the editor. */
export const uploadPath = (org: string) => `${editorUrls.dashboard(org)}/importeren/metingen`;

const CsvBox = ({ value, errors }: { value: string; errors: FieldError[] }) => (
  <div class={`utrecht-form-field utrecht-form-field--distanced${errors.length > 0 ? ' utrecht-form-field--invalid' : ''}`}>
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={fieldId('csv')}>Inhoud van het CSV-bestand</label>
    </div>
    <div class="utrecht-form-field-description" id={`${fieldId('csv')}-uitleg`}>
      Open het bestand in een teksteditor, kopieer alles en plak het hier. Kolommen: <code>doel;datum;waarde;bron;toelichting</code> (of met komma's). Het doel is
      het id of <code>verandering/nummer</code>, bijvoorbeeld <code>fietsstalling/1</code>. Datums als 31-03-2026 of 2026-03-31, getallen als 1.234,5.
    </div>
    <div class="utrecht-form-field__input">
      <textarea class="utrecht-textarea" id={fieldId('csv')} name="csv" rows={12} spellcheck={false} aria-describedby={`${fieldId('csv')}-uitleg`} aria-invalid={errors.length > 0 ? 'true' : undefined}>
        {value}
      </textarea>
    </div>
  </div>
);

const PreviewTable = ({ preview }: { preview: MeasurementImportPreview }) => (
  <Table
    caption="Wat er per regel gebeurt"
    head={['Regel', 'Doel', 'Datum', 'Waarde', 'Bron', 'Resultaat']}
    numeric={[0, 3]}
    rows={preview.rows.map((r) => [
      String(r.line),
      r.goalStatement ?? '—',
      r.date ?? '—',
      r.value === null ? '—' : `${r.value.toLocaleString('nl-NL')}${r.outcome === 'replace' ? ` (was ${r.previousValue?.toLocaleString('nl-NL')})` : ''}`,
      r.source,
      <>
        <StatusBadge tone={OUTCOME[r.outcome].tone}>{OUTCOME[r.outcome].label}</StatusBadge>
        {r.issues.map((i) => (
          <span class="helder-field-error"> {FIELD_NL[i.path.split('.')[1] ?? ''] ?? ''}: {i.message}</span>
        ))}
      </>,
    ])}
  />
);

/** What the page shows: what was pasted, its preview and errors, or how many rows were written. */
export interface MeasurementImportProps {
  organization: { slug: string };
  title: string;
  csrf: string;
  csv: string;
  preview?: MeasurementImportPreview | undefined;
  errors: FieldError[];
  written?: number | undefined;
}

/** The import page: error summary, confirmation, preview, "Vastleggen" once the preview is clean, the text box. */
export const MeasurementImportPage = ({ organization, title, csrf, errors, ...p }: MeasurementImportProps) => {
  const ready = p.preview && p.preview.issues.length === 0;
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading level={1}>{title}</Heading>
      {p.written !== undefined ? <Alert type="ok" heading="Vastgelegd">{`${p.written} meting(en) vastgelegd, in één keer.`}</Alert> : null}
      <Paragraph>Eerst ziet u per regel wat er gebeurt; er wordt pas iets opgeslagen als u op “Vastleggen” drukt. Is één regel fout, dan wordt niets opgeslagen.</Paragraph>
      {p.preview && p.preview.rows.length > 0 ? (
        <>
          <Paragraph>
            {`${p.preview.rows.length} regels: ${p.preview.counts.new} nieuw, ${p.preview.counts.replace} vervangen, ${p.preview.counts.unchanged} ongewijzigd, ${p.preview.counts.invalid} fout.`}
            {p.preview.ignoredColumns.length > 0 ? ` Genegeerde kolommen: ${p.preview.ignoredColumns.join(', ')}.` : ''}
          </Paragraph>
          <PreviewTable preview={p.preview} />
        </>
      ) : null}
      {ready ? (
        <form method="post" action={`${uploadPath(organization.slug)}/vastleggen`}>
          <CsrfField token={csrf} />
          <input type="hidden" name="csv" value={p.csv} />
          <SubmitButton>Vastleggen</SubmitButton>
        </form>
      ) : null}
      <form method="post" action={uploadPath(organization.slug)}>
        <CsrfField token={csrf} />
        <CsvBox value={p.csv} errors={errors} />
        <SubmitButton secondary={ready}>Bekijken (nog niet opslaan)</SubmitButton>
      </form>
    </>
  );
};
