import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../core';
import { commitMeasurementImport, MAX_IMPORT_BYTES, previewMeasurementImport, type MeasurementImportPreview, type RowOutcome } from '../../modules/imports';
import type { WebContext } from '../context';
import { actorOf, organizationOf, requireRole } from '../http/auth';
import { Alert, Heading, Paragraph, StatusBadge, Table } from '../views/components';
import { CHAIN_ROLES } from './edit';
import { field, sendPage } from './render';
import { editorUrls } from './urls';
import { CsrfField, ErrorSummary, fieldId, SubmitButton, type FieldError } from './views/form';

const OUTCOME: Record<RowOutcome, { label: string; tone: 'success' | 'warning' | 'neutral' | 'danger' }> = {
  new: { label: 'Nieuw', tone: 'success' },
  replace: { label: 'Vervangt', tone: 'warning' },
  unchanged: { label: 'Ongewijzigd', tone: 'neutral' },
  invalid: { label: 'Fout', tone: 'danger' },
};
const FIELD_NL: Record<string, string> = { goal: 'doel', date: 'datum', value: 'waarde', source: 'bron', note: 'toelichting', row: 'regel' };

/** `line 4.date` → "Regel 4, datum: …": every bad row named, in Dutch, linking to the text box. */
const errorsOf = (preview: MeasurementImportPreview): FieldError[] =>
  preview.issues.map((i) => {
    const [, line, name] = /^line (\d+)(?:\.(\w+))?$/.exec(i.path) ?? [];
    const where = line ? `Regel ${line}${name ? `, ${FIELD_NL[name] ?? name}` : ''}` : 'Bestand';
    return { field: 'csv', message: `${where}: ${i.message}` };
  });

const uploadPath = (org: string) => `${editorUrls.dashboard(org)}/importeren/metingen`;

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

/**
 * Importing measurements in the editor (issue 5): paste a CSV → preview per row (nothing written)
 * → commit, all or nothing. A text box rather than a file upload: it needs no multipart parser and
 * works without JavaScript; the CSV travels back with the commit, so what is written is exactly
 * what was previewed (and checked again inside the transaction).
 */
export const importRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  const guard = { preHandler: requireRole(deps, CHAIN_ROLES) };
  // A year of weekly figures for a hundred goals is some 300 kB; the editor's default limit is 64 kB.
  const large = { ...guard, bodyLimit: MAX_IMPORT_BYTES * 2 };

  const render = (request: FastifyRequest, reply: FastifyReply, p: { csv: string; preview?: MeasurementImportPreview; errors?: FieldError[]; written?: number; status?: number }) => {
    const organization = organizationOf(request);
    const errors = p.errors ?? (p.preview ? errorsOf(p.preview) : []);
    const title = 'Metingen importeren';
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];
    const ready = p.preview && p.preview.issues.length === 0;
    return sendPage(request, reply, baseUrl, { title, organization, breadcrumbs, hasErrors: errors.length > 0, status: p.status ?? (errors.length > 0 ? 422 : 200) }, (csrf) => (
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
    ));
  };

  app.get('/:org/importeren/metingen', guard, async (request, reply) => {
    const written = Number((request.query as Record<string, unknown>).vastgelegd);
    return render(request, reply, { csv: '', ...(Number.isInteger(written) && written >= 0 ? { written } : {}) });
  });

  app.post('/:org/importeren/metingen', large, async (request, reply) => {
    const csv = field(request.body, 'csv');
    if (!csv.trim()) return render(request, reply, { csv, errors: [{ field: 'csv', message: 'Plak de inhoud van een CSV-bestand.' }] });
    return render(request, reply, { csv, preview: await previewMeasurementImport(deps, organizationOf(request).id, csv) });
  });

  app.post('/:org/importeren/metingen/vastleggen', large, async (request, reply) => {
    const organization = organizationOf(request);
    const csv = field(request.body, 'csv');
    try {
      const { written } = await commitMeasurementImport(deps, actorOf(request), organization.id, csv);
      return reply.redirect(`${uploadPath(organization.slug)}?vastgelegd=${written}`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      // Something changed since the preview (or the form was tampered with): show the new verdict.
      return render(request, reply, { csv, preview: await previewMeasurementImport(deps, organization.id, csv) });
    }
  });
};
