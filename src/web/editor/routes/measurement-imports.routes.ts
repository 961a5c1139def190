import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../../core';
import { commitMeasurementImport, MAX_IMPORT_BYTES, previewMeasurementImport, type MeasurementImportPreview } from '../../../modules/imports';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES } from '../access';
import { field, sendPage } from '../render';
import { editorUrls } from '../urls';
import type { FieldError } from '../views/form';
import { errorsOf, MeasurementImportPage, uploadPath } from '../views/measurement-import';

/**
 * Importing measurements in the editor (issue 5): paste a CSV → preview per row (nothing written)
 * → commit, all or nothing. A text box rather than a file upload: it needs no multipart parser and
 * works without JavaScript; the CSV travels back with the commit, so what is written is exactly
 * what was previewed (and checked again inside the transaction).
 */
export const importRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  const guard = { preHandler: requireRole(deps, CHAIN_ROLES) };
  // A year of weekly figures for a hundred goals is some 300 kB; the editor's default limit is 64 kB.
  const large = { ...guard, bodyLimit: MAX_IMPORT_BYTES * 2 };

  const render = (request: FastifyRequest, reply: FastifyReply, p: { csv: string; preview?: MeasurementImportPreview; errors?: FieldError[]; written?: number; status?: number }) => {
    const organization = organizationOf(request);
    const errors = p.errors ?? (p.preview ? errorsOf(p.preview) : []);
    const title = 'Metingen importeren';
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];
    return sendPage(request, reply, baseUrl, { title, organization, breadcrumbs, hasErrors: errors.length > 0, status: p.status ?? (errors.length > 0 ? 422 : 200) }, (csrf) =>
      MeasurementImportPage({ organization, title, csrf, errors, csv: p.csv, preview: p.preview, written: p.written }),
    );
  };

  app.get('/:org/importeren/metingen', guard, async (request, reply) => {
    const written = Number((request.query as Record<string, unknown>).vastgelegd);
    return render(request, reply, { csv: '', ...(Number.isInteger(written) && written >= 0 ? { written } : {}) });
  });

  app.post('/:org/importeren/metingen', large, async (request, reply) => {
    const csv = field(request.body, 'csv');
    if (!csv.trim()) return render(request, reply, { csv, errors: [{ field: 'csv', message: 'Plak de inhoud van een CSV-bestand.' }] });
    return render(request, reply, { csv, preview: await previewMeasurementImport(deps, organizationOf(request).id, csv) });
  });

  app.post('/:org/importeren/metingen/vastleggen', large, async (request, reply) => {
    const organization = organizationOf(request);
    const csv = field(request.body, 'csv');
    try {
      const { written } = await commitMeasurementImport(deps, actorOf(request), organization.id, csv);
      return reply.redirect(`${uploadPath(organization.slug)}?vastgelegd=${written}`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      // Something changed since the preview (or the form was tampered with): show the new verdict.
      return render(request, reply, { csv, preview: await previewMeasurementImport(deps, organization.id, csv) });
    }
  });
};
