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

  it('has no errors (Spectral with the Logius ruleset)', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body;
    const spectral = new Spectral();
    spectral.setRuleset(await bundleAndLoadRuleset(RULESET, { fs, fetch }));
    const results = await spectral.run(new Document(document, Json, 'openapi.json'));
    // severity 0 is error; warnings (severity 1) are reported by the rules as advice.
    const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
    expect(errors).toEqual([]);
  });
});
