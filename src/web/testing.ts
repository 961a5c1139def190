import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../core';
import { pingDatabase, registerVersionReader, type DialectName, type OpenDatabase } from '../storage';
import { openTestDatabase } from '../storage/testing';
import type { PortalSettings } from './context';
import { buildServer } from './server';

/**
 * The register version as `WebContext.registerVersion` wants it (app/deps.ts should wire the same):
 * the organization's audit head sequence number, or the sum over all heads. The queries are built
 * and compiled once and executed with new parameters, so the hot path skips Kysely's builder.
 */

export interface TestServer {
  app: FastifyInstance;
  deps: { db: OpenDatabase['db']; clock: ReturnType<typeof fixedClock> };
  close(): Promise<void>;
}

/**
 * Test-only: the whole web application over a fresh database of one dialect, for `inject()` tests.
 * (Excluded from the import-boundary check like every test file: tests may reach into storage.)
 */
export const openTestServer = async (dialect: DialectName, now = '2026-06-01T10:00:00Z', portal?: PortalSettings): Promise<TestServer> => {
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
    // What app/deps.ts wires in production: the audit head, one indexed query, compiled once.
    registerVersion: registerVersionReader(open.db),
    // Load shedding answers 503 when the event loop lags, which a busy 2-core CI machine running
    // tests in parallel does; behaviour tests must not depend on machine load (bench/portal.ts
    // measures the shedding). A test that wants it passes it explicitly.
    portal: { loadShedding: false, ...portal },
    secret: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
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

/**
 * Every route of the app as method and path, read from Fastify's route tree (HEAD and trailing
 * slashes folded), sorted by path then method: what the role × route matrix and the fuzz run walk,
 * so a new route is covered without being listed by hand.
 */
export const routesOf = (app: FastifyInstance): { method: string; path: string }[] => {
  const stack: string[] = [];
  const routes = new Map<string, { method: string; path: string }>();
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    const match = at < 0 ? null : /^(.*) \(([A-Z, ]+)\)$/.exec(line.slice(at + 3));
    if (!match) continue;
    const depth = (at - 1) / 4;
    stack.length = depth;
    stack.push(match[1]!);
    const path = stack.join('').replace(/(.)\/$/, '$1');
    for (const method of match[2]!.split(', ')) if (method !== 'HEAD') routes.set(`${method} ${path}`, { method, path });
  }
  return [...routes.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
};
