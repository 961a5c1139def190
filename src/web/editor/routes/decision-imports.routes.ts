import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../../core';
import { commitDecisionImport, MAX_IMPORT_BYTES, previewDecisionImport, type DecisionImportPreview } from '../../../modules/imports';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES } from '../access';
import { field, sendPage } from '../render';
import { editorUrls } from '../urls';
import { DecisionImportPage, errorsOf, pagePath } from '../views/decision-import';
import type { FieldError } from '../views/form';

/**
 * Importing decisions from Popolo JSON in the editor (issue 5), the same recipe as the measurements
 * import: paste → preview per motion (nothing written) → "Vastleggen", all or nothing. The JSON
 * travels back with the commit, so what is written is what was previewed, checked again.
 */
export const decisionImportRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  const guard = { preHandler: requireRole(deps, CHAIN_ROLES) };
  const large = { ...guard, bodyLimit: MAX_IMPORT_BYTES * 2 };

  const render = (request: FastifyRequest, reply: FastifyReply, p: { json: string; preview?: DecisionImportPreview; errors?: FieldError[]; written?: number }) => {
    const organization = organizationOf(request);
    const errors = p.errors ?? (p.preview ? errorsOf(p.preview) : []);
    const title = 'Besluiten importeren';
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];
    return sendPage(request, reply, baseUrl, { title, organization, breadcrumbs, hasErrors: errors.length > 0, status: errors.length > 0 ? 422 : 200 }, (csrf) =>
      DecisionImportPage({ organization, title, csrf, errors, json: p.json, preview: p.preview, written: p.written }),
    );
  };

  app.get('/:org/importeren/besluiten', guard, async (request, reply) => {
    const written = Number((request.query as Record<string, unknown>).vastgelegd);
    return render(request, reply, { json: '', ...(Number.isInteger(written) && written >= 0 ? { written } : {}) });
  });

  app.post('/:org/importeren/besluiten', large, async (request, reply) => {
    const json = field(request.body, 'json');
    if (!json.trim()) return render(request, reply, { json, errors: [{ field: 'json', message: 'Plak de inhoud van een Popolo-bestand (JSON).' }] });
    return render(request, reply, { json, preview: await previewDecisionImport(deps, organizationOf(request).id, json) });
  });

  app.post('/:org/importeren/besluiten/vastleggen', large, async (request, reply) => {
    const organization = organizationOf(request);
    const json = field(request.body, 'json');
    try {
      const { written } = await commitDecisionImport(deps, actorOf(request), organization.id, json);
      return reply.redirect(`${pagePath(organization.slug)}?vastgelegd=${written}`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      // Something changed since the preview (or the form was tampered with): show the new verdict.
      return render(request, reply, { json, preview: await previewDecisionImport(deps, organization.id, json) });
    }
  });
};
