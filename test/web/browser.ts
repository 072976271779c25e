/**
 * Browser test helpers: a real desk listening on a random port (test/helpers/desk.ts, then
 * `listen`), Debian's Chromium driven by playwright-core with the flags this machine needs
 * (no browser download), sign-in through the page, and axe-core at WCAG 2.2 AA.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD, startTestDesk, type TestDesk, type TestDeskOptions } from '../helpers/desk.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Flags from /work/.library/env/machines/node-svc.md: headless, as root, closed network. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface BrowserDesk extends TestDesk {
  url: string;
  browser: Browser;
  /** A fresh browser context (its own cookies); `javaScript: false` for the no-JS journeys. */
  context(options?: { javaScript?: boolean; width?: number }): Promise<BrowserContext>;
  /** A page in a fresh context, signed in as `email` through the sign-in page, loaded. */
  open(email: string, options?: { javaScript?: boolean; width?: number }): Promise<Page>;
  /** A verified sandbox account managed by the comms officer and manager (to post from). */
  addSandboxAccount(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBrowserDesk(options: TestDeskOptions = {}): Promise<BrowserDesk> {
  const t = await startTestDesk(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const contexts: BrowserContext[] = [];
  const desk: BrowserDesk = {
    ...t,
    url: `http://127.0.0.1:${port}`,
    browser,
    async context({ javaScript = true, width = 1280 } = {}) {
      const c = await browser.newContext({
        javaScriptEnabled: javaScript,
        viewport: { width, height: 900 },
        baseURL: `http://127.0.0.1:${port}`,
      });
      // The closed network here: answer anything not on this desk at once (NHS.UK's web
      // fonts on assets.nhs.uk) instead of waiting for a DNS failure; fallback fonts render.
      await c.route(
        (url) => url.host !== `127.0.0.1:${port}`,
        (route) => route.fulfill({ status: 204, body: '' }),
      );
      contexts.push(c);
      return c;
    },
    async open(email, options = {}) {
      const page = await (await desk.context(options)).newPage();
      // Generous: the machine running the suite may be busy; a real hang still fails.
      page.setDefaultTimeout(60_000);
      await signIn(page, email, PASSWORD);
      await page.waitForLoadState('load');
      return page;
    },
    async addSandboxAccount() {
      await t.desk.store.accounts.create(
        t.org.id,
        {
          platform: 'sandbox',
          handle: 'trust-sandbox',
          ownerTeam: 'Communications',
          managers: [t.people.comms_manager.id, t.people.comms_officer.id],
          verificationStatus: 'verified',
        },
        t.clock.now(),
      );
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
  return desk;
}

/** Sign in through the sign-in page; resolves on the page the desk lands on. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // `click` returns once the navigation starts: wait until the desk has landed elsewhere.
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** axe-core at WCAG 2.2 AA: returns the violations in words (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

/** axe-core finds nothing at WCAG 2.2 AA on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/** Go to a path and wait until the page has loaded (returns the response). */
export async function goTo(page: Page, path: string) {
  const res = await page.goto(path);
  await page.waitForLoadState('load');
  return res;
}
