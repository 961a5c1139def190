import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPerception } from '../../modules/polls';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { seedPortalFixture, XSS } from './testing';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const ORIGIN = 'http://localhost:8080';
const tokenOf = (body: string): string => /name="token" value="([^"]+)"/.exec(body)![1]!;

/** A test browser without cookies: it posts forms as a citizen's browser does, from one address. */
const citizen = (server: TestServer, remoteAddress = '203.0.113.5') => ({
  get: (url: string) => server.app.inject({ method: 'GET', url, headers: HTML, remoteAddress }),
  post: (url: string, form: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }) =>
    server.app.inject({ method: 'POST', url, headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(form).toString(), remoteAddress }),
});

/** Raw XSS never appears: neither the tag nor an attribute break-out. */
const expectEscaped = (body: string) => {
  expect(body).not.toContain('<script>alert(1)</script>');
  expect(body).not.toMatch(/"onmouseover=/);
  expect(body).not.toMatch(/<script\b/);
};

for (const dialect of DIALECTS) {
  describe(`portal: expectations on the change page (${dialect})`, () => {
    let server: TestServer;
    let CHANGE: string;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      const ids = await seedPortalFixture(server.deps);
      CHANGE = `/teststad/veranderingen/${ids.change.slug}`;
    });
    afterAll(() => server.close());

    const get = (url: string) => server.app.inject({ method: 'GET', url, headers: HTML });

    it('shows what was said, what you cannot expect with our answer, what you can, and how groups were weighed', async () => {
      const res = await get(CHANGE);
      expect(res.statusCode).toBe(200);
      const body = res.body;
      const at = (s: string) => body.indexOf(s);
      expect(at('id="verwachtingen"')).toBeGreaterThan(at('id="gevolgen"'));
      expect(at('id="verwachtingen"')).toBeLessThan(at('id="doelen"'));
      expect(body).toContain('Wat u wel en niet kunt verwachten');
      expect(body).toContain('Wat er is gezegd');
      expect(body).toContain('Geen enkele vestiging gaat dicht!');
      expect(body).toContain('Piet Praat, fractievoorzitter');
      expect(body).toContain('Wat u niet kunt verwachten');
      expect(body).toContain('Hierover is niets besloten');
      expect(body).toContain('De raad heeft besloten dat twee vestigingen dichtgaan.');
      expect(body).toContain('Dit klopt niet');
      expect(body).toContain('Wat u wel kunt verwachten');
      expect(body).toContain('Waarom de ene groep voorgaat');
      expect(body).toContain('Daarom gaat Noord dicht.');
      expect(body).toContain('href="https://example.org/krant/1"');
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expectEscaped(body);
      const en = await get(`${CHANGE}?lang=en`);
      expect(en.body).toContain('What you can and cannot expect');
      expect(en.body).toContain('Why one group comes first');
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`portal: the poll (${dialect})`, () => {
    let server: TestServer;
    let ids: Awaited<ReturnType<typeof seedPortalFixture>>;
    let POLL: string;
    const respondents = async () => (await getPerception(server.deps, ids.change.id)).respondents;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      ids = await seedPortalFixture(server.deps);
      POLL = `/teststad/veranderingen/${ids.change.slug}/peiling`;
    });
    afterAll(() => server.close());

    /** Opens the poll page and waits as a person would (the module refuses answers within 2 s). */
    const openPoll = async (browser = citizen(server), url = POLL) => {
      const page = await browser.get(url);
      expect(page.statusCode).toBe(200);
      server.deps.clock.advance(5_000);
      return tokenOf(page.body);
    };

    it('is one plain form: fieldsets with legends, no Q4 before the change is under way, the groups in Q5, a hidden honeypot, never cached, no cookie', async () => {
      const res = await citizen(server).get(POLL);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['set-cookie']).toBeUndefined();
      const body = res.body;
      expect(body).toContain(`<form class="utrecht-form helder-poll" method="post" action="${POLL}">`);
      expect(body.match(/<fieldset/g)).toHaveLength(4);
      expect(body.match(/<legend/g)).toHaveLength(4);
      expect(body).toContain('Begrijpt u waarom deze verandering nodig is?');
      expect(body).not.toContain('name="q4"');
      expect(body).toContain(`value="${ids.north.id}"`);
      expect(body).toContain(`value="${ids.students.id}"`);
      expect(body).toContain('Geen van deze');
      expect(body).toMatch(/<div class="helder-honeypot" aria-hidden="true"><label for="website">Laat dit veld leeg<\/label><input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off"\/><\/div>/);
      expect(body).not.toMatch(/ style=/);
      expectEscaped(body);
      // Every page view gets its own token.
      expect(tokenOf((await citizen(server).get(POLL)).body)).not.toBe(tokenOf(body));
      expect((await citizen(server).get(`${POLL}?lang=en`)).body).toContain('Do you understand why this change is needed?');
    });

    it('stores the answers and redirects to a thank-you page (Post/Redirect/Get); the same token again is 409', async () => {
      const browser = citizen(server);
      const token = await openPoll(browser);
      const before = await respondents();
      const res = await browser.post(POLL, { token, q1: 'ja', q2: 'deels', q3: '4', q5: ids.north.id, website: '' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/teststad/veranderingen/${ids.change.slug}/bedankt?voor=peiling`);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await respondents()).toBe(before + 1);
      const thanks = await browser.get(res.headers.location as string);
      expect(thanks.statusCode).toBe(200);
      expect(thanks.body).toContain('Dank u wel!');
      const again = await browser.post(POLL, { token, q1: 'nee', q2: 'nee', q3: '1' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('U heeft deze peiling al ingevuld');
      expect(await respondents()).toBe(before + 1);
    });

    it('shows the form again with an error summary for bad answers (422), keeping what was chosen and the unused token', async () => {
      const browser = citizen(server);
      const token = await openPoll(browser);
      const before = await respondents();
      const res = await browser.post(`${POLL}?lang=nl`, { token, q2: 'ja', q3: 'veel', q5: 'iemand-anders' });
      expect(res.statusCode).toBe(422);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('Er is een probleem');
      expect(res.body).toContain('href="#vraag-q1-0"');
      expect(res.body).toContain('Kies ja, deels of nee bij vraag 1.');
      expect(res.body).toContain('Kies een van de vijf antwoorden bij vraag 3.');
      expect(res.body).toMatch(/id="vraag-q2-0" name="q2" value="ja" checked=""/);
      expect(tokenOf(res.body)).toBe(token);
      expect(await respondents()).toBe(before);
      // The group is checked against the change once the answers are complete.
      const wrongGroup = await browser.post(POLL, { token, q1: 'ja', q2: 'ja', q3: '3', q5: 'iemand-anders' });
      expect(wrongGroup.statusCode).toBe(422);
      expect(wrongGroup.body).toContain('Kies een van de groepen');
      // Then the same token still works.
      expect((await browser.post(POLL, { token, q1: 'ja', q2: 'ja', q3: '3' })).statusCode).toBe(303);
    });

    it('refuses a form posted from another site (403) and a filled honeypot (422), storing nothing', async () => {
      const browser = citizen(server);
      const token = await openPoll(browser);
      const before = await respondents();
      const form = { token, q1: 'ja', q2: 'ja', q3: '5' };
      const foreignHeaders: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/form.html' }];
      for (const headers of foreignHeaders) {
        const res = await browser.post(POLL, form, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.body).toContain('Dit formulier komt niet van onze website');
      }
      const robot = await browser.post(POLL, { ...form, website: 'https://spam.example' });
      expect(robot.statusCode).toBe(422);
      expect(await respondents()).toBe(before);
      // Without Origin and Referer (privacy tools strip both) the signed token alone decides.
      expect((await browser.post(POLL, form, {})).statusCode).toBe(303);
    });

    it('refuses a forged or missing token with a fresh form, too-quick answers, and too many from one address (429 + Retry-After)', async () => {
      const browser = citizen(server, '203.0.113.77');
      const forged = await browser.post(POLL, { token: 'v1.poll.x.y.z.w', q1: 'ja', q2: 'ja', q3: '3' });
      expect(forged.statusCode).toBe(422);
      expect(forged.body).toContain('Het formulier is verlopen');
      expect(tokenOf(forged.body)).toMatch(/^v1\.poll\./);
      const quick = await browser.get(POLL);
      const tooFast = await browser.post(POLL, { token: tokenOf(quick.body), q1: 'ja', q2: 'ja', q3: '3' });
      expect(tooFast.statusCode).toBe(422);
      expect(tooFast.body).toContain('U was erg snel');
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        const token = await openPoll(browser);
        codes.push((await browser.post(POLL, { token, q1: 'ja', q2: 'ja', q3: '3' })).statusCode);
      }
      expect(codes).toEqual([...Array(10).fill(303), 429]);
      const last = await browser.post(POLL, { token: await openPoll(browser), q1: 'ja', q2: 'ja', q3: '3' });
      expect(last.statusCode).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(last.body).toContain('U heeft dit te vaak gedaan');
    });

    it('is 404 for drafts and unknown changes', async () => {
      expect((await citizen(server).get('/teststad/veranderingen/geheim-plan-hondenbelasting/peiling')).statusCode).toBe(404);
      expect((await citizen(server).post('/teststad/veranderingen/bestaat-niet/peiling', { q1: 'ja' })).statusCode).toBe(404);
    });

    it('links the poll from the change page', async () => {
      const page = await citizen(server).get(`/teststad/veranderingen/${ids.change.slug}`);
      expect(page.body).toContain(`href="${POLL}"`);
      expect(page.body).toContain('Wat vinden inwoners ervan?');
      expect(XSS).toBeTruthy();
    });
  });
}
