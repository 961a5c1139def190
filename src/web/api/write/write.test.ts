import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../../modules/changes/change.factory';
import { aDecision } from '../../../modules/decisions/decision.factory';
import { aGoal } from '../../../modules/goals/goal.factory';
import { aGroup } from '../../../modules/groups/group.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken, type Role, type TokenScope } from '../../../modules/users';
import { aUser } from '../../../modules/users/user.factory';
import { verifyChain } from '../../../storage';
import { DIALECTS } from '../../../storage/testing';
import { openTestServer, type TestServer } from '../../testing';

for (const dialect of DIALECTS) {
  describe(`write API on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
    });
    afterAll(() => server.close());

    const bearer = async (organizationId: string, role: Role, scopes: TokenScope[]) => {
      const { user, memberships } = await aUser(server.deps, organizationId, role);
      const { token } = await createApiToken(server.deps, actorOfUser(user, memberships), { name: 'test', organizationId, scopes });
      return { authorization: `Bearer ${token}` };
    };
    /** Tables written since a snapshot, but for the tokens' last use (bookkeeping, not state). */
    const unchangedSince = async (before: Awaited<ReturnType<typeof snapshotStore>>) =>
      tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'api_tokens');
    /** Edits here are not about concurrent clients (concurrency.test.ts is): a PATCH or a decision's PUT may go on any revision. */
    const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown, headers: Record<string, string> = {}) => {
      const anyRevision = method === 'PATCH' || url.startsWith('/decisions/') ? { 'if-match': '*' } : {};
      return server.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers: { ...anyRevision, ...headers } });
    };

    it('puts a measurement idempotently: 201, then 200 without a new audit line, then 200 replaced', async () => {
      const organization = await anOrganization(server.deps);
      const goal = await aGoal(server.deps, (await aChange(server.deps, organization.id)).id);
      const auth = await bearer(organization.id, 'editor', ['measurements:write']);
      const url = `/goals/${goal.id}/measurements/2026-03-31`;
      const first = await send('PUT', url, { value: 52.5, source: 'Fietstelling Q1' }, auth);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ goalId: goal.id, date: '2026-03-31', value: 52.5, source: 'Fietstelling Q1', note: '' });
      const before = await snapshotStore(server.deps.db);
      const again = await send('PUT', url, { value: 52.5, source: 'Fietstelling Q1' }, auth);
      expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
      expect(await unchangedSince(before)).toEqual([]);
      const corrected = await send('PUT', url, { value: 53, source: 'Fietstelling Q1 (herteld)' }, auth);
      expect([corrected.statusCode, corrected.json().id, corrected.json().value]).toEqual([200, first.json().id, 53]);
      expect((await verifyChain(server.deps.db, organization.id)).ok).toBe(true);
    });

    it('refuses bad measurements with the field that is wrong', async () => {
      const organization = await anOrganization(server.deps);
      const goal = await aGoal(server.deps, (await aChange(server.deps, organization.id)).id);
      const auth = await bearer(organization.id, 'editor', ['measurements:write']);
      const status = async (date: string, payload: unknown) => {
        const res = await send('PUT', `/goals/${goal.id}/measurements/${date}`, payload, auth);
        return [res.statusCode, res.json().issues?.[0]?.path];
      };
      expect(await status('2024-12-31', { value: 1 })).toEqual([422, 'date']);
      expect(await status('2027-01-01', { value: 1 })).toEqual([422, 'date']);
      expect(await status('2026-02-30', { value: 1 })).toEqual([400, 'date']);
      expect(await status('2026-01-31', { value: 'veel' })).toEqual([422, 'value']);
      expect(await status('2026-01-31', {})).toEqual([422, 'value']);
    });

    it('needs a token with the scope, and answers 404 for another organization\'s ids', async () => {
      const [a, b] = [await anOrganization(server.deps), await anOrganization(server.deps)];
      const change = await aChange(server.deps, a.id);
      const goal = await aGoal(server.deps, change.id);
      const url = `/goals/${goal.id}/measurements/2026-01-31`;
      const anonymous = await send('PUT', url, { value: 1 });
      expect([anonymous.statusCode, anonymous.headers['www-authenticate']]).toEqual([401, 'Bearer realm="helder"']);
      expect((await send('PUT', url, { value: 1 }, { authorization: 'Bearer hld_nonsense' })).statusCode).toBe(401);
      expect((await send('PUT', url, { value: 1 }, await bearer(a.id, 'editor', ['chain:write']))).statusCode).toBe(403);
      expect((await send('PUT', url, { value: 1 }, await bearer(a.id, 'communicator', ['texts:write']))).statusCode).toBe(403);
      const foreign = await bearer(b.id, 'editor', ['chain:write', 'measurements:write']);
      const before = await snapshotStore(server.deps.db);
      expect((await send('PUT', url, { value: 1 }, foreign)).statusCode).toBe(404);
      expect((await send('PATCH', `/changes/${change.id}`, { title: 'Overgenomen' }, foreign)).statusCode).toBe(404);
      expect((await send('PATCH', `/goals/${goal.id}`, { unit: 'stuks' }, foreign)).statusCode).toBe(404);
      expect((await send('POST', `/changes/${change.id}/goals`, { statement: 'Een doel van een ander', unit: 'x', direction: 'increase' }, foreign)).statusCode).toBe(404);
      expect((await send('POST', `/organizations/${a.slug}/changes`, { title: 'Van een ander', kind: 'policy' }, foreign)).statusCode).toBe(404);
      expect((await send('POST', `/organizations/${a.slug}/groups`, { name: 'Indringers' }, foreign)).statusCode).toBe(404);
      expect(await unchangedSince(before)).toEqual([]);
    });

    it('writes the whole chain: change, milestone, goal, decision, anchor, measure, contribution, group, impact, publication', async () => {
      const organization = await anOrganization(server.deps);
      const auth = await bearer(organization.id, 'editor', ['chain:write', 'measurements:write']);
      const change = await send('POST', `/organizations/${organization.slug}/changes`, { title: 'Fietsstalling bij het station', kind: 'infrastructure', why: 'Fietsen staan op de stoep.' }, auth);
      expect(change.statusCode).toBe(201);
      const changeId = change.json().id as string;
      expect(change.json()).toMatchObject({ slug: 'fietsstalling-bij-het-station', status: 'draft', publishedAt: null, organizationId: organization.id });

      const patched = await send('PATCH', `/changes/${changeId}`, { summary: 'Een nieuwe stalling.' }, auth);
      expect(patched.json()).toMatchObject({ summary: 'Een nieuwe stalling.', why: 'Fietsen staan op de stoep.' });
      const milestone = await send('POST', `/changes/${changeId}/milestones`, { title: 'Bouw klaar', date: '2027-03-01' }, auth);
      expect(milestone.statusCode).toBe(201);
      const done = await send('PATCH', `/changes/${changeId}/milestones/${milestone.json().id}`, { done: true }, auth);
      expect(done.json()).toMatchObject({ done: true, title: 'Bouw klaar' });

      const goalBody = { statement: 'Meer fietsen in de stalling', unit: 'procent', direction: 'increase', baselineValue: 40, baselineDate: '2025-01-01', targetValue: 70, targetDate: '2028-01-01' };
      const goal = await send('POST', `/changes/${changeId}/goals`, goalBody, auth);
      expect(goal.statusCode).toBe(201);
      const goalId = goal.json().id as string;
      const decision = await send('POST', `/organizations/${organization.slug}/decisions`, { changeId, kind: 'raadsbesluit', title: 'Besluit stalling', body: 'gemeenteraad', date: '2026-05-01', outcome: 'adopted', votes: { for: 25, against: 10 } }, auth);
      expect([decision.statusCode, decision.json().votes]).toEqual([201, { for: 25, against: 10, abstain: 0 }]);
      const anchor = await send('POST', `/goals/${goalId}/anchors`, { decisionId: decision.json().id }, auth);
      expect([anchor.statusCode, anchor.json().goalVersionId]).toEqual([201, goal.json().current.id]);
      expect((await send('POST', `/goals/${goalId}/anchors`, { decisionId: decision.json().id }, auth)).statusCode).toBe(409);
      const revised = await send('PATCH', `/goals/${goalId}`, { targetValue: 80 }, auth);
      expect(revised.json()).toMatchObject({ newVersion: true, current: { version: 2, target: { value: 80, date: '2028-01-01' }, unit: 'procent' } });
      const adminOnly = await send('PATCH', `/goals/${goalId}`, { owner: 'Team Fiets' }, auth);
      expect(adminOnly.json()).toMatchObject({ newVersion: false, current: { version: 2, owner: 'Team Fiets' } });

      const measure = await send('POST', `/changes/${changeId}/measures`, { title: 'Stalling bouwen', cost: 1_200_000 }, auth);
      expect(measure.statusCode).toBe(201);
      const measureId = measure.json().id as string;
      expect((await send('PATCH', `/measures/${measureId}`, { status: 'in_progress' }, auth)).json()).toMatchObject({ status: 'in_progress', cost: 1_200_000 });
      const contribution = await send('POST', `/measures/${measureId}/contributions`, { goalId, mechanism: 'Een stalling dichtbij maakt stallen makkelijker dan de stoep.' }, auth);
      expect(contribution.statusCode).toBe(201);

      const group = await send('POST', `/organizations/${organization.slug}/groups`, { name: 'Forenzen', estimatedSize: 4000 }, auth);
      expect(group.statusCode).toBe(201);
      const impactUrl = `/changes/${changeId}/impacts/${group.json().id}`;
      const createdImpact = await send('PUT', impactUrl, { effect: 'gains', meaning: 'U zet uw fiets droog en veilig neer.' }, auth);
      expect(createdImpact.statusCode).toBe(201);
      const replaced = await send('PUT', impactUrl, { effect: 'mixed', meaning: 'U betaalt na 24 uur.' }, { ...auth, 'if-match': createdImpact.headers.etag as string });
      expect([replaced.statusCode, replaced.json().effect]).toEqual([200, 'mixed']);

      expect((await send('POST', `/changes/${changeId}/status`, { status: 'completed' }, auth)).statusCode).toBe(409);
      expect((await send('POST', `/changes/${changeId}/status`, { status: 'proposed' }, auth)).json().status).toBe('proposed');
      // Publishing is a communicator's step after review (publication.test.ts); the editor asks for it.
      expect((await send('POST', `/changes/${changeId}/publication`, { step: 'request_review' }, await bearer(organization.id, 'editor', ['publication:write']))).json().state).toBe('ready_for_review');
      expect((await send('POST', `/changes/${changeId}/publication`, { step: 'publish' }, await bearer(organization.id, 'communicator', ['publication:write']))).json().publishedAt).toBe('2026-06-01T10:00:00.000Z');
      const published = await server.app.inject({ url: `/api/v1/changes/${changeId}` });
      expect(published.json()).toMatchObject({ goals: [{ id: goalId, anchored: false, editedAfterAdoption: true }], measures: [{ id: measureId }], groups: [{ effect: 'mixed' }] });
      const report = await verifyChain(server.deps.db, organization.id);
      expect(report.ok).toBe(true);
      const actors = await server.deps.db.selectFrom('audit_events').select('actor').where('organization_id', '=', organization.id).where('action', '=', 'goal.created').execute();
      expect(actors.map((a) => a.actor)).toEqual([expect.stringMatching(/^user:/)]);
    });

    it('answers invalid input with 422 and every field, and writes nothing', async () => {
      const organization = await anOrganization(server.deps);
      const change = await aChange(server.deps, organization.id);
      const auth = await bearer(organization.id, 'editor', ['chain:write']);
      const before = await snapshotStore(server.deps.db);
      const goal = await send('POST', `/changes/${change.id}/goals`, { statement: 'Meer', direction: 'sideways' }, auth);
      expect(goal.statusCode).toBe(422);
      expect(goal.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['direction', 'statement', 'unit']);
      const decision = await send('POST', `/organizations/${organization.slug}/decisions`, { kind: 'motie', title: 'Motie', body: 'raad', date: '2026-05-01', outcome: 'adopted', votes: { for: 2, against: 1 }, partyVotes: [{ party: 'A', for: 1, against: 1 }] }, auth);
      expect([decision.statusCode, decision.json().issues[0].path]).toEqual([422, 'partyVotes']);
      expect((await send('POST', `/changes/${change.id}/status`, { status: 'gone' }, auth)).statusCode).toBe(422);
      expect((await send('PATCH', `/changes/${change.id}`, 'plain text', { ...auth, 'content-type': 'text/plain' })).statusCode).toBe(415);
      expect(await unchangedSince(before)).toEqual([]);
    });

    it('keeps a final decision final: replace only while pending', async () => {
      const organization = await anOrganization(server.deps);
      const auth = await bearer(organization.id, 'editor', ['chain:write']);
      const pending = await aDecision(server.deps, organization.id, { outcome: 'pending', votes: null, partyVotes: [] });
      const body = { kind: pending.kind, title: pending.title, body: pending.body, date: pending.date, outcome: 'adopted', votes: { for: 20, against: 15 } };
      const adopted = await send('PUT', `/decisions/${pending.id}`, body, auth);
      expect([adopted.statusCode, adopted.json().outcome]).toEqual([200, 'adopted']);
      expect((await send('PUT', `/decisions/${pending.id}`, { ...body, outcome: 'rejected' }, auth)).json().code).toBe('invalid_state');
      const group = await aGroup(server.deps, (await anOrganization(server.deps)).id);
      const change = await aChange(server.deps, organization.id);
      const foreignGroup = await send('PUT', `/changes/${change.id}/impacts/${group.id}`, { effect: 'gains' }, auth);
      expect([foreignGroup.statusCode, foreignGroup.json().issues[0].path]).toEqual([422, 'groupId']);
    });

    it('describes every write in the OpenAPI document with its body schema', async () => {
      const doc = (await server.app.inject({ url: '/api/v1/openapi.json' })).json();
      const put = doc.paths['/goals/{id}/measurements/{date}'].put;
      expect(put.requestBody.content['application/json'].schema.properties.value).toMatchObject({ type: 'number' });
      expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '201', '401', '403', '404', '422']));
      for (const [path, method] of [
        ['/organizations/{slug}/changes', 'post'],
        ['/changes/{id}', 'patch'],
        ['/changes/{id}/goals', 'post'],
        ['/goals/{id}', 'patch'],
        ['/goals/{id}/anchors', 'post'],
        ['/changes/{id}/measures', 'post'],
        ['/measures/{id}/contributions', 'post'],
        ['/organizations/{slug}/decisions', 'post'],
        ['/decisions/{id}', 'put'],
        ['/organizations/{slug}/groups', 'post'],
        ['/changes/{id}/impacts/{groupId}', 'put'],
      ] as const) {
        expect(doc.paths[path]?.[method]?.requestBody, `${method} ${path}`).toBeDefined();
      }
    });
  });
}
