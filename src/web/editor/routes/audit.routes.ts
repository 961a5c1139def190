import type { FastifyInstance } from 'fastify';
import { invalid, pageRequest } from '../../../core';
import { actorNames, canEditChain, readOrganizationAudit, verifyOrganizationChain } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { sendPage } from '../render';
import { editorUrls } from '../urls';
import { AuditPage } from '../views/audit';

const PAGE_SIZE = 50;
const ENTITY_TYPE = /^[a-z_]{1,40}$/;
/**
 * The organization's audit log in the editor (issue 5): the chain status on top (recomputed with
 * `verifyChain`), then every event newest first, fifty a page, optionally of one entity type.
 * Auditors and admins: the policy is checked by the module (`forbidden` → 403 for other roles); a
 * user of another organization meets 404 at `requireRole`.
 */
export const auditRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  app.get('/:org/audit', { preHandler: requireRole(deps, 'any') }, async (request, reply) => {
    const organization = organizationOf(request);
    const actor = actorOf(request);
    const query = request.query as Record<string, unknown>;
    const page = pageRequest(query.pagina ?? 1, PAGE_SIZE);
    const rawType = typeof query.soort === 'string' ? query.soort : '';
    if (rawType && !ENTITY_TYPE.test(rawType)) throw invalid('soort', 'unknown entity type');
    const chain = await verifyOrganizationChain(deps, actor, organization.id);
    const audit = await readOrganizationAudit(deps, actor, organization.id, page, { entityType: rawType || undefined });
    const people = await actorNames(deps, audit.items.map((l) => l.actor));
    const admin = canEditChain(actor, organization.id);
    const base = `${editorUrls.dashboard(organization.slug)}/audit`;
    const pageHref = (n: number) => `${base}?${new URLSearchParams({ ...(rawType ? { soort: rawType } : {}), pagina: String(n) }).toString()}`;
    const title = 'Auditlog';
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];

    return sendPage(request, reply, baseUrl, { title: `${title} van ${organization.name}`, organization, breadcrumbs }, () =>
      AuditPage({ organization, title, chain, audit, people, admin, rawType, base, pageHref }),
    );
  });
};
