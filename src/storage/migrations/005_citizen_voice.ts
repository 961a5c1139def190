import type { Kysely } from 'kysely';

/**
 * Citizen voice (issue 4): polls with incremental aggregates, reactions with reports and
 * moderation settings, and anti-abuse state. Portable like 001_core: text ids and timestamps,
 * integer flags and counters, composite primary keys that both SQLite and PostgreSQL accept as
 * `on conflict` targets (the aggregates are upserts: `count = count + excluded.count`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('poll_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('q1', 'text', (c) => c.notNull())
    .addColumn('q2', 'text', (c) => c.notNull())
    .addColumn('q3', 'integer', (c) => c.notNull())
    .addColumn('q4', 'integer')
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poll_responses_change').on('poll_responses').columns(['change_id', 'group_key']).execute();

  await db.schema
    .createTable('poll_counts')
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_counts_pk', ['change_id', 'group_key', 'question', 'answer'])
    .execute();

  await db.schema
    .createTable('poll_totals')
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('with_both', 'integer', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('gap_sum', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_totals_pk', ['change_id', 'group_key'])
    .execute();

  await db.schema
    .createTable('poll_tokens_used')
    .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
    .addColumn('change_id', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poll_tokens_used_at').on('poll_tokens_used').column('used_at').execute();

  await db.schema
    .createTable('reactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('update_id', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('reactions.id'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('official', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_actor_id', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('first_official_answer_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('reactions_change').on('reactions').columns(['change_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('reactions_queue').on('reactions').columns(['organization_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('reactions_duplicate').on('reactions').columns(['change_id', 'text_hash']).execute();
  await db.schema.createIndex('reactions_parent').on('reactions').column('parent_id').execute();

  await db.schema
    .createTable('reaction_reports')
    .addColumn('reaction_id', 'text', (c) => c.notNull().references('reactions.id'))
    .addColumn('reporter_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reaction_reports_pk', ['reaction_id', 'reporter_hash'])
    .execute();

  await db.schema
    .createTable('voice_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('report_threshold', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('voice_throttle')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('voice_throttle_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('voice_throttle_window').on('voice_throttle').column('window_start').execute();

  await db.schema
    .createTable('voice_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
