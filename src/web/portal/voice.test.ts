import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { seedPortalFixture } from './testing';

const HTML = { accept: 'text/html,application/xhtml+xml' };

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
