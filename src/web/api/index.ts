import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context';
import { languageRoutes } from './language.routes';
import { API_BASE, registerApiVersionHeader, swaggerOptions } from './openapi';
import { pollRoutes } from './polls.routes';
import { reactionRoutes } from './reactions.routes';
import { apiRoutes } from './routes';
import { writeRoutes } from './write';

export { API_VERSION, operation, type ProblemStatus } from './openapi';

/**
 * Registers API v1 under /api/v1 with its OpenAPI document at /api/v1/openapi.json. The document
 * covers /api/v1 only (the portal's and editor's pages are not API); `API-Version` goes out on
 * every API response.
 */
export const registerApi = async (app: FastifyInstance, ctx: WebContext): Promise<void> => {
  await app.register(swagger, swaggerOptions({ baseUrl: ctx.baseUrl, ...(ctx.portal?.securityContact ? { securityContact: ctx.portal.securityContact } : {}) }));
  registerApiVersionHeader(app);
  await app.register(
    async (api) => {
      await api.register(apiRoutes(ctx));
      await api.register(languageRoutes);
      await api.register(pollRoutes(ctx));
      await api.register(reactionRoutes(ctx));
      await api.register(writeRoutes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_BASE },
  );
};
