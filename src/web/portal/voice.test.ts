import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { setChangeStatus } from '../../modules/changes';
import { getPerception, getPoll, hashClientAddress, submitPollAnswers } from '../../modules/polls';
import { getReaction, moderateReaction, postOfficialAnswer, setReactionSettings } from '../../modules/reactions';
import { registerVersionReader } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { fixedClock } from '../../core';
import { registerPortal } from './index';
import { openTestServer, type TestServer } from '../testing';
import { seedPortalFixture, XSS } from './testing';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const ORIGIN = 'http://localhost:8080';
/** These tests run beside Chromium and another worker on two cores: event-loop lag is the machine, not load (shedding has its own test). */
const NO_SHEDDING = { loadShedding: false } as const;
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
      server = await openTestServer(dialect, undefined, NO_SHEDDING);
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
      server = await openTestServer(dialect, undefined, NO_SHEDDING);
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

for (const dialect of DIALECTS) {
  describe(`portal: reactions (${dialect})`, () => {
    let server: TestServer;
    let ids: Awaited<ReturnType<typeof seedPortalFixture>>;
    let BASE: string;
    const moderator = systemActor('test-moderator');
    const rows = async () => Number((await server.deps.db.selectFrom('reactions').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      server = await openTestServer(dialect, undefined, NO_SHEDDING);
      ids = await seedPortalFixture(server.deps);
      BASE = `/teststad/veranderingen/${ids.change.slug}`;
    });
    afterAll(() => server.close());

    /** Opens the reaction form (optionally a reply), waits like a person, and posts it. */
    const react = async (form: Record<string, string>, options: { address?: string; op?: string; headers?: Record<string, string> } = {}) => {
      const browser = citizen(server, options.address);
      const page = await browser.get(`${BASE}/reageren${options.op ? `?op=${options.op}` : ''}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      server.deps.clock.advance(5_000);
      return browser.post(`${BASE}/reageren`, { token: tokenOf(page.body), website: '', ...(options.op ? { parentId: options.op } : {}), ...form }, options.headers);
    };
    const idOf = async (text: string) => (await server.deps.db.selectFrom('reactions').select('id').where('text', '=', text).executeTakeFirstOrThrow()).id as string;

    it('posts a reaction with Post/Redirect/Get: "Even geduld", nothing shown until a moderator publishes it, XSS as text everywhere', async () => {
      const text = `Ik ben het er niet mee eens. ${XSS} Zie https://example.org/onderzoek.`;
      const res = await react({ displayName: `Mien ${XSS}`, role: 'inwoner', text });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${BASE}/bedankt?voor=reactie`);
      expect(res.headers['set-cookie']).toBeUndefined();
      const thanks = await citizen(server).get(res.headers.location as string);
      expect(thanks.body).toContain('Even geduld — uw reactie wordt eerst bekeken');
      expect((await citizen(server).get(`${BASE}/reacties`)).body).not.toContain('Ik ben het er niet mee eens.');
      await moderateReaction(server.deps, moderator, await idOf(text), { decision: 'publish' });
      const list = await citizen(server).get(`${BASE}/reacties`);
      expect(list.statusCode).toBe(200);
      expect(list.headers['set-cookie']).toBeUndefined();
      expect(list.body).toContain('Ik ben het er niet mee eens.');
      expect(list.body).toContain('Mien &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(list.body).toContain('<a class="utrecht-link utrecht-link--html-a" href="https://example.org/onderzoek" rel="nofollow ugc noopener noreferrer">https://example.org/onderzoek</a>');
      expect(list.body).toContain('Meld deze reactie');
      expectEscaped(list.body);
      const reply = await citizen(server).get(`${BASE}/reageren?op=${await idOf(text)}`);
      expect(reply.body).toContain('U reageert op deze reactie:');
      expectEscaped(reply.body);
    });

    it('shows links as text, not clickable, until a person approved the reaction (post-moderation)', async () => {
      await setReactionSettings(server.deps, moderator, ids.org.id, { moderation: 'post', reportThreshold: 3 });
      const res = await react({ displayName: 'Kees', role: 'ondernemer', text: 'Kijk op www.voorbeeld-winkel.example voor mijn aanbieding' }, { address: '203.0.113.20' });
      expect(res.headers.location).toBe(`${BASE}/bedankt?voor=reactie-geplaatst`);
      const list = (await citizen(server).get(`${BASE}/reacties`)).body;
      expect(list).toContain('<span class="helder-reaction__link">www.voorbeeld-winkel.example</span>');
      expect(list).toContain('link nog niet gecontroleerd');
      expect(list).not.toContain('href="https://www.voorbeeld-winkel.example');
      await setReactionSettings(server.deps, moderator, ids.org.id, { moderation: 'pre', reportThreshold: 3 });
    });

    it('shows the form again with the errors and what was typed (422), refuses duplicates (409), honeypots and other sites, storing nothing', async () => {
      const before = await rows();
      const bad = await react({ displayName: '', role: 'koning', text: `${'x'.repeat(2001)}` });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Er is een probleem');
      expect(bad.body).toContain('href="#veld-displayName"');
      expect(bad.body).toContain('href="#veld-role"');
      expect(bad.body).toContain('href="#veld-text"');
      expect(bad.body).toContain('maximaal 2.000 tekens'.replace('m', 'M'));
      const typed = await react({ displayName: `Jan ${XSS}`, role: 'inwoner', text: 'x' });
      expect(typed.statusCode).toBe(422);
      expect(typed.body).toContain('value="Jan &lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2) &#39;x"');
      expectEscaped(typed.body);
      const dup = await react({ displayName: 'Ander', role: 'inwoner', text: `Ik ben het er niet mee eens. ${XSS} Zie https://example.org/onderzoek.` }, { address: '203.0.113.30' });
      expect(dup.statusCode).toBe(409);
      expect(dup.body).toContain('Deze reactie staat er al.');
      expect((await react({ displayName: 'Robot', role: 'inwoner', text: 'Koop nu!', website: 'https://spam.example' })).statusCode).toBe(422);
      const foreign = await react({ displayName: 'Eve', role: 'inwoner', text: 'Van elders' }, { headers: { origin: 'https://evil.example' } });
      expect(foreign.statusCode).toBe(403);
      expect(await rows()).toBe(before);
    });

    it('threads replies two deep and marks the official answer of the municipality', async () => {
      const parentText = 'Waarom gaat juist Noord dicht?';
      await react({ displayName: 'Fatima', role: 'inwoner', text: parentText }, { address: '203.0.113.40' });
      const parent = await idOf(parentText);
      await moderateReaction(server.deps, moderator, parent, { decision: 'publish' });
      const reply = await react({ displayName: 'Piet', role: 'inwoner', text: 'Dat vraag ik me ook af.' }, { address: '203.0.113.41', op: parent });
      expect(reply.statusCode).toBe(303);
      await moderateReaction(server.deps, moderator, await idOf('Dat vraag ik me ook af.'), { decision: 'publish' });
      await postOfficialAnswer(server.deps, moderator, ids.change.id, { parentId: parent, text: 'Noord heeft de minste bezoekers. Zie het raadsbesluit.', displayName: 'Gemeente Teststad' });
      const list = (await citizen(server).get(`${BASE}/reacties`)).body;
      expect(list).toContain('Antwoord van de gemeente');
      expect(list).toContain('aria-label="Antwoorden op de reactie van Fatima"');
      expect(list.indexOf('Dat vraag ik me ook af.')).toBeGreaterThan(list.indexOf(parentText));
      // A reply to a reply does not exist: that form is "not found".
      expect((await citizen(server).get(`${BASE}/reageren?op=${await idOf('Dat vraag ik me ook af.')}`)).statusCode).toBe(404);
    });

    it('counts a second report by the same reader once, hides at three readers, and the cached change page keeps its version', async () => {
      const text = 'Iedereen die dit leest is dom.';
      await react({ displayName: 'Boos', role: 'anders', text }, { address: '203.0.113.50' });
      const id = await idOf(text);
      await moderateReaction(server.deps, moderator, id, { decision: 'publish' });
      const version = registerVersionReader(server.deps.db);
      const at = await version(ids.org.id);
      const report = (address: string, reason = 'offensive') => citizen(server, address).post(`${BASE}/reacties/${id}/melden`, { reason });
      const first = await report('198.51.100.1');
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toBe(`${BASE}/bedankt?voor=melding`);
      expect((await report('198.51.100.1', 'spam')).statusCode).toBe(303);
      expect((await getReaction(server.deps, id)).reportCount).toBe(1);
      expect((await citizen(server).post(`${BASE}/reacties/${id}/melden`, { reason: 'omdat' })).statusCode).toBe(422);
      expect((await citizen(server).post(`${BASE}/reacties/${id}/melden`, { reason: 'spam' }, { origin: 'https://evil.example' })).statusCode).toBe(403);
      await report('198.51.100.2');
      expect((await citizen(server).get(`${BASE}/reacties`)).body).toContain(text);
      await report('198.51.100.3');
      expect((await getReaction(server.deps, id)).hidden).toBe(true);
      expect((await citizen(server).get(`${BASE}/reacties`)).body).not.toContain(text);
      expect(await version(ids.org.id)).toBe(at);
    });

    it('links reading and writing reactions from the change page', async () => {
      const page = (await citizen(server).get(BASE)).body;
      expect(page).toContain(`href="${BASE}/reacties"`);
      expect(page).toContain(`href="${BASE}/reageren"`);
    });
  });
}

const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

for (const dialect of DIALECTS) {
  describe(`portal: perceived success on the cached change page (${dialect})`, () => {
    const clock = fixedClock('2026-06-01T10:00:00Z');
    let open: Awaited<ReturnType<typeof openTestDatabase>>;
    let app: ReturnType<typeof Fastify>;
    let pages: Awaited<ReturnType<typeof registerPortal>>;
    let ids: Awaited<ReturnType<typeof seedPortalFixture>>;
    let CHANGE: string;
    let n = 0;

    beforeAll(async () => {
      open = await openTestDatabase(dialect);
      const deps = { db: open.db, clock };
      ids = await seedPortalFixture(deps);
      await setChangeStatus(deps, systemActor('test'), ids.change.id, 'in_progress');
      CHANGE = `/teststad/veranderingen/${ids.change.slug}`;
      // The portal alone, so the test can see its page cache.
      app = Fastify();
      pages = await registerPortal(app, { deps, baseUrl: ORIGIN, hsts: false, health: async () => ({ ok: true, database: dialect }), registerVersion: registerVersionReader(open.db), secret: SECRET, portal: NO_SHEDDING });
    });
    afterAll(async () => {
      await app.close();
      await open.close();
    });

    /** One respondent from their own address: a fresh token, a human pause, the answers. */
    const answer = async (q5: string | undefined, q3: number, q4: number) => {
      const deps = { db: open.db, clock, secret: SECRET };
      const { token } = await getPoll(deps, ids.change.id);
      clock.advance(3_000);
      await submitPollAnswers(deps, ids.change.id, { token, q1: n % 5 === 0 ? 'nee' : 'ja', q2: 'ja', q3, q4, q5 }, await hashClientAddress(deps, `192.0.2.${n++}`));
    };
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { ...HTML, ...headers } });

    it('says there are too few answers while fewer than 10 people answered', async () => {
      const res = await get(CHANGE);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Er zijn 0 antwoorden gegeven.');
      expect(res.body).toContain('Er zijn nog te weinig antwoorden');
      expect(res.body).not.toContain('data-live=');
    });

    it('shows understanding and perceived success per group, merges small groups, and keeps serving the cached page while answers arrive', async () => {
      const version = registerVersionReader(open.db);
      await get(CHANGE);
      const at = await version(ids.org.id);
      const hits = pages.cache.hits;
      const first = await get(CHANGE);
      for (let i = 0; i < 12; i++) await answer(ids.north.id, 2, 4);
      for (let i = 0; i < 3; i++) await answer(ids.students.id, 4, 3);
      for (let i = 0; i < 8; i++) await answer('none', 3, 3);
      const res = await get(CHANGE);
      expect(await version(ids.org.id)).toBe(at);
      expect(pages.cache.hits).toBe(hits + 2);
      expect(res.headers.etag).not.toBe(first.headers.etag);
      expect(res.body).toContain('Er zijn 23 antwoorden gegeven.');
      expect(res.body).toMatch(/van de 10 mensen begrijpen waarom deze verandering nodig is\./);
      expect(res.body).toContain('<h3 class="utrecht-heading-3"><span lang="nl">Inwoners Noord</span></h3>');
      expect(res.body).toContain('Overige mensen');
      expect(res.body).toContain('<span lang="nl">Scholieren</span>: te weinig antwoorden om te tonen');
      expect(res.body).not.toContain('mensen uit de groep Scholieren');
      expect(res.body).toContain('role="img"');
      expect(res.body).toContain('Bekijk de cijfers als tabel');
      expect(res.body).toContain('Hoe staan de doelen ervoor?');
      expect(res.body).toContain('Het doel ligt op schema of is gehaald.');
      expect(res.body).toContain('De metingen en de mening van inwoners komen overeen: het gaat goed.');
      expect(res.body).not.toContain('data-live=');
      // Revalidation still works on the spliced page.
      expect((await get(CHANGE, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
      const en = await get(`${CHANGE}?lang=en`);
      expect(en.body).toContain('What do residents think?');
      expect(en.body).toContain('23 answers were given.');
    });
  });
}
