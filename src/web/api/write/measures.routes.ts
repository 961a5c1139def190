import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getChange } from '../../../modules/changes';
import { addContribution, contributionSchema as contributionInput, createMeasure, getMeasure, measureSchema, updateMeasure, type ContributionInput, type MeasureInput } from '../../../modules/measures';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { EDIT_PROBLEMS, etagOf, ifMatch, ifMatchHeader, withEtag, withEtagHeader } from './preconditions';
import { contributionSchema, presentContribution, presentMeasure, writtenMeasureSchema } from './presenters';
import { assertOwned, bodyOf, editBodyOf, idParam, tokenWith } from './shared';

/** Measures and their contributions to goals (chain:write). */
export const measureWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    const write = tokenWith(deps, 'chain:write');
    const ownedMeasure = async (request: Parameters<typeof assertOwned>[0], id: string) => {
      const measure = await getMeasure(deps, id);
      assertOwned(request, (await getChange(deps, measure.changeId)).organizationId, 'measure', id);
      return measure;
    };

    app.post(
      '/changes/:id/measures',
      {
        ...write,
        schema: operation({
          operationId: 'createMeasure',
          summary: 'Add a measure to a change',
          scope: 'chain:write',
          tags: ['measures', 'write'],
          params: idParam,
          body: measureSchema,
          responses: { 201: withEtagHeader(writtenMeasureSchema) },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        assertOwned(request, change.organizationId, 'change', change.id);
        const measure = await createMeasure(deps, tokenActorOf(request), change.id, bodyOf<MeasureInput>(request));
        return reply.status(201).header('ETag', etagOf(measure)).send(presentMeasure(measure));
      },
    );

    app.patch(
      '/measures/:id',
      {
        ...write,
        schema: operation({
          operationId: 'updateMeasure',
          summary: 'Edit a measure: only the fields given change (`null` clears one)',
          scope: 'chain:write',
          description: `Send \`If-Match\` with the measure's \`ETag\` (from \`GET /measures/{id}\` or the answer of your last write): 412 when someone else wrote since, 428 without it.`,
          tags: ['measures', 'write'],
          params: idParam,
          headers: ifMatchHeader,
          body: editBodyOf(measureSchema),
          responses: { 200: withEtagHeader(writtenMeasureSchema) },
          problems: [404, 409, 422, ...EDIT_PROBLEMS],
        }),
      },
      async (request, reply) => {
        const measure = await ownedMeasure(request, request.params.id);
        const updated = await updateMeasure(deps, tokenActorOf(request), measure.id, bodyOf<MeasureInput>(request), ifMatch(request, 'measure', measure));
        return withEtag(reply, updated, presentMeasure(updated));
      },
    );

    app.get(
      '/measures/:id',
      {
        ...tokenWith(deps, 'read'),
        schema: operation({
          operationId: 'getMeasure',
          summary: 'A measure as stored (drafts too), with the `ETag` an edit sends back as `If-Match`',
          scope: 'read',
          tags: ['measures'],
          params: idParam,
          responses: { 200: withEtagHeader(writtenMeasureSchema) },
          problems: [404],
        }),
      },
      async (request, reply) => {
        const measure = await ownedMeasure(request, request.params.id);
        return withEtag(reply, measure, presentMeasure(measure));
      },
    );

    app.post(
      '/measures/:id/contributions',
      {
        ...write,
        schema: operation({
          operationId: 'addContribution',
          summary: 'Say how a measure contributes to a goal of its own change',
          scope: 'chain:write',
          description: `A goal of another change is 422; the same pair twice is 409.`,
          tags: ['measures', 'write'],
          params: idParam,
          body: contributionInput,
          responses: { 201: contributionSchema },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const measure = await ownedMeasure(request, request.params.id);
        return reply.status(201).send(presentContribution(await addContribution(deps, tokenActorOf(request), measure.id, bodyOf<ContributionInput>(request))));
      },
    );
  };
