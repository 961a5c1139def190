import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../storage/testing';
import { recordMeasurement } from '../goals';
import { systemActor } from '../../core';
import { confirmSubscriptions, drainOnce, getManagePage, pruneSubscriptions, requestSubscription, unsubscribe, WORKER_DEFAULTS } from './index';
import { BASE_URL, headerOf, linkIn, openWorld, tokenOf, type NotificationWorld } from './testing';

const editor = systemActor('test-editor');

describe.each(DIALECTS)('following a change by mail (%s)', (dialect) => {
  let w: NotificationWorld;
  beforeEach(async () => {
    w = await openWorld(dialect);
  }, 60_000);
  afterEach(async () => w.close());

  const drain = async () => {
    while (await drainOnce(w.deps));
  };

  const subscribe = (email = 'inwoner@example.nl', frequency: 'immediate' | 'weekly' = 'immediate') =>
    requestSubscription(w.deps, w.organizationId, { email, scope: 'change', changeId: w.parking.changeId, groupIds: [w.parking.parkwijkId], frequency, token: w.token(), website: '' }, w.client);

  /** Subscribes, sends the confirmation and follows its link. */
  const confirmed = async (email: string, frequency: 'immediate' | 'weekly' = 'immediate') => {
    const before = w.sink.mails.length;
    await subscribe(email, frequency);
    await drain();
    const [mail] = (await w.sink.waitFor(before + 1)).slice(before);
    await confirmSubscriptions(w.deps, tokenOf(linkIn(mail!.text, `${BASE_URL}/voorbeeldstad/volgen/bevestigen/`)));
  };
  const fallBehind = () => recordMeasurement(w.deps, editor, w.parking.goalId, { date: '2026-12-08', value: 180, source: 'Slagboomtellingen' });

  it('confirms by mail, then sends one B1 mail with a one-click way out when the goal falls behind', async () => {
    await subscribe();
    await drain();
    const [confirm] = await w.sink.waitFor(1);
    expect(confirm!.subject).toContain('Bevestig');
    expect(confirm!.text).toContain('Betaald parkeren in de Parkwijk');
    const confirmUrl = linkIn(confirm!.text, `${BASE_URL}/voorbeeldstad/volgen/bevestigen/`);

    // Nothing is sent before confirming: a measurement now reaches no one.
    expect((await confirmSubscriptions(w.deps, tokenOf(confirmUrl))).confirmed).toBe(1);

    w.clock.advance(60_000);
    await recordMeasurement(w.deps, editor, w.parking.goalId, { date: '2026-12-08', value: 180, source: 'Slagboomtellingen' });
    await drain();
    const mails = await w.sink.waitFor(2);
    expect(mails).toHaveLength(2);
    const mail = mails[1]!;
    expect(mail.subject).toBe('Betaald parkeren in de Parkwijk: Een doel loopt achter op schema.');
    expect(mail.text).toContain('Wat betekent dit voor Bewoners van de Parkwijk?');
    expect(mail.text).toContain('Het kan dus langer duren');
    expect(mail.html).toContain('lang="nl"');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Gemeente Voorbeeldstad' });
    expect(mail.messageId).toMatch(/@helder\.example\.nl>?$/);
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = headerOf(mail, 'list-unsubscribe')!.replace(/^<|>$/g, '');
    expect(unsubscribeUrl).toMatch(`${BASE_URL}/voorbeeldstad/volgen/afmelden/`);

    // One click: the subscription and, with nothing left, the address are gone.
    const manage = tokenOf(linkIn(mail.text, `${BASE_URL}/voorbeeldstad/volgen/beheer/`));
    expect((await getManagePage(w.deps, manage))?.items).toHaveLength(1);
    expect(await unsubscribe(w.deps, tokenOf(unsubscribeUrl))).toEqual({ done: true });
    expect(await getManagePage(w.deps, manage)).toBeUndefined();
  });

  it('sends nothing before confirmation', async () => {
    await subscribe();
    await drain();
    await w.sink.waitFor(1);
    await recordMeasurement(w.deps, editor, w.parking.goalId, { date: '2026-12-08', value: 180, source: 'Slagboomtellingen' });
    await drain();
    expect(w.sink.mails).toHaveLength(1);
  });

  it('sends no second confirmation to an address that already asked, and answers the same', async () => {
    await subscribe();
    await expect(subscribe()).resolves.toBeUndefined();
    await drain();
    await w.sink.waitFor(1);
    await drain();
    expect(w.sink.mails).toHaveLength(1);
  });

  it('retries a refused mail with backoff and sends it once the server takes it', async () => {
    await confirmed('retry@example.nl');
    w.clock.advance(1_000);
    w.sink.refuseNext(1);
    await fallBehind();
    await drain();
    expect(w.sink.mails).toHaveLength(1);
    const row = await w.open.db.selectFrom('notification_deliveries').selectAll().where('kind', '=', 'event').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.last_error).toContain('451');
    // Not before its time (one minute after the first attempt) …
    await drain();
    expect(w.sink.mails).toHaveLength(1);
    w.clock.advance(61_000);
    await drain();
    const mails = await w.sink.waitFor(2);
    expect(mails[1]!.subject).toContain('loopt achter op schema');
    expect(WORKER_DEFAULTS.maxAttempts).toBeGreaterThan(1);
  });

  it('holds events for weekly subscribers and sends them in one digest on the digest day (Monday)', async () => {
    await confirmed('week@example.nl', 'weekly');
    w.clock.advance(1_000);
    await fallBehind();
    await drain();
    expect(w.sink.mails).toHaveLength(1);
    w.clock.set('2026-12-14T06:00:00.000Z'); // the next Monday
    await drain();
    await drain();
    const mails = await w.sink.waitFor(2);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('Wat er deze week veranderde bij Gemeente Voorbeeldstad');
    expect(mails[1]!.text).toContain('loopt achter op schema');
    expect(mails[1]!.text).toContain('Wat betekent dit voor Bewoners van de Parkwijk?');
    expect(headerOf(mails[1]!, 'list-unsubscribe')).toMatch(/\/volgen\/beheer\/.+\/afmelden>$/);
  });

  it('deletes requests that were not confirmed in time, with the address; confirmed ones stay', async () => {
    await confirmed('blijft@example.nl');
    await subscribe('vergeten@example.nl');
    await drain();
    const forgotten = (await w.sink.waitFor(2))[1]!;
    w.clock.advance(73 * 3_600_000);
    expect(await pruneSubscriptions(w.deps)).toBe(1);
    const emails = (await w.open.db.selectFrom('subscribers').select('email').execute()).map((r) => r.email);
    expect(emails).toEqual(['blijft@example.nl']);
    // The old confirmation link does nothing now.
    expect((await confirmSubscriptions(w.deps, tokenOf(linkIn(forgotten.text, `${BASE_URL}/voorbeeldstad/volgen/bevestigen/`)))).confirmed).toBe(0);
  });
});
