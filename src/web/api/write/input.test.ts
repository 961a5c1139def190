import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../../modules/changes/change.factory';
import { aGoal } from '../../../modules/goals/goal.factory';
import { aMeasure } from '../../../modules/measures/measure.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken } from '../../../modules/users';
import { aUser } from '../../../modules/users/user.factory';
import { auditOf } from '../../../storage';
import { DIALECTS } from '../../../storage/testing';
import { openTestServer, type TestServer } from '../../testing';

/**
 * Issue 9, "Bad input" (items 8–10, 13) over HTTP on both dialects: every refusal is a 4xx problem
 * naming the field, and changes nothing (no row, no audit event).
 */
for (const dialect of DIALECTS) {
  describe(`bad input to the write API on ${dialect}`, () => {
    let server: TestServer;
    let auth: { authorization: string };
    let organization: Awaited<ReturnType<typeof anOrganization>>;
    let change: Awaited<ReturnType<typeof aChange>>;
    beforeAll(async () => {
      server = await openTestServer(dialect);
      organization = await anOrganization(server.deps);
      change = await aChange(server.deps, organization.id);
      const { user, memberships } = await aUser(server.deps, organization.id, 'editor');
      const { token } = await createApiToken(server.deps, actorOfUser(user, memberships), { name: 'test', organizationId: organization.id, scopes: ['chain:write', 'measurements:write'] });
      auth = { authorization: `Bearer ${token}` };
    });
    afterAll(() => server.close());

    /** Bad input is the subject here, not concurrent edits: every edit says it may go on any revision (`If-Match: *`). */
    const ANY_REVISION = { 'if-match': '*' };
    /** Sends a request and reports status, content type, the issue paths, and the tables it changed (tokens' last use aside). */
    const refused = async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: string | object, contentType = 'application/json') => {
      const before = await snapshotStore(server.deps.db);
      const res = await server.app.inject({ method, url: `/api/v1${url}`, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { ...auth, 'content-type': contentType, ...ANY_REVISION } });
      const changed = tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'api_tokens');
      const body = String(res.headers['content-type']).startsWith('application/problem+json') ? (res.json() as { issues: { path: string }[] }) : undefined;
      return { status: res.statusCode, problem: body !== undefined, paths: body?.issues.map((i) => i.path) ?? [], changed };
    };

    it('refuses unknown fields of an edit with 422 naming them, and audits only validated fields (item 8)', async () => {
      const goal = await aGoal(server.deps, change.id);
      const measure = await aMeasure(server.deps, change.id);
      expect(await refused('PATCH', `/goals/${goal.id}`, { owner: 'X', junk: { a: [1, 2, 3] } })).toEqual({ status: 422, problem: true, paths: ['junk'], changed: [] });
      expect(await refused('PATCH', `/measures/${measure.id}`, { title: 'Een nieuwe titel', junk: 'x'.repeat(1000) })).toEqual({ status: 422, problem: true, paths: ['junk'], changed: [] });
      expect(await refused('POST', `/changes/${change.id}/goals`, { statement: 'Een doel met rommel', unit: 'x', direction: 'increase', extra: 1 })).toMatchObject({ status: 422, paths: ['extra'], changed: [] });
      expect(await refused('POST', `/changes/${change.id}/status`, { status: 'proposed', junk: 1 })).toMatchObject({ status: 422, paths: ['junk'], changed: [] });
      expect(await refused('POST', `/goals/${goal.id}/anchors`, { decisionId: goal.id, junk: 1 })).toMatchObject({ status: 422, paths: ['junk'], changed: [] });

      const ok = await server.app.inject({ method: 'PATCH', url: `/api/v1/goals/${goal.id}`, payload: { owner: '  Team Fiets  ' }, headers: { ...auth, ...ANY_REVISION } });
      expect(ok.statusCode).toBe(200);
      const events = await auditOf(server.deps.db, 'goal', goal.id);
      const data = events.at(-1)!.data as Record<string, unknown>;
      expect(Object.keys(data).sort()).toEqual(['owner', 'version', 'versionId']);
      expect(data.owner).toBe('Team Fiets');
    });

    it('refuses bodies that are not JSON with 415, too deep with 400, not UTF-8 with 400 (items 8, 13)', async () => {
      const goal = await aGoal(server.deps, change.id);
      expect(await refused('PATCH', `/goals/${goal.id}`, 'owner=X', 'text/plain')).toMatchObject({ status: 415, problem: true, changed: [] });
      expect(await refused('PATCH', `/goals/${goal.id}`, 'owner=X', 'application/x-www-form-urlencoded')).toMatchObject({ status: 415, problem: true, changed: [] });
      const nested = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      expect(await refused('PATCH', `/goals/${goal.id}`, `{"owner":"X","junk":${nested}}`)).toMatchObject({ status: 400, problem: true, changed: [] });
      const before = await snapshotStore(server.deps.db);
      const notUtf8 = Buffer.concat([Buffer.from('{"owner":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/goals/${goal.id}`, payload: notUtf8, headers: { ...auth, 'content-type': 'application/json', ...ANY_REVISION } });
      expect([res.statusCode, res.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
      expect(tablesChanged(before, await snapshotStore(server.deps.db)).filter((t) => t !== 'api_tokens')).toEqual([]);
    });

    it('refuses control characters in text with 422 naming the field, on PostgreSQL too (item 9)', async () => {
      const goal = await aGoal(server.deps, change.id);
      expect(await refused('POST', `/changes/${change.id}/goals`, { statement: 'Een doel met\u0000een NUL', unit: 'x', direction: 'increase' })).toMatchObject({ status: 422, paths: ['statement'], changed: [] });
      expect(await refused('PATCH', `/goals/${goal.id}`, { dataSource: 'CBS\u001b[31m' })).toMatchObject({ status: 422, paths: ['dataSource'], changed: [] });
      expect(await refused('PATCH', `/changes/${change.id}`, { title: 'Titel\nmet een regeleinde' })).toMatchObject({ status: 422, paths: ['title'], changed: [] });
      expect(await refused('POST', `/organizations/${organization.slug}/groups`, { name: 'Groep \ud800' })).toMatchObject({ status: 422, paths: ['name'], changed: [] });
      // Multi-line text keeps its line ends and tabs.
      const ok = await server.app.inject({ method: 'PATCH', url: `/api/v1/changes/${change.id}`, payload: { why: 'Eerste regel\r\n\tTweede regel' }, headers: { ...auth, ...ANY_REVISION } });
      expect([ok.statusCode, ok.json().why]).toEqual([200, 'Eerste regel\n\tTweede regel']);
    });

    it('accepts only http(s) web addresses (item 10)', async () => {
      const decision = { kind: 'raadsbesluit', title: 'Besluit over fietsen', body: 'gemeenteraad', date: '2026-05-01', outcome: 'adopted' };
      for (const sourceUrl of ['javascript:alert(1)//https://x', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'https://example.org/\tx']) {
        expect(await refused('POST', `/organizations/${organization.slug}/decisions`, { ...decision, sourceUrl })).toMatchObject({ status: 422, paths: ['sourceUrl'], changed: [] });
      }
      const goal = await aGoal(server.deps, change.id);
      const measure = await aMeasure(server.deps, change.id);
      const contribution = { goalId: goal.id, mechanism: 'Meer plekken in de stalling halen fietsen van de stoep.' };
      expect(await refused('POST', `/measures/${measure.id}/contributions`, { ...contribution, evidenceLinks: ['https://example.org/a', 'javascript:alert(1)'] })).toMatchObject({ status: 422, paths: ['evidenceLinks.1'], changed: [] });
      const ok = await server.app.inject({ method: 'POST', url: `/api/v1/organizations/${organization.slug}/decisions`, payload: { ...decision, sourceUrl: 'https://example.org/besluit' }, headers: auth });
      expect(ok.statusCode).toBe(201);
    });

    it('refuses dates outside 1900–2199 (item 13)', async () => {
      const goal = await aGoal(server.deps, change.id);
      expect(await refused('PATCH', `/goals/${goal.id}`, { baselineValue: 10, baselineDate: '0000-01-01' })).toMatchObject({ status: 422, paths: ['baselineDate'], changed: [] });
      expect(await refused('POST', `/changes/${change.id}/milestones`, { title: 'Start', date: '9999-12-31' })).toMatchObject({ status: 422, paths: ['date'], changed: [] });
    });

    it('answers an over-long path and a control character in the URL with a problem document (item 13)', async () => {
      const long = await server.app.inject({ method: 'GET', url: `/api/v1/changes/${'a'.repeat(300)}` });
      expect([long.statusCode, long.headers['content-type']]).toEqual([414, 'application/problem+json; charset=utf-8']);
      const nul = await server.app.inject({ method: 'GET', url: `/api/v1/organizations/a%00b` });
      expect([nul.statusCode, nul.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
      const badEncoding = await server.app.inject({ method: 'GET', url: `/api/v1/organizations/%FF` });
      expect([badEncoding.statusCode, badEncoding.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
      // Found by bench/fuzz.ts: the editor's error page needs a session, which a refused URL never gets (was 500).
      for (const url of [`/editor/${organization.slug}/veranderingen/nieuw?lang=%00`, `/editor/a%00b/veranderingen/nieuw`]) {
        const editor = await server.app.inject({ method: 'POST', url, headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=x' });
        expect([url, editor.statusCode]).toEqual([url, 400]);
      }
    });
  });
}
