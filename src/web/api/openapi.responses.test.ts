import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPolledChange, TEST_SECRET } from '../../modules/polls/poll.factory';
import { actorOfUser, createApiToken, type TokenScope } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { API_VERSION } from './openapi';

/**
 * Issue 9, item 18: the OpenAPI document describes what the API really sends. Every operation of
 * the document is called for real — its success, and its main errors: 401 without a token, 403 with
 * a token that lacks the scope, 400 for a malformed id, 404 for an unknown one, a bad body — and
 * every response must be declared (status, media type, headers) and match its JSON schema (ajv,
 * JSON Schema 2020-12 as OpenAPI 3.1 uses). A new operation fails the coverage check until it is
 * called here.
 */

interface Operation {
  method: string;
  path: string;
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

for (const dialect of DIALECTS) {
  describe(`the OpenAPI document against real responses on ${dialect}`, () => {
    let server: TestServer;
    let doc: { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
    let operations: Map<string, Operation>;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const seen = new Map<string, Set<number>>();
    let auth: Record<string, string>;
    let noScope: Record<string, string>;
    let org: { id: string; slug: string };
    let publishedId: string;

    beforeAll(async () => {
      server = await openTestServer(dialect, undefined, { securityContact: 'mailto:api@teststad.nl' });
      doc = (await server.app.inject({ url: '/api/v1/openapi.json' })).json();
      operations = new Map();
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const method of METHODS) {
          const op = item[method];
          if (op) operations.set(op.operationId, { ...op, method, path });
        }
      }
      const seeded = await aPolledChange({ ...server.deps, secret: TEST_SECRET });
      org = seeded.organization;
      publishedId = seeded.change.id;
      const token = async (scopes: TokenScope[]) => {
        const { user, memberships } = await aUser(server.deps, org.id, 'admin');
        return { authorization: `Bearer ${(await createApiToken(server.deps, actorOfUser(user, memberships), { name: 'openapi', organizationId: org.id, scopes })).token}` };
      };
      auth = await token(['read', 'chain:write', 'measurements:write', 'texts:write', 'publication:write', 'reactions:moderate']);
      noScope = await token(['audit:read']);
    });
    afterAll(() => server.close());

    /** Checks one response against the operation's declaration; returns it for the next step. */
    const conforms = (operationId: string, response: LightMyRequestResponse): LightMyRequestResponse => {
      const op = operations.get(operationId);
      expect(op, operationId).toBeDefined();
      if (!op) return response;
      const where = `${operationId} → ${response.statusCode}`;
      const declared = op.responses[String(response.statusCode)];
      expect(declared, `${where} is not declared: ${response.body.slice(0, 300)}`).toBeDefined();
      if (!declared) return response;
      expect(response.headers['api-version'], where).toBe(API_VERSION);
      for (const header of Object.keys(declared.headers ?? {})) expect(response.headers[header.toLowerCase()], `${where} header ${header}`).toBeDefined();
      const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
      const content = declared.content?.[mediaType];
      expect(content, `${where} sends ${mediaType}, declared ${Object.keys(declared.content ?? {}).join(', ')}`).toBeDefined();
      if (!content) return response;
      const body = /[/+]json$/.test(mediaType) ? response.json() : response.body;
      const validate = ajv.compile(content.schema as object);
      expect(validate(body) ? [] : validate.errors, `${where}: ${response.body.slice(0, 300)}`).toEqual([]);
      const statuses = seen.get(operationId) ?? new Set<number>();
      statuses.add(response.statusCode);
      seen.set(operationId, statuses);
      return response;
    };

    const call = async (operationId: string, url: string, expected: number, options: { payload?: unknown; headers?: Record<string, string> } = {}) => {
      const op = operations.get(operationId);
      const method = (op?.method ?? 'get').toUpperCase() as 'GET';
      const headers = { ...(op?.security ? auth : {}), ...options.headers };
      const response = await server.app.inject({ method, url: `/api/v1${url}`, headers, ...(options.payload === undefined ? {} : { payload: options.payload as object }) });
      expect(response.statusCode, `${operationId} ${url}: ${response.body.slice(0, 300)}`).toBe(expected);
      conforms(operationId, response);
      if (op && expected < 300) await mainErrors(op, url, options.payload);
      return response;
    };

    /** The errors every client meets: no token, a token without the scope, a malformed or unknown id, a bad body. */
    const mainErrors = async (op: Operation, url: string, payload: unknown) => {
      const method = op.method.toUpperCase() as 'GET';
      const send = (target: string, headers: Record<string, string>, body = payload) =>
        server.app.inject({ method, url: `/api/v1${target}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
      const withAuth = op.security ? auth : {};
      if (op.security) {
        expect(conforms(op.operationId, await send(url, {})).statusCode, `${op.operationId} without token`).toBe(401);
        expect(conforms(op.operationId, await send(url, noScope)).statusCode, `${op.operationId} without scope`).toBe(403);
      }
      if (UUID.test(url)) {
        expect(conforms(op.operationId, await send(url.replace(UUID, 'nope'), withAuth)).statusCode, `${op.operationId} malformed id`).toBe(400);
        expect(conforms(op.operationId, await send(url.replace(UUID, randomUUID()), withAuth)).statusCode, `${op.operationId} unknown id`).toBe(404);
      }
      if (payload !== undefined) {
        // Bodies are the subject here, not concurrent edits: an edit may go on any revision.
        const bodyHeaders = { ...withAuth, 'if-match': '*' };
        const unknownField = conforms(op.operationId, await send(url, bodyHeaders, { ...(payload as object), unexpected: [1, 2, 3] }));
        expect([400, 422], `${op.operationId} with an unknown field`).toContain(unknownField.statusCode);
        const array = conforms(op.operationId, await send(url, bodyHeaders, [1, 2, 3]));
        expect([400, 422], `${op.operationId} with an array as body`).toContain(array.statusCode);
        const text = conforms(op.operationId, await server.app.inject({ method, url: `/api/v1${url}`, headers: { ...withAuth, 'content-type': 'text/plain' }, payload: 'hallo' }));
        expect(text.statusCode, `${op.operationId} with a text/plain body`).toBe(415);
      }
    };

    it('answers every operation as its declaration says, success and main errors', async () => {
      const change = `/changes/${publishedId}`;
      const slug = org.slug;

      // Writes on the published change: goals, decisions, anchors, measurements, measures, groups.
      const goal = (
        await call('createGoal', `${change}/goals`, 201, {
          payload: { statement: 'Meer mensen fietsen naar het centrum', indicator: 'fietsers per dag', unit: 'fietsers', baselineValue: 1000, baselineDate: '2025-01-01', targetValue: 1500, targetDate: '2028-01-01', direction: 'increase' },
        })
      ).json().id as string;
      // Reads of editable records carry the ETag an edit sends back as If-Match (issue 9 item 5).
      const goalTag = (await call('getGoal', `/goals/${goal}`, 200)).headers.etag as string;
      await call('updateGoal', `/goals/${goal}`, 200, { payload: { owner: 'Team Verkeer' }, headers: { 'if-match': goalTag } });
      const decision = (
        await call('recordDecision', `/organizations/${slug}/decisions`, 201, {
          payload: { changeId: publishedId, kind: 'raadsbesluit', title: 'Besluit fietsroute', body: 'gemeenteraad', date: '2026-01-15', outcome: 'adopted' },
        })
      ).json().id as string;
      const pending = (
        await server.app.inject({
          method: 'POST',
          url: `/api/v1/organizations/${slug}/decisions`,
          headers: auth,
          payload: { changeId: publishedId, kind: 'raadsbesluit', title: 'Besluit parkeren', body: 'gemeenteraad', date: '2026-02-15', outcome: 'pending' },
        })
      ).json().id as string;
      await call('getDecision', `/decisions/${pending}`, 200);
      await call('replaceDecision', `/decisions/${pending}`, 200, {
        headers: { 'if-match': '*' },
        payload: { changeId: publishedId, kind: 'raadsbesluit', title: 'Besluit parkeren', body: 'gemeenteraad', date: '2026-02-15', outcome: 'adopted' },
      });
      await call('anchorGoal', `/goals/${goal}/anchors`, 201, { payload: { decisionId: decision } });
      await call('putMeasurement', `/goals/${goal}/measurements/2026-03-31`, 201, { payload: { value: 1100, source: 'telpunt' } });
      const measure = (await call('createMeasure', `${change}/measures`, 201, { payload: { title: 'Een vrij liggend fietspad' } })).json().id as string;
      await call('getMeasure', `/measures/${measure}`, 200);
      await call('updateMeasure', `/measures/${measure}`, 200, { payload: { description: 'Langs de hele route.' }, headers: { 'if-match': '*' } });
      await call('addContribution', `/measures/${measure}/contributions`, 201, { payload: { goalId: goal, mechanism: 'Een veilig fietspad haalt mensen op de fiets.' } });
      const group = (await call('createGroup', `/organizations/${slug}/groups`, 201, { payload: { name: 'Fietsers' } })).json().id as string;
      await call('setImpact', `${change}/impacts/${group}`, 201, { payload: { effect: 'gains', meaning: 'U fietst veiliger.' } });
      await call('getImpact', `${change}/impacts/${group}`, 200);

      // A new change through its whole write path.
      const fresh = (await call('createChange', `/organizations/${slug}/changes`, 201, { payload: { title: 'Nieuwe fietsroute', kind: 'policy' } })).json().id as string;
      await call('updateChange', `/changes/${fresh}`, 200, { payload: { summary: 'Een nieuwe route door het centrum.' }, headers: { 'if-match': '*' } });
      await call('setChangeStatus', `/changes/${fresh}/status`, 200, { payload: { status: 'proposed' } });
      const milestone = (await call('addMilestone', `/changes/${fresh}/milestones`, 201, { payload: { title: 'Start van de aanleg', date: '2026-09-01' } })).json().id as string;
      await call('getMilestone', `/changes/${fresh}/milestones/${milestone}`, 200);
      await call('updateMilestone', `/changes/${fresh}/milestones/${milestone}`, 200, { payload: { done: true }, headers: { 'if-match': '*' } });
      await call('getChangePublication', `/changes/${fresh}/publication`, 200);
      await call('takePublicationStep', `/changes/${fresh}/publication`, 200, { payload: { step: 'request_review' } });

      // Public reads.
      await call('listOrganizations', '/organizations', 200);
      await call('listChanges', `/changes?organization=${slug}`, 200);
      await call('getChange', change, 200);
      await call('getChangeLegitimacy', `${change}/legitimacy`, 200);
      await call('getChangeFollowers', `${change}/followers`, 200);
      await call('getChangeExpectations', `${change}/expectations`, 200);
      await call('listGoalVersions', `/goals/${goal}/versions`, 200);
      await call('checkLanguage', '/language/check', 200, { payload: { text: 'Wij maken een nieuw fietspad. Zo fietst u veiliger naar school.' } });
      await call('getAuditCheckpoint', `/organizations/${slug}/checkpoint`, 200);
      for (const id of ['exportOrganizationJson', 'exportOrganizationCsv', 'exportOrganizationIati']) {
        const file = id.replace('exportOrganization', '').toLowerCase();
        await call(id, `/organizations/${slug}/export.${file === 'iati' ? 'iati.xml' : file}`, 200);
      }

      // Citizen voice: poll, reactions and their moderation.
      const pollToken = (await call('getPoll', `${change}/poll`, 200)).json().token as string;
      server.deps.clock.advance(5_000);
      await call('answerPoll', `${change}/poll`, 201, { payload: { token: pollToken, q1: 'ja', q2: 'deels', q3: 4 } });
      await call('getPerception', `${change}/perception`, 200);
      const formToken = (await call('getReactionForm', `${change}/reactions/form`, 200)).json().token as string;
      server.deps.clock.advance(5_000);
      const reaction = (
        await call('postReaction', `${change}/reactions`, 201, { payload: { token: formToken, displayName: 'Anna', role: 'inwoner', text: 'Fijn dat er een veilige route komt voor de kinderen.' } })
      ).json().id as string;
      await call('listModerationQueue', `/organizations/${slug}/moderation/reactions`, 200);
      await call('moderateReaction', `/reactions/${reaction}/moderation`, 200, { payload: { decision: 'publish' } });
      await call('listReactions', `${change}/reactions`, 200);
      await call('reportReaction', `/reactions/${reaction}/reports`, 202, { payload: { reason: 'spam' } });
      await call('postOfficialAnswer', `${change}/reactions/official`, 201, { payload: { text: 'Dank u wel, we nemen dit mee in het ontwerp.', parentId: reaction } });

      // Every operation of the document was called, with a success.
      const missing = [...operations.keys()].filter((id) => ![...(seen.get(id) ?? [])].some((s) => s < 300));
      expect(missing, 'operations without a validated success response').toEqual([]);
    });
  });
}
