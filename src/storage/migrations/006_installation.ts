import type { Kysely } from 'kysely';

/** Settings of the installation as a whole, shared by every app server on one database (e.g. the server secret). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
