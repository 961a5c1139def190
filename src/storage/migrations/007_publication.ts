import type { Kysely } from 'kysely';

/**
 * Publication workflow (issue 5): draft → ready for review → published, with who and when. One row
 * per change that left draft; `changes.published_at` stays what the portal reads (citizens see only
 * published changes), this table adds the review request and the people behind both steps.
 * Portable like 001_core: text ids and ISO timestamps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_publications')
    .addColumn('change_id', 'text', (c) => c.primaryKey().references('changes.id'))
    .addColumn('review_requested_at', 'text')
    .addColumn('review_requested_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
