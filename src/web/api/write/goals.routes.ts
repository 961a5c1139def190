import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseInput } from '../../../core';
import { getChange } from '../../../modules/changes';
import { anchorGoal, createGoal, getGoal, goalContentSchema, reviseGoal, type GoalContentInput } from '../../../modules/goals';
import type { WebContext } from '../../context';
import { tokenActorOf } from '../auth';
import { anchorSchema, presentAnchor, presentGoal, writtenGoalSchema } from './presenters';
import { assertOwned, bodyOf, editBodyOf, idParam, needs, tokenWith, writeErrors } from './shared';

const anchorBody = z.object({
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
        schema: {
          summary: 'Add a goal to a change (version 1)',
          description: `${needs('chain:write')} A goal needs a unit; a target on the wrong side of the baseline, or a deadline before the baseline date, is 422.`,
          tags: ['goals', 'write'],
          params: idParam,
          body: goalContentSchema,
          response: { 201: writtenGoalSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const change = await getChange(deps, request.params.id);
        assertOwned(request, change.organizationId, 'change', change.id);
        const goal = await createGoal(deps, tokenActorOf(request), change.id, bodyOf<GoalContentInput>(request));
        return reply.status(201).send(presentGoal(goal, true));
      },
    );

    app.patch(
      '/goals/:id',
      {
        ...write,
        schema: {
          summary: 'Edit a goal: only the fields given change',
          description: `${needs('chain:write')} A change to what a council adopts (statement, level, indicator, unit, baseline, target, deadline, direction) makes a new version, and the goal is no longer anchored until a decision adopts it (\`newVersion: true\`). Owner, data source and reporting interval are corrected in place.`,
          tags: ['goals', 'write'],
          params: idParam,
          body: editBodyOf(goalContentSchema),
          response: { 200: writtenGoalSchema, ...writeErrors },
        },
      },
      async (request) => {
        const goal = await ownedGoal(request, request.params.id);
        const result = await reviseGoal(deps, tokenActorOf(request), goal.id, bodyOf<Partial<GoalContentInput>>(request));
        return presentGoal(result.goal, result.newVersion);
      },
    );

    app.post(
      '/goals/:id/anchors',
      {
        ...write,
        schema: {
          summary: 'Record that a decision adopted a goal version (verankering)',
          description: `${needs('chain:write')} Only an adopted, uncorrected decision of the same organization anchors (409 \`invalid_state\` otherwise); the same anchor twice is 409 \`conflict\`.`,
          tags: ['goals', 'write'],
          params: idParam,
          body: anchorBody,
          response: { 201: anchorSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const goal = await ownedGoal(request, request.params.id);
        const { decisionId, version } = parseInput(anchorBody, request.body);
        const anchor = await anchorGoal(deps, tokenActorOf(request), { goalId: goal.id, decisionId, ...(version === undefined ? {} : { version }) });
        return reply.status(201).send(presentAnchor(anchor));
      },
    );
  };
