import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../core';
import { pingDatabase, type DialectName, type OpenDatabase } from '../storage';
import { openTestDatabase } from '../storage/testing';
import { buildServer } from './server';

export interface TestServer {
  app: FastifyInstance;
  deps: { db: OpenDatabase['db']; clock: ReturnType<typeof fixedClock> };
  close(): Promise<void>;
}

/**
 * Test-only: the whole web application over a fresh database of one dialect, for `inject()` tests.
 * (Excluded from the import-boundary check like every test file: tests may reach into storage.)
 */
export const openTestServer = async (dialect: DialectName, now = '2026-06-01T10:00:00Z'): Promise<TestServer> => {
  const open = await openTestDatabase(dialect);
  const deps = { db: open.db, clock: fixedClock(now) };
  const app = await buildServer({
    deps,
    baseUrl: 'http://localhost:8080',
    hsts: false,
    health: async () => {
      await pingDatabase(open.db);
      return { ok: true, database: dialect };
    },
  });
  return {
    app,
    deps,
    close: async () => {
      await app.close();
      await open.close();
    },
  };
};
