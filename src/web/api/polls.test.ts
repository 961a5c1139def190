import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core';
import { setChangePublished } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { snapshotStore, tablesChanged, testActor } from '../../modules/organizations/organization.factory';
import { rejection } from '../../modules/polls';
import { aPolledChange, TEST_SECRET, type TestVoiceDeps } from '../../modules/polls/poll.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { loggingRejections } from './polls.routes';

for (const dialect of DIALECTS) {
  describe(`API v1 poll and perception on ${dialect}`, () => {
    let server: TestServer;
    let deps: TestVoiceDeps;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      deps = { ...server.deps, secret: TEST_SECRET };
    });
    afterAll(() => server.close());

    const get = (url: string) => server.app.inject({ method: 'GET', url });
    const post = (url: string, payload: unknown, remoteAddress = '198.51.100.7') => server.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });
    const tokenFor = async (changeId: string, wait = 5_000) => {
      const res = await get(`/api/v1/changes/${changeId}/poll`);
      expect(res.statusCode).toBe(200);
      server.deps.clock.advance(wait);
      return res.json().token as string;
    };
    const answers = { q1: 'ja', q2: 'deels', q3: 4 };

    it('gives the questions and a fresh token, never cached, no cookie', async () => {
      const { change, groups } = await aPolledChange(deps);
      const res = await get(`/api/v1/changes/${change.id}/poll`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['set-cookie']).toBeUndefined();
      const body = res.json();
      expect(body.questions.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2', 'q3', 'q5']);
      expect(body.questions[0].text).toBe('Begrijpt u waarom deze verandering nodig is?');
      expect(body.questions[3].options).toHaveLength(groups.length + 1);
      expect(body.minFillSeconds).toBe(2);
      expect((await get(`/api/v1/changes/${change.id}/poll`)).json().token).not.toBe(body.token);
    });

    it('writes nothing on a GET, not even the day\'s salt', async () => {
      const { change } = await aPolledChange(deps);
      server.deps.clock.advance(86_400_000);
      const before = await snapshotStore(server.deps.db);
      for (const path of ['poll', 'perception', 'reactions', 'reactions/form']) expect((await get(`/api/v1/changes/${change.id}/${path}`)).statusCode).toBe(200);
      expect(tablesChanged(before, await snapshotStore(server.deps.db))).toEqual([]);
    });

    it('documents its routes in the OpenAPI document', async () => {
      const doc = (await get('/api/v1/openapi.json')).json();
      for (const path of ['/changes/{id}/poll', '/changes/{id}/perception', '/changes/{id}/reactions', '/changes/{id}/reactions/form', '/reactions/{id}/reports', '/organizations/{slug}/moderation/reactions', '/reactions/{id}/moderation']) {
        expect(doc.paths).toHaveProperty([path]);
      }
    });

    it('answers 404 for a change that is not published and 400 for a malformed id', async () => {
      const { organization } = await aPolledChange(deps);
      const draft = await aChange(deps, organization.id, { title: 'Geheim' });
      for (const path of ['poll', 'perception']) expect((await get(`/api/v1/changes/${draft.id}/${path}`)).statusCode).toBe(404);
      expect((await post(`/api/v1/changes/${draft.id}/poll`, answers)).statusCode).toBe(404);
      expect((await get('/api/v1/changes/nope/poll')).statusCode).toBe(400);
    });

    it('records an answer with 201 and no cookie; a reused token is 409', async () => {
      const { change } = await aPolledChange(deps);
      const token = await tokenFor(change.id);
      const res = await post(`/api/v1/changes/${change.id}/poll`, { ...answers, token });
      expect(res.statusCode).toBe(201);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.json()).toEqual({ changeId: change.id, message: 'Dank u wel! Uw antwoorden zijn opgeslagen.' });
      const again = await post(`/api/v1/changes/${change.id}/poll`, { ...answers, token }, '198.51.100.8');
      expect([again.statusCode, again.json().code]).toEqual([409, 'conflict']);
    });

    it('counts one token once when it arrives several times at once', async () => {
      const { change } = await aPolledChange(deps);
      const token = await tokenFor(change.id);
      const results = await Promise.all([1, 2, 3, 4].map((i) => post(`/api/v1/changes/${change.id}/poll`, { ...answers, token }, `192.0.2.${i}`)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
      expect((await get(`/api/v1/changes/${change.id}/perception`)).json().respondents).toBe(1);
    });

    it('refuses invalid answers and tokens with 422 and the field', async () => {
      const { change } = await aPolledChange(deps);
      const url = `/api/v1/changes/${change.id}/poll`;
      const cases: [unknown, string][] = [
        [{ ...answers }, 'token'],
        [{ ...answers, token: 'v1.poll.forged' }, 'token'],
        [{ ...answers, q1: 'misschien', token: await tokenFor(change.id) }, 'q1'],
        [{ ...answers, q3: 9, token: await tokenFor(change.id) }, 'q3'],
        [{ ...answers, q4: 3, token: await tokenFor(change.id) }, 'q4'],
        [{ ...answers, q5: '00000000-0000-4000-8000-000000000000', token: await tokenFor(change.id) }, 'q5'],
        [{ ...answers, website: 'x', token: await tokenFor(change.id) }, 'website'],
      ];
      for (const [payload, path] of cases) {
        const res = await post(url, payload);
        expect([res.statusCode, res.json().code, res.json().issues[0]?.path]).toEqual([422, 'validation_failed', path]);
      }
      const tooFast = await post(url, { ...answers, token: await tokenFor(change.id, 500) });
      expect([tooFast.statusCode, tooFast.json().issues[0]?.path]).toEqual([422, 'token']);
      expect((await get(`/api/v1/changes/${change.id}/perception`)).json().respondents).toBe(0);
    });

    it('answers 429 once an address sent more than its share for one change', async () => {
      const { change } = await aPolledChange(deps);
      const url = `/api/v1/changes/${change.id}/poll`;
      for (let i = 0; i < 10; i += 1) expect((await post(url, { ...answers, token: await tokenFor(change.id) }, '203.0.113.1')).statusCode).toBe(201);
      const res = await post(url, { ...answers, token: await tokenFor(change.id) }, '203.0.113.1');
      expect([res.statusCode, res.json().code]).toEqual([429, 'rate_limited']);
      expect((await post(url, { ...answers, token: await tokenFor(change.id) }, '203.0.113.2')).statusCode).toBe(201);
    });

    it('shows perception per group only for groups large enough, in figures and plain Dutch', async () => {
      const { change, groups } = await aPolledChange(deps, 'in_progress', 3);
      const [big, small, other] = groups as [typeof groups[number], typeof groups[number], typeof groups[number]];
      const plan = [...Array(12).fill(big.id), ...Array(11).fill(other.id), ...Array(3).fill(small.id), ...Array(8).fill('none')] as string[];
      for (const [i, q5] of plan.entries()) {
        const res = await post(`/api/v1/changes/${change.id}/poll`, { q1: i % 5 === 0 ? 'nee' : 'ja', q2: 'ja', q3: 3, q4: i % 4 === 0 ? 2 : 4, q5, token: await tokenFor(change.id) }, `10.1.${i}.1`);
        expect(res.statusCode).toBe(201);
      }
      const res = await get(`/api/v1/changes/${change.id}/perception`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.respondents).toBe(34);
      expect(body.groups.map((g: { groupId: string }) => g.groupId).sort()).toEqual([big.id, other.id].sort());
      expect(body.other.respondents).toBe(11);
      expect(JSON.stringify(body)).not.toContain(small.id);
      expect(body.total.perceivedSuccess).toBeCloseTo(25 / 34, 3);
      expect(body.total.understandingWhy).toBeCloseTo(27 / 34, 3);
      expect(body.text[0].sentences[0]).toBe('8 van de 10 mensen begrijpen waarom deze verandering nodig is.');
      expect((await get(`/api/v1/changes/${change.id}/perception?lang=en`)).json().text[0].sentences[0]).toBe('8 in 10 people understand why this change is needed.');
      await setChangePublished(deps, testActor, change.id, false);
      expect((await get(`/api/v1/changes/${change.id}/perception`)).statusCode).toBe(404);
    });
  });
}

describe('loggingRejections', () => {
  it('logs one line per refusal with its reason, and nothing else', async () => {
    const info = vi.fn();
    const request = { log: { info } } as unknown as FastifyRequest;
    await expect(loggingRejections(request, 'poll', () => Promise.reject(rejection('honeypot', 'nee', 'website')))).rejects.toBeInstanceOf(AppError);
    await expect(loggingRejections(request, 'poll', () => Promise.reject(new AppError('not_found', 'weg')))).rejects.toBeInstanceOf(AppError);
    expect(await loggingRejections(request, 'poll', async () => 'ok')).toBe('ok');
    expect(info.mock.calls).toEqual([[{ event: 'citizen_voice.rejected', kind: 'poll', reason: 'honeypot' }, 'citizen write refused']]);
  });
});
