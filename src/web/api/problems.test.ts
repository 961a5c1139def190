import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { actorOfUser, createApiToken } from '../../modules/users';
import { aUser } from '../../modules/users/user.factory';
import { openTestServer, type TestServer } from '../testing';
import { API_VERSION } from './openapi';

const MISSING = '7b0d6f6e-3f7a-4c55-9a53-2f1d7f0b8a11';

/** Issue 9, items 19 and 20: API-Version on every API response, problems in one language. */
describe('problem documents and API-Version', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer('sqlite');
  });
  afterAll(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it('answers in Dutch by default, with Content-Language: nl', async () => {
    const res = await get(`/api/v1/changes/${MISSING}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe('nl');
    expect(res.json()).toMatchObject({ title: 'Niet gevonden', code: 'not_found', detail: `De wijziging ${MISSING} bestaat niet, of u mag hem niet zien.` });
  });

  it('answers in English with Accept-Language: en, title and detail alike', async () => {
    const res = await get(`/api/v1/changes/${MISSING}`, { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' });
    expect(res.headers['content-language']).toBe('en');
    expect(res.json()).toMatchObject({ title: 'Not found', detail: `change ${MISSING} does not exist` });
  });

  it('keeps Dutch when Dutch is preferred or no supported language is asked for', async () => {
    for (const header of ['nl-NL,en;q=0.5', 'de-DE', 'fr, nl;q=0.3, en;q=0.2']) {
      expect((await get(`/api/v1/changes/${MISSING}`, { 'accept-language': header })).headers['content-language'], header).toBe('nl');
    }
    expect((await get(`/api/v1/changes/${MISSING}`, { 'accept-language': 'de, en;q=0.5' })).headers['content-language']).toBe('en');
  });

  it('translates validation messages of parameters and bodies', async () => {
    const nl = await get('/api/v1/changes/nope');
    expect(nl.statusCode).toBe(400);
    expect(nl.json()).toMatchObject({ title: 'De invoer klopt niet', issues: [{ path: 'id', message: 'Ongeldig: UUID' }] });
    expect(nl.json().detail).toMatch(/^De verzoekparameters kloppen niet\. id: Ongeldig: UUID$/);
    const en = await get('/api/v1/changes/nope', { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({ title: 'Validation failed', issues: [{ path: 'id', message: 'Invalid UUID' }] });

    const body = (lang: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/language/check', payload: { text: 5 }, headers: { 'accept-language': lang } });
    expect((await body('nl')).json().issues[0]).toEqual({ path: 'text', message: 'Ongeldige invoer: verwacht string, ontving getal' });
    expect((await body('en')).json().issues[0]).toEqual({ path: 'text', message: 'Invalid input: expected string, received number' });
  });

  it('translates the messages a module schema writes itself (English) for Dutch clients', async () => {
    const organization = await anOrganization(server.deps);
    const change = await aChange(server.deps, organization.id);
    const { user, memberships } = await aUser(server.deps, organization.id, 'editor');
    const { token } = await createApiToken(server.deps, actorOfUser(user, memberships), { name: 't', organizationId: organization.id, scopes: ['chain:write'] });
    const goal = (lang: string) =>
      server.app.inject({
        method: 'POST',
        url: `/api/v1/changes/${change.id}/goals`,
        headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
        payload: { statement: 'Meer mensen fietsen naar het centrum', indicator: 'fietsers per dag', unit: '', direction: 'increase' },
      });
    const nl = (await goal('nl')).json();
    expect(nl.issues).toEqual([{ path: 'unit', message: 'Vul de eenheid in, bijvoorbeeld "procent", "bezoekers" of "dagen"' }]);
    expect(nl.detail).toBe('De invoer klopt niet. unit: Vul de eenheid in, bijvoorbeeld "procent", "bezoekers" of "dagen"');
    expect((await goal('en')).json().issues).toEqual([{ path: 'unit', message: 'a goal needs a unit (e.g. "procent", "bezoekers", "dagen")' }]);
  });

  it('says the errors of the HTTP layer in the client\'s language too: unknown route, wrong media type, deep JSON', async () => {
    const route = (lang: string) => get('/api/v1/no-such-route', { 'accept-language': lang });
    expect((await route('nl')).json().detail).toBe('Deze pagina bestaat niet.');
    expect((await route('en')).json().detail).toBe('This page does not exist.');
    const text = (lang: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/language/check', headers: { 'content-type': 'text/plain', 'accept-language': lang }, payload: 'hallo' });
    expect((await text('nl')).json()).toMatchObject({ status: 415, title: 'De invoer klopt niet', detail: 'Dit soort inhoud wordt niet ondersteund: stuur application/json.' });
    expect((await text('en')).json()).toMatchObject({ status: 415, title: 'Validation failed' });
    const deep = (lang: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/language/check', headers: { 'content-type': 'application/json', 'accept-language': lang }, payload: '['.repeat(100) + ']'.repeat(100) });
    expect((await deep('nl')).json().detail).toBe('De JSON is te diep genest: hoogstens 32 niveaus.');
    expect((await deep('en')).json().detail).toBe('The JSON is nested deeper than 32 levels.');
  });

  it('sends API-Version on every API response: success, problem, unknown route, the document itself', async () => {
    for (const url of ['/api/v1/organizations', `/api/v1/changes/${MISSING}`, '/api/v1/changes/nope', '/api/v1/no-such-route', '/api/v1/openapi.json']) {
      expect((await get(url)).headers['api-version'], url).toBe(API_VERSION);
    }
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/organizations/x/changes', payload: {} })).headers['api-version']).toBe(API_VERSION);
  });

  it('does not send API-Version outside the API', async () => {
    expect((await get('/healthz')).headers['api-version']).toBeUndefined();
  });
});
