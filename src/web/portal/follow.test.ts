import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../adapters/mail';
import { startSmtpSink, type SmtpSink } from '../../adapters/testing';
import { systemActor } from '../../core';
import { checkText } from '../../language';
import { seedDemo } from '../../modules/demo';
import { listGoals } from '../../modules/goals';
import { findChangeBySlug } from '../../modules/changes';
import { recordMeasurement } from '../../modules/goals';
import { drainOnce, getOutbox, type Mailer, type WorkerDeps } from '../../modules/notifications';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';

const HTML = { accept: 'text/html' };
const ORIGIN = 'http://localhost:8080';
const PAGE = '/voorbeeldstad/veranderingen/betaald-parkeren-parkwijk';
const tokenIn = (body: string): string => /name="token" value="([^"]+)"/.exec(body)![1]!;
const headerOf = (mail: { headerLines: readonly { key: string; line: string }[] }, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
};
const pathOf = (url: string) => new URL(url).pathname;

describe.each(DIALECTS)('following a change on the portal (%s)', (dialect) => {
  let server: TestServer;
  let sink: SmtpSink;
  let mailer: Mailer;
  let worker: WorkerDeps;
  let organizationId: string;

  beforeEach(async () => {
    server = await openTestServer(dialect, '2026-12-08T09:00:00.000Z');
    ({ organizationId } = await seedDemo(server.deps));
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, { pool: 2 });
    worker = { ...server.deps, secret: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz', baseUrl: ORIGIN, mailer };
  }, 60_000);
  afterEach(async () => {
    await mailer.close();
    await sink.close();
    await server.close();
  });

  const drain = async () => {
    while (await drainOnce(worker));
  };
  const get = (url: string) => server.app.inject({ method: 'GET', url, headers: HTML, remoteAddress: '203.0.113.5' });
  const post = (url: string, form: Record<string, string | string[]>, headers: Record<string, string> = { origin: ORIGIN }) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return server.app.inject({ method: 'POST', url, headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: body.toString(), remoteAddress: '203.0.113.5' });
  };

  /** Opens the change's form and posts it for the Parkwijk group, as a browser without JavaScript does. */
  const subscribe = async (email: string) => {
    const form = await get(`${PAGE}/volgen`);
    expect(form.statusCode).toBe(200);
    const parkwijk = /value="([0-9a-f-]{36})"[^>]*\/?>\s*<label[^>]*>Bewoners van de Parkwijk</.exec(form.body)![1]!;
    server.deps.clock.advance(3_000);
    const changeId = /name="changeId" value="([^"]+)"/.exec(form.body)![1]!;
    return post('/voorbeeldstad/volgen', { token: tokenIn(form.body), scope: 'change', changeId, email, groupIds: parkwijk, frequency: 'immediate', website: '' });
  };

  it('done when: a resident follows paid parking for the Parkwijk, confirms, and gets one B1 mail with a one-click way out when a goal falls behind', async () => {
    expect((await get(PAGE)).body).toContain(`href="${PAGE}/volgen"`);
    const posted = await subscribe('bewoner@example.nl');
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/voorbeeldstad/volgen/verstuurd');
    expect((await get('/voorbeeldstad/volgen/verstuurd')).body).toContain('Kijk in uw mailbox');

    await drain();
    const [confirm] = await sink.waitFor(1);
    const confirmUrl = /http:\/\/localhost:8080\/voorbeeldstad\/volgen\/bevestigen\/\S+/.exec(confirm!.text!)![0];
    expect((await get(pathOf(confirmUrl))).body).toContain('Ja, stuur mij berichten');
    const confirmed = await post(pathOf(confirmUrl), {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('U krijgt nu berichten');
    const change0 = (await findChangeBySlug(server.deps, organizationId, 'betaald-parkeren-parkwijk'))!;
    const count = await server.app.inject({ method: 'GET', url: `/api/v1/changes/${change0.id}/followers` });
    expect(count.json()).toEqual({ changeId: change0.id, followers: 1 });

    // An editor records a measurement that puts the P+R goal behind schedule.
    const change = (await findChangeBySlug(server.deps, organizationId, 'betaald-parkeren-parkwijk'))!;
    const goal = (await listGoals(server.deps, { changeIds: [change.id] })).find((g) => g.current.statement.includes('P+R'))!;
    server.deps.clock.advance(60_000);
    await recordMeasurement(server.deps, systemActor('editor'), goal.id, { date: '2026-12-08', value: 180, source: 'Slagboomtellingen' });
    await drain();
    const mails = await sink.waitFor(2);
    expect(mails).toHaveLength(2);
    const mail = mails[1]!;
    expect(mail.subject).toContain('loopt achter op schema');
    expect(mail.text).toContain('Wat betekent dit voor Bewoners van de Parkwijk?');
    expect(checkText(mail.text!.split('Waarom krijgt u deze mail?')[0]!.replace(/https?:\/\/\S+/g, '')).verdict).toBe('b1');

    // Visible in the editor's outbox (an admin sees the address).
    const outbox = await getOutbox(server.deps, systemActor('admin'), organizationId);
    expect(outbox.lines.filter((l) => l.state === 'sent')).toHaveLength(2);
    expect(outbox.lines[0]!.about).toContain('loopt achter op schema');

    // One click, as a mail program does it (RFC 8058): a POST without Origin, body List-Unsubscribe=One-Click.
    const unsubscribeUrl = headerOf(mail, 'list-unsubscribe')!.replace(/^<|>$/g, '');
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const left = await post(pathOf(unsubscribeUrl), { 'List-Unsubscribe': 'One-Click' }, {});
    expect(left.statusCode).toBe(200);
    expect(left.body).toContain('wij hebben uw e-mailadres gewist');
    expect((await getOutbox(server.deps, systemActor('admin'), organizationId)).lines).toHaveLength(0);
  });

  it('answers the same for an address that is already subscribed, and sends it no second mail', async () => {
    expect((await subscribe('dubbel@example.nl')).statusCode).toBe(303);
    expect((await subscribe('dubbel@example.nl')).statusCode).toBe(303);
    await drain();
    await sink.waitFor(1);
    await drain();
    expect(sink.mails).toHaveLength(1);
  });

  it('refuses a robot (honeypot), a form from another site, a bad address, and too many requests for one address (429)', async () => {
    const form = await get(`${PAGE}/volgen`);
    server.deps.clock.advance(3_000);
    const changeId = /name="changeId" value="([^"]+)"/.exec(form.body)![1]!;
    const base = { token: tokenIn(form.body), scope: 'change', changeId, email: 'a@example.nl', frequency: 'immediate', website: '' };
    expect((await post('/voorbeeldstad/volgen', { ...base, website: 'http://spam' })).statusCode).toBe(422);
    expect((await post('/voorbeeldstad/volgen', base, { origin: 'https://evil.example' })).statusCode).toBe(403);
    const bad = await post('/voorbeeldstad/volgen', { ...base, email: 'geen-adres' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Vul een geldig e-mailadres in');
    expect(bad.body).toContain('value="geen-adres"');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await subscribe('doelwit@example.nl')).statusCode);
    expect(statuses).toEqual([303, 303, 303, 429]);
  });
});
