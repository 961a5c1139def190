import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, migrateToLatest, type DialectName, type OpenDatabase } from './database';

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
  if (dialect === 'sqlite') {
    const open = createDatabase({ url: 'sqlite::memory:' });
    await migrateToLatest(open.db);
    return open;
  }
  const url = process.env.HELDER_TEST_POSTGRES_URL;
  if (!url) throw new Error('HELDER_TEST_POSTGRES_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const open = createDatabase({ url, searchPath: schema });
  await migrateToLatest(open.db);
  return {
    ...open,
    close: async () => {
      await open.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
};
