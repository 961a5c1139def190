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
  setChangePublished,
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
import { tokenActorOf } from '../auth';
import { milestoneSchema, presentChange, presentMilestone, writtenChangeSchema } from './presenters';
import { assertOwned, bodyOf, editBodyOf, idParam, needs, slugParam, tokenWith, writeErrors } from './shared';

const statusBody = z.object({ status: z.enum(CHANGE_STATUSES) });
const publicationBody = z.object({ published: z.boolean().describe('true publishes on the portal, false withdraws') });

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

    app.post(
      '/organizations/:slug/changes',
      {
        ...write,
        schema: {
          summary: 'Create a change (a draft, unless a status is given)',
          description: `${needs('chain:write')} The slug is derived from the title when absent; a slug in use is 409.`,
          tags: ['changes', 'write'],
          params: slugParam,
          body: createChangeSchema,
          response: { 201: writtenChangeSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const organization = await getOrganization(deps, request.params.slug);
        assertOwned(request, organization.id, 'organization', request.params.slug);
        const change = await createChange(deps, tokenActorOf(request), organization.id, bodyOf<CreateChangeInput>(request));
        return reply.status(201).send(presentChange(change));
      },
    );

    app.patch(
      '/changes/:id',
      {
        ...write,
        schema: {
          summary: 'Edit the texts of a change: only the fields given change',
          description: needs('chain:write'),
          tags: ['changes', 'write'],
          params: idParam,
          body: updateChangeSchema,
          response: { 200: writtenChangeSchema, ...writeErrors },
        },
      },
      async (request) => {
        const change = await ownedChange(request, request.params.id);
        return presentChange(await updateChange(deps, tokenActorOf(request), change.id, bodyOf<UpdateChangeInput>(request)));
      },
    );

    app.post(
      '/changes/:id/status',
      {
        ...write,
        schema: {
          summary: 'Move a change along its lifecycle (draft → proposed → decided → in_progress → completed | stopped)',
          description: `${needs('chain:write')} A transition the lifecycle does not allow is 409 \`invalid_state\`; the status it already has changes nothing.`,
          tags: ['changes', 'write'],
          params: idParam,
          body: statusBody,
          response: { 200: writtenChangeSchema, ...writeErrors },
        },
      },
      async (request) => {
        const change = await ownedChange(request, request.params.id);
        const { status } = parseInput(statusBody, request.body);
        return presentChange(await setChangeStatus(deps, tokenActorOf(request), change.id, status));
      },
    );

    app.post(
      '/changes/:id/publication',
      {
        ...write,
        schema: {
          summary: 'Publish a change on the portal, or withdraw it',
          description: needs('chain:write'),
          tags: ['changes', 'write'],
          params: idParam,
          body: publicationBody,
          response: { 200: writtenChangeSchema, ...writeErrors },
        },
      },
      async (request) => {
        const change = await ownedChange(request, request.params.id);
        const { published } = parseInput(publicationBody, request.body);
        return presentChange(await setChangePublished(deps, tokenActorOf(request), change.id, published));
      },
    );

    app.post(
      '/changes/:id/milestones',
      {
        ...write,
        schema: {
          summary: "Add a milestone to a change's timeline",
          description: needs('chain:write'),
          tags: ['changes', 'write'],
          params: idParam,
          body: milestoneInput,
          response: { 201: milestoneSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const change = await ownedChange(request, request.params.id);
        return reply.status(201).send(presentMilestone(await addMilestone(deps, tokenActorOf(request), change.id, bodyOf<MilestoneInput>(request))));
      },
    );

    app.patch(
      '/changes/:id/milestones/:milestoneId',
      {
        ...write,
        schema: {
          summary: 'Edit a milestone (e.g. mark it done): only the fields given change',
          description: needs('chain:write'),
          tags: ['changes', 'write'],
          params: idParam.extend({ milestoneId: z.uuid() }),
          body: editBodyOf(milestoneInput),
          response: { 200: milestoneSchema, ...writeErrors },
        },
      },
      async (request) => {
        const change = await ownedChange(request, request.params.id);
        const { milestoneId } = request.params;
        if (!(await listMilestones(deps, [change.id])).some((m) => m.id === milestoneId)) throw notFound('milestone', milestoneId);
        return presentMilestone(await updateMilestone(deps, tokenActorOf(request), milestoneId, bodyOf<Partial<MilestoneInput>>(request)));
      },
    );
  };
