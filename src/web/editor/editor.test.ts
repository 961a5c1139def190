import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { grantRole, totpCode } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser, setCookieOf } from './testing';

for (const dialect of DIALECTS) {
  describe(`editor login, sessions and pages (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    let changeA: string;
    let changeB: string;
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
      changeA = (await aChange(server.deps, a.id)).id;
      changeB = (await aChange(server.deps, b.id)).id;
    });
    afterAll(() => server.close());
    const browser = () => new Browser(server.app);
    const now = () => server.deps.clock.now();

    it('serves the login page with only a CSRF cookie, and the public site sets no cookie at all', async () => {
      const page = await browser().get('/editor/inloggen');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="utrecht-heading-1">Inloggen</h1>');
      expect(setCookieOf(page, 'helder_csrf')).toMatch(/^helder_csrf=[^;]+; Path=\/editor; HttpOnly; Secure; SameSite=Strict$/);
      expect(setCookieOf(page, 'helder_session')).toBeUndefined();
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      for (const url of ['/', '/api/v1/organizations', '/healthz']) expect((await server.app.inject({ url })).headers['set-cookie']).toBeUndefined();
    });

    it('logs in with a fresh HttpOnly, Secure, SameSite session cookie and shows the dashboard with drafts', async () => {
      const { user } = await aUser(server.deps, a.id, 'editor');
      const b1 = browser();
      const response = await b1.logIn(user.email);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/editor');
      expect(setCookieOf(response, 'helder_session')).toMatch(/^helder_session=[A-Za-z0-9_-]{43}; Path=\/editor; HttpOnly; Secure; SameSite=Lax$/);
      const home = await b1.get('/editor');
      expect(home.body).toContain(`href="/editor/${a.slug}"`);
      const dashboard = await b1.get(`/editor/${a.slug}`);
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.body).toContain(`/editor/${a.slug}/veranderingen/${changeA}`);
      expect(dashboard.body).toContain('Concept');
      expect(dashboard.body).toMatch(/Nog \d+ punten open/);
    });

    it('answers a wrong password and an unknown address identically, keeps the address, and shows an error summary', async () => {
      const { user } = await aUser(server.deps, a.id, 'editor');
      const wrong = browser();
      await wrong.get('/editor/inloggen');
      const r1 = await wrong.post('/editor/inloggen', { email: user.email, password: 'not the right one' });
      const unknown = browser();
      await unknown.get('/editor/inloggen');
      const r2 = await unknown.post('/editor/inloggen', { email: 'nobody@example.nl', password: 'not the right one' });
      expect([r1.statusCode, r2.statusCode]).toEqual([401, 401]);
      const summary = (body: string) => /<div class="utrecht-alert utrecht-alert--error helder-error-summary"[\s\S]*?<\/div><\/div>/.exec(body)?.[0];
      expect(summary(r1.body)).toBe(summary(r2.body));
      expect(summary(r1.body)).toContain('<a class="utrecht-link" href="#veld-email">Het e-mailadres of het wachtwoord klopt niet.</a>');
      expect(r1.body).toContain('<title>Fout: Inloggen | Helder redactie</title>');
      expect(r1.body).toContain(`value="${user.email}"`);
      expect(r1.body).not.toContain('not the right one');
      expect(setCookieOf(r1, 'helder_session')).toBeUndefined();

      const empty = await wrong.post('/editor/inloggen', { email: '', password: '' });
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('href="#veld-email"');
      expect(empty.body).toContain('href="#veld-password"');
      expect(empty.body).toContain('aria-invalid="true"');
    });

    it('throttles after five failures for one address with 429 and Retry-After, known or not', async () => {
      const b1 = browser();
      await b1.get('/editor/inloggen');
      for (let i = 0; i < 5; i += 1) expect((await b1.post('/editor/inloggen', { email: 'locked@example.nl', password: 'wrong password!' })).statusCode).toBe(401);
      const locked = await b1.post('/editor/inloggen', { email: 'locked@example.nl', password: 'wrong password!' });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('900');
      expect(locked.body).toContain('Te veel mislukte pogingen');
    });

    it('never keeps a session id across login (fixation) and ends the session server-side at logout', async () => {
      const { user } = await aUser(server.deps, a.id, 'auditor');
      const victim = browser();
      const first = await victim.logIn(user.email);
      const planted = victim.cookies.get('helder_session')!;
      // An attacker who knows this id and makes the victim log in again gains nothing: a new id.
      await victim.get('/editor');
      await victim.logIn(user.email);
      expect(victim.cookies.get('helder_session')).not.toBe(planted);
      expect(first.statusCode).toBe(303);
      const attacker = browser();
      attacker.cookies.set('helder_session', planted);
      expect((await attacker.get(`/editor/${a.slug}`)).statusCode).toBe(303);

      // A made-up id planted before login is replaced too.
      const other = browser();
      other.cookies.set('helder_session', 'x'.repeat(43));
      await other.logIn(user.email);
      expect(other.cookies.get('helder_session')).not.toBe('x'.repeat(43));

      const stolen = victim.cookies.get('helder_session')!;
      await victim.get(`/editor/${a.slug}`);
      const out = await victim.post('/editor/uitloggen');
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/editor/inloggen?uitgelogd');
      expect(setCookieOf(out, 'helder_session')).toMatch(/^helder_session=; Max-Age=0; Path=\/editor; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax$/);
      const replay = browser();
      replay.cookies.set('helder_session', stolen);
      const after = await replay.get(`/editor/${a.slug}`);
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toBe(`/editor/inloggen?terug=${encodeURIComponent(`/editor/${a.slug}`)}`);
    });

    it('ends a session after 30 idle minutes (fixed clock)', async () => {
      const { user } = await aUser(server.deps, a.id, 'editor');
      const b1 = browser();
      await b1.logIn(user.email);
      server.deps.clock.advance(20 * 60_000);
      expect((await b1.get(`/editor/${a.slug}`)).statusCode).toBe(200);
      server.deps.clock.advance(31 * 60_000);
      expect((await b1.get(`/editor/${a.slug}`)).statusCode).toBe(303);
    });

    it('requires the TOTP step of an admin before any page, with a new session id after it', async () => {
      const { user, totpSecret } = await aUser(server.deps, a.id, 'admin');
      const b1 = browser();
      await b1.get('/editor/inloggen');
      const step = await b1.post('/editor/inloggen', { email: user.email, password: 'correct horse battery staple' });
      expect(step.headers.location).toBe('/editor/inloggen/code');
      const pending = b1.cookies.get('helder_session');
      const blocked = await b1.get(`/editor/${a.slug}`);
      expect([blocked.statusCode, blocked.headers.location]).toEqual([303, '/editor/inloggen/code']);
      await b1.get('/editor/inloggen/code');
      const wrong = await b1.post('/editor/inloggen/code', { code: '000000' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('href="#veld-code"');
      const done = await b1.post('/editor/inloggen/code', { code: totpCode(totpSecret!, now()) });
      expect([done.statusCode, done.headers.location]).toEqual([303, '/editor']);
      expect(b1.cookies.get('helder_session')).not.toBe(pending);
      expect((await b1.get(`/editor/${a.slug}`)).statusCode).toBe(200);
    });

    it('sends an admin without TOTP to enrolment, shows the secret and otpauth URI as text, then lets them in', async () => {
      const { user } = await aUser(server.deps, a.id, 'communicator');
      await grantRole(server.deps, systemActor('test'), user.id, a.id, 'admin');
      const b1 = browser();
      const step = await b1.logIn(user.email);
      expect(step.headers.location).toBe('/editor/account');
      expect((await b1.get(`/editor/${a.slug}`)).headers.location).toBe('/editor/account');
      const account = await b1.get('/editor/account');
      expect(account.body).toContain('Stel eerst tweestapsverificatie in');
      expect(account.body).not.toContain('API-sleutels');
      await b1.post('/editor/account/tweestapsverificatie');
      const shown = await b1.get('/editor/account');
      const secret = /otpauth:\/\/totp\/[^"]*secret=([A-Z2-7]+)/.exec(shown.body)?.[1];
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(shown.body).not.toMatch(/<img|<script/);
      const wrong = await b1.post('/editor/account/tweestapsverificatie/bevestigen', { code: '123456' });
      expect(wrong.statusCode).toBe(422);
      const before = b1.cookies.get('helder_session');
      const done = await b1.post('/editor/account/tweestapsverificatie/bevestigen', { code: totpCode(secret!, now()) });
      expect([done.statusCode, done.headers.location]).toEqual([303, '/editor']);
      expect(b1.cookies.get('helder_session')).not.toBe(before);
      expect((await b1.get(`/editor/${a.slug}`)).statusCode).toBe(200);
    });

    it('refuses a POST without a CSRF token, with a foreign Origin or Referer, or with another browser\'s token (403)', async () => {
      const { user } = await aUser(server.deps, a.id, 'editor');
      const b1 = browser();
      await b1.logIn(user.email);
      await b1.get('/editor/account');
      const form = { name: 'x', organizationId: a.id, scopes: 'read' };
      expect((await b1.post('/editor/account/sleutels', form, { csrf: null })).statusCode).toBe(403);
      expect((await b1.post('/editor/account/sleutels', form, { origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await b1.post('/editor/account/sleutels', form, { origin: 'null' })).statusCode).toBe(403);
      expect((await b1.post('/editor/account/sleutels', form, { origin: null, headers: { referer: 'https://evil.example/page' } })).statusCode).toBe(403);
      const other = browser();
      await other.get('/editor/inloggen');
      expect((await b1.post('/editor/account/sleutels', form, { csrf: other.csrf })).statusCode).toBe(403);
      // Logout and login are POSTs too.
      expect((await b1.post('/editor/uitloggen', {}, { csrf: null })).statusCode).toBe(403);
      expect((await other.post('/editor/inloggen', { email: user.email, password: 'x' }, { origin: 'https://evil.example' })).statusCode).toBe(403);
      const refused = await b1.post('/editor/account/sleutels', form, { csrf: null });
      expect(refused.body).toContain('Dit formulier is verlopen of komt niet van deze website.');
      // Still logged in, nothing created.
      expect((await b1.get('/editor/account')).body).not.toContain('<code>hld_');
      expect((await b1.post('/editor/account/sleutels', form)).statusCode).toBe(201);
    });

    it('hides every organization the user has no role in: 404 for its dashboard and its change ids', async () => {
      const { user } = await aUser(server.deps, b.id, 'auditor');
      const b1 = browser();
      await b1.logIn(user.email);
      expect((await b1.get(`/editor/${b.slug}/veranderingen/${changeB}`)).statusCode).toBe(200);
      expect((await b1.get(`/editor/${a.slug}`)).statusCode).toBe(404);
      expect((await b1.get(`/editor/${a.id}`)).statusCode).toBe(404);
      expect((await b1.get(`/editor/${a.slug}/veranderingen/${changeA}`)).statusCode).toBe(404);
      // A's change id under B's own slug is "not found" too, like an id that does not exist.
      expect((await b1.get(`/editor/${b.slug}/veranderingen/${changeA}`)).statusCode).toBe(404);
      expect((await b1.get(`/editor/${b.slug}/veranderingen/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
      expect((await b1.get(`/editor/${b.slug}/veranderingen/not-an-id`)).statusCode).toBe(404);
      const home = await b1.get('/editor');
      expect(home.body).not.toContain(a.slug);
    });

    it('shows the legitimacy check as a to-do list with links to the forms, and the audit log only to auditors and admins', async () => {
      const editor = await aUser(server.deps, a.id, 'editor');
      const auditor = await aUser(server.deps, a.id, 'auditor');
      const e = browser();
      await e.logIn(editor.user.email);
      const page = await e.get(`/editor/${a.slug}/veranderingen/${changeA}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Nog te doen');
      expect(page.body).toContain('3. Er is minstens één doel');
      expect(page.body).toContain(`href="/editor/${a.slug}/veranderingen/${changeA}/doelen/nieuw"`);
      expect(page.body).not.toContain('Auditlog');
      const x = browser();
      await x.logIn(auditor.user.email);
      const audited = await x.get(`/editor/${a.slug}/veranderingen/${changeA}`);
      expect(audited.body).toContain('Auditlog');
      expect(audited.body).toContain('change.created');
    });

    it('creates an API token shown once, lists it by prefix, and revokes it', async () => {
      const { user } = await aUser(server.deps, a.id, 'editor');
      const b1 = browser();
      await b1.logIn(user.email);
      await b1.get('/editor/account');
      const bad = await b1.post('/editor/account/sleutels', { name: '', organizationId: a.id });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#veld-name"');
      expect(bad.body).toContain('href="#veld-scopes"');
      const made = await b1.post('/editor/account/sleutels', { name: 'Meetsysteem', organizationId: a.id, scopes: ['read', 'measurements:write'] });
      expect(made.statusCode).toBe(201);
      const token = /(hld_[A-Za-z0-9_-]{43})/.exec(made.body)?.[1];
      expect(token).toBeDefined();
      const list = await b1.get('/editor/account');
      expect(list.body).not.toContain(token!);
      expect(list.body).toContain(`${token!.slice(0, 10)}…`);
      const id = /\/editor\/account\/sleutels\/([0-9a-f-]{36})\/intrekken/.exec(list.body)?.[1];
      expect((await b1.post(`/editor/account/sleutels/${id}/intrekken`)).statusCode).toBe(303);
      expect((await b1.get('/editor/account')).body).toContain('Ingetrokken');
    });
  });
}
