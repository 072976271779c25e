/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The web desk in a real browser (Debian's Chromium through playwright-core): sign in, the inbox,
 * an item worked end to end (evidence → checklist → labels → hand-off to PALS → erase), an FOI
 * hand-off with its 20-working-day deadline, the audit chain for an auditor, the organisation
 * switcher, 320 px screens, the keyboard and live-arrival enhancements, and the whole key flow
 * again with JavaScript off. axe-core checks every page at WCAG 2.2 AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { silentLogger } from '../../src/server/context.js';
import { serve } from '../../src/server/serve.js';
import { PASSWORD, wireItem } from '../helpers/desk.js';
import {
  type BrowserDesk,
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserDesk,
} from './browser.js';

const SAFETY =
  'My dad has been on ward 7 since Tuesday and nobody has given him his insulin since last night, we keep asking and are told to wait. He is getting confused.';
const FOI =
  'Please can you tell me how much the trust spent on agency nurses in 2024/25, broken down by month. Ken Adebayo, 1 High Street, Anytown, ken.adebayo@example.com';
const PRAISE = 'The midwives on delivery suite were absolute angels last week, thank you!';
const HOSTILE = '<img src=x onerror="window.__xss=1"> What are the visiting hours on ward 3?';

describe.skipIf(!hasChromium)('web desk in Chromium', { timeout: 120_000 }, () => {
  let d: BrowserDesk;
  let ids: Record<'safety' | 'foi' | 'praise' | 'hostile' | 'nojs', number>;
  let inbox: string;
  const consoleErrors: string[] = [];

  const openPage = async (email: string, javaScript = true, width = 1280) => {
    const context = await d.context({ javaScript, width });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    page.on('console', (m) => {
      // A refused form answers 400/403 on purpose; the browser logs that as a failed load.
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text()))
        consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    await signIn(page, email);
    return page;
  };

  beforeAll(async () => {
    d = await startBrowserDesk();
    inbox = `/orgs/${d.org.slug}/inbox`;
    const api = await d.as('comms_manager');
    const res = await api.post(`/api/orgs/${d.org.slug}/items`, {
      items: [
        wireItem('safety', SAFETY),
        wireItem('foi', FOI),
        wireItem('praise', PRAISE, { platform: 'instagram' }),
        wireItem('hostile', HOSTILE),
        wireItem('nojs', 'My mum was left on a trolley in a corridor all night and had a fall.'),
      ],
    });
    expect(res.statusCode).toBe(200);
    const r = (res.json() as { results: { id: number }[] }).results;
    ids = { safety: r[0]!.id, foi: r[1]!.id, praise: r[2]!.id, hostile: r[3]!.id, nojs: r[4]!.id };
  }, 120_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('[GOV-5] / sends a visitor to sign-in; a wrong password gets an accessible error summary', async () => {
    const context = await d.context();
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.locator('h1').textContent()).resolves.toContain('Sign in');
    await expectAccessible(page);
    await page.getByLabel('Email address').fill(d.people.comms_officer.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('do not match');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
  });

  it('[INB-1] the inbox lists every item, urgent first, with labels, due time and filters', async () => {
    const page = await openPage(d.people.comms_manager.email);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(inbox);
    const rows = page.locator('[data-desk-items] tbody tr');
    expect(await rows.count()).toBe(5);
    await expect(rows.first().textContent()).resolves.toContain('Urgent');
    const safety = page.locator(`tr[data-item-id="${ids.safety}"]`);
    await expect(safety.textContent()).resolves.toContain('Urgent');
    await expect(safety.textContent()).resolves.toContain('Patient safety');
    await expect(safety.textContent()).resolves.toMatch(/\d+ (h|min).* left|Overdue/);
    // Urgent items come before the rest.
    const urgency = await rows.evaluateAll((rs) =>
      rs.map((r) => r.classList.contains('desk-items__row--urgent')),
    );
    expect(urgency).toEqual([...urgency].sort((a, b) => Number(b) - Number(a)));
    await expect(page.locator('.nhsuk-card--warning').first().textContent()).resolves.toContain(
      'Urgent items',
    );
    // User content is text, never markup.
    await expect(
      page.locator(`tr[data-item-id="${ids.hostile}"]`).textContent(),
    ).resolves.toContain('<img src=x');
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    await expectAccessible(page);

    await page.locator('summary', { hasText: 'Filter the inbox' }).click();
    await page.getByLabel('Label').selectOption('foi_request');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/label=foi_request/);
    const filtered = page.locator('[data-desk-items] tbody tr');
    expect(await filtered.count()).toBe(1);
    expect(await filtered.first().getAttribute('data-item-id')).toBe(String(ids.foi));
    await expectAccessible(page);

    // The platform filter: only the Instagram item.
    await page.goto(`${inbox}?platform=instagram`);
    await page.waitForLoadState('load');
    const onInstagram = page.locator('[data-desk-items] tbody tr');
    expect(await onInstagram.count()).toBe(1);
    expect(await onInstagram.first().getAttribute('data-item-id')).toBe(String(ids.praise));

    await page.goto(`/orgs/${d.org.slug}/search?q=midwives`);
    expect(await page.locator('[data-desk-items] tbody tr').count()).toBe(1);
    await expectAccessible(page);
  });

  it('[INB-6] [INB-8] [INB-11] an urgent patient-safety item: evidence marked, checklist, label correction, hand-off to PALS, erase', async () => {
    const page = await openPage(d.people.comms_manager.email);
    await page.locator(`tr[data-item-id="${ids.safety}"] a.desk-items__link`).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/orgs/${d.org.slug}/items/${ids.safety}`);
    // Evidence: marked spans in the text, each explained with its signal and clause.
    const marks = page.locator('[data-desk-text] mark');
    // count() does not wait: wait for the page's first mark before counting.
    await marks.first().waitFor({ timeout: 10_000 });
    expect(await marks.count()).toBeGreaterThan(0);
    const marked = await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute('data-labels')));
    expect(marked.join(' ')).toContain('patient_safety');
    const evidence = page.locator('.desk-evidence-list li', { hasText: 'Patient safety' }).first();
    await expect(evidence.textContent()).resolves.toMatch(/Signal patient_safety\.\w+/);
    await expect(evidence.textContent()).resolves.toContain('Clause');
    await expect(page.locator('.desk-urgent').textContent()).resolves.toContain('Urgent');
    await expectAccessible(page);

    // Tick the first step of the checklist.
    const step = page.locator('.desk-checklist__step').first();
    const stepTitle = (await step.locator('h3').textContent())!.trim().split('\n')[0]!.trim();
    await step.getByRole('button', { name: /Mark done/ }).click();
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Step recorded',
    );
    const doneStep = page.locator('.desk-checklist__step', { hasText: stepTitle }).first();
    await expect(doneStep.textContent()).resolves.toContain('Done by');

    // A label correction without a reason: the error summary links to the field.
    await page.getByLabel('Media enquiry').check();
    await page.getByRole('button', { name: 'Save the labels' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('Say why');
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#reason');
    await expectAccessible(page);
    await page.getByLabel('Media enquiry').check();
    await page.getByLabel('Why the labels were wrong').fill('The family is also complaining');
    await page.getByRole('button', { name: 'Save the labels' }).click();
    await expect(page.locator('#labels-now').textContent()).resolves.toContain('Media enquiry');
    await expect(page.locator('main').textContent()).resolves.toContain('Media enquiry added by');

    // Hand off to PALS: the record says to whom, when, and when it is due.
    await page.getByRole('radio', { name: /^PALS:/ }).check();
    await page.getByLabel('Note for the team (optional)').fill('Family worried about insulin');
    await page.getByRole('button', { name: 'Hand off' }).click();
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Handed off',
    );
    const handoffs = page.locator('h2:has-text("Hand-offs") + ul');
    await expect(handoffs.textContent()).resolves.toMatch(/Handed to .*Patient Advice.*Due /s);
    await expectAccessible(page);

    // Erase: first without confirming, then for real.
    await page.getByRole('button', { name: 'Erase' }).click();
    await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'Confirm that the receiving team',
    );
    await expectAccessible(page);
    await page.getByLabel('The receiving team has what it needs').check();
    await page.getByRole('button', { name: 'Erase' }).click();
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'erased',
    );
    expect(await page.locator('[data-desk-text]').count()).toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toContain('insulin');
    await expectAccessible(page);
    await page.goto(`/orgs/${d.org.slug}/search?q=insulin`);
    await expect(page.locator('h2').first().textContent()).resolves.toContain('0 items');
  });

  it('[INB-7] an FOI request is handed to the FOI team and shows its 20-working-day deadline', async () => {
    const page = await openPage(d.people.comms_officer.email);
    await page.goto(`/orgs/${d.org.slug}/items/${ids.foi}`);
    await expect(page.locator('main').textContent()).resolves.toContain('20 working days');
    await page.getByRole('radio', { name: /^FOI:/ }).check();
    await page.getByRole('button', { name: 'Hand off' }).click();
    const handoffs = page.locator('h2:has-text("Hand-offs") + ul');
    await expect(handoffs.textContent()).resolves.toMatch(
      /Freedom of Information.*Due \w{3}, \d{1,2} \w{3} 2026/s,
    );
    // A comms officer may not erase (GOV-5): no erase form.
    expect(await page.getByRole('button', { name: 'Erase', exact: true }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('[GOV-1] an auditor verifies the audit chain and reads, but cannot work, an item', async () => {
    const page = await openPage(d.people.auditor.email);
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Chain verified',
    );
    await expect(page.locator('table').textContent()).resolves.toContain('item.handoff');
    await expectAccessible(page);
    await page.goto(`/orgs/${d.org.slug}/items/${ids.praise}`);
    expect(await page.getByRole('button', { name: 'Hand off' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Mark done/ }).count()).toBe(0);
    await expectAccessible(page);
    // A comms officer has no audit permission: the page says so in words.
    const officer = await openPage(d.people.comms_officer.email);
    const res = await officer.goto(`/orgs/${d.org.slug}/audit`);
    expect(res?.status()).toBe(403);
    await expect(officer.locator('main').textContent()).resolves.toContain('audit.read');
    await expectAccessible(officer);
  });

  it('[GOV-5] a person in two organisations gets the organisation switcher', async () => {
    const other = await d.otherOrganisation();
    const admin = await d.as(other.people.administrator.email);
    const put = await admin.put(`/api/orgs/${other.org.slug}/members/${d.people.pals.id}`, {
      roles: ['comms_officer'],
    });
    expect(put.statusCode).toBe(200);
    const page = await openPage(d.people.pals.email);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/orgs');
    const links = page.locator('main ul a');
    expect(await links.count()).toBe(2);
    await expectAccessible(page);
    await page.getByRole('link', { name: other.org.name }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/orgs/${other.org.slug}/inbox`);
    await expect(page.getByRole('link', { name: 'Switch organisation' }).count()).resolves.toBe(1);
    // The PALS role in the first organisation sees no inbox, only its landing page.
    await page.goto(`/orgs/${d.org.slug}`);
    await expect(page.locator('h1').textContent()).resolves.toContain(d.org.name);
    await expectAccessible(page);
  });

  it('[INB-1] works at 320 px wide without horizontal scrolling', async () => {
    const page = await openPage(d.people.comms_manager.email, true, 320);
    for (const path of [inbox, `/orgs/${d.org.slug}/items/${ids.praise}`]) {
      await page.goto(path);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(-6)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`,
          ),
      );
      expect(wide, `elements wider than 320 px on ${path}`).toEqual([]);
      await expectAccessible(page);
    }
  });

  it('[INB-1] keyboard shortcuts and live arrival of new items (JavaScript on)', async () => {
    const page = await openPage(d.people.comms_officer.email);
    await page.keyboard.press('j');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('tr')?.dataset.itemId,
    );
    expect(focused).toBeDefined();
    await page.keyboard.press('j');
    const second = await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.itemId);
    expect(second).not.toBe(focused);
    const api = await d.as('comms_officer');
    await api.post(`/api/orgs/${d.org.slug}/items`, {
      items: [wireItem('live', 'Is the car park at the main entrance open tonight?')],
    });
    await page.evaluate(() =>
      document.getElementById('desk-live')?.dispatchEvent(new Event('desk:poll')),
    );
    await page.waitForSelector('#desk-live p');
    await expect(page.locator('#desk-live').textContent()).resolves.toContain(
      '1 new item has arrived',
    );
    await expectAccessible(page);

    // `a` assigns the item you are on to yourself through the bulk form.
    await page.goto(inbox);
    await page.waitForLoadState('load');
    await page.keyboard.press('j');
    const onIt = await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.itemId);
    expect(onIt).toBeDefined();
    await page.keyboard.press('a');
    await page.waitForURL((u) => u.searchParams.get('done') === 'bulk_assign_me');
    await page.waitForLoadState('load');
    const assigned = (await api.get(`/api/orgs/${d.org.slug}/items/${onIt}`)).json().item;
    expect(assigned.assignee_id).toBe(d.people.comms_officer.id);
    await expect(page.locator(`tr[data-item-id="${onIt}"]`).textContent()).resolves.toContain(
      'Assigned to',
    );
    expect(consoleErrors, 'no CSP or script errors in the console').toEqual([]);
  });

  it('[INB-8] [INB-11] the key flow works with JavaScript off: sign in, open, hand off to PALS, erase', async () => {
    const page = await openPage(d.people.comms_manager.email, false);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(inbox);
    await page.locator(`tr[data-item-id="${ids.nojs}"] a.desk-items__link`).click();
    await page.getByRole('radio', { name: /^PALS:/ }).check();
    await page.getByRole('button', { name: 'Hand off' }).click();
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Handed off',
    );
    await page.getByLabel('The receiving team has what it needs').check();
    await page.getByRole('button', { name: 'Erase' }).click();
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'erased',
    );
    // axe needs script in the page: these pages were checked in the JavaScript run.

    // Sign out through the confirmation page (the form carries the CSRF token).
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(inbox);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('refuses a form post without the session’s CSRF token', async () => {
    const page = await openPage(d.people.comms_manager.email);
    const status = await page.evaluate(
      async ([url]) => {
        const res = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'status=closed',
        });
        return res.status;
      },
      [`/orgs/${d.org.slug}/items/${ids.praise}/status`],
    );
    expect(status).toBe(403);
    expect(PASSWORD).toBeTruthy();
  });

  it('[INB-1] `serve --demo`: / shows sign-in, and the demo officer lands on the demo inbox', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-demo-'));
    const running = await serve(
      loadConfig({ port: 0, dataDir, demo: true, services: 'api', env: {} }),
      silentLogger,
    );
    try {
      const password = readFileSync(join(dataDir, 'demo-password.txt'), 'utf8').trim();
      const context = await d.browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      await page.goto(`${running.url}/`);
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.getByLabel('Email address').fill('officer@example.nhs.uk');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/orgs/demo/inbox');
      expect(await page.locator('[data-desk-items] tbody tr').count()).toBeGreaterThan(10);
      await expect(page.locator('h1').textContent()).resolves.toContain('Inbox');
      await context.close();
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
