import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../modules/changes/change.factory';
import { aGoal } from '../modules/goals/goal.factory';
import { anOrganization } from '../modules/organizations/organization.factory';
import { actorOfUser, createApiToken } from '../modules/users';
import { aUser } from '../modules/users/user.factory';
import type { FaultReport } from '../storage';
import { buildServer } from '../web/server';
import { loadConfig } from './config';
import { openApp, webContextOf, type App } from './deps';

/**
 * Issue 9.3: the SQLite file on a full file system. Writes must answer 503 with a problem document
 * (not 500), the log must name the real cause (SQLITE_FULL) once per burst — not SQLite's "cannot
 * rollback - no transaction is active", which used to replace it — /healthz must report degraded
 * writes, reads keep working, and writes work again once there is space.
 *
 * The real thing where the machine allows it: as root (CI), the database lives on a tiny tmpfs
 * that the test fills with a file until ENOSPC. Elsewhere `PRAGMA max_page_count` caps the file at
 * its current size; SQLite then fails the same way (SQLITE_FULL, its transaction rolled back), so
 * the same error path runs.
 */

interface Space {
  dir: string;
  real: boolean;
  fill(db: App['deps']['db']): Promise<void>;
  free(db: App['deps']['db']): Promise<void>;
  close(): void;
}

const tmpfsSpace = (): Space | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'helder-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    real: true,
    fill: async () => {
      const fd = openSync(filler, 'w');
      try {
        for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
          const chunk = Buffer.alloc(size, 1);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch {
              break; // ENOSPC: on to smaller chunks
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: async () => rmSync(filler, { force: true }),
    close: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const cappedSpace = (): Space => {
  const dir = mkdtempSync(join(tmpdir(), 'helder-full-'));
  return {
    dir,
    real: false,
    fill: async (db) => {
      const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count;
      await sql.raw(`pragma max_page_count = ${Number(pages)}`).execute(db);
    },
    free: async (db) => {
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
};

describe('SQLite on a full disk', () => {
  let space: Space;
  let app: App;
  let server: Awaited<ReturnType<typeof buildServer>>;
  const faults: FaultReport[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    space = tmpfsSpace() ?? cappedSpace();
    const config = loadConfig({ DATABASE_URL: `sqlite:${join(space.dir, 'helder.sqlite')}`, HELDER_SECRET: 'x'.repeat(40) });
    app = await openApp(config, { onFault: (report) => faults.push(report) });
    // The server's log, to see what it says about the fault.
    server = await buildServer(await webContextOf(app, config), {
      logger: { level: 'info', stream: { write: (line: string) => logged.push(line) } } as never,
    });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    space?.close();
  });

  it('answers 503 with the real cause logged once, reports degraded writes, and recovers', { timeout: 30_000 }, async () => {
    const deps = app.deps;
    const organization = await anOrganization(deps);
    const goal = await aGoal(deps, (await aChange(deps, organization.id)).id);
    const { user, memberships } = await aUser(deps, organization.id, 'editor');
    const { token } = await createApiToken(deps, actorOfUser(user, memberships), { name: 'disk', organizationId: organization.id, scopes: ['measurements:write'] });
    const put = (day: number) =>
      server.inject({
        method: 'PUT',
        url: `/api/v1/goals/${goal.id}/measurements/2026-04-${String(day).padStart(2, '0')}`,
        payload: { value: day, source: 'telling', note: 'x'.repeat(2_000) },
        headers: { authorization: `Bearer ${token}` },
      });

    expect((await put(1)).statusCode).toBe(201);
    // An empty write-ahead log, so the next commit needs new space on the disk.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(deps.db);
    await space.fill(deps.db);

    const refused = [];
    for (let day = 2; day <= 6; day++) refused.push(await put(day));
    for (const res of refused) {
      expect([res.statusCode, res.headers['content-type'], res.json().code]).toEqual([503, 'application/problem+json; charset=utf-8', 'unavailable']);
      expect(res.headers['retry-after']).toBeDefined();
    }
    // Reads still work; /healthz says writes are failing.
    expect((await server.inject({ url: '/api/v1/organizations' })).statusCode).toBe(200);
    const health = await server.inject({ url: '/healthz' });
    expect([health.statusCode, health.json()]).toEqual([503, { status: 'degraded', database: 'sqlite', fault: 'disk_full' }]);
    // The real cause, once for the burst; never SQLite's rollback complaint instead.
    const began = faults.filter((f) => f.phase === 'began');
    expect(began.map((f) => [f.kind, f.cause.startsWith('SQLITE_FULL')])).toEqual([['disk_full', true]]);
    expect(logged.join('\n')).not.toMatch(/cannot rollback/);

    await space.free(deps.db);
    expect((await put(7)).statusCode).toBe(201);
    expect((await server.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect(faults.at(-1)).toMatchObject({ phase: 'ended', kind: 'disk_full' });
    const stored = await deps.db.selectFrom('measurements').select('date').where('goal_id', '=', goal.id).orderBy('date').execute();
    expect(stored.map((m) => m.date)).toEqual(['2026-04-01', '2026-04-07']);
    console.log(`disk-full test: ${space.real ? 'a full tmpfs' : 'PRAGMA max_page_count (not root: no tmpfs)'}`);
  });
});
