import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMilestone, setChangePublished } from '../../../modules/changes';
import { aChange } from '../../../modules/changes/change.factory';
import { aDecision } from '../../../modules/decisions/decision.factory';
import { aGoal } from '../../../modules/goals/goal.factory';
import { setImpact } from '../../../modules/groups';
import { aGroup } from '../../../modules/groups/group.factory';
import { getMeasure, updateMeasure } from '../../../modules/measures';
import { aMeasure } from '../../../modules/measures/measure.factory';
import { anOrganization, testActor } from '../../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken } from '../../../modules/users';
import { aUser } from '../../../modules/users/user.factory';
import { DIALECTS } from '../../../storage/testing';
import { openTestServer, type TestServer } from '../../testing';

/**
 * Issue 9, item 5, the write API: every editable record has an `ETag` on its read, an edit needs
 * `If-Match` (428 without it), a stale one is 412 and writes nothing, the right one writes and
 * answers the next `ETag`. And the race itself: many writes on the same revision, exactly one wins.
 */
interface Case {
  name: string;
  /** Makes the record: where to read it, where to edit it, and an edit that changes `field` to `value`. */
  make: (organizationId: string) => Promise<{ read: string; edit: string; method: 'PATCH' | 'PUT'; body: (value: string) => object; field: (json: Record<string, unknown>) => unknown }>;
}

const decisionBody = (title: string) => ({ kind: 'raadsbesluit', title, body: 'gemeenteraad', date: '2026-03-12', reference: 'RB-1', outcome: 'pending', votes: null });

for (const dialect of DIALECTS) {
  describe(`optimistic concurrency in the write API (${dialect})`, () => {
    let server: TestServer;
    let organization: { id: string; slug: string };
    let auth: { authorization: string };
    beforeAll(async () => {
      server = await openTestServer(dialect);
      organization = await anOrganization(server.deps);
      const { user, memberships } = await aUser(server.deps, organization.id, 'editor');
      const { token } = await createApiToken(server.deps, actorOfUser(user, memberships), { name: 'test', organizationId: organization.id, scopes: ['chain:write', 'read'] });
      auth = { authorization: `Bearer ${token}` };
    });
    afterAll(() => server.close());

    const deps = () => server.deps;
    const get = (url: string) => server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth });
    const send = (method: 'PATCH' | 'PUT', url: string, payload: object, ifMatch?: string) =>
      server.app.inject({ method, url: `/api/v1${url}`, payload, headers: { ...auth, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) } });

    const CASES: Case[] = [
      {
        name: 'a change (its public read)',
        make: async (id) => {
          const change = await aChange(deps(), id);
          await setChangePublished(deps(), testActor, change.id, true);
          return { read: `/changes/${change.id}`, edit: `/changes/${change.id}`, method: 'PATCH', body: (title) => ({ title }), field: (j) => (j.change as { title?: unknown } | undefined)?.title ?? j.title };
        },
      },
      {
        name: 'a milestone',
        make: async (id) => {
          const change = await aChange(deps(), id);
          const m = await addMilestone(deps(), testActor, change.id, { title: 'Bouw start', description: '', date: '2026-09-01', done: false });
          const url = `/changes/${change.id}/milestones/${m.id}`;
          return { read: url, edit: url, method: 'PATCH', body: (title) => ({ title }), field: (j) => j.title };
        },
      },
      {
        name: 'a goal',
        make: async (id) => {
          const goal = await aGoal(deps(), (await aChange(deps(), id)).id);
          return { read: `/goals/${goal.id}`, edit: `/goals/${goal.id}`, method: 'PATCH', body: (owner) => ({ owner }), field: (j) => (j.current as { owner: unknown }).owner };
        },
      },
      {
        name: 'a measure',
        make: async (id) => {
          const measure = await aMeasure(deps(), (await aChange(deps(), id)).id);
          return { read: `/measures/${measure.id}`, edit: `/measures/${measure.id}`, method: 'PATCH', body: (title) => ({ title }), field: (j) => j.title };
        },
      },
      {
        name: 'a pending decision (PUT)',
        make: async (id) => {
          const decision = await aDecision(deps(), id, { outcome: 'pending', votes: null, reference: 'RB-1' });
          return { read: `/decisions/${decision.id}`, edit: `/decisions/${decision.id}`, method: 'PUT', body: decisionBody, field: (j) => j.title };
        },
      },
      {
        name: 'an impact (PUT)',
        make: async (id) => {
          const change = await aChange(deps(), id);
          const group = await aGroup(deps(), id);
          await setImpact(deps(), testActor, change.id, { groupId: group.id, effect: 'gains', meaning: 'Eerst.' });
          const url = `/changes/${change.id}/impacts/${group.id}`;
          return { read: url, edit: url, method: 'PUT', body: (meaning) => ({ effect: 'gains', meaning }), field: (j) => j.meaning };
        },
      },
    ];

    for (const c of CASES) {
      it(`${c.name}: ETag on the read, 428 without If-Match, 412 on a stale one, and the right one writes`, async () => {
        const record = await c.make(organization.id);
        const read = await get(record.read);
        expect(read.statusCode).toBe(200);
        const etag = read.headers.etag as string;
        expect(etag).toMatch(/^"\d+"$/);
        const original = record.field(read.json());

        const without = await send(record.method, record.edit, record.body('Zonder If-Match'));
        expect([without.statusCode, without.json().code]).toEqual([428, 'precondition_required']);
        expect(without.headers['content-type']).toContain('application/problem+json');
        const wrong = await send(record.method, record.edit, record.body('Verkeerde versie'), '"999"');
        expect([wrong.statusCode, wrong.json().code]).toEqual([412, 'edit_conflict']);
        const weak = await send(record.method, record.edit, record.body('Zwakke vergelijking'), `W/${etag}`);
        expect(weak.statusCode).toBe(412); // If-Match compares strongly (RFC 9110 13.1.1)
        expect(record.field((await get(record.read)).json())).toBe(original); // nothing written

        const ok = await send(record.method, record.edit, record.body('Van client A'), etag);
        expect(ok.statusCode, ok.body).toBe(200);
        const next = ok.headers.etag as string;
        expect(next).toMatch(/^"\d+"$/);
        expect(next).not.toBe(etag);
        expect((await get(record.read)).headers.etag).toBe(next);

        // Client B read the same revision as A: its write is refused, A's stands.
        const stale = await send(record.method, record.edit, record.body('Van client B'), etag);
        expect(stale.statusCode).toBe(412);
        expect(record.field((await get(record.read)).json())).toBe('Van client A');
        // One of several tags matching is enough (RFC 9110 13.1.1).
        expect((await send(record.method, record.edit, record.body('Van client B, opnieuw'), `"998", ${next}`)).statusCode).toBe(200);
      });
    }

    it('a PUT that creates an impact needs no If-Match, and If-Match on an impact that does not exist is 412', async () => {
      const change = await aChange(deps(), organization.id);
      const [g1, g2] = [await aGroup(deps(), organization.id), await aGroup(deps(), organization.id)];
      const created = await send('PUT', `/changes/${change.id}/impacts/${g1.id}`, { effect: 'loses', meaning: 'Nieuw.' });
      expect([created.statusCode, created.headers.etag]).toEqual([201, '"1"']);
      expect((await send('PUT', `/changes/${change.id}/impacts/${g2.id}`, { effect: 'loses' }, '"1"')).statusCode).toBe(412);
      expect((await get(`/changes/${change.id}/impacts/${g2.id}`)).statusCode).toBe(404);
    });

    it('a real race: eight writes on the same revision at once, exactly one wins', async () => {
      const measure = await aMeasure(deps(), (await aChange(deps(), organization.id)).id);
      const etag = (await get(`/measures/${measure.id}`)).headers.etag as string;
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => send('PATCH', `/measures/${measure.id}`, { title: `Schrijver ${i}` }, etag)));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
      const winner = results.find((r) => r.statusCode === 200)!.json().title;
      expect(await getMeasure(deps(), measure.id)).toMatchObject({ title: winner, revision: 2 });
    });

    it('the race below the HTTP check: services that both read revision 1 write once between them', async () => {
      const measure = await aMeasure(deps(), (await aChange(deps(), organization.id)).id);
      const settled = await Promise.allSettled([updateMeasure(deps(), testActor, measure.id, { title: 'Eerste' }, 1), updateMeasure(deps(), testActor, measure.id, { title: 'Tweede' }, 1)]);
      expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
      expect((lost.reason as { code: string }).code).toBe('edit_conflict');
      expect((await getMeasure(deps(), measure.id)).revision).toBe(2);
    });
  });
}
