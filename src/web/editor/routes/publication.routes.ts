import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isoDate } from '../../../core';
import { getChangeChain } from '../../../modules/chains';
import { canPublish, canRequestReview, canSendBack, findChange, getPublication, isFourEyes, takePublicationStep, type Change, type Publication, type PublicationStep } from '../../../modules/changes';
import { reportOf } from '../../../modules/legitimacy';
import { actorNames } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { idParam, ownedBy, TEXT_ROLES } from '../access';
import { changeCrumbs, sendForm, valuesOf } from '../forms';
import { editorUrls } from '../urls';
import type { FieldError } from '../views/form';
import { PublicationPage } from '../views/publication';

/** The form's Dutch button values, onto the workflow's steps (the write API names the same steps). A Map: `__proto__` is no action. */
const ACTIONS: ReadonlyMap<string, PublicationStep> = new Map([
  ['beoordelen', 'request_review'],
  ['publiceren', 'publish'],
  ['terugzetten', 'return_to_draft'],
]);

/**
 * The publication page of a change (issue 5): draft → ready for review → published, with who and
 * when. Every role sees where a change stands; the buttons follow the rules in modules/changes
 * (editors ask for review, communicators publish, never one's own request).
 */
export const publicationRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const loadChange = async (request: FastifyRequest): Promise<Change> => {
    const id = idParam(request, 'change');
    return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
  };

  const render = async (request: FastifyRequest, reply: FastifyReply, change: Change, errors: FieldError[], status?: number) => {
    const organization = organizationOf(request);
    const actor = actorOf(request);
    const publication: Publication = await getPublication(deps, change.id);
    const report = reportOf(await getChangeChain(deps, change.id), isoDate(deps.clock.now()));
    const people = await actorNames(deps, [publication.reviewRequestedBy, publication.publishedBy].filter((x): x is string => x !== null));
    const name = (id: string | null) => (id ? (people.get(id) ?? id) : 'onbekend');
    const steps: { value: string; label: string; secondary?: boolean }[] = [];
    if (publication.state === 'draft' && canRequestReview(actor, organization.id)) steps.push({ value: 'beoordelen', label: 'Klaar voor controle' });
    if (publication.state === 'ready_for_review' && canPublish(actor, organization.id) && isFourEyes(publication, actor)) steps.push({ value: 'publiceren', label: 'Publiceren op de website' });
    if (publication.state === 'ready_for_review' && canSendBack(actor, organization.id)) steps.push({ value: 'terugzetten', label: 'Terugzetten naar concept', secondary: true });
    if (publication.state === 'published' && canPublish(actor, organization.id)) steps.push({ value: 'terugzetten', label: 'Van de website halen', secondary: true });
    const note = publication.state === 'ready_for_review' && !isFourEyes(publication, actor) ? 'U vroeg zelf om controle: iemand anders publiceert.' : undefined;
    const title = 'Publicatie';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, ...(status ? { status } : {}) }, (csrf) =>
      PublicationPage({
        heading: `${title}: ${change.title}`,
        action: editorUrls.publish(organization.slug, change.id),
        csrf,
        state: publication.state,
        requested: publication.reviewRequestedAt ? { by: name(publication.reviewRequestedBy), at: publication.reviewRequestedAt } : undefined,
        published: publication.publishedAt ? { by: name(publication.publishedBy), at: publication.publishedAt } : undefined,
        score: report.score,
        ready: report.readyToCommunicate,
        steps,
        errors,
        note,
      }),
    );
  };

  app.get('/:org/veranderingen/:id/publiceren', { preHandler: requireRole(deps, 'any') }, async (request, reply) => render(request, reply, await loadChange(request), []));

  app.post('/:org/veranderingen/:id/publiceren', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const { actie } = valuesOf(request.body, ['actie']);
    const step = ACTIONS.get(actie ?? '');
    if (!step) return render(request, reply, change, [{ field: 'publishedAt', message: 'Kies een stap' }]);
    try {
      await takePublicationStep(deps, actorOf(request), change.id, step);
      return reply.redirect(`${editorUrls.publish(organizationOf(request).slug, change.id)}?opgeslagen`, 303);
    } catch (error) {
      // Another tab or person moved it on in between: show where it stands now.
      if (isAppError(error) && error.code === 'invalid_state') return render(request, reply, change, [{ field: 'publishedAt', message: 'Deze stap kan niet meer: de stand is intussen veranderd' }], 409);
      throw error;
    }
  });
};
