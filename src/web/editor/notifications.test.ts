import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../adapters/mail';
import { startSmtpSink, type SmtpSink } from '../../adapters/testing';
import { systemActor } from '../../core';
import { findChangeBySlug } from '../../modules/changes';
import { seedDemo } from '../../modules/demo';
import { listGoals, recordMeasurement } from '../../modules/goals';
import { confirmSubscriptions, confirmToken, drainOnce, requestSubscription, type Mailer, type WorkerDeps } from '../../modules/notifications';
import { hashClientAddress, issueFormToken } from '../../modules/polls';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';
import { stateLabel } from './views/notifications';

const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

describe.each(DIALECTS)('mail to residents in the editor (%s)', (dialect) => {
  let server: TestServer;
  let sink: SmtpSink;
  let mailer: Mailer;
  let worker: WorkerDeps;
  let organizationId: string;
  let changeId: string;
  let goalId: string;

  beforeEach(async () => {
    server = await openTestServer(dialect, '2026-12-08T09:00:00.000Z');
    ({ organizationId } = await seedDemo(server.deps));
    const change = (await findChangeBySlug(server.deps, organizationId, 'betaald-parkeren-parkwijk'))!;
    changeId = change.id;
    goalId = (await listGoals(server.deps, { changeIds: [change.id] })).find((g) => g.current.statement.includes('P+R'))!.id;
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, { pool: 1 });
    worker = { ...server.deps, secret: SECRET, baseUrl: 'http://localhost:8080', mailer };
  }, 60_000);
  afterEach(async () => {
    await mailer.close();
    await sink.close();
    await server.close();
  });

  const follower = async (email: string, confirm = true) => {
    const { token } = issueFormToken(worker, 'subscribe', organizationId);
    server.deps.clock.advance(3_000);
    await requestSubscription(worker, organizationId, { email, scope: 'change', changeId, token, website: '' }, await hashClientAddress(worker, email));
    const subscriber = await server.deps.db.selectFrom('subscribers').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    if (confirm) await confirmSubscriptions(worker, confirmToken(worker, subscriber.id));
  };
  const as = async (role: 'editor' | 'admin') => {
    const { user, totpSecret } = await aUser(server.deps, organizationId, role);
    const browser = new Browser(server.app);
    await browser.logIn(user.email, { totpSecret: role === 'admin' ? totpSecret : null, now: server.deps.clock.now() });
    return browser;
  };

  it('shows counts only, masks addresses for editors, lists a failed mail and puts it back on retry', async () => {
    await follower('mien.jansen@example.nl');
    while (await drainOnce(worker));
    sink.refuseNext(1);
    await recordMeasurement(server.deps, systemActor('editor'), goalId, { date: '2026-12-08', value: 180, source: 'Slagboomtellingen' });
    while (await drainOnce(worker, { batch: 10, leaseMs: 60_000, maxAttempts: 1, idleMs: 10 }));

    const editor = await as('editor');
    const page = await editor.get('/editor/voorbeeldstad/meldingen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Betaald parkeren in de Parkwijk<\/td>\s*<td[^>]*>1</);
    expect(page.body).not.toContain('mien.jansen@example.nl');
    expect(page.body).toContain('m…@example.nl');
    expect(page.body).toContain('Mislukt na 1 pogingen');
    expect(page.body).toContain('Opnieuw versturen');

    const failed = await editor.get('/editor/voorbeeldstad/meldingen?mislukt=1');
    const retry = /action="([^"]+\/opnieuw)"/.exec(failed.body)![1]!;
    expect((await editor.post(retry)).statusCode).toBe(303);
    while (await drainOnce(worker));
    // The confirmation found nothing left to confirm and was not sent: the event mail is the only one.
    const mails = await sink.waitFor(1);
    expect(mails[0]!.subject).toContain('loopt achter op schema');
    expect((await editor.get('/editor/voorbeeldstad/meldingen?mislukt=1')).body).not.toContain('Opnieuw versturen');
  });

  it('lets an admin set the sender and digest day, export one follower and delete them', async () => {
    const admin = await as('admin');
    await admin.get('/editor/voorbeeldstad/meldingen');
    const bad = await admin.post('/editor/voorbeeldstad/meldingen/instellingen', { senderAddress: 'geen-adres', digestDay: '5' });
    expect(bad.statusCode, bad.body.slice(0, 3000)).toBe(422);
    expect((await admin.post('/editor/voorbeeldstad/meldingen/instellingen', { senderAddress: 'berichten@voorbeeldstad.nl', digestDay: '5' })).statusCode).toBe(303);
    await follower('piet@example.nl', false);
    while (await drainOnce(worker));
    const [confirm] = await sink.waitFor(1);
    expect(confirm!.from?.value[0]).toEqual({ name: 'Gemeente Voorbeeldstad', address: 'berichten@voorbeeldstad.nl' });

    await admin.get('/editor/voorbeeldstad/meldingen');
    const exported = await admin.post('/editor/voorbeeldstad/meldingen/volger', { email: 'Piet@example.nl', action: 'export' });
    expect(exported.headers['content-type']).toContain('application/json');
    expect(JSON.parse(exported.body)).toMatchObject({ email: 'piet@example.nl', subscriptions: [{ follows: 'de verandering "Betaald parkeren in de Parkwijk"' }] });
    await admin.get('/editor/voorbeeldstad/meldingen');
    expect((await admin.post('/editor/voorbeeldstad/meldingen/volger', { email: 'piet@example.nl', action: 'delete' })).headers.location).toContain('klaar=gewist');
    expect(await server.deps.db.selectFrom('subscribers').selectAll().execute()).toEqual([]);

    const editor = await as('editor');
    await editor.get('/editor/voorbeeldstad/meldingen');
    expect((await editor.post('/editor/voorbeeldstad/meldingen/volger', { email: 'piet@example.nl', action: 'export' })).statusCode).toBe(403);
  });

  it('calls a mail written to a file (no HELDER_SMTP_URL) "not sent", and says so above the outbox', async () => {
    expect(stateLabel({ state: 'sent', via: 'file', lastError: null, attempts: 1 })).toBe('Niet verstuurd: geen mailserver ingesteld');
    expect(stateLabel({ state: 'sent', via: 'smtp', lastError: null, attempts: 1 })).toBe('Verstuurd');
    const editor = await as('editor');
    expect((await editor.get('/editor/voorbeeldstad/meldingen')).body).toContain('Geen mailserver ingesteld');
  });
});
