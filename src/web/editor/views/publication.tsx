import { Alert, DataList, Heading, Paragraph } from '../../views/components';
import { CsrfField, ErrorSummary, type FieldError } from './form';

const STATE_LABELS: Record<string, string> = { draft: 'Concept: alleen zichtbaar in de redactie', ready_for_review: 'Klaar voor controle', published: 'Gepubliceerd op de website' };

const dateTime = (iso: string): string => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

export interface PublicationPageProps {
  heading: string;
  action: string;
  csrf: string;
  state: string;
  requested?: { by: string; at: string } | undefined;
  published?: { by: string; at: string } | undefined;
  score: number;
  ready: boolean;
  /** The steps this person may take now. */
  steps: { value: string; label: string; secondary?: boolean }[];
  errors: FieldError[];
  note?: string | undefined;
}

/** Draft → ready for review → published: where the change stands, who did what when, and the next step. */
export const PublicationPage = (p: PublicationPageProps) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <ErrorSummary errors={p.errors} />
    <DataList
      rows={[
        ['Stand', STATE_LABELS[p.state] ?? p.state],
        ['Controle gevraagd', p.requested ? `door ${p.requested.by}, ${dateTime(p.requested.at)}` : '—'],
        ['Gepubliceerd', p.published ? `door ${p.published.by}, ${dateTime(p.published.at)}` : '—'],
        ['Legitimiteitscheck', `${p.score}%${p.ready ? ' — klaar om te communiceren' : ' — nog niet klaar om te communiceren'}`],
      ]}
    />
    {!p.ready && p.state !== 'published' ? <Alert type="warning"><Paragraph>Niet elke regel van de legitimiteitscheck is in orde. Inwoners zien op de website dezelfde check.</Paragraph></Alert> : null}
    <Paragraph>Redacteuren vragen om controle; communicatieadviseurs publiceren. Wie om controle vroeg, publiceert niet zelf: er kijkt altijd een tweede persoon naar.</Paragraph>
    {p.note ? <Paragraph>{p.note}</Paragraph> : null}
    {p.steps.length > 0 ? (
      <form class="helder-form" method="post" action={p.action} id="veld-publishedAt">
        <CsrfField token={p.csrf} />
        <div class="helder-form-actions">
          {p.steps.map((s) => (
            <button type="submit" name="actie" value={s.value} class={`utrecht-button ${s.secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>{s.label}</button>
          ))}
        </div>
      </form>
    ) : null}
  </>
);
