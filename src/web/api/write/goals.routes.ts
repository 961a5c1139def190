import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseInput } from '../../../core';
import { getChange } from '../../../modules/changes';
import { anchorGoal, createGoal, getGoal, goalContentSchema, reviseGoal, type GoalContentInput } from '../../../modules/goals';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { EDIT_PROBLEMS, etagOf, ifMatch, ifMatchHeader, withEtag, withEtagHeader } from './preconditions';
import { anchorSchema, presentAnchor, presentGoal, writtenGoalSchema } from './presenters';
import { assertOwned, bodyOf, editBodyOf, idParam, tokenWith } from './shared';

const anchorBody = z.strictObject({
  decisionId: z.uuid(),
  version: z.number().int().min(1).optional().describe('The goal version the decision adopted; the current one when absent'),
});

/** Goals (versioned), and anchors to the decisions that adopt them (chain:write). */
export const goalWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    const write = tokenWith(deps, 'chain:write');
    const ownedGoal = async (request: Parameters<typeof assertOwned>[0], id: string) => {
      const goal = await getGoal(deps, id);
      assertOwned(request, (await getChange(deps, goal.changeId)).organizationId, 'goal', id);
      return goal;
    };

    app.post(
      '/changes/:id/goals',
      {
        ...write,
        schema: operation({
          operationId: 'createGoal',
          summary: 'Add a goal to a change (version 1)',
          scope: 'chain:write',
          description: `A goal needs a unit; a target on the wrong side of the baseline, or a deadline before the baseline date, is 422.`,
          tags: ['goals', 'write'],
          params: idParam,
          body: goalContentSchema,
          responses: { 201: withEtagHeader(writtenGoalSchema) },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        assertOwned(request, change.organizationId, 'change', change.id);
        const goal = await createGoal(deps, tokenActorOf(request), change.id, bodyOf<GoalContentInput>(request));
        return reply.status(201).header('ETag', etagOf(goal)).send(presentGoal(goal, true));
      },
    );

    app.patch(
      '/goals/:id',
      {
        ...write,
        schema: operation({
          operationId: 'updateGoal',
          summary: 'Edit a goal: only the fields given change',
          scope: 'chain:write',
          description: `A change to what a council adopts (statement, level, indicator, unit, baseline, target, deadline, direction) makes a new version, and the goal is no longer anchored until a decision adopts it (\`newVersion: true\`). Owner, data source and reporting interval are corrected in place. Send \`If-Match\` with the goal's \`ETag\` (from \`GET /goals/{id}\` or the answer of your last write): 412 when someone else wrote since, 428 without it.`,
          tags: ['goals', 'write'],
          params: idParam,
          headers: ifMatchHeader,
          body: editBodyOf(goalContentSchema),
          responses: { 200: withEtagHeader(writtenGoalSchema) },
          problems: [404, 409, 422, ...EDIT_PROBLEMS],
        }),
      },
      async (request, reply) => {
        const goal = await ownedGoal(request, request.params.id);
        const result = await reviseGoal(deps, tokenActorOf(request), goal.id, bodyOf<Partial<GoalContentInput>>(request), ifMatch(request, 'goal', goal));
        return withEtag(reply, result.goal, presentGoal(result.goal, result.newVersion));
      },
    );

    app.get(
      '/goals/:id',
      {
        ...tokenWith(deps, 'read'),
        schema: operation({
          operationId: 'getGoal',
          summary: 'A goal with its current version, as stored (drafts too), with the `ETag` an edit sends back as `If-Match`',
          scope: 'read',
          tags: ['goals'],
          params: idParam,
          responses: { 200: withEtagHeader(writtenGoalSchema) },
          problems: [404],
        }),
      },
      async (request, reply) => {
        const goal = await ownedGoal(request, request.params.id);
        return withEtag(reply, goal, presentGoal(goal, false));
      },
    );

    app.post(
      '/goals/:id/anchors',
      {
        ...write,
        schema: operation({
          operationId: 'anchorGoal',
          summary: 'Record that a decision adopted a goal version (verankering)',
          scope: 'chain:write',
          description: `Only an adopted, uncorrected decision of the same organization anchors (409 \`invalid_state\` otherwise); the same anchor twice is 409 \`conflict\`.`,
          tags: ['goals', 'write'],
          params: idParam,
          body: anchorBody,
          responses: { 201: anchorSchema },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const goal = await ownedGoal(request, request.params.id);
        const { decisionId, version } = parseInput(anchorBody, request.body);
        const anchor = await anchorGoal(deps, tokenActorOf(request), { goalId: goal.id, decisionId, ...(version === undefined ? {} : { version }) });
        return reply.status(201).send(presentAnchor(anchor));
      },
    );
  };
