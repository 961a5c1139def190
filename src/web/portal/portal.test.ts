import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { systemActor } from '../../core';
import { updateChange } from '../../modules/changes';
import { createOrganization } from '../../modules/organizations';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { seedPortalFixture, XSS } from './testing';

const HTML = { accept: 'text/html,application/xhtml+xml' };

/** Raw XSS never appears: neither the tag nor an attribute break-out. */
const expectEscaped = (body: string) => {
  expect(body).not.toContain('<script>alert(1)</script>');
  expect(body).not.toMatch(/"onmouseover=/);
  expect(body).not.toMatch(/<script\b/);
};

for (const dialect of DIALECTS) {
  describe(`portal on ${dialect}`, () => {
    let server: TestServer;
    let ids: Awaited<ReturnType<typeof seedPortalFixture>>;
    let CHANGE: string;

    beforeAll(async () => {
      server = await openTestServer(dialect);
      ids = await seedPortalFixture(server.deps);
      CHANGE = `/teststad/veranderingen/${ids.change.slug}`;
    });
    afterAll(() => server.close());

    const get = (url: string, headers: Record<string, string> = HTML) => server.app.inject({ method: 'GET', url, headers });

    it('gives the change the readable URL the API announces as portalUrl', async () => {
      const api = (await get(`/api/v1/changes/${ids.change.id}`, {})).json();
      expect(api.portalUrl).toBe(`http://localhost:8080${CHANGE}`);
    });

    it('redirects / to the only organization, keeping the language', async () => {
      const res = await get('/');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/teststad');
      expect((await get('/?lang=en')).headers.location).toBe('/teststad?lang=en');
    });

    it('lists published changes on the organization page, never drafts, with no cookie and a strict CSP', async () => {
      const res = await get('/teststad');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.body).toMatch(/^<!doctype html><html lang="nl"/);
      expect(res.body).toContain('Wat verandert er in Gemeente Teststad?');
      expect(res.body).toContain('Nieuwe fietspaden');
      expect(res.body).toContain('class="utrecht-skip-link');
      expect(res.body).not.toContain('Geheim plan');
      expectEscaped(res.body);
    });

    it('filters by group, showing what the change means for that group', async () => {
      const res = await get('/teststad?group=inwoners-noord');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Uw vestiging in Noord gaat dicht.');
      expect(res.body).not.toContain('Nieuwe fietspaden');
      expect(res.body).toContain('1 verandering gevonden');
      expectEscaped(res.body);
    });

    it('filters by theme and status, and searches by word (diacritics folded)', async () => {
      expect((await get('/teststad?theme=verkeer')).body).not.toContain('Bibliotheek filialen');
      expect((await get('/teststad?status=proposed')).body).toContain('Nieuwe fietspaden');
      const search = await get('/teststad?q=FIETSPADEN');
      expect(search.body).toContain('Nieuwe fietspaden');
      expect(search.body).not.toContain('Bibliotheek filialen');
      expect((await get('/teststad?q=hondenbelasting')).body).toContain('Er zijn geen veranderingen');
      expect((await get('/teststad?status=&theme=&group=&q=')).statusCode).toBe(200);
    });

    it('shows the change page with every section in the order of the issue, all content escaped', async () => {
      const res = await get(CHANGE);
      expect(res.statusCode).toBe(200);
      const order = ['id="waarom"', 'id="wat"', 'id="wanneer"', 'id="gevolgen"', 'id="doelen"', 'id="besluiten"', 'id="maatregelen"', 'id="zekerheid"', 'id="updates"', 'id="delen"'];
      const positions = order.map((s) => res.body.indexOf(s));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expectEscaped(res.body);
      // Open Graph tags carry the escaped title
      expect(res.body).toMatch(/<meta property="og:title" content="Bibliotheek filialen &lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;onmouseover=alert\(2\) &#39;x \| Gemeente Teststad"/);
      expect(res.body).toContain(`<meta property="og:url" content="http://localhost:8080${CHANGE}"`);
    });

    it('says honestly that a goal was changed after the council adopted it', async () => {
      const res = await get(CHANGE);
      expect(res.body).toContain('dit doel is gewijzigd na het besluit van gemeenteraad van 15 januari 2026');
      expect(res.body).toContain('role="img"');
      expect(res.body).toContain('Bekijk de metingen als tabel');
      expect(res.body).toContain('20 voor, 15 tegen');
      expect(res.body).toContain('href="https://example.org/besluit/1"');
      expect(res.body).toMatch(/helder-timeline__item--done/);
      expect(res.body).toMatch(/helder-timeline__item--planned/);
    });

    it('switches every UI string to English with ?lang=en and marks Dutch content as Dutch', async () => {
      const res = await get(`${CHANGE}?lang=en`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/^<!doctype html><html lang="en"/);
      expect(res.body).toContain('>Why</h2>');
      expect(res.body).toContain('What this means for you');
      expect(res.body).toContain('only available in Dutch');
      expect(res.body).toContain('<p class="utrecht-paragraph utrecht-paragraph--lead" lang="nl">');
      expect(res.body).toContain(`href="${CHANGE}" hreflang="nl" lang="nl"`);
      expect((await get('/teststad?lang=en')).body).toContain('What is changing in Gemeente Teststad?');
    });

    it('hides drafts everywhere: page, feed, sitemap', async () => {
      expect((await get('/teststad/veranderingen/geheim-plan-hondenbelasting')).statusCode).toBe(404);
      expect((await get('/teststad/veranderingen/geheim-plan-hondenbelasting/feed.atom')).statusCode).toBe(404);
      expect((await get('/teststad/feed.atom')).body).not.toContain('Geheim plan');
      expect((await get('/sitemap.xml')).body).not.toContain('geheim-plan');
    });

    it('answers unknown organizations and changes with a 404 page that helps', async () => {
      const change = await get('/teststad/veranderingen/bestaat-niet');
      expect(change.statusCode).toBe(404);
      expect(change.headers['content-type']).toContain('text/html');
      expect(change.body).toContain('Deze verandering bestaat niet');
      expect(change.body).toContain('href="/teststad"');
      expect(change.body).toContain('name="q"');
      const org = await get('/bestaat-niet');
      expect(org.statusCode).toBe(404);
      expect(org.body).toContain('Deze pagina bestaat niet');
      expect(org.body).toContain('href="/"');
      expect((await get(`/${ids.org.id}`)).statusCode).toBe(404);
      const deep = await get('/a/b/c/d?lang=en');
      expect(deep.statusCode).toBe(404);
      expect(deep.body).toContain('This page does not exist');
      const odd = await get('/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
      expect(odd.statusCode).toBe(404);
      expectEscaped(odd.body);
    });

    it('keeps JSON problems for API clients and API paths', async () => {
      const api = await get('/api/v1/nope');
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect((await get('/a/b/c/d', { accept: 'application/json' })).headers['content-type']).toContain('application/problem+json');
    });

    it('answers bad query parameters with a 4xx page naming the parameter, never a 500, never echoing the value', async () => {
      const cases = [
        '/teststad?status=xyz',
        '/teststad?page=-1',
        '/teststad?page=abc',
        '/teststad?page=1.5',
        `/teststad?q=${'x'.repeat(5000)}`,
        `/teststad?theme=${encodeURIComponent(XSS.repeat(20))}`,
        `/teststad?group=${encodeURIComponent(XSS)}`,
        '/teststad?status=proposed&status=decided',
        '/teststad?lang=de',
        `${CHANGE}?lang=xx`,
        '/toegankelijkheid?lang=fr',
        '/teststad/feed.atom?lang=%3Cscript%3E',
      ];
      for (const url of cases) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type'], url).toContain('text/html');
        expectEscaped(res.body);
        expect(res.body).not.toContain('xxxxxxxxxx');
      }
      expect((await get('/teststad?status=xyz')).body).toContain('<code>status</code>');
      expect((await get('/teststad?page=99')).statusCode).toBe(404);
      expect((await get('/teststad?utm_source=nieuwsbrief&fbclid=abc')).statusCode).toBe(200);
    });

    it('serves valid Atom feeds for the organization and each change, escaped', async () => {
      for (const url of ['/teststad/feed.atom', `${CHANGE}/feed.atom`, `${CHANGE}/feed.atom?lang=en`]) {
        const res = await get(url, {});
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toContain('application/atom+xml');
        const doc = xml2js(res.body, { compact: true }) as { feed: { _attributes: { xmlns: string }; entry: unknown[] | unknown; id: { _text: string } } };
        expect(doc.feed._attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
        expect(Array.isArray(doc.feed.entry) ? doc.feed.entry.length : 1).toBeGreaterThan(0);
        expectEscaped(res.body);
      }
      const feed = (await get(`${CHANGE}/feed.atom`, {})).body;
      expect(feed).toContain('Nieuwe meting');
      expect(feed).toContain('Besluit: Besluit bibliotheken');
    });

    it('serves robots.txt, a sitemap with every published change and security.txt', async () => {
      expect((await get('/robots.txt')).body).toContain('Sitemap: http://localhost:8080/sitemap.xml');
      const sitemap = await get('/sitemap.xml');
      expect(() => xml2js(sitemap.body)).not.toThrow();
      expect(sitemap.body).toContain(`<loc>http://localhost:8080${CHANGE}</loc>`);
      expect(sitemap.body).toContain('<loc>http://localhost:8080/teststad/veranderingen/nieuwe-fietspaden</loc>');
      const security = (await get('/.well-known/security.txt')).body;
      expect(security).toMatch(/^Contact: mailto:security@localhost$/m);
      expect(security).toMatch(/^Expires: \d{4}-\d\d-\d\dT/m);
    });

    it('lists only final URLs in the sitemap: every page and its English alternate answers 200, none redirects', async () => {
      const body = (await get('/sitemap.xml')).body;
      const urls = [...body.matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!.replace(/&amp;/g, '&'));
      expect(urls.length).toBeGreaterThan(6);
      // One organization: / redirects to it, so neither / nor /?lang=en is listed.
      expect(urls).not.toContain('http://localhost:8080/');
      expect(urls).not.toContain('http://localhost:8080/?lang=en');
      const statuses = await Promise.all(urls.map(async (url) => [url, (await get(url.replace('http://localhost:8080', ''))).statusCode]));
      expect(statuses.filter(([, status]) => status !== 200)).toEqual([]);
    });

    it('rolls the Expires of security.txt forward with the clock: a server up for a year never serves an expired file', async () => {
      const expires = async () => {
        const res = await get('/.well-known/security.txt');
        return new Date(/^Expires: (\S+)$/m.exec(res.body)![1]!).getTime();
      };
      const DAY = 86_400_000;
      const start = server.deps.clock.now().getTime();
      expect(await expires()).toBe(start + 180 * DAY);
      server.deps.clock.advance(365 * DAY);
      try {
        // RFC 9116 2.5.5: in the future, and less than a year ahead.
        expect(await expires()).toBe(start + 545 * DAY);
      } finally {
        server.deps.clock.advance(-365 * DAY);
      }
    });

    it('serves the accessibility statement, the privacy page and the stylesheets from its own origin', async () => {
      expect((await get('/toegankelijkheid')).body).toContain('WCAG 2.1');
      expect((await get('/privacy?lang=en')).body).toContain('This website uses no cookies.');
      const page = (await get('/teststad')).body;
      const hrefs = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
      expect(hrefs).toHaveLength(3);
      for (const href of hrefs) {
        expect(href.startsWith('/assets/')).toBe(true);
        const css = await get(href, {});
        expect(css.statusCode).toBe(200);
        expect(css.headers['content-type']).toContain('text/css');
        expect(css.headers['cache-control']).toContain('immutable');
      }
    });

    it('shows a write at once, whichever process made it: the cache follows the audit head', async () => {
      const before = await get('/teststad/veranderingen/nieuwe-fietspaden');
      const again = await get('/teststad/veranderingen/nieuwe-fietspaden', { ...HTML, 'if-none-match': String(before.headers.etag) });
      expect(again.statusCode).toBe(304);
      await updateChange(server.deps, systemActor('test'), ids.other.id, { summary: 'Vier nieuwe fietspaden in Zuid.' });
      const after = await get('/teststad/veranderingen/nieuwe-fietspaden', { ...HTML, 'if-none-match': String(before.headers.etag) });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('Vier nieuwe fietspaden in Zuid.');
      expect((await get('/teststad')).body).toContain('Vier nieuwe fietspaden in Zuid.');
    });

    it('lists the organizations on / once there are several', async () => {
      await createOrganization(server.deps, systemActor('test'), { slug: 'provincie-test', name: 'Provincie Test', kind: 'provincie' });
      const res = await get('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('href="/teststad"');
      expect(res.body).toContain('href="/provincie-test"');
      const sitemap = (await get('/sitemap.xml')).body;
      expect(sitemap).toContain('<loc>http://localhost:8080/provincie-test</loc>');
      // Now / is a page of its own, and listed.
      expect(sitemap).toContain('<loc>http://localhost:8080/</loc>');
    });
  });
}

describe('portal rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer('sqlite', undefined, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
    await seedPortalFixture(server.deps);
  });
  afterAll(() => server.close());

  it('answers a client over its limit with 429, Retry-After and a page', async () => {
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await server.app.inject({ url: '/teststad', headers: HTML });
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect(last!.headers['retry-after']).toBeDefined();
    expect(last!.headers['content-type']).toContain('text/html');
    expect(last!.body).toContain('erg druk');
  });
});
