import { AppError, MAX_PAGE_SIZE, pageRequest, parseInput, type Actor } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { listChanges } from '../changes';
import { listGroups } from '../groups';
import { getOrganization } from '../organizations';
import { can, isSystemActor } from '../users';
import { countDeliveriesByState, retryFailed, selectRecentDeliveries, selectSettings, upsertSettings } from './delivery.repository';
import type { Notice } from './notice';
import { countConfirmedByScope } from './subscription.repository';
import { settingsSchema, type SettingsInput } from './subscription.schema';
import { addressFor } from './subscription.service';

const mayWatch = (actor: Actor, organizationId: string) => {
  if (!isSystemActor(actor) && !can(actor, 'texts.edit', organizationId)) throw new AppError('forbidden', 'you may not see the mail of this organization');
};

/** One mail as the editor's outbox shows it; the address masked unless the actor is an admin. */
export interface OutboxLine {
  id: string;
  kind: string;
  state: string;
  attempts: number;
  lastError: string | null;
  via: string | null;
  sentAt: string | null;
  createdAt: string;
  to: string;
  about: string;
}

/**
 * The outbox of one organization: counts per state and the newest mails (or only the failed
 * ones). Editors, communicators and admins; only admins see addresses in full.
 */
export const getOutbox = async (deps: Deps, actor: Actor, organizationId: string, options: { failedOnly?: boolean; limit?: number } = {}): Promise<{ counts: Record<string, number>; lines: OutboxLine[] }> => {
  const organization = await getOrganization(deps, organizationId);
  mayWatch(actor, organization.id);
  const rows = await selectRecentDeliveries(deps.db, organization.id, { failedOnly: options.failedOnly ?? false, limit: options.limit ?? 50 });
  return {
    counts: await countDeliveriesByState(deps.db, organization.id),
    lines: rows.map((r) => {
      const notice = r.notice ? (JSON.parse(r.notice) as Notice) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        state: r.state,
        attempts: Number(r.attempts),
        lastError: r.last_error,
        via: r.via,
        sentAt: r.sent_at,
        createdAt: r.created_at,
        to: addressFor(actor, organization.id, r.email),
        about: notice ? `${notice.change.title}: ${notice.headline}` : r.kind === 'confirm' ? 'Bevestiging van een aanmelding' : 'Weekoverzicht',
      };
    }),
  };
};

/** Puts a failed mail back in the queue. Throws `not_found` when it is not a failed mail of this organization. */
export const retryDelivery = async (deps: Deps, actor: Actor, organizationId: string, id: string): Promise<void> => {
  mayWatch(actor, organizationId);
  if (!(await retryFailed(deps.db, organizationId, id, deps.clock.now().toISOString()))) throw new AppError('not_found', 'no failed mail with this id');
};

/** Confirmed followers per change and per group, and of the whole organization: numbers only. */
export const getSubscriberCounts = async (deps: Deps, actor: Actor, organizationId: string) => {
  const organization = await getOrganization(deps, organizationId);
  mayWatch(actor, organization.id);
  const counts = await countConfirmedByScope(deps.db, organization.id);
  const of = (scope: string, id: string) => counts.find((c) => c.scope === scope && c.scopeId === id)?.count ?? 0;
  const changes = (await listChanges(deps, organization.id, {}, pageRequest(1, MAX_PAGE_SIZE))).items;
  const groups = await listGroups(deps, organization.id);
  return {
    organization: of('organization', organization.id),
    changes: changes.map((c) => ({ id: c.id, title: c.title, count: of('change', c.id) })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, count: of('group', g.id) })),
  };
};

/** The sender address and digest day of an organization (defaults: no own address, Monday). */
export const getNotificationSettings = async (deps: Deps, organizationId: string): Promise<{ senderAddress: string | null; digestDay: number }> => {
  const row = await selectSettings(deps.db, organizationId);
  return { senderAddress: row?.sender_address ?? null, digestDay: row?.digest_day ?? 1 };
};

/** Sets the sender address and digest day: admins only. Throws `forbidden`, `validation_failed`. */
export const setNotificationSettings = async (deps: Deps, actor: Actor, organizationId: string, input: SettingsInput): Promise<void> => {
  const data = parseInput(settingsSchema, input);
  const organization = await getOrganization(deps, organizationId);
  if (!isSystemActor(actor) && !can(actor, 'settings.manage', organization.id)) throw new AppError('forbidden', 'only an admin may change the mail settings');
  await inTransaction(deps.db, async (db) => {
    await upsertSettings(db, organization.id, data.senderAddress, data.digestDay);
    await recordAudit(db, deps, actor, { organizationId: organization.id, action: 'notifications.settings_changed', entityType: 'organization', entityId: organization.id, data });
  });
};
