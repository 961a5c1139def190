import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, parseInput } from '../../../core';
import {
  addMilestone,
  CHANGE_STATUSES,
  createChange,
  createChangeSchema,
  getChange,
  listMilestones,
  milestoneSchema as milestoneInput,
  getPublication,
  PUBLICATION_STEPS,
  takePublicationStep,
  setChangeStatus,
  updateChange,
  updateChangeSchema,
  updateMilestone,
  type CreateChangeInput,
  type MilestoneInput,
  type UpdateChangeInput,
} from '../../../modules/changes';
import { getOrganization } from '../../../modules/organizations';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { EDIT_PROBLEMS, etagOf, ifMatch, ifMatchHeader, optionalIfMatchHeader, withEtag, withEtagHeader } from './preconditions';
import { milestoneSchema, presentChange, presentMilestone, presentPublication, publicationSchema, writtenChangeSchema } from './presenters';
import { assertOwned, bodyOf, editBodyOf, idParam, slugParam, tokenWith } from './shared';

const statusBody = z.strictObject({ status: z.enum(CHANGE_STATUSES) });
const milestoneParams = idParam.extend({ milestoneId: z.uuid() });
const publicationBody = z.strictObject({ step: z.enum(PUBLICATION_STEPS, { message: 'choose request_review, publish or return_to_draft' }).describe('The step to take') });

/** Changes and their milestones (chain:write). Every write goes through the changes module's services. */
export const changeWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    const write = tokenWith(deps, 'chain:write');
    const ownedChange = async (request: Parameters<typeof assertOwned>[0], id: string) => {
      const change = await getChange(deps, id);
      assertOwned(request, change.organizationId, 'change', id);
      return change;
    };
    const ownedMilestone = async (request: Parameters<typeof assertOwned>[0], changeId: string, milestoneId: string) => {
      const change = await ownedChange(request, changeId);
      const milestone = (await listMilestones(deps, [change.id])).find((m) => m.id === milestoneId);
      if (!milestone) throw notFound('milestone', milestoneId);
      return milestone;
    };

    app.post(
      '/organizations/:slug/changes',
      {
        ...write,
        schema: operation({
          operationId: 'createChange',
          summary: 'Create a change (a draft, unless a status is given)',
          scope: 'chain:write',
          description: `The slug is derived from the title when absent; a slug in use is 409.`,
          tags: ['changes', 'write'],
          params: slugParam,
          body: createChangeSchema,
          responses: { 201: withEtagHeader(writtenChangeSchema) },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const organization = await getOrganization(deps, request.params.slug);
        assertOwned(request, organization.id, 'organization', request.params.slug);
        const change = await createChange(deps, tokenActorOf(request), organization.id, bodyOf<CreateChangeInput>(request));
        return reply.status(201).header('ETag', etagOf(change)).send(presentChange(change));
      },
    );

    app.patch(
      '/changes/:id',
      {
        ...write,
        schema: operation({
          operationId: 'updateChange',
          summary: 'Edit the texts of a change: only the fields given change',
          scope: 'chain:write',
          description: "Send `If-Match` with the change's `ETag` (from `GET /changes/{id}` or the answer of your last write): 412 when someone else wrote since, 428 without it.",
          tags: ['changes', 'write'],
          params: idParam,
          headers: ifMatchHeader,
          body: updateChangeSchema,
          responses: { 200: withEtagHeader(writtenChangeSchema) },
          problems: [404, 409, 422, ...EDIT_PROBLEMS],
        }),
      },
      async (request, reply) => {
        const change = await ownedChange(request, request.params.id);
        const updated = await updateChange(deps, tokenActorOf(request), change.id, bodyOf<UpdateChangeInput>(request), ifMatch(request, 'change', change));
        return withEtag(reply, updated, presentChange(updated));
      },
    );

    app.post(
      '/changes/:id/status',
      {
        ...write,
        schema: operation({
          operationId: 'setChangeStatus',
          summary: 'Move a change along its lifecycle (draft → proposed → decided → in_progress → completed | stopped)',
          scope: 'chain:write',
          description: `A transition the lifecycle does not allow is 409 \`invalid_state\`; the status it already has changes nothing. \`If-Match\` is optional here: 412 when it names another revision.`,
          tags: ['changes', 'write'],
          params: idParam,
          headers: optionalIfMatchHeader,
          body: statusBody,
          responses: { 200: withEtagHeader(writtenChangeSchema) },
          problems: [404, 409, 412, 422],
        }),
      },
      async (request, reply) => {
        const change = await ownedChange(request, request.params.id);
        const { status } = parseInput(statusBody, request.body);
        const updated = await setChangeStatus(deps, tokenActorOf(request), change.id, status, ifMatch(request, 'change', change, false));
        return withEtag(reply, updated, presentChange(updated));
      },
    );

    // The publication workflow (issue 9): the same use case as the editor's publication page, so the
    // same steps, roles and four-eyes rule; the scope only opens the door, the workflow decides.
    const publication = tokenWith(deps, 'publication:write');
    app.get(
      '/changes/:id/publication',
      {
        ...tokenWith(deps, 'read'),
        schema: operation({
          operationId: 'getChangePublication',
          summary: 'Where a change stands in the publication workflow (draft, ready for review, published), with who and when',
          scope: 'read',
          tags: ['changes'],
          params: idParam,
          responses: { 200: publicationSchema },
          problems: [404],
        }),
      },
      async (request) => presentPublication(await getPublication(deps, (await ownedChange(request, request.params.id)).id)),
    );

    app.post(
      '/changes/:id/publication',
      {
        ...publication,
        schema: operation({
          operationId: 'takePublicationStep',
          summary: 'Take a step of the publication workflow: ask for review, publish, or back to draft (send back or withdraw)',
          scope: 'publication:write',
          description: `Editors and admins ask for review (\`request_review\`, from draft); communicators and admins publish (\`publish\`, only a change that is ready for review, and never the one who asked for that review: 403 with \`details.reason = "four_eyes"\`); \`return_to_draft\` sends a change under review back (editors, communicators, admins) or withdraws a published one (communicators, admins). A step the change's state does not allow is 409 \`invalid_state\`. See docs/api-write.md.`,
          tags: ['changes', 'write'],
          params: idParam,
          body: publicationBody,
          responses: { 200: publicationSchema },
          problems: [404, 409, 422],
        }),
      },
      async (request) => {
        const change = await ownedChange(request, request.params.id);
        const { step } = parseInput(publicationBody, request.body);
        return presentPublication(await takePublicationStep(deps, tokenActorOf(request), change.id, step));
      },
    );

    app.post(
      '/changes/:id/milestones',
      {
        ...write,
        schema: operation({
          operationId: 'addMilestone',
          summary: "Add a milestone to a change's timeline",
          scope: 'chain:write',
          tags: ['changes', 'write'],
          params: idParam,
          body: milestoneInput,
          responses: { 201: withEtagHeader(milestoneSchema) },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const change = await ownedChange(request, request.params.id);
        const milestone = await addMilestone(deps, tokenActorOf(request), change.id, bodyOf<MilestoneInput>(request));
        return reply.status(201).header('ETag', etagOf(milestone)).send(presentMilestone(milestone));
      },
    );

    app.patch(
      '/changes/:id/milestones/:milestoneId',
      {
        ...write,
        schema: operation({
          operationId: 'updateMilestone',
          summary: 'Edit a milestone (e.g. mark it done): only the fields given change',
          scope: 'chain:write',
          description: "Send `If-Match` with the milestone's `ETag` (from `GET /changes/{id}/milestones/{milestoneId}` or the answer of your last write): 412 when someone else wrote since, 428 without it.",
          tags: ['changes', 'write'],
          params: milestoneParams,
          headers: ifMatchHeader,
          body: editBodyOf(milestoneInput),
          responses: { 200: withEtagHeader(milestoneSchema) },
          problems: [404, 409, 422, ...EDIT_PROBLEMS],
        }),
      },
      async (request, reply) => {
        const milestone = await ownedMilestone(request, request.params.id, request.params.milestoneId);
        const updated = await updateMilestone(deps, tokenActorOf(request), milestone.id, bodyOf<Partial<MilestoneInput>>(request), ifMatch(request, 'milestone', milestone));
        return withEtag(reply, updated, presentMilestone(updated));
      },
    );

    app.get(
      '/changes/:id/milestones/:milestoneId',
      {
        ...tokenWith(deps, 'read'),
        schema: operation({
          operationId: 'getMilestone',
          summary: 'A milestone as stored, with the `ETag` an edit sends back as `If-Match`',
          scope: 'read',
          tags: ['changes'],
          params: milestoneParams,
          responses: { 200: withEtagHeader(milestoneSchema) },
          problems: [404],
        }),
      },
      async (request, reply) => {
        const milestone = await ownedMilestone(request, request.params.id, request.params.milestoneId);
        return withEtag(reply, milestone, presentMilestone(milestone));
      },
    );
  };
