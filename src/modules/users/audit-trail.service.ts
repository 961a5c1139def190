import { AppError, type Actor } from '../../core';
import type { Deps } from '../../storage';
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

/**
 * The audit entries of some entities of one organization, newest first: what auditors (and admins)
 * read on a change page. The policy lives here, at the read, so no route can forget it: anyone else
 * gets `forbidden`. At most 500 lines.
 */
export const readAuditTrail = async (deps: Pick<Deps, 'db'>, actor: Actor, organizationId: string, entityIds: readonly string[]): Promise<AuditLine[]> => {
  if (!canReadAudit(actor, organizationId)) throw new AppError('forbidden', 'only auditors and admins read the audit log');
  if (entityIds.length === 0) return [];
  const rows = await deps.db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'data'])
    .where('organization_id', '=', organizationId)
    .where('entity_id', 'in', [...new Set(entityIds)])
    .orderBy('seq', 'desc')
    .limit(MAX_LINES)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, data: JSON.parse(r.data) as unknown }));
};

/** Display names for the actors in some audit lines (`user:<id>` → name), one query. */
export const actorNames = async (deps: Pick<Deps, 'db'>, actorIds: readonly string[]): Promise<Map<string, string>> => {
  const ids = [...new Set(actorIds.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  for (const row of await deps.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(`user:${row.id}`, row.name);
  return names;
};
