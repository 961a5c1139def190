import type { FastifyInstance } from 'fastify';
import { invalid, pageRequest } from '../../core';
import { actorNames, canEditChain, readOrganizationAudit, verifyOrganizationChain, type AuditLine } from '../../modules/users';
import type { WebContext } from '../context';
import { actorOf, organizationOf, requireRole } from '../http/auth';
import { Alert, Heading, Link, Paragraph, Table } from '../views/components';
import { ENTITY_LABELS } from './labels';
import { sendPage } from './render';
import { editorUrls } from './urls';

const PAGE_SIZE = 50;
const ENTITY_TYPE = /^[a-z_]{1,40}$/;
const BROKEN: Record<string, string> = {
  hash_mismatch: 'de inhoud van deze regel is veranderd',
  prev_mismatch: 'de regel past niet op de regel ervoor',
  missing: 'er ontbreekt een regel',
  head_mismatch: 'de nieuwste regels zijn verdwenen',
};

const dateTime = (iso: string): string => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** The editor page of an entity that every reader of the log may open; other entities are named without a link. */
const entityHref = (org: string, line: AuditLine, admin: boolean): string | undefined => {
  if (line.entityType === 'change') return editorUrls.change(org, line.entityId);
  if (line.entityType === 'goal') return `${editorUrls.entity(org, 'goal', line.entityId)}/versies`;
  if (line.entityType === 'organization') return editorUrls.dashboard(org);
  // Edit forms are for the chain's roles: an admin may open them, an auditor would meet a 403.
  if (admin && ['measure', 'decision', 'milestone'].includes(line.entityType)) return editorUrls.edit(org, line.entityType, line.entityId);
  return undefined;
};

/** An event's data as readable key/values, one level deep; nested values as short JSON. */
const Data = ({ data }: { data: unknown }) => {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return <span class="helder-audit-data">{JSON.stringify(data)}</span>;
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return <span>—</span>;
  return (
    <dl class="helder-audit-data">
      {entries.map(([key, value]) => {
        const shown = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
        return (
          <div>
            <dt class="helder-audit-data__key">{key}</dt>
            <dd class="helder-audit-data__value">{shown.length > 300 ? `${shown.slice(0, 299)}…` : shown}</dd>
          </div>
        );
      })}
    </dl>
  );
};

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

    return sendPage(request, reply, baseUrl, { title: `${title} van ${organization.name}`, organization, breadcrumbs }, () => (
      <>
        <Heading level={1}>{title}</Heading>
        {chain.ok ? (
          <Alert type="ok" heading="De keten klopt">
            {`Alle ${chain.events} regels zijn nagerekend: niets is veranderd of weggehaald. Laatste vingerafdruk: ${chain.headHash}.`}
          </Alert>
        ) : (
          <Alert type="error" heading="De keten is verbroken">
            {`Bij regel ${chain.broken?.seq ?? '?'}: ${BROKEN[chain.broken?.reason ?? ''] ?? chain.broken?.reason ?? 'onbekend'}. Meld dit direct aan de beheerder van de installatie; controleer met helder audit verify.`}
          </Alert>
        )}
        <Paragraph>
          Het gepubliceerde controlepunt staat op <Link href={`/${encodeURIComponent(organization.slug)}/controlepunt`}>de website</Link>. Wie dat eerder bewaarde, kan later
          controleren dat de geschiedenis niet opnieuw is uitgerekend.
        </Paragraph>
        <form method="get" action={base} class="helder-audit-filter">
          <div class="utrecht-form-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="veld-soort">Onderdeel</label>
            </div>
            <div class="utrecht-form-field__input">
              <select class="utrecht-select utrecht-select--html-select" id="veld-soort" name="soort">
                <option value="" selected={!rawType}>Alle onderdelen</option>
                {audit.entityTypes.map((t) => (
                  <option value={t} selected={t === rawType}>{ENTITY_LABELS[t] ?? t}</option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">Filter</button>
        </form>
        {audit.items.length === 0 ? (
          <Paragraph>Geen regels{rawType ? ' van dit onderdeel' : ''}.</Paragraph>
        ) : (
          <Table
            caption={`Regels ${(audit.page - 1) * audit.size + 1} tot en met ${(audit.page - 1) * audit.size + audit.items.length} van ${audit.total}, nieuwste eerst`}
            head={['Nr.', 'Wanneer', 'Wie', 'Wat', 'Onderdeel', 'Gegevens']}
            numeric={[0]}
            rows={audit.items.map((l) => {
              const href = entityHref(organization.slug, l, admin);
              const label = ENTITY_LABELS[l.entityType] ?? l.entityType;
              return [
                String(l.seq),
                <time datetime={l.at}>{dateTime(l.at)}</time>,
                people.get(l.actor) ?? l.actor,
                <code>{l.action}</code>,
                href ? <Link href={href}>{label}</Link> : label,
                <Data data={l.data} />,
              ];
            })}
          />
        )}
        {audit.pages > 1 ? (
          <nav aria-label="Paginering" class="helder-pagination">
            <Paragraph>
              {audit.page > 1 ? <Link href={pageHref(audit.page - 1)}>Nieuwere regels</Link> : null}
              {audit.page > 1 && audit.page < audit.pages ? ' · ' : null}
              {` Pagina ${audit.page} van ${audit.pages} `}
              {audit.page < audit.pages ? <Link href={pageHref(audit.page + 1)}>Oudere regels</Link> : null}
            </Paragraph>
          </nav>
        ) : null}
      </>
    ));
  });
};
