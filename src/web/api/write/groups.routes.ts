import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../core';
import { getChange } from '../../../modules/changes';
import { createGroup, groupSchema as groupInput, impactSchema as impactInput, selectImpacts, setImpact, type GroupInput, type ImpactInput } from '../../../modules/groups';
import { getOrganization } from '../../../modules/organizations';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { groupSchema, impactSchema, presentGroup, presentImpact } from './presenters';
import { EDIT_PROBLEMS, ifMatch, optionalIfMatchHeader, withEtag, withEtagHeader } from './preconditions';
import { assertOwned, bodyOf, idParam, slugParam, tokenWith } from './shared';

const impactParams = idParam.extend({ groupId: z.uuid() });

/** Citizen groups and the impact of a change on each (chain:write). */
export const groupWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    const write = tokenWith(deps, 'chain:write');
    const impactOf = async (changeId: string, groupId: string) => (await selectImpacts(deps.db, { changeIds: [changeId] })).find((i) => i.groupId === groupId);

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
          description: `201 when created, 200 when replaced. A group of another organization is 422, exactly like a group that does not exist. Replacing needs \`If-Match\` with the impact's \`ETag\` (from \`GET /changes/{id}/impacts/{groupId}\` or the answer of your last write): 412 when someone else wrote since, 428 without it. Creating needs none.`,
          tags: ['groups', 'write'],
          params: impactParams,
          headers: optionalIfMatchHeader,
          body: impactInput.omit({ groupId: true }),
          responses: { 200: withEtagHeader(impactSchema), 201: withEtagHeader(impactSchema) },
          problems: [404, 409, 422, ...EDIT_PROBLEMS],
        }),
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        assertOwned(request, change.organizationId, 'change', change.id);
        const body = bodyOf<Partial<ImpactInput>>(request);
        const existing = await impactOf(change.id, request.params.groupId);
        const revision = ifMatch(request, 'impact', existing);
        const impact = await setImpact(deps, tokenActorOf(request), change.id, { ...(typeof body === 'object' && body !== null ? body : {}), groupId: request.params.groupId } as ImpactInput, revision);
        return withEtag(reply.status(existing ? 200 : 201), impact, presentImpact(impact));
      },
    );

    app.get(
      '/changes/:id/impacts/:groupId',
      {
        ...tokenWith(deps, 'read'),
        schema: operation({
          operationId: 'getImpact',
          summary: 'What a change means for a group, as stored, with the `ETag` an edit sends back as `If-Match`',
          scope: 'read',
          tags: ['groups'],
          params: impactParams,
          responses: { 200: withEtagHeader(impactSchema) },
          problems: [404],
        }),
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        assertOwned(request, change.organizationId, 'change', change.id);
        const impact = await impactOf(change.id, request.params.groupId);
        if (!impact) throw notFound('impact', `${change.id}/${request.params.groupId}`);
        return withEtag(reply, impact, presentImpact(impact));
      },
    );
  };
