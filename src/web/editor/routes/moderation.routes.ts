import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../core';
import { findChange, type Change } from '../../../modules/changes';
import { findReaction, listModerationQueue, moderateReaction } from '../../../modules/reactions';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { idParam } from '../access';
import { valuesOf } from '../forms';
import { sendPage } from '../render';
import { editorUrls } from '../urls';
import type { FieldError } from '../views/form';
import { moderationUrl, QueuePage, type DECIDED } from '../views/moderation';

const PAGE_SIZE = 20;
const queueQuery = z.object({
  pagina: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(10_000).default(1)),
  besloten: z.enum(['gepubliceerd', 'afgewezen']).optional().catch(undefined),
});

/**
 * The moderation queue (issue 5, role `moderator`): what waits, oldest first — new reactions
 * (pre-moderation), reactions hidden after reports, published ones nobody reviewed yet
 * (post-moderation) — each with its change, name, role, text and reports, and a decision per
 * reaction: publish, or reject with a reason. Plain forms and buttons: usable by keyboard alone,
 * without JavaScript. The service decides who may moderate (`canModerateReactions`).
 */
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
