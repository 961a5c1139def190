import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { WebContext } from '../context';
import { languageRoutes } from './language.routes';
import { pollRoutes } from './polls.routes';
import { reactionRoutes } from './reactions.routes';
import { apiRoutes } from './routes';
import { writeRoutes } from './write';

/** Registers API v1 under /api/v1 with its OpenAPI document at /api/v1/openapi.json. */
export const registerApi = async (app: FastifyInstance, ctx: WebContext): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Helder API',
        version: '1.0.0',
        description: 'The change register of public bodies: changes, goals anchored in decisions, measures, groups and the legitimacy check. Errors are RFC 9457 problem documents with a stable `code`.',
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      },
      servers: [{ url: ctx.baseUrl }],
      tags: [{ name: 'organizations' }, { name: 'changes' }, { name: 'goals' }, { name: 'language' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(
    async (api) => {
      await api.register(apiRoutes(ctx));
      await api.register(languageRoutes);
      await api.register(pollRoutes(ctx));
      await api.register(reactionRoutes(ctx));
      await api.register(writeRoutes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
};
