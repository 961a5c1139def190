import { sql, type Kysely } from 'kysely';

/**
 * The register's own version per organization: like the audit head's `seq`, but not moved by
 * anonymous public events (poll answers, reactions). Caches of rendered register pages key on it,
 * so a stream of poll answers does not empty them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_heads').addColumn('register_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update audit_heads set register_seq = seq`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
