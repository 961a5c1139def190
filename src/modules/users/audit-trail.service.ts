import { AppError, offsetOf, toPage, type Actor, type Page, type PageRequest } from '../../core';
import { auditEntityTypes, countAuditEvents, readAuditEvents, verifyChain, type AuditEvent, type ChainReport, type Deps } from '../../storage';
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
const lineOf = (e: AuditEvent): AuditLine => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, data: e.data });

/**
 * The audit entries of some entities of one organization, newest first: what auditors (and admins)
 * read on a change page. The policy lives here, at the read, so no route can forget it: anyone else
 * gets `forbidden`. At most 500 lines.
 */
export const readAuditTrail = async (deps: Pick<Deps, 'db'>, actor: Actor, organizationId: string, entityIds: readonly string[]): Promise<AuditLine[]> => {
  assertCanRead(actor, organizationId);
  return (await readAuditEvents(deps.db, organizationId, { entityIds }, { limit: MAX_LINES })).map(lineOf);
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
  const where = { entityType: filter.entityType };
  const [events, total, entityTypes] = await Promise.all([
    readAuditEvents(deps.db, organizationId, where, { limit: page.size, offset: offsetOf(page) }),
    countAuditEvents(deps.db, organizationId, where),
    auditEntityTypes(deps.db, organizationId),
  ]);
  return { ...toPage(events.map(lineOf), page, total), entityTypes };
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
