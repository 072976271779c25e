/**
 * Browser test helpers: a real desk listening on a random port (test/helpers/desk.ts, then
 * `listen`), Debian's Chromium driven by playwright-core with the flags this machine needs
 * (no browser download), sign-in through the page, and axe-core at WCAG 2.2 AA.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
  stop(): Promise<void>;
}

export async function startBrowserDesk(options: TestDeskOptions = {}): Promise<BrowserDesk> {
  const t = await startTestDesk(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const contexts: BrowserContext[] = [];
  return {
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
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
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
