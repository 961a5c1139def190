import { sql, type Kysely } from 'kysely';

// The expectation register as it was from da7200e until 551152b added the unique pair constraint:
// databases made by those commits have conflicts without it (migration 009 repairs them). Kept
// verbatim for the upgrade test in ../history.test.ts; never run by Helder itself.

/**
 * The expectation register (issue 4): statements (uitspraken), expectations with their status,
 * links and response, and conflicts between groups with their weighing. Portable like 001_core:
 * text ids and dates, JSON-free, checks that both SQLite and PostgreSQL accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('speaker', 'text', (c) => c.notNull())
    .addColumn('speaker_kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('medium', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('statements_change').on('statements').columns(['change_id', 'date']).execute();

  await db.schema
    .createTable('expectations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('group_id', 'text', (c) => c.references('citizen_groups.id'))
    .addColumn('statement_id', 'text', (c) => c.references('statements.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('raised_where', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('raised_on', 'text')
    .addColumn('source_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_text', 'text')
    .addColumn('response_channel', 'text')
    .addColumn('response_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expectations_change').on('expectations').columns(['change_id', 'status']).execute();
  await db.schema.createIndex('expectations_statement').on('expectations').column('statement_id').execute();

  await db.schema
    .createTable('expectation_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expectation_id', 'text', (c) => c.notNull().references('expectations.id'))
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('expectation_links_one_target', sql`(goal_id is null) <> (decision_id is null)`)
    .execute();
  await db.schema.createIndex('expectation_links_expectation').on('expectation_links').column('expectation_id').execute();
  await db.schema.createIndex('expectation_links_goal').on('expectation_links').column('goal_id').execute();

  await db.schema
    .createTable('conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('group_a_id', 'text', (c) => c.notNull().references('citizen_groups.id'))
    .addColumn('group_b_id', 'text', (c) => c.notNull().references('citizen_groups.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('weighing', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('conflicts_two_groups', sql`group_a_id <> group_b_id`)
    .execute();
  await db.schema.createIndex('conflicts_change').on('conflicts').column('change_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Helder migrations are forward-only: restore a backup to go back.');
}
