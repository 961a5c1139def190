import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPolicy } from './browser';

/** CI must not turn a missing browser or build tool into a skipped test or a half-installed machine. */
describe('CI', () => {
  it('fails the browser suites without Chromium when browser tests are required, and only then skips', () => {
    expect(browserPolicy(true, {})).toBe('run');
    expect(browserPolicy(false, { HELDER_REQUIRE_BROWSER: '1' })).toBe('fail');
    expect(browserPolicy(false, { CI: 'true' })).toBe('fail');
    expect(browserPolicy(false, { CI: '1' })).toBe('fail');
    expect(browserPolicy(false, {})).toBe('skip');
    expect(browserPolicy(false, { CI: 'false' })).toBe('skip');
  });

  it('.ci/run installs what the README says the build needs, and requires the browser', () => {
    const script = readFileSync(join(process.cwd(), '.ci', 'run'), 'utf8');
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const buildNeeds = /You need Node\.js [^\n]*\(and ([^)]*) to build/.exec(readme)?.[1]?.match(/`([^`]+)`/g)?.map((t) => t.slice(1, -1));
    expect(buildNeeds).toEqual(['python3', 'make', 'g++']);
    for (const tool of [...buildNeeds!, 'chromium', 'postgresql']) expect(script, `.ci/run installs ${tool}`).toMatch(new RegExp(`need_apt\\+=\\(${tool.replace(/\+/g, '\\+')}\\)`));
    expect(script).toMatch(/^export HELDER_REQUIRE_BROWSER=1$/m);
    // After the install step a missing browser stops CI before any test runs.
    expect(script).toMatch(/\[ -x "\$CHROMIUM" \] \|\| \{[^}]*exit 1; \}/);
  });
});
