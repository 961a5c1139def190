import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getChange, isoDateSchema } from '../../../modules/changes';
import { getGoal, listMeasurementsOfGoal, measurementSchema as measurementInput, recordMeasurement, type MeasurementInput } from '../../../modules/goals';
import type { WebContext } from '../../context';
import { operation } from '../openapi';
import { tokenActorOf } from '../auth';
import { measurementSchema, presentMeasurement } from './presenters';
import { assertOwned, bodyOf, tokenWith } from './shared';

/**
 * The measurement endpoint for data systems (issue 5): `PUT /goals/{id}/measurements/{date}` puts
 * the value of a goal's indicator on a date. PUT is idempotent (RFC 9110 section 9.2.2): sending the
 * same request again leaves the same state, so a data system can simply re-send after a timeout.
 * 201 when it created the measurement, 200 when it replaced or already held it; an unchanged
 * re-send writes nothing at all, not even an audit line.
 */
export const measurementWriteRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    app.put(
      '/goals/:id/measurements/:date',
      {
        ...tokenWith(deps, 'measurements:write'),
        schema: operation({
          operationId: 'putMeasurement',
          summary: 'Put the value of a goal\'s indicator on a date (idempotent)',
          scope: 'measurements:write',
          description: `The date lies on or after the goal's baseline date and not in the future (422). 201 created, 200 replaced or unchanged.`,
          tags: ['goals', 'write'],
          params: z.object({ id: z.uuid(), date: isoDateSchema.describe('YYYY-MM-DD') }),
          body: measurementInput.omit({ date: true }),
          responses: { 200: measurementSchema, 201: measurementSchema },
          problems: [404, 409, 422],
        }),
      },
      async (request, reply) => {
        const { id, date } = request.params;
        const goal = await getGoal(deps, id);
        assertOwned(request, (await getChange(deps, goal.changeId)).organizationId, 'goal', id);
        const body = bodyOf<Partial<MeasurementInput>>(request);
        const input = { ...(typeof body === 'object' && body !== null ? body : {}), date } as MeasurementInput;
        const existing = (await listMeasurementsOfGoal(deps, goal.id)).find((m) => m.date === date);
        const parsed = measurementInput.safeParse(input);
        if (existing && parsed.success && existing.value === parsed.data.value && existing.source === parsed.data.source && existing.note === parsed.data.note) {
          return reply.status(200).send(presentMeasurement(existing));
        }
        const { measurement, created } = await recordMeasurement(deps, tokenActorOf(request), goal.id, input, { replace: true });
        return reply.status(created ? 201 : 200).send(presentMeasurement(measurement));
      },
    );
  };
