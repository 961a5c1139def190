/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config';
import { openApp, webContextOf, type App } from '../src/app/deps';
import { countOrganizations } from '../src/app/seed';
import { getOrganizationChains } from '../src/modules/chains';
import { DEMO_ORGANIZATION_SLUG, seedDemo, seedDemoCitizenVoice } from '../src/modules/demo';
import { listReactions } from '../src/modules/reactions';
import { ADOPTION_WARNING } from '../src/web/editor/views/goal-form';
import { buildServer } from '../src/web/server';
import { axeViolations, keepLocal, launchChromium, requireChromium, SHOTS } from './browser';

/**
 * The "Done when" of issue 5 in real Chromium: a newcomer logs in as the demo editor, fixes failing
 * legitimacy rules through the to-do list, edits an adopted goal and sees it become unanchored on
 * the portal, and the moderator clears the queue by keyboard alone. The server is the real one on
 * a fresh SQLite file, seeded exactly as `helder serve` does on first start. Every page visited is
 * checked with axe-core (WCAG 2.1 A/AA) and photographed; no request may leave the test server.
 */
const available = requireChromium('editor in Chromium', 'e2e/editor.test.ts');

const ORG = DEMO_ORGANIZATION_SLUG;
const EDITOR = { email: 'redacteur@voorbeeldstad.example', password: 'demo-redacteur-2026' };
const MODERATOR = { email: 'moderator@voorbeeldstad.example', password: 'demo-moderator-2026' };
/** A loaded 2-core CI machine shares its cores with Chromium and other test workers. */
const TEST_TIMEOUT = 120_000;
const WAIT = 30_000;

describe.skipIf(!available)('editor in Chromium', () => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  let origin: string;
  let browser: Browser;
  /** Portal slugs of the demo changes, by title. */
  const slugs = new Map<string, string>();
  /** The change whose reactions the demo seeded (one waits for the moderator). */
  let reacted = '';
  const foreign: string[] = [];
  /** Errors in the browser console, a CSP violation among them. */
  const consoleErrors: string[] = [];
  const audited: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-e2e-editor-'));
    // What `helder serve` does on first start (src/app/main.ts), on a throwaway SQLite file.
    const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'helder.sqlite')}`, HOST: '127.0.0.1', HELDER_DEMO: 'on', LOG_LEVEL: 'silent' });
    app = await openApp(config);
    if (config.seedDemo && (await countOrganizations(app.deps)) === 0) {
      const { organizationId } = await seedDemo(app.deps);
      await seedDemoCitizenVoice(app.deps, organizationId);
    }
    for (const chain of await getOrganizationChains(app.deps, ORG)) {
      slugs.set(chain.change.title, chain.change.slug);
      if (!reacted && chain.change.publishedAt && (await listReactions(app.deps, chain.change.id, { page: 1, size: 1 })).total > 0) reacted = chain.change.slug;
    }
    // baseUrl stays the configured http://localhost:8080 (the port is known only after listening):
    // it only names canonical URLs, and CSRF also accepts the Host a form was posted to.
    const context = await webContextOf(app, config);
    // A busy CI machine lags the event loop; a 503 page would fail these tests for nothing.
    server = await buildServer({ ...context, portal: { ...context.portal, loadShedding: false } });
    origin = await server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A browser window of its own (its own cookies), 1280 px wide, that may only talk to the test server. */
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await keepLocal(context, origin, foreign);
    const page = await context.newPage();
    page.on('console', (message) => {
      // A 4xx page (a form sent back with errors) is logged too; `go` asserts every status itself.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded with a status of')) consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    page.setDefaultTimeout(WAIT);
    page.setDefaultNavigationTimeout(WAIT);
    return page;
  };

  /** Runs `action` (a click, a key press, a goto) and waits until the page it leads to has loaded; its HTTP status. */
  const navigate = async (page: Page, action: () => Promise<unknown>): Promise<number> => {
    const statuses: number[] = [];
    const onResponse = (response: Response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) statuses.push(response.status());
    };
    page.on('response', onResponse);
    try {
      await Promise.all([page.waitForEvent('load', { timeout: WAIT }), action()]);
    } finally {
      page.off('response', onResponse);
    }
    return statuses.at(-1) ?? 0;
  };

  /** The page now shown passes axe-core's WCAG 2.1 A/AA rules; a screenshot at its width goes to test-artifacts. */
  const check = async (page: Page, name: string): Promise<void> => {
    expect(await axeViolations(page), `${name} (${page.url()})`).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `editor-${name}-${page.viewportSize()?.width ?? 1280}.png`), fullPage: true });
    audited.push(new URL(page.url()).pathname);
  };

  /** Goes somewhere (by `action`), expects `status`, and checks the page that shows. */
  const go = async (page: Page, name: string, action: () => Promise<unknown>, status = 200): Promise<void> => {
    expect(await navigate(page, action), `${name}: HTTP status of ${page.url()}`).toBe(status);
    await check(page, name);
  };

  interface Focused {
    tag: string;
    id: string;
    text: string;
    invalid: boolean;
    /** An outline or a box shadow marks the focus (WCAG 2.4.7). */
    visible: boolean;
  }

  const focused = (page: Page): Promise<Focused | null> =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        invalid: el.getAttribute('aria-invalid') === 'true',
        visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
      };
    });

  /** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after 150 presses. */
  const tabTo = async (page: Page, what: string, match: (f: Focused) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Focused> => {
    const seen: string[] = [];
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press(key);
      const f = await focused(page);
      if (f && match(f)) {
        expect(f.visible, `the keyboard focus on ${what} is visible`).toBe(true);
        return f;
      }
      seen.push(f ? `${f.tag}#${f.id} "${f.text.slice(0, 40)}"` : 'body');
    }
    throw new Error(`${key} never reached ${what} on ${page.url()}; reached: ${seen.slice(-20).join(' | ')}`);
  };

  /** Logs in through the form, then opens the demo organization's dashboard; by mouse, or by keyboard alone. */
  const logIn = async (page: Page, who: { email: string; password: string }, name: string, by: 'mouse' | 'keyboard'): Promise<void> => {
    await go(page, `${name}-login`, () => page.goto(`${origin}/editor`));
    expect(new URL(page.url()).pathname, 'the editor asks an anonymous visitor to log in').toBe('/editor/inloggen');
    if (by === 'mouse') {
      await page.fill('#veld-email', who.email);
      await page.fill('#veld-password', who.password);
      await go(page, `${name}-organizations`, () => page.getByRole('button', { name: 'Inloggen' }).click());
    } else {
      await tabTo(page, 'the e-mail field', (f) => f.id === 'veld-email');
      await page.keyboard.type(who.email);
      await page.keyboard.press('Tab');
      expect((await focused(page))?.id).toBe('veld-password');
      await page.keyboard.type(who.password);
      await go(page, `${name}-organizations`, () => page.keyboard.press('Enter'));
    }
    expect(new URL(page.url()).pathname, 'logged in').toBe('/editor');
    if (by === 'mouse') {
      await go(page, `${name}-dashboard`, () => page.getByRole('main').getByRole('link', { name: 'Gemeente Voorbeeldstad' }).click());
    } else {
      await tabTo(page, 'the organization', (f) => f.tag === 'a' && f.text.startsWith('Gemeente Voorbeeldstad') && !f.text.includes('redactie'));
      await go(page, `${name}-dashboard`, () => page.keyboard.press('Enter'));
    }
    expect(new URL(page.url()).pathname).toBe(`/editor/${ORG}`);
  };

  const scoreOf = async (page: Page): Promise<number> => Number((await page.locator('.helder-score').first().textContent())!.replace('%', '').trim());
  /** A failing rule in the to-do list. */
  const todo = (page: Page, rule: number) => page.locator('li.helder-todo__item', { has: page.locator('h3', { hasText: new RegExp(`^${rule}\\. `) }) });
  /** The rules listed under "Wat al in orde is". */
  const passed = async (page: Page): Promise<string[]> =>
    (await page.locator('details', { has: page.locator('summary', { hasText: 'Wat al in orde is' }) }).locator('li').allTextContents()).map((t) => t.trim());
  const pathOf = (page: Page) => new URL(page.url()).pathname;

  it(
    'a newcomer fixes the failing rules of the parking change through the to-do list',
    async () => {
      const page = await newPage();
      await logIn(page, EDITOR, 'todo', 'mouse');
      await go(page, 'todo-change-parking', () => page.getByRole('link', { name: 'Betaald parkeren in de Parkwijk' }).click());
      const start = await scoreOf(page);

      // Rule 6: the new Parkplein serves no goal. The to-do list links to the measure's contribution form.
      expect(await todo(page, 6).count(), 'rule 6 fails in the demo').toBe(1);
      await go(page, 'todo-measure-contribution', () => todo(page, 6).getByRole('link', { name: 'Leg vast aan welk doel deze maatregel bijdraagt, en hoe' }).click());
      expect(page.url()).toMatch(/\/editor\/voorbeeldstad\/maatregelen\/[^/]+\/bewerken#veld-contributions$/);
      expect(await page.locator('#veld-contributions').isVisible()).toBe(true);
      const goal = await page.locator('#veld-goalId option', { hasText: 'parkeerdruk' }).getAttribute('value');
      await page.selectOption('#veld-goalId', goal!);
      await page.fill(
        '#veld-mechanism',
        'Op het nieuwe Parkplein staan minder auto’s. Wie met de auto naar het centrum komt, parkeert in de garage of op het P+R-terrein. Zo blijven er in de straten meer plekken over voor bewoners.',
      );
      await go(page, 'todo-change-parking-rule-6-fixed', () => page.getByRole('button', { name: 'Bijdrage toevoegen' }).click());
      expect(pathOf(page)).toMatch(/\/editor\/voorbeeldstad\/veranderingen\/[^/]+$/);
      expect(await page.getByText('Opgeslagen. De legitimiteitscheck hieronder is bijgewerkt.').count()).toBe(1);
      expect(await todo(page, 6).count(), 'rule 6 left the to-do list').toBe(0);
      expect((await passed(page)).some((t) => t.startsWith('6. ')), 'rule 6 passes').toBe(true);
      const afterRule6 = await scoreOf(page);
      expect(afterRule6).toBeGreaterThan(start);

      // Rule 9: nobody told the mantelzorgers what the change means for them.
      const fix = todo(page, 9).locator('li', { hasText: 'Mantelzorgers' }).getByRole('link');
      expect(await fix.count(), 'rule 9 names the mantelzorgers').toBe(1);
      await go(page, 'todo-impact-mantelzorgers', () => fix.click());
      expect(page.url()).toMatch(/\/editor\/voorbeeldstad\/gevolgen\/[^/]+\/bewerken#veld-meaning$/);
      await page.fill(
        '#veld-meaning',
        'Zorgt u voor iemand in de Parkwijk? Dan betaalt u voor parkeren, net als andere bezoekers. Er komt geen aparte regeling voor mantelzorgers. Over een jaar kijkt de gemeente hier opnieuw naar.',
      );
      await go(page, 'todo-impact-saved', () => page.getByRole('button', { name: 'Opslaan', exact: true }).click());
      if (!/\/veranderingen\//.test(pathOf(page))) {
        await go(page, 'todo-change-parking-rule-9-fixed', () => page.getByRole('link', { name: 'Betaald parkeren in de Parkwijk' }).first().click());
      }
      expect(await todo(page, 9).count(), 'rule 9 left the to-do list').toBe(0);
      expect((await passed(page)).some((t) => t.startsWith('9. ')), 'rule 9 passes').toBe(true);
      expect(await scoreOf(page)).toBeGreaterThan(afterRule6);

      // The same change page on a phone: readable without sideways scrolling.
      await page.setViewportSize({ width: 375, height: 800 });
      await check(page, 'todo-change-parking-fixed');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the change page scrolls sideways at 375 px').toBeLessThanOrEqual(0);
      await page.context().close();
      expect(foreign).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'editing an adopted goal warns first, and the goal shows as unanchored on the portal',
    async () => {
      const page = await newPage();
      await logIn(page, EDITOR, 'goal', 'mouse');
      const title = 'Restafval om de twee weken';
      await go(page, 'goal-change-waste', () => page.getByRole('link', { name: title }).click());
      expect(await scoreOf(page), 'the complete change scores 100').toBe(100);
      const changePath = pathOf(page);

      const goal = page.locator('#doelen li', { hasText: 'Minder restafval' });
      expect(await goal.textContent()).toContain('verankerd');
      await go(page, 'goal-form', () => goal.getByRole('link').first().click());
      expect(await page.getByText(ADOPTION_WARNING).count(), 'the form says the goal is adopted').toBeGreaterThan(0);
      expect(await page.inputValue('#veld-targetValue')).toBe('125');
      await page.fill('#veld-targetValue', '120');
      await go(page, 'goal-confirm', () => page.getByRole('button', { name: 'Opslaan', exact: true }).click());
      const warning = page.getByRole('alert').filter({ hasText: 'Weet u het zeker?' });
      expect(await warning.textContent()).toContain(ADOPTION_WARNING);
      expect(await warning.textContent()).toContain('U wijzigt: Streefwaarde');
      expect(await page.inputValue('#veld-targetValue'), 'what was typed is kept').toBe('120');
      await go(page, 'goal-change-waste-unanchored', () => page.getByRole('button', { name: 'Ja, maak een nieuwe versie' }).click());
      expect(pathOf(page)).toBe(changePath);
      expect(await page.locator('#doelen li', { hasText: 'Minder restafval' }).textContent()).toContain('versie 2, gewijzigd na vaststelling');
      expect(await page.getByRole('link', { name: 'Dit doel is gewijzigd na vaststelling: leg de nieuwe versie voor aan een besluit' }).count()).toBe(1);
      const after = await scoreOf(page);
      expect(after, 'the legitimacy score drops').toBeLessThan(100);
      await go(page, 'goal-dashboard', () => page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Gemeente Voorbeeldstad' }).click());
      expect(await page.getByRole('row', { name: new RegExp(title) }).textContent()).toContain(`${after}%`);

      // The portal tells citizens the goal changed after the council's decision.
      await go(page, 'goal-portal-unanchored', () => page.goto(`${origin}/${ORG}/veranderingen/${slugs.get(title)!}`));
      expect(await page.getByText('Let op: dit doel is gewijzigd na het besluit').count()).toBe(1);
      await page.context().close();
      expect(foreign).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'the moderator clears the queue with the keyboard alone, and the published reaction shows on the portal',
    async () => {
      // A citizen reacts first, so the queue holds the demo's waiting reaction and one to reject.
      const citizenName = 'Browsertest';
      const rejected = 'Een reactie uit de browsertest die de moderator afwijst.';
      const citizen = await newPage();
      await citizen.goto(`${origin}/${ORG}/veranderingen/${reacted}/reageren`);
      await citizen.fill('#veld-displayName', citizenName);
      await citizen.selectOption('#veld-role', 'inwoner');
      await citizen.fill('#veld-text', rejected);
      await citizen.waitForTimeout(3_100); // reactions sent within 3 seconds of the form are refused
      expect(await navigate(citizen, () => citizen.click('form button[type=submit]'))).toBe(200);
      expect(await citizen.locator('h1').textContent()).toContain('Even geduld');
      await citizen.context().close();

      const page = await newPage();
      await logIn(page, MODERATOR, 'moderator', 'keyboard');
      await tabTo(page, 'the moderation link', (f) => f.tag === 'a' && f.text === 'Reacties modereren');
      await go(page, 'moderator-queue', () => page.keyboard.press('Enter'));
      expect(pathOf(page)).toBe(`/editor/${ORG}/moderatie`);

      const published: { text: string; href: string }[] = [];
      for (let round = 0; round < 10; round++) {
        const items = page.locator('ol.helder-todo > li');
        if ((await items.count()) === 0) break;
        const first = items.first();
        const name = (await first.locator('h2').textContent())!.trim();
        if (name === citizenName) {
          // Reject: without a reason the form comes back with the error, then with a reason typed.
          await tabTo(page, `"Afwijzen" of ${name}`, (f) => f.tag === 'button' && f.text === `Afwijzen: reactie van ${name}`);
          await go(page, `moderator-reject-without-reason`, () => page.keyboard.press('Enter'), 422);
          expect(await page.title()).toMatch(/^Fout: /);
          await tabTo(page, `"Afwijzen" of ${name}`, (f) => f.tag === 'button' && f.text === `Afwijzen: reactie van ${name}`);
          const reason = await tabTo(page, 'the reason', (f) => f.tag === 'input' && f.id.startsWith('veld-reason-'), 'Shift+Tab');
          expect(reason.invalid, 'the reason field is marked invalid').toBe(true);
          await page.keyboard.type('Test, geen echte reactie.');
          await page.keyboard.press('Tab');
          expect((await focused(page))?.text).toBe(`Afwijzen: reactie van ${name}`);
          await go(page, `moderator-rejected`, () => page.keyboard.press('Space'));
          expect(await page.getByText('De reactie is afgewezen.').count()).toBe(1);
        } else {
          published.push({ text: (await first.locator('blockquote').textContent())!.trim(), href: (await first.getByRole('link').first().getAttribute('href'))! });
          await tabTo(page, `"Publiceren" of ${name}`, (f) => f.tag === 'button' && f.text === `Publiceren: reactie van ${name}`);
          await go(page, `moderator-published-${published.length}`, () => page.keyboard.press('Enter'));
          expect(await page.getByText('De reactie is gepubliceerd.').count()).toBe(1);
        }
      }
      expect(await page.getByText('Er wacht niets. Alle reacties zijn bekeken.').count(), 'the queue is empty').toBe(1);
      expect(published.length, 'the demo has a reaction waiting').toBeGreaterThan(0);

      for (const { text, href } of published) {
        await go(page, 'moderator-portal-reactions', () => page.goto(`${origin}${href}/reacties`));
        expect(await page.getByText(text).count(), `"${text}" shows on the portal`).toBeGreaterThan(0);
      }
      expect(await page.getByText(rejected).count(), 'the rejected reaction stays off the portal').toBe(0);
      await page.context().close();
      expect(foreign).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it('made no request outside the test server and logged no error in the browser', () => {
    expect(audited.length, 'pages checked').toBeGreaterThan(15);
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
