import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportOrganizationAs, type ExportFormat } from '../../../modules/exports';
import { organizationDocumentSchema } from '../../../modules/transfer';
import { getOrganization } from '../../../modules/organizations';
import type { WebContext } from '../../context';
import { NO_STORE } from '../polls.routes';
import { operation } from '../openapi';
import { assertOwned, slugParam, tokenWith } from './shared';

const FORMATS: { path: string; format: ExportFormat; operationId: string; summary: string; mediaType: string; schema: z.ZodType }[] = [
  {
    path: 'export.json',
    format: 'json',
    operationId: 'exportOrganizationJson',
    summary: 'The whole organization as one JSON document (imports elsewhere with `helder import`, docs/transfer.md)',
    mediaType: 'application/json',
    schema: organizationDocumentSchema,
  },
  {
    path: 'export.csv',
    format: 'csv',
    operationId: 'exportOrganizationCsv',
    summary: 'Goals and measurements as CSV for Dutch Excel (`;`, decimal comma, UTF-8 with BOM)',
    mediaType: 'text/csv',
    schema: z.string().describe('RFC 4180 CSV with a header row, `;` separated'),
  },
  {
    path: 'export.iati.xml',
    format: 'iati',
    operationId: 'exportOrganizationIati',
    summary: 'IATI 2.03 activities with the results (goals, indicators, baselines, targets, actuals) of published changes',
    mediaType: 'application/xml',
    schema: z.string().describe('An `iati-activities` document (IATI 2.03)'),
  },
];

const attachment = { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' as const } } };

/**
 * Exports of one organization (issue 5), behind a token with the `read` scope of that
 * organization: drafts are in the JSON and CSV, so another organization's token gets 404.
 */
export const exportRoutes =
  (ctx: WebContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { deps } = ctx;
    for (const { path, format, operationId, summary, mediaType, schema } of FORMATS) {
      app.get(
        `/organizations/:slug/${path}`,
        {
          ...tokenWith(deps, 'read'),
          schema: operation({
            operationId,
            summary,
            description: 'Sent as an attachment.',
            tags: ['organizations', 'export'],
            scope: 'read',
            params: slugParam,
            responses: { 200: { schema, mediaType, description: 'The file', headers: attachment } },
            problems: [404],
          }),
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
