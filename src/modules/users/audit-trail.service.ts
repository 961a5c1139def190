import { AppError, offsetOf, toPage, type Actor, type Page, type PageRequest } from '../../core';
import { toCount, verifyChain, type ChainReport, type Deps } from '../../storage';
import { canReadAudit } from './user.policy';

/** One line of the audit log as the editor shows it (the hashes stay with `helder audit verify`). */
export interface AuditLine {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

const MAX_LINES = 500;

const assertCanRead = (actor: Actor, organizationId: string): void => {
  if (!canReadAudit(actor, organizationId)) throw new AppError('forbidden', 'only auditors and admins read the audit log');
};
const lineOf = (r: { seq: number | string; at: string; actor: string; action: string; entity_type: string; entity_id: string; data: string }): AuditLine => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  data: JSON.parse(r.data) as unknown,
});

/**
 * The audit entries of some entities of one organization, newest first: what auditors (and admins)
 * read on a change page. The policy lives here, at the read, so no route can forget it: anyone else
 * gets `forbidden`. At most 500 lines.
 */
export const readAuditTrail = async (deps: Pick<Deps, 'db'>, actor: Actor, organizationId: string, entityIds: readonly string[]): Promise<AuditLine[]> => {
  assertCanRead(actor, organizationId);
  if (entityIds.length === 0) return [];
  const rows = await deps.db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'data'])
    .where('organization_id', '=', organizationId)
    .where('entity_id', 'in', [...new Set(entityIds)])
    .orderBy('seq', 'desc')
    .limit(MAX_LINES)
    .execute();
  return rows.map(lineOf);
};

export interface OrganizationAudit extends Page<AuditLine> {
  /** The entity types that occur in the organization's log, for a filter. */
  entityTypes: string[];
}

/**
 * One page of an organization's whole audit log, newest first, optionally of one entity type
 * (issue 5: "the audit log is visible to auditors per entity and per organization"). Auditors and
 * admins only: anyone else gets `forbidden`. Two indexed reads plus the count.
 */
export const readOrganizationAudit = async (
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  organizationId: string,
  page: PageRequest,
  filter: { entityType?: string | undefined } = {},
): Promise<OrganizationAudit> => {
  assertCanRead(actor, organizationId);
  let query = deps.db.selectFrom('audit_events').where('organization_id', '=', organizationId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  const rows = await query
    .select(['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'data'])
    .orderBy('seq', 'desc')
    .limit(page.size)
    .offset(offsetOf(page))
    .execute();
  const { n } = await query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const types = await deps.db.selectFrom('audit_events').select('entity_type').distinct().where('organization_id', '=', organizationId).orderBy('entity_type').execute();
  return { ...toPage(rows.map(lineOf), page, toCount(n)), entityTypes: types.map((t) => t.entity_type) };
};

/**
 * Recomputes the organization's hash chain (`verifyChain`) for the audit page: whether the log is
 * whole, its length and head hash, or the first broken link. Auditors and admins only (`forbidden`).
 * Reads the whole chain in batches: fine for a page an auditor opens, not for every request.
 */
export const verifyOrganizationChain = async (deps: Pick<Deps, 'db'>, actor: Actor, organizationId: string): Promise<ChainReport> => {
  assertCanRead(actor, organizationId);
  return verifyChain(deps.db, organizationId);
};

/** Display names for the actors in some audit lines (`user:<id>` → name), one query. */
export const actorNames = async (deps: Pick<Deps, 'db'>, actorIds: readonly string[]): Promise<Map<string, string>> => {
  const ids = [...new Set(actorIds.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  for (const row of await deps.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(`user:${row.id}`, row.name);
  return names;
};
