/**
 * `npm run screenshots` — pictures of the main pages of the demo desk for docs/screenshots/ and
 * the README. Starts `serve --demo` in a temporary data directory, signs in as the demo people
 * through the sign-in page in Debian's Chromium (playwright-core; no browser download) and saves
 * one PNG per page. Pages a role cannot open are reported, not fatal.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/server/config.js';
import { silentLogger } from '../src/server/context.js';
import { serve } from '../src/server/serve.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = resolve(import.meta.dirname, '../docs/screenshots');

interface Shot {
  file: string;
  who: string;
  path: string | ((page: Page) => Promise<string>);
  width?: number;
  /** The whole page rather than the first screenful (1280 × 1000). */
  full?: boolean;
  /** Runs after the page loads, before the picture (e.g. fill a form). */
  prepare?: (page: Page) => Promise<void>;
}

const firstUrgentItem = async (page: Page) => {
  await page.goto('/orgs/demo/inbox?urgent=1');
  const href = await page
    .locator('[data-desk-items] tbody tr a.desk-items__link')
    .first()
    .getAttribute('href');
  return href ?? '/orgs/demo/inbox';
};

const SHOTS: Shot[] = [
  { file: 'sign-in.png', who: '', path: '/sign-in' },
  { file: 'inbox.png', who: 'officer', path: '/orgs/demo/inbox' },
  { file: 'item-urgent.png', who: 'officer', path: firstUrgentItem, full: true },
  { file: 'inbox-320px.png', who: 'officer', path: '/orgs/demo/inbox', width: 320 },
  { file: 'handoffs-pals.png', who: 'pals', path: '/orgs/demo/handoffs' },
  { file: 'posts.png', who: 'manager', path: '/orgs/demo/posts' },
  {
    file: 'post-composer-live-check.png',
    who: 'officer',
    path: '/orgs/demo/posts/new',
    prepare: async (page) => {
      const text = page.locator('textarea[name="text"]');
      await text.fill('Lovely to meet Mrs Jones (NHS number 943 476 5919) on ward 4 today!');
      await page.waitForTimeout(600);
    },
  },
  { file: 'calendar.png', who: 'manager', path: '/orgs/demo/posts/calendar' },
  {
    file: 'pause-before-you-post.png',
    who: 'staff',
    path: '/orgs/demo/check',
    prepare: async (page) => {
      await page
        .locator('textarea')
        .first()
        .fill('Another 12 hour shift with no break. This trust treats its nurses like dirt.');
      await page.getByRole('button', { name: /check/i }).first().click();
      await page.waitForLoadState('load');
    },
  },
  { file: 'oncall.png', who: 'oncall', path: '/orgs/demo/oncall' },
  { file: 'crisis.png', who: 'manager', path: '/orgs/demo/crisis' },
  { file: 'settings-profile.png', who: 'admin', path: '/orgs/demo/settings/profile' },
  { file: 'audit.png', who: 'auditor', path: '/orgs/demo/audit?verify=1' },
];

async function signIn(browser: Browser, url: string, who: string, password: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, baseURL: url });
  // Closed network: NHS.UK's web fonts are answered empty at once (fallback fonts render).
  await context.route(
    (u) => !u.href.startsWith(url),
    (route) => route.fulfill({ status: 204, body: '' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  if (who) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(`${who}@example.nhs.uk`);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname !== '/sign-in');
  }
  return page;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-shots-'));
  const running = await serve(
    loadConfig({ port: 0, dataDir, demo: true, services: 'api,worker', env: {} }),
    silentLogger,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const problems: string[] = [];
  try {
    const password = readFileSync(join(dataDir, 'demo-password.txt'), 'utf8').trim();
    const url = running.url;
    if (!url) throw new Error('the desk did not start its web server');
    for (const shot of SHOTS) {
      const page = await signIn(browser, url, shot.who, password, shot.width ?? 1280);
      try {
        const path = typeof shot.path === 'string' ? shot.path : await shot.path(page);
        const res = await page.goto(path);
        await page.waitForLoadState('load');
        if (!res || res.status() >= 400) {
          problems.push(`${shot.file}: ${path} answered ${res?.status()}`);
          continue;
        }
        await shot.prepare?.(page);
        await page.screenshot({ path: join(out, shot.file), fullPage: shot.full === true });
        console.log(`saved docs/screenshots/${shot.file} (${path} as ${shot.who || 'nobody'})`);
      } catch (error) {
        problems.push(`${shot.file}: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`\nNot saved:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
