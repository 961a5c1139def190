import type { Kysely } from 'kysely';

/**
 * Notifications (issue 10): the outbox of register events, subscribers and what they follow, one
 * delivery row per mail, and per-organization mail settings. Portable like 001_core; the indexes
 * serve the worker's two hot reads (pending outbox rows, due deliveries) and the fan-out's join of
 * an event's scopes against confirmed subscriptions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('notice', 'text')
    .execute();
  await db.schema.createIndex('notification_outbox_state').on('notification_outbox').columns(['state', 'at']).execute();

  await db.schema
    .createTable('subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subscribers_email', ['organization_id', 'email'])
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('expires_at', 'text')
    .addUniqueConstraint('subscriptions_one', ['subscriber_id', 'scope', 'scope_id', 'group_id'])
    .execute();
  await db.schema.createIndex('subscriptions_scope').on('subscriptions').columns(['scope', 'scope_id']).execute();
  await db.schema.createIndex('subscriptions_expiry').on('subscriptions').column('expires_at').execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('subscriber_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text')
    .addColumn('outbox_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('via', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('digest_id', 'text')
    .addUniqueConstraint('notification_deliveries_once', ['outbox_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('notification_deliveries_due').on('notification_deliveries').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('notification_deliveries_subscriber').on('notification_deliveries').columns(['subscriber_id', 'state']).execute();
  await db.schema.createIndex('notification_deliveries_org').on('notification_deliveries').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey())
    .addColumn('sender_address', 'text', (c) => c.notNull())
    .addColumn('digest_day', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
