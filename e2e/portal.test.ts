/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/core';
import { DEMO_ORGANIZATION_SLUG, seedDemo, seedDemoCitizenVoice } from '../src/modules/demo';
import { getOrganizationChains } from '../src/modules/chains';
import { listReactions } from '../src/modules/reactions';
import { createDatabase, migrateToLatest, type OpenDatabase } from '../src/storage';
import { buildServer } from '../src/web/server';
import { registerVersionReader } from '../src/storage';
import { axeViolations, keepLocal, launchChromium, requireChromium, SHOTS } from './browser';

/**
 * Browser tests of the public portal in real Chromium (Debian's package, never a downloaded one):
 * 0 axe-core violations of the WCAG 2.1 A/AA rules, every link reachable with Tab alone,
 * no Set-Cookie, no request leaving localhost, screenshots at phone and desktop width.
 * The shared helpers (Chromium, axe, the localhost guard) are in e2e/browser.ts.
 */
const available = requireChromium('portal in Chromium', 'e2e/portal.test.ts');

describe.skipIf(!available)('portal in Chromium', () => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  let origin: string;
  let browser: Browser;
  let biggest: string;
  let group: string;
  let reacted = '';
  const cookies: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    database = createDatabase({ url: 'sqlite::memory:' });
    await migrateToLatest(database.db);
    const deps = { db: database.db, clock: systemClock };
    const { organizationId } = await seedDemo(deps);
    await seedDemoCitizenVoice(deps, organizationId);
    const chains = (await getOrganizationChains(deps, organizationId)).filter((c) => c.change.publishedAt);
    const size = (c: (typeof chains)[number]) => c.goals.length * 3 + c.measures.length + c.impacts.length + c.decisions.length + c.milestones.length;
    biggest = chains.reduce((a, b) => (size(b) > size(a) ? b : a)).change.slug;
    // The change where seedDemoCitizenVoice put its reaction threads.
    for (const c of chains) if (!reacted && (await listReactions(deps, c.change.id, { page: 1, size: 1 })).total > 0) reacted = c.change.slug;
    group = chains.flatMap((c) => c.impacts.map((i) => i.group.name))[0]!.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    app = await buildServer({
      deps,
      baseUrl: 'http://127.0.0.1',
      hsts: false,
      health: async () => ({ ok: true, database: 'sqlite' }),
      registerVersion: registerVersionReader(database.db),
      secret: 'e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      // These tests share two cores with Chromium and another test worker: a lagging event loop here
      // is the test machine, not load, and a 503 page would fail them for nothing (shedding has its own tests).
      portal: { loadShedding: false },
    });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  /** A fresh context per page, watching cookies and every request. */
  const open = async (path: string, width = 1280): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await keepLocal(context, origin, foreign);
    const page = await context.newPage();
    page.on('response', (response) => {
      const setCookie = response.headers()['set-cookie'];
      if (setCookie) cookies.push(`${response.url()}: ${setCookie}`);
    });
    await page.goto(origin + path, { waitUntil: 'load' });
    return page;
  };

  const screenshots = async (path: string, name: string) => {
    for (const width of [375, 1280]) {
      const page = await open(path, width);
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  };

  const pages = () => [
    { name: 'home', path: '/' },
    { name: 'change', path: `/${DEMO_ORGANIZATION_SLUG}/veranderingen/${biggest}` },
    { name: 'change-en', path: `/${DEMO_ORGANIZATION_SLUG}/veranderingen/${biggest}?lang=en` },
    { name: 'group-filter', path: `/${DEMO_ORGANIZATION_SLUG}?group=${group}` },
    { name: 'not-found', path: `/${DEMO_ORGANIZATION_SLUG}/veranderingen/bestaat-niet` },
    { name: 'poll', path: `/${DEMO_ORGANIZATION_SLUG}/veranderingen/${biggest}/peiling` },
    { name: 'reactions', path: `/${DEMO_ORGANIZATION_SLUG}/veranderingen/${reacted}/reacties` },
    { name: 'reaction-form', path: `/${DEMO_ORGANIZATION_SLUG}/veranderingen/${reacted}/reageren` },
    { name: 'checkpoint', path: `/${DEMO_ORGANIZATION_SLUG}/controlepunt` },
  ];

  it('has no axe-core violations of WCAG 2.1 A and AA', async () => {
    for (const { name, path } of pages()) {
      const page = await open(path, 1280);
      expect(await axeViolations(page), name).toEqual([]);
      await page.context().close();
    }
  });

  it('lets a keyboard user reach every link with Tab, starting with the skip link', async () => {
    for (const { name, path } of pages()) {
      const page = await open(path);
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => (a as HTMLElement).offsetParent !== null || a.classList.contains('utrecht-skip-link')).map((a) => (a as HTMLAnchorElement).href));
      const reached: string[] = [];
      for (let i = 0; i < links.length + 40; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.href : null));
        if (i === 0) expect(await page.evaluate(() => document.activeElement?.classList.contains('utrecht-skip-link')), name).toBe(true);
        if (href) reached.push(href);
      }
      expect(links.filter((l) => !reached.includes(l)), name).toEqual([]);
      await page.context().close();
    }
  });

  // Two full-page screenshots per page: on a loaded two-core machine this exceeds the default 30 s.
  it('takes screenshots at phone and desktop width without sideways scrolling', async () => {
    for (const { name, path } of pages()) await screenshots(path, name);
  }, 120_000);

  it('works without JavaScript: the group filter is a plain form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/${DEMO_ORGANIZATION_SLUG}`);
    await page.selectOption('#filter-group', group);
    await Promise.all([page.waitForURL(/group=/), page.click('button[type=submit]')]);
    expect(page.url()).toContain(`group=${group}`);
    expect(await page.locator('.helder-card__impact').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('reaches every question, choice group and button of the poll with Tab alone, never the honeypot', async () => {
    const page = await open(`/${DEMO_ORGANIZATION_SLUG}/veranderingen/${biggest}/peiling`);
    const groups = await page.evaluate(() => [...new Set([...document.querySelectorAll('input[type=radio]')].map((r) => (r as HTMLInputElement).name))]);
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const what = await page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement ? el.name : el instanceof HTMLButtonElement ? `button:${el.type}` : null;
      });
      if (what) reached.add(what);
    }
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const name of [...groups, 'button:submit']) expect(reached.has(name), name).toBe(true);
    expect(reached.has('website')).toBe(false);
    // Off-screen, not display:none (some robots skip hidden fields): its box lies left of the page.
    expect(await page.evaluate(() => document.getElementById('website')!.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('answers the poll and posts a reaction without JavaScript, each ending on a thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/${DEMO_ORGANIZATION_SLUG}/veranderingen/${biggest}/peiling`);
    for (const name of await page.evaluate(() => [...new Set([...document.querySelectorAll('input[type=radio]')].map((r) => (r as HTMLInputElement).name))])) {
      await page.locator(`input[name="${name}"]`).first().check();
    }
    await page.waitForTimeout(2_100); // the poll refuses answers sent within 2 seconds of the form
    await Promise.all([page.waitForURL(/bedankt\?voor=peiling/), page.click('button[type=submit]')]);
    expect(await page.locator('h1').textContent()).toContain('Dank u wel');
    await page.goto(`${origin}/${DEMO_ORGANIZATION_SLUG}/veranderingen/${reacted}/reageren`);
    await page.fill('#veld-displayName', 'Browsertest <b>vet</b>');
    await page.selectOption('#veld-role', 'inwoner');
    await page.fill('#veld-text', 'Een reactie uit de browsertest, zonder JavaScript.');
    await page.waitForTimeout(3_100); // reactions: at least 3 seconds
    await Promise.all([page.waitForURL(/bedankt\?voor=reactie/), page.click('button[type=submit]')]);
    expect(await page.locator('h1').textContent()).toContain('Even geduld');
    await context.close();
  });

  it('set no cookie and made no request outside localhost', () => {
    expect(cookies).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
