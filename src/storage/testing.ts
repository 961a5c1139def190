import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DialectName, type OpenDatabase } from './database';
import { migrateToLatest } from './migrator';

/**
 * The dialects every repository and service test runs on. `npm test` (scripts/test.js) starts a
 * throwaway PostgreSQL cluster and sets HELDER_TEST_POSTGRES_URL; without it only SQLite runs, and
 * scripts/test.js refuses that unless HELDER_SKIP_POSTGRES=1 is set explicitly.
 */
export const DIALECTS: DialectName[] = process.env.HELDER_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * A fresh, migrated database: SQLite in memory, or PostgreSQL in a schema of its own (dropped on
 * close), so test files can run in parallel against one server.
 */
export const openTestDatabase = async (dialect: DialectName): Promise<OpenDatabase> => {
  const open = await openEmptyTestDatabase(dialect);
  await open.migrating(() => migrateToLatest(open.db, open.schema ? { schema: open.schema } : {}));
  return open;
};

/** A test database with no tables yet; `migrating` runs a migrator on it safely (see below). */
export interface EmptyTestDatabase extends OpenDatabase {
  /** PostgreSQL: the schema of this database (pass it to the migrator). */
  schema?: string;
  migrating<T>(fn: () => Promise<T>): Promise<T>;
}

/** An empty database, for tests that build an old schema and upgrade it. */
export const openEmptyTestDatabase = async (dialect: DialectName): Promise<EmptyTestDatabase> => {
  if (dialect === 'sqlite') return { ...createDatabase({ url: 'sqlite::memory:' }), migrating: (fn) => fn() };
  const url = process.env.HELDER_TEST_POSTGRES_URL;
  if (!url) throw new Error('HELDER_TEST_POSTGRES_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withAdvisoryLock(url, 'shared', (client) => client.query(`CREATE SCHEMA ${schema}`));
  const open = createDatabase({ url, searchPath: schema });
  return {
    ...open,
    schema,
    // Kysely's migrator introspects every schema of the server; a schema dropped by a test file
    // running in parallel at that moment breaks it ("schema … does not exist"). Migrations hold a
    // shared advisory lock and drops an exclusive one, so the two never overlap.
    migrating: (fn) => withAdvisoryLock(url, 'shared', fn),
    close: async () => {
      await open.close();
      await withAdvisoryLock(url, 'exclusive', (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
};

const LOCK_KEY = 4_242_001;

const withAdvisoryLock = async <T>(url: string, mode: 'shared' | 'exclusive', fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const suffix = mode === 'shared' ? '_shared' : '';
  try {
    await client.query(`SELECT pg_advisory_lock${suffix}(${LOCK_KEY})`);
    return await fn(client);
  } finally {
    await client.query(`SELECT pg_advisory_unlock${suffix}(${LOCK_KEY})`).catch(() => undefined);
    await client.end();
  }
};
