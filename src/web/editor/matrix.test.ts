import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { publishChange, requestReview, setChangePublished, type PublicationState, type PublicationStep } from '../../modules/changes';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization, snapshotStore, tablesChanged } from '../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken, PERMISSIONS, ROLES, scopesAllowed, type Permission, type Role } from '../../modules/users';
import { anActiveSession, aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, routesOf, type TestServer } from '../testing';
import { ORIGIN } from './testing';

/**
 * The role × route matrix (issue 5): every route of the application, requested by every role of
 * organization A, by a user who only has a role in organization B ("outsider"), and anonymously,
 * against the table below. A route of the editor or the API that is missing from the table fails
 * the test, so nobody adds a route without deciding who may use it. Routes of the public portal
 * have no access control by design; for them the test checks the rule instead: every identity gets
 * the same answer and no cookie. All GETs run first and must not write anything.
 */
type Who = 'anonymous' | Role | 'outsider';
const WHO: Who[] = ['anonymous', ...ROLES, 'outsider'];
type Row = Record<Who, number>;

const all = (status: number): Row => Object.fromEntries(WHO.map((w) => [w, status])) as Row;
/** Anonymous, each role of A, and the outsider (a user of B only). */
const members = (anonymous: number, member: number, outsider: number): Row => ({ ...all(member), anonymous, outsider });
/** Editing the chain: editors and admins get `status`, other roles 403, the outsider 404. */
const chainRow = (anonymous: number, status: number): Row => ({ ...members(anonymous, 403, 404), editor: status, admin: status });
/** Citizen texts: communicators too. */
const textRow = (anonymous: number, status: number): Row => ({ ...chainRow(anonymous, status), communicator: status });

const EXPECTED: Record<string, Row> = {
  'GET /healthz': all(200),
  'GET /editor': members(303, 200, 200),
  'GET /editor/assets/:name': all(200),
  'GET /editor/inloggen': members(200, 303, 303),
  'POST /editor/inloggen': all(422),
  'GET /editor/inloggen/code': all(303),
  'POST /editor/inloggen/code': all(303),
  'POST /editor/uitloggen': all(303),
  'GET /editor/account': members(303, 200, 200),
  'POST /editor/account/tweestapsverificatie': members(401, 303, 303),
  'POST /editor/account/tweestapsverificatie/bevestigen': members(401, 422, 422),
  'POST /editor/account/sleutels': members(401, 422, 422),
  // Someone else's token: its owner's organization admin may revoke it; nobody else learns it exists.
  'POST /editor/account/sleutels/:id/intrekken': { ...members(401, 404, 404), admin: 303 },
  'GET /editor/:org': members(303, 200, 404),
  'GET /editor/:org/veranderingen/:id': members(303, 200, 404),
  'GET /editor/:org/gebruikers': { ...members(303, 403, 404), admin: 200 },
  // The organization's audit log (issue 5): auditors and admins; other roles 403, the outsider 404.
  'GET /editor/:org/audit': { ...members(303, 403, 404), auditor: 200, admin: 200 },
  // The moderation queue (issue 4/5): moderators only (reactions.moderate). The POST's id is a change's, not a reaction's: 404.
  'GET /editor/:org/moderatie': { ...members(303, 403, 404), moderator: 200, admin: 200 },
  'POST /editor/:org/moderatie/:id': { ...members(401, 403, 404), moderator: 404, admin: 404 },
  // Mail to residents (issue 10): editors, communicators and admins see the outbox and counts; the
  // settings and one follower's data are for admins. The retry's id is a change's, not a mail's: 404.
  'GET /editor/:org/meldingen': textRow(303, 200),
  'POST /editor/:org/meldingen/:id/opnieuw': textRow(401, 404),
  'POST /editor/:org/meldingen/instellingen': { ...members(401, 403, 404), admin: 422 },
  'POST /editor/:org/meldingen/volger': { ...members(401, 403, 404), admin: 422 },
  // The read API is public (published content only); a token changes nothing there yet.
  'GET /api/v1/organizations': all(200),
  'GET /api/v1/openapi.json': all(200),
  'GET /api/v1/changes': all(200),
  'GET /api/v1/changes/:id': all(200),
  'GET /api/v1/changes/:id/legitimacy': all(200),
  'GET /api/v1/changes/:id/followers': all(200),
  'GET /api/v1/changes/:id/expectations': all(200),
  'GET /api/v1/goals/:id/versions': all(404),
  'POST /api/v1/language/check': all(200),
  // Citizen voice (issue 3): public reads and anonymous citizen posts (here without a valid form token: 422) …
  'GET /api/v1/changes/:id/perception': all(200),
  'GET /api/v1/changes/:id/poll': all(200),
  'GET /api/v1/changes/:id/reactions': all(200),
  'GET /api/v1/changes/:id/reactions/form': all(200),
  'POST /api/v1/changes/:id/poll': all(422),
  'POST /api/v1/changes/:id/reactions': all(422),
  'POST /api/v1/reactions/:id/reports': all(422),
  // … and token routes: the scope decides (401 without a token), another organization's change is 404.
  'GET /api/v1/organizations/:slug/moderation/reactions': { ...members(401, 403, 403), moderator: 200, admin: 200 },
  'POST /api/v1/changes/:id/reactions/official': { ...members(401, 403, 404), editor: 201, communicator: 201, admin: 201 },
  // The id is a change's, not a reaction's: the moderator gets past the scope check to "not found".
  'POST /api/v1/reactions/:id/moderation': { ...members(401, 403, 403), moderator: 404, admin: 404 },
  // Write API (issue 5): the token's scope decides before anything is parsed (401, 403); the editor of
  // B passes the scope check and meets A's ids as "not found". The matrix sends `{ text }`: a change
  // edit takes it (unknown fields are dropped), creates refuse it (422); placeholders that are not
  // ids or dates (`:date`, `:groupId`, `:milestoneId`) are 400; ids of another kind are 404.
  'PUT /api/v1/goals/:id/measurements/:date': { ...members(401, 403, 400), editor: 400, admin: 400 },
  'POST /api/v1/organizations/:slug/changes': { ...members(401, 403, 404), editor: 422, admin: 422 },
  // The probe body `{ text }` is no field of a change: refused as unknown (issue 9), past the permission check.
  // Reads of editable records with their ETag (issue 9 item 5): any role's token with the read scope; ids here do not exist (404) or are malformed (400).
  'GET /api/v1/goals/:id': { ...all(404), anonymous: 401 },
  'GET /api/v1/measures/:id': { ...all(404), anonymous: 401 },
  'GET /api/v1/decisions/:id': { ...all(404), anonymous: 401 },
  'GET /api/v1/changes/:id/milestones/:milestoneId': { ...all(400), anonymous: 401 },
  'GET /api/v1/changes/:id/impacts/:groupId': { ...all(400), anonymous: 401 },
  // Without If-Match an edit is 428 before its body is read (RFC 9110 13.2.1: preconditions before the content).
  'PATCH /api/v1/changes/:id': { ...members(401, 403, 404), editor: 428, admin: 428 },
  'POST /api/v1/changes/:id/status': { ...members(401, 403, 404), editor: 422, admin: 422 },
  // The publication workflow (issue 9): whoever may take some step (publication:write); which step
  // is theirs the workflow decides, as on the page (see the step-by-step test below).
  'GET /api/v1/changes/:id/publication': members(401, 200, 404),
  'POST /api/v1/changes/:id/publication': textRow(401, 422),
  'POST /api/v1/changes/:id/milestones': { ...members(401, 403, 404), editor: 422, admin: 422 },
  'PATCH /api/v1/changes/:id/milestones/:milestoneId': { ...members(401, 403, 400), editor: 400, admin: 400 },
  'POST /api/v1/changes/:id/goals': { ...members(401, 403, 404), editor: 422, admin: 422 },
  'PATCH /api/v1/goals/:id': { ...members(401, 403, 404), editor: 404, admin: 404 },
  'POST /api/v1/goals/:id/anchors': { ...members(401, 403, 404), editor: 404, admin: 404 },
  'POST /api/v1/changes/:id/measures': { ...members(401, 403, 404), editor: 422, admin: 422 },
  'PATCH /api/v1/measures/:id': { ...members(401, 403, 404), editor: 404, admin: 404 },
  'POST /api/v1/measures/:id/contributions': { ...members(401, 403, 404), editor: 404, admin: 404 },
  'POST /api/v1/organizations/:slug/decisions': { ...members(401, 403, 404), editor: 422, admin: 422 },
  'PUT /api/v1/decisions/:id': { ...members(401, 403, 404), editor: 404, admin: 404 },
  'POST /api/v1/organizations/:slug/groups': { ...members(401, 403, 404), editor: 422, admin: 422 },
  'PUT /api/v1/changes/:id/impacts/:groupId': { ...members(401, 403, 400), editor: 400, admin: 400 },
  // Importing measurements (issue 5): the chain's roles; an empty paste re-renders with 422.
  'GET /editor/:org/importeren/metingen': chainRow(303, 200),
  'POST /editor/:org/importeren/metingen': chainRow(401, 422),
  'POST /editor/:org/importeren/metingen/vastleggen': chainRow(401, 422),
  // Importing decisions from Popolo JSON (issue 5): the same, an empty paste is 422.
  'GET /editor/:org/importeren/besluiten': chainRow(303, 200),
  'POST /editor/:org/importeren/besluiten': chainRow(401, 422),
  'POST /editor/:org/importeren/besluiten/vastleggen': chainRow(401, 422),
  // Exports (issue 5): every role's token holds `read`; another organization's token meets "not found".
  'GET /api/v1/organizations/:slug/export.json': members(401, 200, 404),
  'GET /api/v1/organizations/:slug/export.csv': members(401, 200, 404),
  'GET /api/v1/organizations/:slug/export.iati.xml': members(401, 200, 404),
  // The audit log's published checkpoint: public, like the portal page.
  'GET /api/v1/organizations/:slug/checkpoint': all(200),
  // Editing the chain (docs/editor.md): editors and admins edit the chain, communicators the citizen
  // texts too. Empty forms answer 422 (or 409: a form without the version it was opened at); the
  // `:id` is a change's, so routes for other entities answer "not found" past the role check.
  'GET /editor/:org/veranderingen/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/nieuw': chainRow(401, 422),
  'GET /editor/:org/veranderingen/:id/bewerken': textRow(303, 200),
  // An empty form: the title editors may change is missing (422); a communicator's form lacks its revision (409, editor/revision.ts).
  'POST /editor/:org/veranderingen/:id/bewerken': { ...textRow(401, 422), communicator: 409 },
  'POST /editor/:org/veranderingen/:id/status': chainRow(401, 422),
  'GET /editor/:org/veranderingen/:id/mijlpalen/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/mijlpalen/nieuw': chainRow(401, 422),
  'GET /editor/:org/mijlpalen/:id/bewerken': chainRow(303, 404),
  'POST /editor/:org/mijlpalen/:id/bewerken': chainRow(401, 404),
  'GET /editor/:org/veranderingen/:id/doelen/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/doelen/nieuw': chainRow(401, 422),
  'GET /editor/:org/doelen/:id/bewerken': chainRow(303, 404),
  'POST /editor/:org/doelen/:id/bewerken': chainRow(401, 404),
  'GET /editor/:org/doelen/:id/versies': members(303, 404, 404),
  'GET /editor/:org/doelen/:id/verankeren': chainRow(303, 404),
  'POST /editor/:org/doelen/:id/verankeren': chainRow(401, 404),
  'GET /editor/:org/doelen/:id/metingen/nieuw': chainRow(303, 404),
  'POST /editor/:org/doelen/:id/metingen/nieuw': chainRow(401, 404),
  'GET /editor/:org/veranderingen/:id/maatregelen/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/maatregelen/nieuw': chainRow(401, 422),
  'GET /editor/:org/maatregelen/:id/bewerken': chainRow(303, 404),
  'POST /editor/:org/maatregelen/:id/bewerken': chainRow(401, 404),
  'POST /editor/:org/maatregelen/:id/bijdragen': chainRow(401, 404),
  'GET /editor/:org/veranderingen/:id/besluiten/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/besluiten/nieuw': chainRow(401, 422),
  'GET /editor/:org/besluiten/:id/bewerken': chainRow(303, 404),
  'POST /editor/:org/besluiten/:id/bewerken': chainRow(401, 404),
  'GET /editor/:org/veranderingen/:id/gevolgen/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/gevolgen/nieuw': chainRow(401, 422),
  'GET /editor/:org/gevolgen/:id/bewerken': textRow(303, 404),
  'POST /editor/:org/gevolgen/:id/bewerken': textRow(401, 404),
  // The expectation register (docs/editor.md): statements, expectations and conflicts are the chain's;
  // an expectation's page and its response are communicators' too (texts.edit). Edits of ids that
  // are a change's answer "not found" past the role check.
  'GET /editor/:org/veranderingen/:id/uitspraken/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/uitspraken/nieuw': chainRow(401, 422),
  'GET /editor/:org/uitspraken/:id/bewerken': chainRow(303, 404),
  'POST /editor/:org/uitspraken/:id/bewerken': chainRow(401, 404),
  'GET /editor/:org/veranderingen/:id/verwachtingen/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/verwachtingen/nieuw': chainRow(401, 422),
  'GET /editor/:org/verwachtingen/:id/bewerken': textRow(303, 404),
  'POST /editor/:org/verwachtingen/:id/bewerken': chainRow(401, 404),
  'POST /editor/:org/verwachtingen/:id/antwoord': textRow(401, 404),
  'GET /editor/:org/veranderingen/:id/belangenconflicten/nieuw': chainRow(303, 200),
  'POST /editor/:org/veranderingen/:id/belangenconflicten/nieuw': chainRow(401, 422),
  'GET /editor/:org/belangenconflicten/:id/bewerken': chainRow(303, 404),
  'POST /editor/:org/belangenconflicten/:id/bewerken': chainRow(401, 404),
  // The matrix change is published (setChangePublished); every role sees the publication page.
  'GET /editor/:org/veranderingen/:id/publiceren': members(303, 200, 404),
  'POST /editor/:org/veranderingen/:id/publiceren': textRow(401, 422),
};

/**
 * The API never does more than the editor (issue 9): every write route of the API names the page
 * that does the same use case, or, where the editor has no page for it, the editor's permission it
 * follows. Whoever the page refuses (401/403) the API must refuse; whoever the page stops at "not
 * found" (another organization) gets no further in the API. A new API write route without a row
 * here fails the test, so nobody adds one without comparing it to its page.
 */
const API_PAGES: Record<string, string | { permission: Permission }> = {
  'POST /api/v1/organizations/:slug/changes': 'POST /editor/:org/veranderingen/nieuw',
  'PATCH /api/v1/changes/:id': 'POST /editor/:org/veranderingen/:id/bewerken',
  'POST /api/v1/changes/:id/status': 'POST /editor/:org/veranderingen/:id/status',
  'POST /api/v1/changes/:id/publication': 'POST /editor/:org/veranderingen/:id/publiceren',
  'POST /api/v1/changes/:id/milestones': 'POST /editor/:org/veranderingen/:id/mijlpalen/nieuw',
  'PATCH /api/v1/changes/:id/milestones/:milestoneId': 'POST /editor/:org/mijlpalen/:id/bewerken',
  'POST /api/v1/changes/:id/goals': 'POST /editor/:org/veranderingen/:id/doelen/nieuw',
  'PATCH /api/v1/goals/:id': 'POST /editor/:org/doelen/:id/bewerken',
  'POST /api/v1/goals/:id/anchors': 'POST /editor/:org/doelen/:id/verankeren',
  'PUT /api/v1/goals/:id/measurements/:date': 'POST /editor/:org/doelen/:id/metingen/nieuw',
  'POST /api/v1/changes/:id/measures': 'POST /editor/:org/veranderingen/:id/maatregelen/nieuw',
  'PATCH /api/v1/measures/:id': 'POST /editor/:org/maatregelen/:id/bewerken',
  'POST /api/v1/measures/:id/contributions': 'POST /editor/:org/maatregelen/:id/bijdragen',
  'POST /api/v1/organizations/:slug/decisions': 'POST /editor/:org/veranderingen/:id/besluiten/nieuw',
  'PUT /api/v1/decisions/:id': 'POST /editor/:org/besluiten/:id/bewerken',
  // The impact form creates a group when it names a new one.
  'POST /api/v1/organizations/:slug/groups': 'POST /editor/:org/veranderingen/:id/gevolgen/nieuw',
  'PUT /api/v1/changes/:id/impacts/:groupId': 'POST /editor/:org/veranderingen/:id/gevolgen/nieuw',
  'POST /api/v1/reactions/:id/moderation': 'POST /editor/:org/moderatie/:id',
  // No editor page answers reactions yet: the permission of the citizen texts.
  'POST /api/v1/changes/:id/reactions/official': { permission: 'texts.edit' },
};
/** Citizens' routes: no account and no token, the same answer for everyone (like the portal's forms). */
const PUBLIC_API_WRITES = ['POST /api/v1/changes/:id/poll', 'POST /api/v1/changes/:id/reactions', 'POST /api/v1/reactions/:id/reports', 'POST /api/v1/language/check'];

/** How far a request got: refused (401/403), stopped at its address (400/404), or past both. */
const reach = (status: number): number => (status === 401 || status === 403 ? 0 : status === 400 || status === 404 ? 1 : 2);
const reachOf = (page: string | { permission: Permission }, who: Who): number => {
  if (typeof page === 'string') return reach(EXPECTED[page]?.[who] ?? 0);
  if (who === 'anonymous') return 0;
  if (who === 'outsider') return 1;
  return (PERMISSIONS[page.permission] as readonly string[]).includes(who) ? 2 : 0;
};

/** Who sees the audit log on the change page (a permission inside a page, not a route). */
const SEES_AUDIT: Who[] = ['admin', 'auditor'];


const isGuarded = (route: string): boolean => / \/(editor|api)(\/|$)/.test(route) || route === 'GET /healthz';

for (const dialect of DIALECTS) {
  describe(`role × route matrix (${dialect})`, () => {
    let server: TestServer;
    let routes: string[];
    let params: Record<string, string>;
    const sessions = new Map<Who, string>();
    const tokens = new Map<Who, string>();
    let csrf: { cookie: string; token: string };
    let organizationA: Awaited<ReturnType<typeof anOrganization>>;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      const deps = server.deps;
      const [a, b] = [await anOrganization(deps), await anOrganization(deps)];
      organizationA = a;
      const change = await aChange(deps, a.id);
      await setChangePublished(deps, systemActor('test'), change.id, true);
      const users = new Map<Who, Awaited<ReturnType<typeof aUser>>>();
      for (const role of ROLES) users.set(role, await aUser(deps, a.id, role));
      users.set('outsider', await aUser(deps, b.id, 'editor'));
      for (const [who, u] of users) {
        // Each token holds every scope its owner's role allows: the matrix tests roles, not stingy tokens.
        const scopes = scopesAllowed(u.memberships.map((m) => m.role));
        tokens.set(who, (await createApiToken(deps, actorOfUser(u.user, u.memberships), { name: 'matrix', organizationId: u.memberships[0]!.organizationId, scopes })).token);
      }
      // A token of A's editor that the others try to revoke.
      const owner = await aUser(deps, a.id, 'editor');
      const victim = await createApiToken(deps, actorOfUser(owner.user, owner.memberships), { name: 'someone else', organizationId: a.id, scopes: ['read'] });
      params = { org: a.slug, slug: a.slug, id: change.id, change: change.slug, name: 'editor.css', sleutelId: victim.apiToken.id };
      for (const [who, u] of users) sessions.set(who, u.user.id);
      const page = await server.app.inject({ url: '/editor/inloggen' });
      csrf = { cookie: `helder_csrf=${page.cookies.find((c) => c.name === 'helder_csrf')!.value}`, token: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
      await server.app.ready();
      routes = routesOf(server.app).map((r) => `${r.method} ${r.path}`).sort();
    });
    afterAll(() => server.close());

    const urlOf = (route: string): string => {
      const path = route.split(' ')[1]!;
      const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
        if (path.includes('/sleutels/') && name === 'id') return params.sleutelId!;
        if (path.startsWith('/api/v1/goals/')) return '00000000-0000-4000-8000-000000000000';
        return params[name] ?? name;
      });
      return filled === '/api/v1/changes' ? `${filled}?organization=${params.org}` : filled;
    };

    const request = async (route: string, who: Who) => {
      const [method] = route.split(' ') as ['GET' | 'POST'];
      const url = urlOf(route);
      const headers: Record<string, string> = { accept: 'text/html' };
      const cookies = [csrf.cookie];
      if (who !== 'anonymous') {
        cookies.push(`helder_session=${await anActiveSession(server.deps, sessions.get(who)!)}`);
        headers.authorization = `Bearer ${tokens.get(who)}`;
      }
      headers.cookie = cookies.join('; ');
      if (method === 'GET') return server.app.inject({ method, url, headers });
      if (url.startsWith('/api/')) {
        return server.app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: { text: 'Wij maken de straat veiliger.' } });
      }
      return server.app.inject({ method, url, headers: { ...headers, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf.token)}` });
    };

    it('finds the routes it must check (the route tree parses)', () => {
      expect(routes).toEqual(expect.arrayContaining(['GET /editor', 'GET /editor/:org/veranderingen/:id', 'POST /editor/uitloggen', 'GET /api/v1/organizations']));
    });

    it('has an expected status for every route of the editor and the API', () => {
      // Rows for routes not (yet) registered are skipped, so a table row may land before its route.
      expect(routes.filter(isGuarded).filter((r) => !(r in EXPECTED))).toEqual([]);
    });

    it('answers every route for every identity as the table says, and no GET writes anything', async () => {
      const ordered = [...routes.filter((r) => r.startsWith('GET ')), ...routes.filter((r) => !r.startsWith('GET '))];
      const before = await snapshotStore(server.deps.db);
      let afterGets: Awaited<ReturnType<typeof snapshotStore>> | undefined;
      const actual: Record<string, Partial<Row>> = {};
      const expected: Record<string, Partial<Row>> = {};
      for (const route of ordered) {
        if (!route.startsWith('GET ') && !afterGets) afterGets = await snapshotStore(server.deps.db);
        if (!isGuarded(route)) continue;
        actual[route] = {};
        expected[route] = EXPECTED[route] ?? {};
        for (const who of WHO) {
          const response = await request(route, who);
          actual[route]![who] = response.statusCode;
          if (route === 'GET /editor/:org/veranderingen/:id' && response.statusCode === 200) {
            expect(response.body.includes('Auditlog'), `${who} and the audit log`).toBe(SEES_AUDIT.includes(who));
          }
        }
      }
      expect(actual).toEqual(expected);
      // Bookkeeping of the request itself, not state: sessions (last seen), tokens (last used), and
      // the day's salt for hashing client addresses (created on first use each day, docs/citizen-voice.md).
      const bookkeeping = ['sessions', 'api_tokens', 'voice_salts'];
      const changed = tablesChanged(before, afterGets ?? (await snapshotStore(server.deps.db))).filter((t) => !bookkeeping.includes(t));
      expect(changed).toEqual([]);
    }, 120_000); // ~1,000 requests: on a loaded machine with PostgreSQL this takes longer than the default 30 s

    it('lets no API write route do more than the page of the same use case (issue 9)', () => {
      const writes = routes.filter((r) => r.includes(' /api/v1/') && !r.startsWith('GET '));
      expect(writes.filter((r) => !(r in API_PAGES) && !PUBLIC_API_WRITES.includes(r))).toEqual([]);
      const looser: string[] = [];
      for (const route of writes) {
        const row = EXPECTED[route]!;
        if (PUBLIC_API_WRITES.includes(route)) {
          if (new Set(Object.values(row)).size !== 1) looser.push(`${route}: a citizens' route answers identities differently`);
          continue;
        }
        const page = API_PAGES[route]!;
        for (const who of WHO) {
          if (reach(row[who]) > reachOf(page, who)) looser.push(`${route} as ${who}: API ${row[who]}, page ${typeof page === 'string' ? EXPECTED[page]?.[who] : page.permission}`);
        }
      }
      expect(looser).toEqual([]);
    });

    it('takes each publication step through the API for exactly the roles the page lets take it (issue 9)', async () => {
      const deps = server.deps;
      // A second editor asks for review and a second communicator publishes, so four eyes never
      // stands in the way of the identity under test: only the role decides.
      const asker = await aUser(deps, organizationA.id, 'editor');
      const publisher = await aUser(deps, organizationA.id, 'communicator');
      const changeIn = async (state: PublicationState) => {
        const change = await aChange(deps, organizationA.id);
        if (state !== 'draft') await requestReview(deps, actorOfUser(asker.user, asker.memberships), change.id);
        if (state === 'published') await publishChange(deps, actorOfUser(publisher.user, publisher.memberships), change.id);
        return change;
      };
      const cases: { step: PublicationStep; actie: string; from: PublicationState }[] = [
        { step: 'request_review', actie: 'beoordelen', from: 'draft' },
        { step: 'publish', actie: 'publiceren', from: 'ready_for_review' },
        { step: 'return_to_draft', actie: 'terugzetten', from: 'ready_for_review' },
        { step: 'return_to_draft', actie: 'terugzetten', from: 'published' },
      ];
      const differ: string[] = [];
      const done = new Map<string, Who[]>();
      for (const { step, actie, from } of cases) {
        for (const who of WHO) {
          const cookies = [csrf.cookie];
          const headers: Record<string, string> = {};
          if (who !== 'anonymous') {
            cookies.push(`helder_session=${await anActiveSession(deps, sessions.get(who)!)}`);
            headers.authorization = `Bearer ${tokens.get(who)}`;
          }
          const viaPage = await changeIn(from);
          const page = await server.app.inject({
            method: 'POST',
            url: `/editor/${organizationA.slug}/veranderingen/${viaPage.id}/publiceren`,
            headers: { cookie: cookies.join('; '), origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
            payload: `_csrf=${encodeURIComponent(csrf.token)}&actie=${actie}`,
          });
          const viaApi = await changeIn(from);
          const api = await server.app.inject({ method: 'POST', url: `/api/v1/changes/${viaApi.id}/publication`, headers, payload: { step } });
          const [pageDone, apiDone] = [page.statusCode === 303, api.statusCode === 200];
          if (pageDone !== apiDone) differ.push(`${step} from ${from} as ${who}: page ${page.statusCode}, API ${api.statusCode}`);
          if (apiDone) done.set(`${step} from ${from}`, [...(done.get(`${step} from ${from}`) ?? []), who]);
        }
      }
      expect(differ).toEqual([]);
      expect(Object.fromEntries(done)).toEqual({
        'request_review from draft': ['admin', 'editor'],
        'publish from ready_for_review': ['admin', 'communicator'],
        'return_to_draft from ready_for_review': ['admin', 'editor', 'communicator'],
        'return_to_draft from published': ['admin', 'communicator'],
      });
    });

    it('gives every identity the same answer on public pages, without a cookie', async () => {
      const publicRoutes = routes.filter((r) => !isGuarded(r) && r.startsWith('GET '));
      expect(publicRoutes.length).toBeGreaterThan(0);
      for (const route of publicRoutes) {
        const statuses = new Set<number>();
        for (const who of WHO) {
          const response = await request(route, who);
          statuses.add(response.statusCode);
          expect(response.headers['set-cookie'], `${route} as ${who}`).toBeUndefined();
        }
        expect([...statuses], route).toHaveLength(1);
      }
    });
  });
}
