import type { Change } from '../../../modules/changes';
import { REACTION_ROLE_LABELS, type ModerationQueue, type Reaction } from '../../../modules/reactions';
import { Alert, Heading, Link, Paragraph } from '../../views/components';
import { editorUrls } from '../urls';
import { CsrfField, ErrorSummary, fieldId, type FieldError } from './form';

/** The page of the moderation queue (routes/moderation.routes.ts): every waiting reaction with its two decisions. */

/** The confirmation after a decision, by the `besloten` query value. */
export const DECIDED = { gepubliceerd: 'De reactie is gepubliceerd.', afgewezen: 'De reactie is afgewezen.' } as const;

/** The queue's address in the editor. */
export const moderationUrl = (org: string) => `${editorUrls.dashboard(org)}/moderatie`;
const decisionUrl = (org: string, id: string) => `${moderationUrl(org)}/${encodeURIComponent(id)}`;
const dateTime = (iso: string): string => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

const stateOf = (r: Reaction): string =>
  r.hidden ? `Verborgen na ${r.reportCount} meldingen` : r.status === 'pending' ? 'Nieuw, wacht op beoordeling' : r.status === 'published' ? 'Staat op de website, nog niet bekeken' : 'Afgewezen';

export interface QueueProps {
  organization: { slug: string; name: string };
  queue: ModerationQueue;
  changes: Map<string, Change>;
  csrf: string;
  errors: FieldError[];
  /** What was typed in a refused rejection, by reaction id. */
  reasons: Record<string, string>;
  decided?: keyof typeof DECIDED | undefined;
}

const QueueItem = ({ p, r }: { p: QueueProps; r: Reaction }) => {
  const change = p.changes.get(r.changeId);
  const reasonId = fieldId(`reason-${r.id}`);
  const error = p.errors.find((e) => e.field === `reason-${r.id}`);
  return (
    <li class="helder-todo__item">
      <article aria-labelledby={`reactie-${r.id}`}>
        <Heading level={2} id={`reactie-${r.id}`}>{r.displayName}</Heading>
        <p class="utrecht-paragraph">
          {change ? <Link href={`/${p.organization.slug}/veranderingen/${change.slug}`}>{change.title}</Link> : '—'}
          {' · '}{REACTION_ROLE_LABELS[r.role].nl} · {dateTime(r.createdAt)}{r.parentId ? ' · antwoord op een andere reactie' : ''}
        </p>
        <p class="utrecht-paragraph"><strong>{stateOf(r)}</strong> · {r.reportCount === 1 ? '1 melding' : `${r.reportCount} meldingen`}</p>
        {/* The text as typed, escaped; links stay text here: the moderator decides first. */}
        <blockquote class="helder-language"><p class="utrecht-paragraph">{r.text}</p></blockquote>
        <div class="helder-form-actions">
          <form class="helder-inline-form" method="post" action={decisionUrl(p.organization.slug, r.id)}>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="decision" value="publish" />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">Publiceren<span class="helder-visually-hidden">: reactie van {r.displayName}</span></button>
          </form>
        </div>
        <form class="helder-form" method="post" action={decisionUrl(p.organization.slug, r.id)}>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="decision" value="reject" />
          <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={reasonId}>Reden van afwijzen (ziet alleen de redactie)</label></div>
            {error ? <p class="utrecht-form-field-error-message helder-field-error" id={`${reasonId}-fout`}><span class="helder-visually-hidden">Fout: </span>{error.message}</p> : null}
            <div class="utrecht-form-field__input">
              <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id={reasonId} name="reason" value={p.reasons[r.id] ?? ''} maxlength={500} autocomplete="off" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${reasonId}-fout` : undefined} />
            </div>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">Afwijzen<span class="helder-visually-hidden">: reactie van {r.displayName}</span></button>
        </form>
      </article>
    </li>
  );
};

/** The queue: counts, then every waiting reaction oldest first, paged. */
export const QueuePage = (p: QueueProps) => {
  const { counts, page } = p.queue;
  return (
    <>
      <Heading level={1}>Moderatie</Heading>
      {p.decided ? <Alert type="ok"><Paragraph>{DECIDED[p.decided]}</Paragraph></Alert> : null}
      <ErrorSummary errors={p.errors} />
      <Paragraph lead>
        <strong>{counts.total === 1 ? '1 reactie wacht' : `${counts.total} reacties wachten`}</strong>: {counts.pending} nieuw (nog niet op de website), {counts.reported} verborgen na meldingen,{' '}
        {counts.unreviewed} op de website maar nog niet bekeken.
      </Paragraph>
      {counts.total === 0 ? (
        <Paragraph>Er wacht niets. Alle reacties zijn bekeken.</Paragraph>
      ) : (
        <>
          <Paragraph>De oudste reactie staat bovenaan. Publiceer een reactie, of wijs haar af met een reden.</Paragraph>
          <ol class="helder-todo">{page.items.map((r) => <QueueItem p={p} r={r} />)}</ol>
          {page.pages > 1 ? (
            <nav aria-label="Paginering">
              <Paragraph>
                Pagina {page.page} van {page.pages}
                {page.page < page.pages ? <> · <Link href={`${moderationUrl(p.organization.slug)}?pagina=${page.page + 1}`}>Volgende pagina</Link></> : null}
              </Paragraph>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
};

