import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../core';
import { commitDecisionImport, MAX_IMPORT_BYTES, previewDecisionImport, type DecisionImportPreview, type MotionOutcome } from '../../modules/imports';
import type { WebContext } from '../context';
import { actorOf, organizationOf, requireRole } from '../http/auth';
import { Alert, Heading, Link, Paragraph, StatusBadge, Table } from '../views/components';
import { CHAIN_ROLES } from './edit';
import { DECISION_KIND_LABELS, OUTCOME_LABELS } from './labels';
import { field, sendPage } from './render';
import { editorUrls } from './urls';
import { CsrfField, ErrorSummary, fieldId, SubmitButton, type FieldError } from './views/form';

const STATUS: Record<MotionOutcome, { label: string; tone: 'success' | 'neutral' | 'danger' }> = {
  new: { label: 'Nieuw', tone: 'success' },
  present: { label: 'Staat er al', tone: 'neutral' },
  invalid: { label: 'Fout', tone: 'danger' },
};

/** Every problem, with its JSON path (`motions[3].date`) so the clerk finds it in the file. */
const errorsOf = (preview: DecisionImportPreview): FieldError[] => preview.issues.map((i) => ({ field: 'json', message: `${i.path === 'file' ? 'Bestand' : i.path}: ${i.message}` }));

const pagePath = (org: string) => `${editorUrls.dashboard(org)}/importeren/besluiten`;
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

/**
 * Importing decisions from Popolo JSON in the editor (issue 5), the same recipe as the measurements
 * import: paste → preview per motion (nothing written) → "Vastleggen", all or nothing. The JSON
 * travels back with the commit, so what is written is what was previewed, checked again.
 */
export const decisionImportRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  const guard = { preHandler: requireRole(deps, CHAIN_ROLES) };
  const large = { ...guard, bodyLimit: MAX_IMPORT_BYTES * 2 };

  const render = (request: FastifyRequest, reply: FastifyReply, p: { json: string; preview?: DecisionImportPreview; errors?: FieldError[]; written?: number }) => {
    const organization = organizationOf(request);
    const errors = p.errors ?? (p.preview ? errorsOf(p.preview) : []);
    const title = 'Besluiten importeren';
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];
    const ready = p.preview && p.preview.issues.length === 0 && p.preview.counts.new > 0;
    return sendPage(request, reply, baseUrl, { title, organization, breadcrumbs, hasErrors: errors.length > 0, status: errors.length > 0 ? 422 : 200 }, (csrf) => (
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
    ));
  };

  app.get('/:org/importeren/besluiten', guard, async (request, reply) => {
    const written = Number((request.query as Record<string, unknown>).vastgelegd);
    return render(request, reply, { json: '', ...(Number.isInteger(written) && written >= 0 ? { written } : {}) });
  });

  app.post('/:org/importeren/besluiten', large, async (request, reply) => {
    const json = field(request.body, 'json');
    if (!json.trim()) return render(request, reply, { json, errors: [{ field: 'json', message: 'Plak de inhoud van een Popolo-bestand (JSON).' }] });
    return render(request, reply, { json, preview: await previewDecisionImport(deps, organizationOf(request).id, json) });
  });

  app.post('/:org/importeren/besluiten/vastleggen', large, async (request, reply) => {
    const organization = organizationOf(request);
    const json = field(request.body, 'json');
    try {
      const { written } = await commitDecisionImport(deps, actorOf(request), organization.id, json);
      return reply.redirect(`${pagePath(organization.slug)}?vastgelegd=${written}`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      // Something changed since the preview (or the form was tampered with): show the new verdict.
      return render(request, reply, { json, preview: await previewDecisionImport(deps, organization.id, json) });
    }
  });
};
