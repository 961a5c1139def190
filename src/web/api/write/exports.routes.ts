import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportOrganizationAs, type ExportFormat } from '../../../modules/exports';
import { getOrganization } from '../../../modules/organizations';
import type { WebContext } from '../../context';
import { NO_STORE } from '../polls.routes';
import { problemSchema } from '../schemas';
import { assertOwned, slugParam, tokenWith } from './shared';

const FORMATS: { path: string; format: ExportFormat; summary: string }[] = [
  { path: 'export.json', format: 'json', summary: 'The whole organization as one JSON document (imports elsewhere with `helder import`, docs/transfer.md)' },
  { path: 'export.csv', format: 'csv', summary: 'Goals and measurements as CSV for Dutch Excel (`;`, decimal comma, UTF-8 with BOM)' },
  { path: 'export.iati.xml', format: 'iati', summary: 'IATI 2.03 activities with the results (goals, indicators, baselines, targets, actuals) of published changes' },
];

/**
 * Exports of one organization (issue 5), behind a token with the `read` scope of that
 * organization: drafts are in the JSON and CSV, so another organization's token gets 404.
 */
export const exportRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    for (const { path, format, summary } of FORMATS) {
      app.get(
        `/organizations/:slug/${path}`,
        {
          ...tokenWith(deps, 'read'),
          schema: {
            summary,
            description: 'Needs `Authorization: Bearer hld_…` with the `read` scope of this organization; another organization answers 404. Sent as an attachment.',
            tags: ['organizations', 'export'],
            params: slugParam,
            response: { 200: z.string().describe('The file'), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
          },
        },
        async (request, reply) => {
          const organization = await getOrganization(deps, request.params.slug);
          assertOwned(request, organization.id, 'organization', request.params.slug);
          const file = await exportOrganizationAs(deps, organization.id, format);
          return reply
            .header('cache-control', NO_STORE)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .type(file.contentType)
            .send(file.body);
        },
      );
    }
  };
