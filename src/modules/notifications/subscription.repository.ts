import { toCount, type Db } from '../../storage';
import type { Database } from '../../storage';
import type { Frequency, Scope, Subscriber, SubscriberId, Subscription, SubscriptionId } from './subscription';

const rowToSubscriber = (r: Database['subscribers']): Subscriber => ({ id: r.id as SubscriberId, organizationId: r.organization_id, email: r.email, createdAt: r.created_at });

const rowToSubscription = (r: Database['subscriptions']): Subscription => ({
  id: r.id as SubscriptionId,
  subscriberId: r.subscriber_id as SubscriberId,
  organizationId: r.organization_id,
  scope: r.scope as Scope,
  scopeId: r.scope_id,
  groupId: r.group_id,
  frequency: r.frequency as Frequency,
  requestedAt: r.requested_at,
  confirmedAt: r.confirmed_at,
  expiresAt: r.expires_at,
});

export const selectSubscriberByEmail = async (db: Db, organizationId: string, email: string): Promise<Subscriber | undefined> => {
  const row = await db.selectFrom('subscribers').selectAll().where('organization_id', '=', organizationId).where('email', '=', email).executeTakeFirst();
  return row && rowToSubscriber(row);
};

export const selectSubscriber = async (db: Db, id: string): Promise<Subscriber | undefined> => {
  const row = await db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToSubscriber(row);
};

/** Inserts a subscriber unless the address is there already (two requests at once); returns the stored one. */
export const upsertSubscriber = async (db: Db, s: Subscriber): Promise<Subscriber> => {
  await db
    .insertInto('subscribers')
    .values({ id: s.id, organization_id: s.organizationId, email: s.email, created_at: s.createdAt })
    .onConflict((oc) => oc.columns(['organization_id', 'email']).doNothing())
    .execute();
  return (await selectSubscriberByEmail(db, s.organizationId, s.email))!;
};

export const selectSubscriptionsOf = async (db: Db, subscriberId: string): Promise<Subscription[]> =>
  (await db.selectFrom('subscriptions').selectAll().where('subscriber_id', '=', subscriberId).orderBy('requested_at').orderBy('id').execute()).map(rowToSubscription);

export const selectSubscription = async (db: Db, id: string): Promise<Subscription | undefined> => {
  const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToSubscription(row);
};

/** Inserts a request, or renews an expired one for the same scope (new expiry, new frequency). */
export const upsertSubscription = async (db: Db, s: Subscription): Promise<void> => {
  await db
    .insertInto('subscriptions')
    .values({
      id: s.id,
      subscriber_id: s.subscriberId,
      organization_id: s.organizationId,
      scope: s.scope,
      scope_id: s.scopeId,
      group_id: s.groupId,
      frequency: s.frequency,
      requested_at: s.requestedAt,
      confirmed_at: s.confirmedAt,
      expires_at: s.expiresAt,
    })
    .onConflict((oc) => oc.columns(['subscriber_id', 'scope', 'scope_id', 'group_id']).doUpdateSet({ requested_at: s.requestedAt, expires_at: s.expiresAt, frequency: s.frequency }))
    .execute();
};

export const confirmPending = async (db: Db, subscriberId: string, now: string): Promise<number> => {
  const result = await db
    .updateTable('subscriptions')
    .set({ confirmed_at: now, expires_at: null })
    .where('subscriber_id', '=', subscriberId)
    .where('confirmed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};

export const updateFrequency = async (db: Db, id: string, frequency: Frequency): Promise<void> => {
  await db.updateTable('subscriptions').set({ frequency }).where('id', '=', id).execute();
};

export const deleteSubscriptionRow = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom('subscriptions').where('id', '=', id).execute();
};

/** Deletes a subscriber with everything kept about them: subscriptions and every mail row. */
export const deleteSubscriberRows = async (db: Db, subscriberId: string): Promise<void> => {
  await db.deleteFrom('notification_deliveries').where('subscriber_id', '=', subscriberId).execute();
  await db.deleteFrom('subscriptions').where('subscriber_id', '=', subscriberId).execute();
  await db.deleteFrom('subscribers').where('id', '=', subscriberId).execute();
};

export const countSubscriptionsOf = async (db: Db, subscriberId: string): Promise<number> =>
  toCount((await db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<string | number>().as('n')).where('subscriber_id', '=', subscriberId).executeTakeFirstOrThrow()).n);

/**
 * Deletes unconfirmed requests that expired, then subscribers left with none (they never
 * confirmed anything, or left everything). Returns how many requests went.
 */
export const pruneExpired = async (db: Db, now: string): Promise<number> => {
  const result = await db.deleteFrom('subscriptions').where('confirmed_at', 'is', null).where('expires_at', '<=', now).executeTakeFirst();
  const orphans = db.selectFrom('subscribers').select('id').where((eb) => eb.not(eb.exists(eb.selectFrom('subscriptions').select('id').whereRef('subscriptions.subscriber_id', '=', 'subscribers.id'))));
  await db.deleteFrom('notification_deliveries').where('subscriber_id', 'in', orphans).execute();
  await db.deleteFrom('subscribers').where('id', 'in', orphans).execute();
  return Number(result.numDeletedRows);
};

/** Confirmed subscriptions per scope id for one organization: the editor's counts (numbers only). */
export const countConfirmedByScope = async (db: Db, organizationId: string): Promise<{ scope: Scope; scopeId: string; count: number }[]> =>
  (
    await db
      .selectFrom('subscriptions')
      .select(['scope', 'scope_id', (eb) => eb.fn.count<string | number>('subscriber_id').distinct().as('n')])
      .where('organization_id', '=', organizationId)
      .where('confirmed_at', 'is not', null)
      .groupBy(['scope', 'scope_id'])
      .execute()
  ).map((r) => ({ scope: r.scope as Scope, scopeId: r.scope_id, count: toCount(r.n) }));

/** Confirmed followers of one change (change scope only): the read API's count. */
export const countChangeFollowers = async (db: Db, changeId: string): Promise<number> =>
  toCount(
    (
      await db
        .selectFrom('subscriptions')
        .select((eb) => eb.fn.count<string | number>('subscriber_id').distinct().as('n'))
        .where('scope', '=', 'change')
        .where('scope_id', '=', changeId)
        .where('confirmed_at', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
