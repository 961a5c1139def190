import { PostgresIntrospector, sql } from 'kysely';
import { fixedClock, systemActor, type Actor } from '../../core';
import type { Db, Deps } from '../../storage';
import type { Organization } from './organization';
import type { CreateOrganizationInput } from './organization.schema';
import { createOrganization } from './organization.service';

/**
 * Test-only builders (ARCHITECTURE.md "goal.factory.ts: test data builder"). Not exported from
 * index.ts. Every builder goes through the module's service, so built data obeys the same rules
 * (and leaves the same audit entries) as data a user creates.
 */

/** The actor every test writes as. */
export const testActor: Actor = systemActor('test');

/** Deps for a test: the database and a fixed, advanceable clock (1 June 2026, 10:00 UTC). */
export const testDeps = (db: Db, now = '2026-06-01T10:00:00Z'): Deps & { clock: ReturnType<typeof fixedClock> } => ({
  db,
  clock: fixedClock(now),
});

let sequence = 0;

/** A gemeente with a slug no other test organization has. */
export const anOrganization = (deps: Deps, overrides: Partial<CreateOrganizationInput> = {}): Promise<Organization> => {
  sequence += 1;
  return createOrganization(deps, testActor, { slug: `gemeente-${sequence}`, name: `Gemeente ${sequence}`, kind: 'gemeente', ...overrides });
};

/**
 * Every row of every table, as sorted JSON lines per table: compared before and after a failing use
 * case, it proves that nothing was written — no insert, no in-place update, no audit entry.
 * (A storage-level helper; it lives here because tests of every module import the first module.)
 */
export type StoreSnapshot = Map<string, string[]>;

export const snapshotStore = async (db: Db): Promise<StoreSnapshot> => {
  const snapshot: StoreSnapshot = new Map();
  for (const table of await tablesOf(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    snapshot.set(table, rows.map((r) => JSON.stringify(r)).sort());
  }
  return snapshot;
};

/**
 * The tables of this test database. Not `db.introspection`: on PostgreSQL it reads every schema of
 * the server, and the schemas of test files running in parallel vanish mid-query when they close.
 */
const tablesOf = async (db: Db): Promise<string[]> => {
  const query =
    db.introspection instanceof PostgresIntrospector
      ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  return (await query.execute(db)).rows.map((r) => r.name).sort();
};

/** The tables whose contents differ between two snapshots (empty when nothing was written). */
export const tablesChanged = (before: StoreSnapshot, after: StoreSnapshot): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter((t) => JSON.stringify(before.get(t)) !== JSON.stringify(after.get(t))).sort();

/**
 * Runs a use case that is expected to fail and reports what it threw and which tables it changed.
 * `error` is undefined when the use case unexpectedly succeeded.
 */
export const attempt = async (db: Db, useCase: () => Promise<unknown>): Promise<{ error: unknown; changed: string[] }> => {
  const before = await snapshotStore(db);
  const error = await useCase().then(
    () => undefined,
    (e: unknown) => e ?? new Error('rejected without a reason'),
  );
  return { error, changed: tablesChanged(before, await snapshotStore(db)) };
};

/** The field paths of an AppError's issues, for asserting where a validation failed. */
export const issuePaths = (error: unknown): string[] =>
  ((error as { issues?: { path: string }[] } | undefined)?.issues ?? []).map((i) => i.path);

/** Number of events in an organization's audit chain. */
export const auditLength = async (db: Db, organizationId: string): Promise<number> =>
  Number(
    (await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow()).n,
  );
