import type { Kysely } from 'kysely';

/**
 * Optimistic concurrency (core/revision.ts): every record a person or a system edits gets a
 * `revision`, checked in the update's `WHERE`. Existing rows start at 1, like new ones.
 * Organizations have no edit form yet; they get the column now so the first one needs no migration.
 */
export const REVISED_TABLES = ['organizations', 'changes', 'milestones', 'goals', 'measures', 'decisions', 'impacts', 'statements', 'expectations', 'conflicts'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of REVISED_TABLES) {
    await db.schema.alterTable(table).addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
