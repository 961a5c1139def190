import { sql, type Kysely } from 'kysely';
import { uniqueColumnSets } from '../dialects/catalog';

const PAIR = ['change_id', 'group_a_id', 'group_b_id'];

/**
 * Databases made between da7200e and 551152b ran 003_expectations before it gained its unique
 * constraint on (change, group a, group b), and an edited migration never runs again: they lack
 * the guard against two concurrent saves recording the same conflict twice. This adds it as a
 * unique index where it is missing; databases that have the constraint are left as they are.
 * Lesson (docs/operations.md#upgrades): a landed migration is never edited, a new one repairs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sets = await uniqueColumnSets(db, 'conflicts');
  if (sets.some((columns) => columns.join() === PAIR.join())) return;
  const duplicates = await sql<{ change_id: string; group_a_id: string; group_b_id: string }>`
    select change_id, group_a_id, group_b_id from conflicts group by change_id, group_a_id, group_b_id having count(*) > 1`.execute(db);
  if (duplicates.rows.length > 0) {
    const first = duplicates.rows[0]!;
    throw new Error(
      `migration 009: ${duplicates.rows.length} pair(s) of groups have their conflict recorded twice (first: change ${first.change_id}, groups ${first.group_a_id} and ${first.group_b_id}); ` +
        'merge each pair into one conflict row, then start Helder again',
    );
  }
  await db.schema.createIndex('conflicts_change_pair').unique().on('conflicts').columns(PAIR).execute();
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
