import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../adapters/testing';
import { isoDate, systemActor, systemClock } from '../../core';
import { createDatabase, migrateToLatest, type OpenDatabase } from '../../storage';
import { findChangeBySlug } from '../changes';
import { seedDemo } from '../demo';
import { listGoals, recordMeasurement } from '../goals';
import { WORKER_DEFAULTS } from './worker';
import { HELDER, freePort, sleep } from '../../core/testing';

/**
 * Issue 10: "notifications queued, the worker killed with kill -9 mid-sending, restarted: every
 * notification delivered, duplicates only among those in flight, counted."
 *
 * The real server (`node bin/helder.js serve`, SQLite file) sends to a slow SMTP server in this
 * process: 400 confirmed followers of one change, one event. Once 125 mails arrived (mid-batch) the server gets
 * SIGKILL, then starts again (a 1-second claim lease, so it takes over the interrupted batch at
 * once). Every Message-ID must arrive, every delivery row must end `sent`, and the duplicates —
 * mails handed to the server whose `sent` mark the kill prevented — at most one claimed batch.
 *
 * Why this can fail: a worker that marked mails `sent` before handing them over would lose the
 * ones in flight (a Message-ID never arrives); one that claimed without a lease, or whose lease
 * never ran out, would leave them `sending` for ever; one without a stable Message-ID would make
 * the duplicates unrecognizable (two ids for one delivery, counted as extra mails).
 */

const FOLLOWERS = 400;
// Mid-batch: the worker claims 50 at a time and marks them after the last is handed over.
const KILL_AFTER = 125;

describe('notifications survive kill -9 of the sender', () => {
  let dir: string;
  let file: string;
  let sink: SmtpSink;
  let server: ChildProcess | undefined;

  const start = async () => {
    const port = await freePort();
    server = spawn(process.execPath, [HELDER, 'serve'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PORT: String(port), HOST: '127.0.0.1', HELDER_DEMO: 'off', HELDER_SECRET: randomBytes(36).toString('base64url'), HELDER_SMTP_URL: sink.url, HELDER_MAIL_LEASE_SECONDS: '1', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  };
  const kill = (): Promise<void> =>
    new Promise((done) => {
      const child = server;
      server = undefined;
      if (!child || child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-mail-crash-'));
    file = join(dir, 'helder.sqlite');
    sink = await startSmtpSink({ delayMs: 5 });
    const open: OpenDatabase = createDatabase({ url: `sqlite:${file}` });
    await migrateToLatest(open.db);
    const deps = { db: open.db, clock: systemClock };
    const { organizationId } = await seedDemo(deps);
    const change = (await findChangeBySlug(deps, organizationId, 'betaald-parkeren-parkwijk'))!;
    // Confirmed now, after the demo's own events: followers hear of what happens from here on.
    const yesterday = new Date().toISOString();
    for (let i = 0; i < FOLLOWERS; i += 100) {
      const ids = Array.from({ length: 100 }, (_, j) => ({ id: randomUUID(), n: i + j }));
      await open.db.insertInto('subscribers').values(ids.map(({ id, n }) => ({ id, organization_id: organizationId, email: `volger${n}@example.nl`, created_at: yesterday }))).execute();
      await open.db
        .insertInto('subscriptions')
        .values(ids.map(({ id }) => ({ id: randomUUID(), subscriber_id: id, organization_id: organizationId, scope: 'change', scope_id: change.id, group_id: '', frequency: 'immediate', requested_at: yesterday, confirmed_at: yesterday, expires_at: null })))
        .execute();
    }
    const goal = (await listGoals(deps, { changeIds: [change.id] })).find((g) => g.current.statement.includes('P+R'))!;
    await recordMeasurement(deps, systemActor('editor'), goal.id, { date: isoDate(new Date()), value: 160, source: 'Slagboomtellingen' });
    await open.close();
  }, 60_000);
  afterAll(async () => {
    await kill();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every mail after a kill -9 mid-sending, with at most one batch sent twice', { timeout: 120_000 }, async () => {
    await start();
    await sink.waitFor(KILL_AFTER, 60_000);
    await kill();
    const atKill = sink.mails.length;
    expect(atKill).toBeLessThan(FOLLOWERS);
    await start();
    const ids = () => new Set(sink.mails.map((m) => m.messageId));
    for (let i = 0; i < 600 && ids().size < FOLLOWERS; i++) await sleep(100);
    // Give a duplicate that is still on its way the chance to arrive before counting.
    await sleep(1_500);
    await kill();

    const unique = ids();
    const duplicates = sink.mails.length - unique.size;
    const open = createDatabase({ url: `sqlite:${file}` });
    const states = await open.db.selectFrom('notification_deliveries').select(['state']).where('kind', '=', 'event').execute();
    await open.close();
    console.log(`mail crash test: ${FOLLOWERS} mails, kill -9 after ${atKill} arrived, ${unique.size} distinct delivered, ${duplicates} sent twice (bound ${WORKER_DEFAULTS.batch})`);
    expect(unique.size).toBe(FOLLOWERS);
    expect(states).toHaveLength(FOLLOWERS);
    expect(states.every((s) => s.state === 'sent')).toBe(true);
    expect(duplicates).toBeLessThanOrEqual(WORKER_DEFAULTS.batch);
  });
});
