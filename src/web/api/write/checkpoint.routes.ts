import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { latestCheckpoint } from '../../../modules/exports';
import type { WebContext } from '../../context';
import { NO_STORE } from '../polls.routes';
import { operation } from '../openapi';
import { slugParam } from './shared';

const checkpointSchema = z.object({
  organizationId: z.string(),
  organizationSlug: z.string(),
  seq: z.number().int().describe('The sequence number of the newest audit event'),
  hash: z.string().describe('Its chain hash: sha256(previous hash + canonical event), hex'),
  at: z.string().nullable().describe('When that event was written'),
  verify: z.string().describe('The command that checks later that this checkpoint is still part of the chain'),
});

/**
 * The published checkpoint of an organization's audit log (issue 5, "Trust"), public like the
 * portal page /{org}/controlepunt: keep a copy, and `helder audit verify --checkpoint HASH@SEQ`
 * shows later whether history was deleted and the chain recomputed.
 */
export const checkpointRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/organizations/:slug/checkpoint',
      {
        schema: operation({
          operationId: 'getAuditCheckpoint',
          summary: "The latest checkpoint of the organization's audit chain (sequence number, hash, time)",
          tags: ['organizations'],
          params: slugParam,
          responses: { 200: checkpointSchema },
          problems: [404],
        }),
      },
      async (request, reply) => {
        reply.header('cache-control', NO_STORE);
        return latestCheckpoint(ctx.deps, request.params.slug);
      },
    );
  };
