import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionSchema as decisionInput, getDecision, recordDecision, updatePendingDecision, type Decision, type DecisionInput } from '../../../modules/decisions';
import { getOrganization } from '../../../modules/organizations';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { presentDecision } from '../presenters';
import { decisionSchema } from '../schemas';
import { EDIT_PROBLEMS, etagOf, ifMatch, ifMatchHeader, withEtag, withEtagHeader } from './preconditions';
import { assertOwned, bodyOf, idParam, slugParam, tokenWith } from './shared';

export const writtenDecisionSchema = decisionSchema.extend({ organizationId: z.string(), changeId: z.string().nullable(), createdAt: z.string() });
export const presentWrittenDecision = (d: Decision): z.infer<typeof writtenDecisionSchema> => ({
  ...presentDecision(d),
  organizationId: d.organizationId,
  changeId: d.changeId,
  createdAt: d.createdAt,
});

/**
 * Decisions (chain:write), with Popolo's vote counts (for/against/abstain, optionally per party).
 * Once its outcome is set a decision is never edited: a correction is a new record naming
 * `correctsId` (DOMAIN.md).
 */
export const decisionWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    const write = tokenWith(deps, 'chain:write');

    app.post(
      '/organizations/:slug/decisions',
      {
        ...write,
        schema: operation({
          operationId: 'recordDecision',
          summary: 'Record a decision, or a correction of one (`correctsId`)',
          scope: 'chain:write',
          description: `Votes per party must add up to the totals; follow-ups only on a motie or toezegging (422). Correcting a decision that was already corrected is 409.`,
          tags: ['decisions', 'write'],
          params: slugParam,
          body: decisionInput,
          responses: { 201: withEtagHeader(writtenDecisionSchema) },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const organization = await getOrganization(deps, request.params.slug);
        assertOwned(request, organization.id, 'organization', request.params.slug);
        const decision = await recordDecision(deps, tokenActorOf(request), organization.id, bodyOf<DecisionInput>(request));
        return reply.status(201).header('ETag', etagOf(decision)).send(presentWrittenDecision(decision));
      },
    );

    app.put(
      '/decisions/:id',
      {
        ...write,
        schema: operation({
          operationId: 'replaceDecision',
          summary: 'Replace a pending decision (e.g. set the outcome after the vote)',
          scope: 'chain:write',
          description: `Once the outcome is set, or a newer record corrects it, this is 409 \`invalid_state\`: record a correction instead. Send \`If-Match\` with the decision's \`ETag\` (from \`GET /decisions/{id}\` or the answer of your last write): 412 when someone else wrote since, 428 without it.`,
          tags: ['decisions', 'write'],
          params: idParam,
          headers: ifMatchHeader,
          body: decisionInput,
          responses: { 200: withEtagHeader(writtenDecisionSchema) },
          problems: [404, 409, 422, ...EDIT_PROBLEMS],
        }),
      },
      async (request, reply) => {
        const decision = await getDecision(deps, request.params.id);
        assertOwned(request, decision.organizationId, 'decision', decision.id);
        const updated = await updatePendingDecision(deps, tokenActorOf(request), decision.id, bodyOf<DecisionInput>(request), ifMatch(request, 'decision', decision));
        return withEtag(reply, updated, presentWrittenDecision(updated));
      },
    );

    app.get(
      '/decisions/:id',
      {
        ...tokenWith(deps, 'read'),
        schema: operation({
          operationId: 'getDecision',
          summary: 'A decision as stored, with the `ETag` an edit sends back as `If-Match`',
          scope: 'read',
          tags: ['decisions'],
          params: idParam,
          responses: { 200: withEtagHeader(writtenDecisionSchema) },
          problems: [404],
        }),
      },
      async (request, reply) => {
        const decision = await getDecision(deps, request.params.id);
        assertOwned(request, decision.organizationId, 'decision', decision.id);
        return withEtag(reply, decision, presentWrittenDecision(decision));
      },
    );
  };
