import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aChange } from '../../modules/changes/change.factory';
import { aDecision } from '../../modules/decisions/decision.factory';
import { getExpectationRegister } from '../../modules/expectations';
import { aGoal } from '../../modules/expectations/expectation.factory';
import { checkChange } from '../../modules/legitimacy';
import { anOrganization } from '../../modules/organizations/organization.factory';
import { aUser } from '../../modules/users/user.factory';
import type { Role } from '../../modules/users';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { Browser } from './testing';

const statement = (overrides: Record<string, string> = {}) => ({
  speaker: 'Anna de Vries',
  speakerKind: 'alderman',
  role: 'wethouder Verkeer',
  medium: 'Stadskrant',
  date: '02-04-2026',
  quote: 'Iedereen kan straks gratis zijn fiets stallen, dicht bij het perron.',
  url: 'https://example.org/stadskrant',
  ...overrides,
});

for (const dialect of DIALECTS) {
  describe(`editing statements, expectations and responses (${dialect})`, () => {
    let server: TestServer;
    let a: { id: string; slug: string };
    let b: { id: string; slug: string };
    const as = async (org: { id: string; slug: string }, role: Role) => {
      const { user } = await aUser(server.deps, org.id, role);
      const browser = new Browser(server.app);
      await browser.logIn(user.email);
      await browser.get(`/editor/${org.slug}`);
      return browser;
    };
    const rule11 = async (changeId: string) => (await checkChange(server.deps, changeId)).rules.find((r) => r.rule === 11)!;
    beforeAll(async () => {
      server = await openTestServer(dialect);
      a = await anOrganization(server.deps);
      b = await anOrganization(server.deps);
    });
    afterAll(() => server.close());

    it('records and corrects a statement, with Dutch errors and what was typed kept', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/uitspraken/nieuw`;
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${url}"`);
      const bad = await e.post(url, statement({ speaker: '', date: '31-02-2026' }));
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('<title>Fout:');
      expect(bad.body).toContain('Er is een probleem');
      expect(bad.body).toContain('href="#veld-speaker">Vul bij wie het zei minstens 2 tekens in');
      expect(bad.body).toContain('href="#veld-date">Vul bij de datum een bestaande datum in');
      expect(bad.body).toContain('value="Stadskrant"');
      expect((await e.post(url, statement())).statusCode).toBe(303);
      const [stored] = (await getExpectationRegister(server.deps, change.id)).statements;
      expect(stored).toMatchObject({ speaker: 'Anna de Vries', date: '2026-04-02', url: 'https://example.org/stadskrant' });
      const edit = `/editor/${a.slug}/uitspraken/${stored!.id}/bewerken`;
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${edit}"`);
      expect((await e.get(edit)).body).toContain('value="wethouder Verkeer"');
      expect((await e.post(edit, statement({ quote: 'De stalling is de eerste 24 uur gratis.', url: '' }))).statusCode).toBe(303);
      expect((await getExpectationRegister(server.deps, change.id)).statements[0]).toMatchObject({ quote: 'De stalling is de eerste 24 uur gratis.', url: null });
      for (const role of ['communicator', 'moderator', 'auditor'] as const) expect((await (await as(a, role)).get(edit)).statusCode, role).toBe(403);
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/uitspraken/${stored!.id}/bewerken`)).statusCode).toBe(404);
      expect((await outsider.post(`/editor/${b.slug}/uitspraken/${stored!.id}/bewerken`, statement())).statusCode).toBe(404);
    });

    it('suggests goals without saving, links them in one click, and sends an unfounded expectation to its response', async () => {
      const change = await aChange(server.deps, a.id);
      const parking = await aGoal(server.deps, change.id, { statement: 'In 2027 zijn er 2.000 plekken in de fietsenstalling bij het station' });
      const other = await aGoal(server.deps, change.id, { statement: 'Minder geluidsoverlast van bussen in de binnenstad', indicator: 'klachten over geluid', unit: 'klachten' });
      const e = await as(a, 'editor');
      const url = `/editor/${a.slug}/veranderingen/${change.id}/verwachtingen/nieuw`;
      const text = 'Er komt een grote stalling voor fietsen bij het station.';
      const suggested = await e.post(url, { text, kind: 'predictive', source: 'media', status: 'supported', actie: 'doelen' });
      expect(suggested.statusCode).toBe(200);
      expect(suggested.body).toContain('Nog niet opgeslagen');
      expect(suggested.body).toMatch(new RegExp(`name="goalIds" value="${parking.id}" checked`));
      expect(suggested.body).not.toMatch(new RegExp(`name="goalIds" value="${other.id}" checked`));
      expect(suggested.body).toContain('(voorgesteld)');
      expect((await getExpectationRegister(server.deps, change.id)).expectations).toEqual([]);
      expect((await e.post(url, { text, kind: 'predictive', source: 'media', status: 'supported', goalIds: [parking.id] })).statusCode).toBe(303);
      expect((await getExpectationRegister(server.deps, change.id)).expectations[0]).toMatchObject({ expectation: { status: 'supported', goalIds: [parking.id] } });
      expect(await rule11(change.id)).toMatchObject({ status: 'passed' });

      const free = { text: 'De stalling is altijd gratis.', kind: 'predictive', source: 'political_statement', raisedBy: 'Stadskrant', status: 'unfounded' };
      const wrong = await e.post(url, { ...free, goalIds: [parking.id], raisedOn: 'gisteren' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('href="#veld-raisedOn">Vul bij de datum een bestaande datum in');
      expect((await e.post(url, { ...free, goalIds: [parking.id] })).body).toContain('href="#veld-goalIds">Een onterechte verwachting heeft geen doel of besluit achter zich');
      const saved = await e.post(url, free);
      const unfounded = (await getExpectationRegister(server.deps, change.id)).expectations.find((x) => x.expectation.status === 'unfounded')!.expectation;
      const edit = `/editor/${a.slug}/verwachtingen/${unfounded.id}/bewerken`;
      expect([saved.statusCode, saved.headers.location]).toEqual([303, `${edit}?opgeslagen#veld-response`]);
      expect(await rule11(change.id)).toMatchObject({ status: 'failed', fixes: [{ id: unfounded.id, problem: 'no_response' }] });
      expect((await e.get(`/editor/${a.slug}/veranderingen/${change.id}`)).body).toContain(`href="${edit}#veld-response"`);
      // A rejected decision does not back anything.
      const rejected = await aDecision(server.deps, a.id, { changeId: change.id, outcome: 'rejected' });
      await e.get(edit);
      const reassessed = await e.post(edit, { ...free, status: 'supported', decisionIds: [rejected.id] });
      expect(reassessed.statusCode).toBe(422);
      expect(reassessed.body).toContain('href="#veld-decisionIds">Alleen een aangenomen besluit onderbouwt een verwachting');
    });

    it('lets a communicator answer an expectation, with the plain-language check, and passes rule 11', async () => {
      const change = await aChange(server.deps, a.id);
      const e = await as(a, 'editor');
      await e.post(`/editor/${a.slug}/veranderingen/${change.id}/verwachtingen/nieuw`, { text: 'De stalling is altijd gratis.', kind: 'normative', source: 'reaction', status: 'unfounded' });
      const { expectation } = (await getExpectationRegister(server.deps, change.id)).expectations[0]!;
      const edit = `/editor/${a.slug}/verwachtingen/${expectation.id}/bewerken`;
      const answer = `/editor/${a.slug}/verwachtingen/${expectation.id}/antwoord`;

      const c = await as(a, 'communicator');
      const page = await c.get(edit);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('id="veld-response"');
      expect(page.body).not.toContain('id="veld-status"');
      expect((await c.post(edit, { text: 'Iets anders', status: 'supported' })).statusCode).toBe(403);
      await c.get(edit);
      const short = await c.post(answer, { response: 'Nee.', responseChannel: 'de pagina van de verandering', responseDate: '2026-05-01' });
      expect(short.statusCode).toBe(422);
      expect(short.body).toContain('href="#veld-response">Schrijf in een zin wat we mensen vertellen');
      expect(short.body).toContain('value="de pagina van de verandering"');
      const response = 'De eerste 24 uur stalt u gratis. Daarna betaalt u 1 euro per dag.';
      const preview = await c.post(answer, { response, responseChannel: 'brief', responseDate: '2026-05-01', actie: 'taalcheck' });
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('id="veld-response-taal"');
      expect(await rule11(change.id)).toMatchObject({ status: 'failed' });
      const saved = await c.post(answer, { response, responseChannel: 'brief', responseDate: '01-05-2026' });
      expect([saved.statusCode, saved.headers.location]).toEqual([303, `${edit}?opgeslagen#veld-response`]);
      expect((await c.get(saved.headers.location as string)).body).toContain('id="veld-response-taal"');
      expect(await rule11(change.id)).toMatchObject({ status: 'passed' });
      expect((await getExpectationRegister(server.deps, change.id)).expectations[0]!.expectation).toMatchObject({ response: { text: response, channel: 'brief', date: '2026-05-01' } });
      // Re-assessing keeps the response (the form opened after the answer was saved).
      await e.get(edit);
      expect((await e.post(edit, { text: 'De stalling is altijd helemaal gratis.', kind: 'normative', source: 'reaction', status: 'unfounded' })).statusCode).toBe(303);
      expect((await getExpectationRegister(server.deps, change.id)).expectations[0]!.expectation).toMatchObject({ text: 'De stalling is altijd helemaal gratis.', response: { text: response } });

      for (const role of ['moderator', 'auditor'] as const) {
        const other = await as(a, role);
        expect((await other.get(edit)).statusCode, role).toBe(403);
        expect((await other.post(answer, { response, responseChannel: 'brief', responseDate: '2026-05-01' })).statusCode, role).toBe(403);
      }
      const outsider = await as(b, 'editor');
      expect((await outsider.get(`/editor/${b.slug}/verwachtingen/${expectation.id}/bewerken`)).statusCode).toBe(404);
      expect((await outsider.post(`/editor/${b.slug}/verwachtingen/${expectation.id}/antwoord`, { response, responseChannel: 'brief', responseDate: '2026-05-01' })).statusCode).toBe(404);
      expect((await outsider.get(`/editor/${b.slug}/veranderingen/${change.id}/verwachtingen/nieuw`)).statusCode).toBe(404);
    });
  });
}
