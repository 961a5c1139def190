import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core';
import { findChange, type Change } from '../../modules/changes';
import { findReaction, listModerationQueue, moderateReaction, REACTION_ROLE_LABELS, type ModerationQueue, type Reaction } from '../../modules/reactions';
import type { WebContext } from '../context';
import { actorOf, organizationOf, requireRole } from '../http/auth';
import { Alert, Heading, Link, Paragraph } from '../views/components';
import { idParam, valuesOf } from './edit';
import { sendPage } from './render';
import { editorUrls } from './urls';
import { CsrfField, ErrorSummary, fieldId, type FieldError } from './views/form';

/**
 * The moderation queue (issue 5, role `moderator`): what waits, oldest first — new reactions
 * (pre-moderation), reactions hidden after reports, published ones nobody reviewed yet
 * (post-moderation) — each with its change, name, role, text and reports, and a decision per
 * reaction: publish, or reject with a reason. Plain forms and buttons: usable by keyboard alone,
 * without JavaScript. The service decides who may moderate (`canModerateReactions`).
 */
const PAGE_SIZE = 20;
const DECIDED = { gepubliceerd: 'De reactie is gepubliceerd.', afgewezen: 'De reactie is afgewezen.' } as const;
const queueQuery = z.object({
  pagina: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(10_000).default(1)),
  besloten: z.enum(['gepubliceerd', 'afgewezen']).optional().catch(undefined),
});

const moderationUrl = (org: string) => `${editorUrls.dashboard(org)}/moderatie`;
const decisionUrl = (org: string, id: string) => `${moderationUrl(org)}/${encodeURIComponent(id)}`;
const dateTime = (iso: string): string => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

const stateOf = (r: Reaction): string =>
  r.hidden ? `Verborgen na ${r.reportCount} meldingen` : r.status === 'pending' ? 'Nieuw, wacht op beoordeling' : r.status === 'published' ? 'Staat op de website, nog niet bekeken' : 'Afgewezen';

interface QueueProps {
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

const QueuePage = (p: QueueProps) => {
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

export const moderationRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  const guard = { preHandler: requireRole(deps, ['moderator', 'admin']) };

  const render = async (request: FastifyRequest, reply: FastifyReply, page: number, errors: FieldError[], reasons: Record<string, string>, decided?: keyof typeof DECIDED) => {
    const organization = organizationOf(request);
    const queue = await listModerationQueue(deps, actorOf(request), organization.id, { page, size: PAGE_SIZE });
    const changes = new Map<string, Change>();
    for (const id of new Set(queue.page.items.map((r) => r.changeId as string))) {
      const change = await findChange(deps, id);
      if (change) changes.set(id, change);
    }
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: 'Moderatie' }];
    return sendPage(request, reply, baseUrl, { title: 'Moderatie', organization, breadcrumbs, hasErrors: errors.length > 0, status: errors.length > 0 ? 422 : 200 }, (csrf) =>
      QueuePage({ organization, queue, changes, csrf, errors, reasons, decided }),
    );
  };

  app.get('/:org/moderatie', guard, async (request, reply) => {
    const q = queueQuery.safeParse(request.query ?? {});
    return render(request, reply, q.success ? q.data.pagina : 1, [], {}, q.success ? q.data.besloten : undefined);
  });

  app.post('/:org/moderatie/:id', guard, async (request, reply) => {
    const organization = organizationOf(request);
    const id = idParam(request, 'reaction');
    const reaction = await findReaction(deps, id);
    // Another organization's reaction is "not found", exactly like an id that does not exist.
    if (!reaction || reaction.organizationId !== organization.id) throw notFound('reaction', id);
    const { decision, reason } = valuesOf(request.body, ['decision', 'reason']);
    if (decision === 'reject' && (reason ?? '').trim().length < 3) {
      return render(request, reply, 1, [{ field: `reason-${id}`, message: `Geef een reden voor het afwijzen van de reactie van ${reaction.displayName}` }], { [id]: reason ?? '' });
    }
    if (decision !== 'publish' && decision !== 'reject') return render(request, reply, 1, [{ field: `reason-${id}`, message: 'Kies publiceren of afwijzen' }], {});
    await moderateReaction(deps, actorOf(request), id, { decision, reason });
    return reply.redirect(`${moderationUrl(organization.slug)}?besloten=${decision === 'publish' ? 'gepubliceerd' : 'afgewezen'}`, 303);
  });
};
