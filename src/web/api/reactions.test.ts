import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { aPolledChange, TEST_SECRET, type TestVoiceDeps } from '../../modules/polls/poll.factory';
import { moderateReaction } from '../../modules/reactions';
import { testActor } from '../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken, type Role, type TokenScope } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';

const XSS = '<script>alert(1)</script> "><img src=x onerror=alert(2)> https://evil.example/x?a=<b>';

for (const dialect of DIALECTS) {
  describe(`API v1 reactions on ${dialect}`, () => {
    let server: TestServer;
    let deps: TestVoiceDeps;
    let address = 0;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      deps = { ...server.deps, secret: TEST_SECRET };
    });
    afterAll(() => server.close());

    const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
    const post = (url: string, payload: unknown, remoteAddress = `198.51.100.${(address += 1) % 250}`, headers: Record<string, string> = {}) =>
      server.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress, headers });
    const formToken = async (changeId: string, wait = 5_000) => {
      const res = await get(`/api/v1/changes/${changeId}/reactions/form`);
      expect(res.statusCode).toBe(200);
      server.deps.clock.advance(wait);
      return res.json().token as string;
    };
    let n = 0;
    const react = async (changeId: string, extra: Record<string, unknown> = {}) =>
      post(`/api/v1/changes/${changeId}/reactions`, { displayName: 'Fatima', role: 'inwoner', text: `Een reactie nummer ${(n += 1)}.`, token: await formToken(changeId), ...extra });
    const bearer = async (organizationId: string, role: Role, scopes: TokenScope[]) => {
      const { user, memberships } = await aUser(deps, organizationId, role);
      const { token } = await createApiToken(deps, actorOfUser(user, memberships), { name: 'test', organizationId, scopes });
      return { authorization: `Bearer ${token}` };
    };

    it('gives a form, takes a reaction with 201 pending and the Dutch message, sets no cookie', async () => {
      const { change } = await aPolledChange(deps);
      const form = await get(`/api/v1/changes/${change.id}/reactions/form`);
      expect(form.headers['cache-control']).toBe('no-store');
      expect(form.json()).toMatchObject({ honeypotField: 'website', maxLength: 2000, minFillSeconds: 3 });
      expect(form.json().roles.map((r: { value: string }) => r.value)).toEqual(['inwoner', 'ondernemer', 'medewerker', 'extern', 'anders']);
      const res = await react(change.id);
      expect(res.statusCode).toBe(201);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.json()).toEqual({ id: expect.any(String), status: 'pending', message: 'Even geduld — uw reactie wordt eerst bekeken.' });
      expect((await get(`/api/v1/changes/${change.id}/reactions`)).json().total).toBe(0);
    });

    it('returns published reactions only, threaded, with XSS payloads as plain strings and links not clickable', async () => {
      const { change } = await aPolledChange(deps);
      const top = (await react(change.id, { displayName: '<b>Jan</b>', text: XSS })).json().id;
      const hidden = (await react(change.id)).json().id;
      await moderateReaction(deps, testActor, top, { decision: 'publish' });
      const reply = (await react(change.id, { parentId: top, role: 'ondernemer' })).json().id;
      await moderateReaction(deps, testActor, reply, { decision: 'publish' });
      const res = await get(`/api/v1/changes/${change.id}/reactions`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json();
      expect(body.total).toBe(1);
      const [thread] = body.items;
      expect(thread).toMatchObject({ id: top, displayName: '<b>Jan</b>', text: XSS, roleLabel: 'Inwoner', official: false });
      expect(thread.replies.map((r: { id: string }) => r.id)).toEqual([reply]);
      expect(JSON.stringify(body)).not.toContain(hidden);
      expect(thread).not.toHaveProperty('textHash');
      const link = thread.segments.find((s: { kind: string }) => s.kind === 'link');
      expect(link).toEqual({ kind: 'link', text: 'https://evil.example/x?a=', href: expect.any(String) });
    });

    it('refuses abuse with the right status and writes nothing', async () => {
      const { change } = await aPolledChange(deps);
      const url = `/api/v1/changes/${change.id}/reactions`;
      const base = { displayName: 'Jan', role: 'inwoner', text: 'Dit is een gewone reactie.' };
      const status = async (payload: unknown) => {
        const res = await post(url, payload);
        return [res.statusCode, res.json().code];
      };
      expect(await status({ ...base, website: 'http://spam.example', token: await formToken(change.id) })).toEqual([422, 'validation_failed']);
      expect(await status({ ...base, token: await formToken(change.id, 1_000) })).toEqual([422, 'validation_failed']);
      expect(await status({ ...base })).toEqual([422, 'validation_failed']);
      expect(await status({ ...base, text: 'x'.repeat(2001), token: await formToken(change.id) })).toEqual([422, 'validation_failed']);
      expect(await status({ ...base, token: await formToken(change.id) })).toEqual([201, undefined]);
      expect(await status({ ...base, text: 'DIT is een  gewone reactie.', token: await formToken(change.id) })).toEqual([409, 'conflict']);
      const draft = await aChange(deps, change.organizationId, { title: 'Nog geheim' });
      expect((await post(`/api/v1/changes/${draft.id}/reactions`, base)).statusCode).toBe(404);
    });

    it('refuses a reply to a reply', async () => {
      const { change } = await aPolledChange(deps);
      const top = (await react(change.id)).json().id;
      await moderateReaction(deps, testActor, top, { decision: 'publish' });
      const reply = (await react(change.id, { parentId: top })).json().id;
      await moderateReaction(deps, testActor, reply, { decision: 'publish' });
      const res = await react(change.id, { parentId: reply });
      expect([res.statusCode, res.json().issues[0].path]).toEqual([422, 'parentId']);
    });

    it('limits one address per process before the database is touched', async () => {
      const { change } = await aPolledChange(deps);
      const codes = [];
      for (let i = 0; i < 11; i += 1) codes.push((await post(`/api/v1/changes/${change.id}/reactions`, {}, '203.0.113.99')).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 422)).toBe(true);
      expect(codes[10]).toBe(429);
    });

    it('counts reports per reader once and hides at three', async () => {
      const { change } = await aPolledChange(deps);
      const id = (await react(change.id)).json().id;
      await moderateReaction(deps, testActor, id, { decision: 'publish' });
      const report = (ip: string, reason = 'spam') => post(`/api/v1/reactions/${id}/reports`, { reason }, ip);
      expect((await report('192.0.2.10')).statusCode).toBe(202);
      expect((await report('192.0.2.10', 'offensive')).statusCode).toBe(202);
      expect((await report('192.0.2.11')).statusCode).toBe(202);
      expect((await get(`/api/v1/changes/${change.id}/reactions`)).json().total).toBe(1);
      const last = await report('192.0.2.12', 'off_topic');
      expect(last.json()).toEqual({ message: 'Dank u wel. We bekijken uw melding.' });
      expect(last.headers['set-cookie']).toBeUndefined();
      expect((await get(`/api/v1/changes/${change.id}/reactions`)).json().total).toBe(0);
      expect((await report('192.0.2.13', 'rubbish')).statusCode).toBe(422);
    });

    describe('moderation', () => {
      it('needs a token with the moderation scope of the same organization', async () => {
        const { change, organization } = await aPolledChange(deps);
        const other = await aPolledChange(deps);
        const id = (await react(change.id)).json().id;
        const url = `/api/v1/organizations/${organization.slug}/moderation/reactions`;
        expect((await get(url)).statusCode).toBe(401);
        expect((await get(url, await bearer(organization.id, 'editor', ['read']))).statusCode).toBe(403);
        const foreign = await bearer(other.organization.id, 'moderator', ['reactions:moderate']);
        expect((await get(url, foreign)).statusCode).toBe(404);
        expect((await post(`/api/v1/reactions/${id}/moderation`, { decision: 'publish' }, undefined, foreign)).statusCode).toBe(404);
      });

      it('lists the queue oldest first and takes decisions', async () => {
        const { change, organization } = await aPolledChange(deps);
        const first = (await react(change.id, { text: 'Zie https://example.nl/kaart' })).json().id;
        const second = (await react(change.id)).json().id;
        const auth = await bearer(organization.id, 'moderator', ['reactions:moderate']);
        const queue = await get(`/api/v1/organizations/${organization.slug}/moderation/reactions`, auth);
        expect(queue.statusCode).toBe(200);
        expect(queue.json()).toMatchObject({ total: 2, counts: { pending: 2, reported: 0, unreviewed: 0 } });
        expect(queue.json().items.map((r: { id: string }) => r.id)).toEqual([first, second]);
        expect(queue.json().items[0].segments[1]).toEqual({ kind: 'link', text: 'https://example.nl/kaart', href: null });
        const published = await post(`/api/v1/reactions/${first}/moderation`, { decision: 'publish' }, undefined, auth);
        expect(published.statusCode).toBe(200);
        expect(published.json()).toMatchObject({ status: 'published', reviewedBy: expect.stringMatching(/^user:/) });
        expect(published.json().segments[1].href).toBe('https://example.nl/kaart');
        expect((await post(`/api/v1/reactions/${second}/moderation`, { decision: 'reject' }, undefined, auth)).statusCode).toBe(422);
        expect((await post(`/api/v1/reactions/${second}/moderation`, { decision: 'reject', reason: 'Geen reactie op het plan' }, undefined, auth)).json().status).toBe('rejected');
        expect((await get(`/api/v1/organizations/${organization.slug}/moderation/reactions`, auth)).json().total).toBe(0);
      });

      it('takes official answers with the texts scope, marked as such', async () => {
        const { change, organization } = await aPolledChange(deps);
        const question = (await react(change.id)).json().id;
        await moderateReaction(deps, testActor, question, { decision: 'publish' });
        const auth = await bearer(organization.id, 'communicator', ['texts:write']);
        const res = await post(`/api/v1/changes/${change.id}/reactions/official`, { parentId: question, text: 'De stalling opent in mei.' }, undefined, auth);
        expect(res.statusCode).toBe(201);
        const thread = (await get(`/api/v1/changes/${change.id}/reactions`)).json().items[0];
        expect(thread.replies[0]).toMatchObject({ official: true, roleLabel: 'Namens de organisatie', text: 'De stalling opent in mei.' });
        expect((await post(`/api/v1/changes/${change.id}/reactions/official`, { text: 'Hallo' }, undefined, await bearer(organization.id, 'moderator', ['reactions:moderate']))).statusCode).toBe(403);
      });
    });
  });
}
