import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { createChange } from '../../modules/changes';
import { createOrganization } from '../../modules/organizations';
import { DIALECTS } from '../../storage/testing';
import { openTestServer, type TestServer } from '../testing';
import { seedPortalFixture } from './testing';

const HTML = { accept: 'text/html' };

for (const dialect of DIALECTS) {
  describe(`portal: the audit log's published checkpoint (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await openTestServer(dialect);
      await seedPortalFixture(server.deps);
    });
    afterAll(() => server.close());
    const get = (url: string) => server.app.inject({ method: 'GET', url, headers: HTML });
    /** The page offers line breaks inside the hash (`<wbr>`); the text itself is what the API says. */
    const text = (body: string) => body.replaceAll('<wbr/>', '').replaceAll('<wbr>', '');

    it('shows the head of the chain as the API publishes it, in plain Dutch, with the command that checks it, and no cookie', async () => {
      const api = (await server.app.inject({ url: '/api/v1/organizations/teststad/checkpoint' })).json<{ seq: number; hash: string; at: string; verify: string }>();
      const res = await get('/teststad/controlepunt');
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.body).toMatch(/^<!doctype html><html lang="nl"/);
      expect(res.body).toContain('<h1 class="utrecht-heading-1">Controlepunt van het logboek</h1>');
      expect(res.body).toContain('Zo kan iedereen later controleren dat de geschiedenis niet is veranderd.');
      expect(res.body).toContain(`<dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${api.seq}</dd>`);
      expect(text(res.body)).toContain(`<code>${api.hash}</code>`);
      expect(text(res.body)).toContain(`<code>helder audit verify --organization teststad --checkpoint ${api.hash}@${api.seq}</code>`);
      expect(res.body).toMatch(/<code>[0-9a-f]{16}<wbr\/?>[0-9a-f]{16}<wbr\/?>/);
      expect(res.body).toContain(`datetime="${new Date(api.at).toISOString()}"`);
      expect(res.body).toContain('href="/api/v1/organizations/teststad/checkpoint"');
      expect(res.body).toContain('<meta name="robots" content="noindex');
    });

    it('speaks English with ?lang=en, keeping the language in its links', async () => {
      const res = await get('/teststad/controlepunt?lang=en');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/^<!doctype html><html lang="en"/);
      expect(res.body).toContain('Checkpoint of the log');
      expect(res.body).toContain('anyone can check later that the history has not been changed');
      expect(res.body).toContain('href="/teststad?lang=en"');
      expect((await get('/teststad/controlepunt?lang=fr')).statusCode).toBe(400);
    });

    it('moves on with every write (the page cache follows the audit head), and is linked from the footer', async () => {
      const before = (await get('/teststad/controlepunt')).body;
      const org = (await server.app.inject({ url: '/api/v1/organizations/teststad/checkpoint' })).json<{ seq: number }>();
      const teststad = await server.deps.db.selectFrom('organizations').select('id').where('slug', '=', 'teststad').executeTakeFirstOrThrow();
      await createChange(server.deps, systemActor('test'), teststad.id, { title: 'Nog een verandering', kind: 'policy', summary: 'Iets nieuws.' });
      const after = await get('/teststad/controlepunt');
      expect(after.body).not.toEqual(before);
      expect(after.body).toContain(`<dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${org.seq + 1}</dd>`);
      expect((await get('/teststad')).body).toContain('href="/teststad/controlepunt"');
      expect((await get('/teststad?lang=en')).body).toContain('href="/teststad/controlepunt?lang=en"');
    });

    it('answers for a new organization too, and 404 for an unknown one (slugs are exact)', async () => {
      const empty = await createOrganization(server.deps, systemActor('test'), { slug: 'leegstad', name: 'Gemeente Leegstad', kind: 'gemeente' });
      const res = await get(`/${empty.slug}/controlepunt`);
      expect(res.statusCode).toBe(200);
      expect((await get('/nergensstad/controlepunt')).statusCode).toBe(404);
      expect((await get('/Teststad/controlepunt')).statusCode).toBe(404);
    });
  });
}
