import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getChange } from '../../../modules/changes';
import { createGroup, groupSchema as groupInput, impactSchema as impactInput, selectImpacts, setImpact, type GroupInput, type ImpactInput } from '../../../modules/groups';
import { getOrganization } from '../../../modules/organizations';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { groupSchema, impactSchema, presentGroup, presentImpact } from './presenters';
import { assertOwned, bodyOf, idParam, slugParam, tokenWith } from './shared';

/** Citizen groups and the impact of a change on each (chain:write). */
export const groupWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    const write = tokenWith(deps, 'chain:write');

    app.post(
      '/organizations/:slug/groups',
      {
        ...write,
        schema: operation({
          operationId: 'createGroup',
          summary: 'Create a citizen group (doelgroep)',
          scope: 'chain:write',
          description: `A name in use is 409.`,
          tags: ['groups', 'write'],
          params: slugParam,
          body: groupInput,
          responses: { 201: groupSchema },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const organization = await getOrganization(deps, request.params.slug);
        assertOwned(request, organization.id, 'organization', request.params.slug);
        return reply.status(201).send(presentGroup(await createGroup(deps, tokenActorOf(request), organization.id, bodyOf<GroupInput>(request))));
      },
    );

    app.put(
      '/changes/:id/impacts/:groupId',
      {
        ...write,
        schema: operation({
          operationId: 'setImpact',
          summary: 'Set what a change means for a group (creates or replaces the impact; idempotent)',
          scope: 'chain:write',
          description: `201 when created, 200 when replaced. A group of another organization is 422, exactly like a group that does not exist.`,
          tags: ['groups', 'write'],
          params: idParam.extend({ groupId: z.uuid() }),
          body: impactInput.omit({ groupId: true }),
          responses: { 200: impactSchema, 201: impactSchema },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        assertOwned(request, change.organizationId, 'change', change.id);
        const body = bodyOf<Partial<ImpactInput>>(request);
        const existed = (await selectImpacts(deps.db, { changeIds: [change.id] })).some((i) => i.groupId === request.params.groupId);
        const impact = await setImpact(deps, tokenActorOf(request), change.id, { ...(typeof body === 'object' && body !== null ? body : {}), groupId: request.params.groupId } as ImpactInput);
        return reply.status(existed ? 200 : 201).send(presentImpact(impact));
      },
    );
  };
