import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebContext } from '../../context';
import { changeWriteRoutes } from './changes.routes';
import { checkpointRoutes } from './checkpoint.routes';
import { decisionWriteRoutes } from './decisions.routes';
import { exportRoutes } from './exports.routes';
import { goalWriteRoutes } from './goals.routes';
import { groupWriteRoutes } from './groups.routes';
import { measurementWriteRoutes } from './measurements.routes';
import { measureWriteRoutes } from './measures.routes';

/**
 * The write API (issue 5): every write of the chain behind an API token (docs/api-write.md), and the
 * exports of an organization (docs/imports-exports.md). Each
 * route: token and scope → the addressed entity belongs to the token's organization → the module's
 * service (which parses the body, runs one transaction and writes the audit entry) → a presenter.
 */
export const writeRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(changeWriteRoutes(ctx));
    await app.register(goalWriteRoutes(ctx));
    await app.register(measurementWriteRoutes(ctx));
    await app.register(measureWriteRoutes(ctx));
    await app.register(decisionWriteRoutes(ctx));
    await app.register(groupWriteRoutes(ctx));
    await app.register(exportRoutes(ctx));
    await app.register(checkpointRoutes(ctx));
  };
