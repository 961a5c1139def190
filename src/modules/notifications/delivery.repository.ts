import { sql } from 'kysely';
import { skippingLocked, toCount, type Db } from '../../storage';
import type { Database } from '../../storage';

/** An outbox row as the fan-out reads it. */
export type OutboxRow = Database['notification_outbox'];
export type DeliveryRow = Database['notification_deliveries'];

/**
 * Takes the oldest pending outbox row, skipping one another worker holds (PostgreSQL); the caller
 * is inside a transaction and marks the row in it, so each event is fanned out exactly once.
 */
export const claimOutboxRow = async (db: Db): Promise<OutboxRow | undefined> =>
  skippingLocked(db, db.selectFrom('notification_outbox').selectAll().where('state', '=', 'pending').orderBy('at').orderBy('seq').limit(1)).executeTakeFirst();

export const markOutbox = async (db: Db, id: string, state: 'fanned' | 'skipped', notice: string | null): Promise<void> => {
  await db.updateTable('notification_outbox').set({ state, notice }).where('id', '=', id).execute();
};

/** Which subscriptions an event reaches: of its change, of the groups it touches, of its organization. */
export interface Audience {
  organizationId: string;
  changeId: string;
  groupIds: string[];
}

/**
 * Queues one delivery per confirmed subscriber an event reaches, in one INSERT … SELECT per kind
 * of scope: nothing is loaded into memory, so 100,000 subscribers cost one statement each. A
 * subscriber reached through several subscriptions gets one mail: the unique (outbox, subscriber)
 * keeps the first, and the statements run from the most telling subscription (a change for a
 * named group) to the least (the whole organization). Weekly subscribers' rows are `held` for
 * their digest. A subscriber hears of events after their confirmation only. The delivery id (event id + subscription id) is stable: it is the Message-ID.
 */
export const fanOut = async (db: Db, outboxId: string, audience: Audience, eventAt: string, now: string): Promise<number> => {
  const scopes: { scope: string; ids: string[]; named?: boolean }[] = [
    { scope: 'change', ids: [audience.changeId], named: true },
    { scope: 'group', ids: audience.groupIds },
    { scope: 'change', ids: [audience.changeId], named: false },
    { scope: 'organization', ids: [audience.organizationId] },
  ];
  let total = 0;
  for (const s of scopes) {
    if (s.ids.length === 0) continue;
    let select = db
      .selectFrom('subscriptions')
      .select([
        sql<string>`${outboxId} || '.' || subscriptions.id`.as('id'),
        'organization_id',
        'subscriber_id',
        'id as subscription_id',
        sql<string>`${outboxId}`.as('outbox_id'),
        sql<string>`'event'`.as('kind'),
        sql<string>`case when frequency = 'weekly' then 'held' else 'pending' end`.as('state'),
        sql<number>`0`.as('attempts'),
        sql<string>`${now}`.as('next_attempt_at'),
        sql<string>`${now}`.as('created_at'),
      ])
      .where('organization_id', '=', audience.organizationId)
      .where('scope', '=', s.scope)
      .where('scope_id', 'in', s.ids)
      // Only those who had confirmed when it happened: a new follower does not get older news.
      .where('confirmed_at', '<=', eventAt);
    if (s.named !== undefined) select = select.where('group_id', s.named ? '<>' : '=', '');
    const result = await db
      .insertInto('notification_deliveries')
      .columns(['id', 'organization_id', 'subscriber_id', 'subscription_id', 'outbox_id', 'kind', 'state', 'attempts', 'next_attempt_at', 'created_at'])
      .expression(select)
      .onConflict((oc) => oc.columns(['outbox_id', 'subscriber_id']).doNothing())
      .executeTakeFirst();
    total += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return total;
};

/** Queues a single mail (a confirmation or a digest); a second call with the same id does nothing. */
export const insertDelivery = async (db: Db, row: Pick<DeliveryRow, 'id' | 'organization_id' | 'subscriber_id' | 'kind' | 'created_at'> & Partial<DeliveryRow>): Promise<boolean> => {
  const result = await db
    .insertInto('notification_deliveries')
    .values({ subscription_id: null, outbox_id: null, state: 'pending', attempts: 0, next_attempt_at: row.created_at, lease_until: null, last_error: null, via: null, sent_at: null, digest_id: null, ...row })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
};

/** A claimed delivery with what rendering it needs. */
export interface ClaimedDelivery extends DeliveryRow {
  email: string;
  scope: string | null;
  scope_id: string | null;
  group_id: string | null;
  notice: string | null;
}

/**
 * Takes up to `limit` due deliveries — pending ones whose time has come, and `sending` ones whose
 * lease ran out (their worker died mid-send) — and leases them to this worker until `leaseUntil`.
 * On PostgreSQL `FOR UPDATE SKIP LOCKED` gives each worker other rows; on SQLite the one writer
 * does the same. A mail is sent twice only when a worker dies after sending and before marking it.
 */
export const claimDeliveries = async (db: Db, now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> => {
  const due = skippingLocked(
    db,
    db
      .selectFrom('notification_deliveries')
      .select('id')
      .where((eb) => eb.or([eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('state', '=', 'sending'), eb('lease_until', '<=', now)])]))
      .orderBy('next_attempt_at')
      .limit(limit),
  );
  const claimed = await db
    .updateTable('notification_deliveries')
    .set((eb) => ({ state: 'sending', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returning('id')
    .execute();
  if (claimed.length === 0) return [];
  return db
    .selectFrom('notification_deliveries as d')
    .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
    .leftJoin('subscriptions as sub', 'sub.id', 'd.subscription_id')
    .leftJoin('notification_outbox as o', 'o.id', 'd.outbox_id')
    .selectAll('d')
    .select(['s.email', 'sub.scope', 'sub.scope_id', 'sub.group_id', 'o.notice'])
    .where('d.id', 'in', claimed.map((c) => c.id))
    .orderBy('d.next_attempt_at')
    .execute();
};

/** Marks mails as handed to the mail server (or written to a file), in one statement. */
export const markSent = async (db: Db, ids: string[], via: string, now: string): Promise<void> => {
  if (ids.length === 0) return;
  await db.updateTable('notification_deliveries').set({ state: 'sent', via, sent_at: now, lease_until: null, last_error: null }).where('id', 'in', ids).execute();
};

/** A failed attempt: back to `pending` at `retryAt`, or `failed` for good when there is none. */
export const markAttemptFailed = async (db: Db, id: string, error: string, retryAt: string | null): Promise<void> => {
  await db
    .updateTable('notification_deliveries')
    .set({ state: retryAt ? 'pending' : 'failed', next_attempt_at: retryAt ?? sql<string>`next_attempt_at`, lease_until: null, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
};

/** An editor's retry of a failed mail: pending now, attempts counted afresh. */
export const retryFailed = async (db: Db, organizationId: string, id: string, now: string): Promise<boolean> => {
  const result = await db
    .updateTable('notification_deliveries')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, last_error: null })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** How many mails of one organization are in each state. */
export const countDeliveriesByState = async (db: Db, organizationId: string): Promise<Record<string, number>> => {
  const rows = await db
    .selectFrom('notification_deliveries')
    .select(['state', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('organization_id', '=', organizationId)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, toCount(r.n)]));
};

/** The newest mails of one organization (failed ones first when `failedOnly`), with address and subject source. */
export const selectRecentDeliveries = (db: Db, organizationId: string, options: { failedOnly: boolean; limit: number }) => {
  let query = db
    .selectFrom('notification_deliveries as d')
    .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
    .leftJoin('notification_outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.id', 'd.kind', 'd.state', 'd.attempts', 'd.last_error', 'd.via', 'd.sent_at', 'd.created_at', 's.email', 'o.notice'])
    .where('d.organization_id', '=', organizationId);
  if (options.failedOnly) query = query.where('d.state', '=', 'failed');
  return query.orderBy('d.created_at', 'desc').orderBy('d.id').limit(options.limit).execute();
};

/** Every mail row of one subscriber (for an export of their data). */
export const selectDeliveriesOf = (db: Db, subscriberId: string) =>
  db.selectFrom('notification_deliveries').select(['id', 'kind', 'state', 'sent_at', 'created_at']).where('subscriber_id', '=', subscriberId).orderBy('created_at').execute();

/** Organizations with events held for a weekly digest. */
export const selectHeldOrganizations = async (db: Db): Promise<string[]> =>
  (await db.selectFrom('notification_deliveries').select('organization_id').distinct().where('state', '=', 'held').execute()).map((r) => r.organization_id);

/** Held rows of weekly subscribers in one organization, grouped into today's digests. */
export const selectHeldSubscribers = async (db: Db, organizationId: string): Promise<string[]> =>
  (await db.selectFrom('notification_deliveries').select('subscriber_id').distinct().where('organization_id', '=', organizationId).where('state', '=', 'held').execute()).map((r) => r.subscriber_id);

export const takeHeldIntoDigest = async (db: Db, subscriberId: string, digestId: string): Promise<number> => {
  const result = await db.updateTable('notification_deliveries').set({ state: 'digested', digest_id: digestId }).where('subscriber_id', '=', subscriberId).where('state', '=', 'held').executeTakeFirst();
  return Number(result.numUpdatedRows);
};

/** The events of one digest: the held rows it took, with their notices and subscriptions. */
export const selectDigestItems = (db: Db, digestId: string) =>
  db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notification_outbox as o', 'o.id', 'd.outbox_id')
    .leftJoin('subscriptions as sub', 'sub.id', 'd.subscription_id')
    .select(['o.notice', 'sub.group_id', 'o.at'])
    .where('d.digest_id', '=', digestId)
    .orderBy('o.at')
    .execute();

export const selectSettings = (db: Db, organizationId: string) => db.selectFrom('notification_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();

export const upsertSettings = async (db: Db, organizationId: string, senderAddress: string, digestDay: number): Promise<void> => {
  await db
    .insertInto('notification_settings')
    .values({ organization_id: organizationId, sender_address: senderAddress, digest_day: digestDay })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ sender_address: senderAddress, digest_day: digestDay }))
    .execute();
};
