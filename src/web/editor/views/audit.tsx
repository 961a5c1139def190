import type { AuditLine, OrganizationAudit, verifyOrganizationChain } from '../../../modules/users';
import { Alert, Heading, Link, Paragraph, Table } from '../../views/components';
import { ENTITY_LABELS } from '../labels';
import { editorUrls } from '../urls';

/** The page of the organization's audit log (routes/audit.routes.ts). */

const BROKEN: Record<string, string> = {
  hash_mismatch: 'de inhoud van deze regel is veranderd',
  prev_mismatch: 'de regel past niet op de regel ervoor',
  missing: 'er ontbreekt een regel',
  head_mismatch: 'de nieuwste regels zijn verdwenen',
  head_missing: 'het eindpunt van de keten is verwijderd, en mogelijk de nieuwste regels ermee',
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

/** What the audit page shows. */
export interface AuditPageProps {
  organization: { slug: string };
  title: string;
  chain: Awaited<ReturnType<typeof verifyOrganizationChain>>;
  audit: OrganizationAudit;
  people: Map<string, string>;
  /** Admins get links to the edit forms of measures, decisions and milestones. */
  admin: boolean;
  /** The entity type filtered on, or ''. */
  rawType: string;
  base: string;
  pageHref: (n: number) => string;
}

/** The chain status, the filter, the lines of this page and the paging links. */
export const AuditPage = ({ organization, title, chain, audit, people, admin, rawType, base, pageHref }: AuditPageProps) => (
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
);
