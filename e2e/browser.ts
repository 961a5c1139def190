/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/**
 * What the browser tests share: Debian's Chromium (never a downloaded one), axe-core, a guard that
 * refuses requests leaving the test server, and where screenshots go.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
export const chromiumAvailable = existsSync(CHROMIUM);

/**
 * What a browser suite does: run when Chromium is there; without it, fail where browser tests are
 * required — CI (`CI` set, as every CI service does) or `HELDER_REQUIRE_BROWSER=1`, which
 * `.ci/run` sets — so a missing browser never turns into a green run; elsewhere skip with a message.
 */
export const browserPolicy = (available: boolean, env: NodeJS.ProcessEnv): 'run' | 'fail' | 'skip' => {
  if (available) return 'run';
  const required = env.HELDER_REQUIRE_BROWSER === '1' || (env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false');
  return required ? 'fail' : 'skip';
};

/** Applies `browserPolicy` to a suite. Returns whether the suite can run: `describe.skipIf(!…)`. */
export const requireChromium = (suite: string, file: string): boolean => {
  const policy = browserPolicy(chromiumAvailable, process.env);
  if (policy === 'fail') {
    describe(suite, () => {
      it('needs /usr/bin/chromium', () => {
        throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium" (CI installs it via .ci/run)`);
      });
    });
  } else if (policy === 'skip') {
    console.warn(`${file} skipped: ${CHROMIUM} is missing (apt-get install -y chromium); HELDER_REQUIRE_BROWSER=1 makes this a failure`);
  }
  return policy === 'run';
};

export const launchChromium = async (): Promise<Browser> => {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
};

/** Lets through only requests to `origin` (and data: URLs); every other URL is aborted and pushed onto `foreign`. */
export const keepLocal = async (context: BrowserContext, origin: string, foreign: string[]): Promise<void> => {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
};

const axeSource = readFileSync(join(createRequire(import.meta.url).resolve('axe-core'), '..', 'axe.min.js'), 'utf8');

interface AxeResult {
  passes: unknown[];
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the page and returns the violations as readable lines
 * (empty when there are none). axe is evaluated through the DevTools protocol, which our CSP
 * (rightly no inline script) does not govern, so the page keeps its real CSP.
 */
export const axeViolations = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<AxeResult> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  );
  expect(result.passes.length, 'axe ran its rules').toBeGreaterThan(10);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
};
