import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../adapters/mail';
import { systemActor } from '../../core';
import { DIALECTS } from '../../storage/testing';
import { recordMeasurement } from '../goals';
import { drainOnce, type WorkerDeps } from './index';
import { openWorld, type NotificationWorld } from './testing';

const FOLLOWERS = 120;

/**
 * Several app servers each run a worker (ARCHITECTURE.md "Growing it"). Two workers draining the
 * same outbox at once, each with its own SMTP pool: every mail arrives exactly once. On PostgreSQL
 * the claims run in parallel transactions and `FOR UPDATE SKIP LOCKED` keeps them apart; without
 * it both would claim the same due rows and send them twice.
 */
describe.each(DIALECTS)('two workers on one outbox (%s)', (dialect) => {
  let w: NotificationWorld;
  beforeEach(async () => {
    w = await openWorld(dialect);
  }, 60_000);
  afterEach(async () => w.close());

  it('sends each mail exactly once', async () => {
    const now = w.clock.now().toISOString();
    const ids = Array.from({ length: FOLLOWERS }, (_, n) => ({ id: randomUUID(), n }));
    await w.open.db.insertInto('subscribers').values(ids.map(({ id, n }) => ({ id, organization_id: w.organizationId, email: `volger${n}@example.nl`, created_at: now }))).execute();
    await w.open.db
      .insertInto('subscriptions')
      .values(ids.map(({ id }) => ({ id: randomUUID(), subscriber_id: id, organization_id: w.organizationId, scope: 'change', scope_id: w.parking.changeId, group_id: '', frequency: 'immediate', requested_at: now, confirmed_at: now, expires_at: null })))
      .execute();
    await w.open.db.updateTable('notification_outbox').set({ state: 'skipped' }).where('state', '=', 'pending').execute();
    w.clock.advance(1_000);
    await recordMeasurement(w.deps, systemActor('editor'), w.parking.goalId, { date: '2026-12-08', value: 180, source: 'Slagboomtellingen' });

    const second: WorkerDeps = { ...w.deps, mailer: smtpMailer(w.sink.url, { pool: 3 }) };
    const loop = async (deps: WorkerDeps) => {
      while (await drainOnce(deps, { batch: 10 }));
    };
    await Promise.all([loop(w.deps), loop(second), loop(w.deps), loop(second)]);
    await second.mailer.close();
    const mails = await w.sink.waitFor(FOLLOWERS);
    expect(mails).toHaveLength(FOLLOWERS);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(FOLLOWERS);
    const sent = await w.open.db.selectFrom('notification_deliveries').select('state').execute();
    expect(sent.filter((r) => r.state === 'sent')).toHaveLength(FOLLOWERS);
  });
});
