import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { fetch } from '@stoplight/spectral-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../testing';

/** The NL API Design Rules linter of Logius, vendored unchanged (standards/nl-api-design-rules). */
const RULESET = fileURLToPath(new URL('../../../standards/nl-api-design-rules/linter.yaml', import.meta.url));

describe('the OpenAPI document under the NL API Design Rules linter', () => {
  let server: TestServer;
  beforeAll(async () => {
    // An installation names its contact (HELDER_SECURITY_CONTACT); info.contact needs a real address.
    server = await openTestServer('sqlite', undefined, { securityContact: 'mailto:api@teststad.nl' });
  });
  afterAll(() => server.close());

  it('has no errors and no warnings (Spectral with the Logius ruleset)', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body;
    const spectral = new Spectral();
    spectral.setRuleset(await bundleAndLoadRuleset(RULESET, { fs, fetch }));
    const results = await spectral.run(new Document(document, Json, 'openapi.json'));
    // Severity 0 is an error, 1 a warning (advice of the standard); today there are neither.
    const findings = results.filter((r) => r.severity <= 1).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
    expect(findings).toEqual([]);
  });

  it('describes /api/v1 only, every operation with an operationId, tags, and errors as problem documents', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[]; security?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>>)) {
      expect(path, 'a portal or editor page in the API document').not.toMatch(/^\/(api|editor|healthz|robots|sitemap|\.well-known)/);
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(op.operationId!);
        expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
        }
        if (method !== 'get' || path.includes('moderation') || path.includes('export') || path.endsWith('/publication')) {
          // Writes and non-public reads need a token, except the citizen-voice writes (poll, reactions, reports) and the language check.
          const publicWrite = /\/(poll|reactions|reports|check)$/.test(path);
          if (!publicWrite) expect(op.security, `${method} ${path} security`).toBeDefined();
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
