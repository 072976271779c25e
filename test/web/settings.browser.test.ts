/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Settings in a real browser (Debian's Chromium through playwright-core): an administrator edits
 * the profile's working hours, targets and rule severities (and a refused value changes nothing),
 * a comms officer reads the profile but cannot change it, roles change what a person can open
 * (GOV-5), the last administrator is kept, and the audit log viewer filters, pages and exports.
 * axe-core checks every settings page at WCAG 2.2 AA, and at 320 px wide nothing scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireItem } from '../helpers/desk.js';
import {
  type BrowserDesk,
  expectAccessible,
  goTo,
  hasChromium,
  startBrowserDesk,
} from './browser.js';

const PALS_ITEM =
  'I want to complain about how long my mum waited in outpatients on Friday, nobody told us anything.';

describe.skipIf(!hasChromium)('settings in Chromium', { timeout: 180_000 }, () => {
  let d: BrowserDesk;
  let settings: string;
  let palsItem: number;

  const openPage = (email: string, width = 1280) => d.open(email, { width });
  const go = goTo;
  const submit = async (page: Page, name: string) => {
    await page.getByRole('button', { name }).click();
    await page.waitForLoadState('load');
  };
  const mondayText = (page: Page) =>
    page
      .locator('#hours ~ dl')
      .first()
      .locator('.nhsuk-summary-list__row', { hasText: 'Monday' })
      .locator('dd')
      .textContent();

  beforeAll(async () => {
    d = await startBrowserDesk();
    settings = `/orgs/${d.org.slug}/settings`;
    const manager = await d.as('comms_manager');
    const res = await manager.post(`/api/orgs/${d.org.slug}/items`, {
      items: [wireItem('pals', PALS_ITEM)],
    });
    expect(res.statusCode).toBe(200);
    palsItem = (res.json() as { results: { id: number }[] }).results[0]!.id;
    const handed = await manager.post(`/api/orgs/${d.org.slug}/items/${palsItem}/handoffs`, {
      route: 'pals',
    });
    expect(handed.statusCode).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('an administrator changes Monday’s hours; a closing time before the opening is refused in place and nothing changes; both audited only when saved', async () => {
    const page = await openPage(d.people.administrator.email);
    await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(settings);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Policy profile' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('#hours ~ p').first().textContent()).resolves.toContain(
      'Base profile (nhs-default)',
    );
    expect(await mondayText(page)).toBe('09:00 to 17:00');

    await page.getByRole('link', { name: 'Change working hours and closure days' }).click();
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await page.locator('#monday-opens').fill('08:00');
    await page.locator('#monday-closes').fill('18:30');
    await page.getByLabel('Closure days').fill('2026-12-29');
    await submit(page, 'Save working hours');
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Working hours saved',
    );
    expect(await mondayText(page)).toBe('08:00 to 18:30');
    await expect(page.locator('#hours ~ p').first().textContent()).resolves.toContain(
      'Organisation override',
    );
    await expect(page.locator('main').textContent()).resolves.toContain('2026-12-29');
    await expectAccessible(page);
    const saved = (await d.desk.store.organisations.get(d.org.id))!.profileOverride;

    // Closing before opening: the error summary links to the field, the message is beside it.
    await go(page, `${settings}/profile/hours`);
    await page.locator('#monday-opens').fill('17:00');
    await page.locator('#monday-closes').fill('09:00');
    await submit(page, 'Save working hours');
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('closing time must be after');
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#monday-closes');
    await expect(page.locator('#monday-closes-error').textContent()).resolves.toContain(
      'closing time must be after',
    );
    // What was typed stays in the form.
    expect(await page.locator('#monday-opens').inputValue()).toBe('17:00');
    await expectAccessible(page);
    expect((await d.desk.store.organisations.get(d.org.id))!.profileOverride).toBe(saved);
    await go(page, `${settings}/profile`);
    expect(await mondayText(page)).toBe('08:00 to 18:30');

    // Targets and a rule severity too; the rule keeps its clause.
    await go(page, `${settings}/profile/targets`);
    await expectAccessible(page);
    await page.getByLabel('First response, in working minutes').fill('90');
    await submit(page, 'Save response targets');
    await expect(page.locator('main').textContent()).resolves.toContain('90 working minutes');
    await go(page, `${settings}/profile/rules`);
    await expectAccessible(page);
    await page.locator('#rule-pii-phone').selectOption('warn');
    await submit(page, 'Save rule severities');
    const row = page.locator('tr[data-rule="pii.phone"]');
    await expect(row.textContent()).resolves.toContain('Warn');
    await expect(row.textContent()).resolves.toContain('organisation’s change');
    await expect(row.textContent()).resolves.toContain('Commsdesk default (PUB-3)');

    // The audit log has exactly the three saved changes.
    await go(page, `/orgs/${d.org.slug}/audit?action=profile.changed`);
    const rows = page.locator('[data-desk-audit] tbody tr');
    expect(await rows.count()).toBe(3);
    for (const text of await rows.allTextContents()) expect(text).toContain('profile.changed');
    await expect(rows.first().textContent()).resolves.toContain(
      `administrator of trust`, // who did it, by name
    );
  });

  it('a comms officer reads the profile but sees no edit forms; a POST from them is refused with a 403 page', async () => {
    const page = await openPage(d.people.comms_officer.email);
    await go(page, `${settings}/profile`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Policy profile');
    await expect(page.locator('main').textContent()).resolves.toContain('Routes and teams');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Patient Advice and Liaison Service',
    );
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Change / }).count()).toBe(0);
    await expectAccessible(page);
    const editPage = await go(page, `${settings}/profile/hours`);
    expect(editPage?.status()).toBe(403);

    // A hand-made form post with the officer's own CSRF token is refused too.
    await go(page, '/sign-out');
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    await go(page, `${settings}/profile`);
    const before = (await d.desk.store.organisations.get(d.org.id))!.profileOverride;
    const res = await page.evaluate(
      async ([url, token]) => {
        const r = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            _csrf: token!,
            responseWorkingMinutes: '1',
            urgentMinutes: '1',
            foiWorkingDays: '1',
            consultWorkingMinutes: '1',
            oncallAckMinutes: '1',
          }).toString(),
        });
        return { status: r.status, text: await r.text() };
      },
      [`${settings}/profile/targets`, csrf],
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain('You cannot do this');
    expect(res.text).toContain('settings.manage');
    expect((await d.desk.store.organisations.get(d.org.id))!.profileOverride).toBe(before);
    // People are not theirs to manage either.
    expect((await go(page, `${settings}/people`))?.status()).toBe(403);
  });

  it('[GOV-5] an administrator gives a person the PALS role; the person’s access changes accordingly', async () => {
    const person = await openPage(d.people.staff.email);
    const itemPath = `/orgs/${d.org.slug}/items/${palsItem}`;
    const refused = await go(person, itemPath);
    expect([403, 404]).toContain(refused?.status());

    const admin = await openPage(d.people.administrator.email);
    await go(admin, `${settings}/people`);
    await expectAccessible(admin);
    const table = admin.locator('[data-desk-members]');
    await expect(table.textContent()).resolves.toContain('Staff member');
    await admin.getByRole('link', { name: 'staff of trust' }).click();
    await admin.waitForLoadState('load');
    await expectAccessible(admin);
    await admin.getByRole('checkbox', { name: /^Staff member/ }).uncheck();
    await admin.getByRole('checkbox', { name: /^PALS/ }).check();
    await submit(admin, 'Save roles');
    await expect(admin.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Roles saved',
    );
    await expect(admin.locator('[data-desk-roles]').textContent()).resolves.toBe('PALS');

    const allowed = await go(person, itemPath);
    expect(allowed?.status()).toBe(200);
    // The text carries evidence marks with numbered references: read it without them.
    const shown = ((await person.locator('main').textContent()) ?? '')
      .replace(/\[\d+\]/g, '')
      .replace(/\s+/g, ' ');
    expect(shown).toContain('waited in outpatients');
    // Their navigation says so; they still see no inbox.
    await expect(person.locator('header').textContent()).resolves.toContain('Handed to your team');
    expect((await go(person, `/orgs/${d.org.slug}/inbox`))?.status()).toBe(403);

    // Adding a person: a missing role is refused beside the field, then it works.
    await go(admin, `${settings}/people`);
    await admin.getByLabel('Email address').fill('new.officer@example.nhs.uk');
    await admin.getByLabel('Name', { exact: true }).fill('New Officer');
    await submit(admin, 'Add person');
    await expect(admin.locator('#roles-error').textContent()).resolves.toContain(
      'Choose at least one role',
    );
    await expectAccessible(admin);
    await admin.getByRole('checkbox', { name: /^Communications officer/ }).check();
    await submit(admin, 'Add person');
    await expect(admin.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Person added',
    );
    await expect(table.textContent()).resolves.toContain('New Officer');

    // The last administrator keeps the role.
    await admin.getByRole('link', { name: 'administrator of trust' }).click();
    await admin.waitForLoadState('load');
    await admin.getByRole('checkbox', { name: /^Administrator/ }).uncheck();
    await admin.getByRole('checkbox', { name: /^Auditor/ }).check();
    await submit(admin, 'Save roles');
    await expect(admin.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'last administrator',
    );
    await expect(admin.locator('[data-desk-roles]').textContent()).resolves.toBe('Administrator');
    await expectAccessible(admin);

    // Removing someone signs them out and takes their access.
    await go(admin, `${settings}/people`);
    await admin.getByRole('link', { name: 'New Officer' }).click();
    await admin.waitForLoadState('load');
    await submit(admin, 'Remove New Officer');
    await expect(admin.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Removed',
    );
    expect(await admin.locator('[data-desk-members]').textContent()).not.toContain('New Officer');
  });

  it('[GOV-1] the audit viewer filters by action and pages; an auditor downloads the CSV', async () => {
    const page = await openPage(d.people.auditor.email);
    await go(page, `/orgs/${d.org.slug}/audit`);
    const total = Number(
      /^(\d+)/.exec((await page.locator('[data-desk-audit-total]').textContent()) ?? '')![1],
    );
    expect(total).toBeGreaterThan(3);
    await page.getByLabel('Action').selectOption('member.roles');
    await submit(page, 'Show entries');
    expect(new URL(page.url()).searchParams.get('action')).toBe('member.roles');
    const rows = page.locator('[data-desk-audit] tbody tr');
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThan(total);
    for (const t of texts) expect(t).toContain('member.roles');
    await expectAccessible(page);

    // A date the other way round is refused beside the field.
    await page.getByLabel('From').fill('2026-03-05');
    await page.getByLabel('To').fill('2026-03-01');
    await submit(page, 'Show entries');
    await expect(page.locator('#audit-to-error').textContent()).resolves.toContain(
      'same as or after',
    );
    await expectAccessible(page);

    await go(page, `/orgs/${d.org.slug}/audit?action=member.roles`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"seq","at","actor","actor_name","action","subject_type","subject_id","before","after","prev_hash","hash"',
    );
    expect(lines.length - 1).toBe(texts.length);
    for (const line of lines.slice(1)) expect(line).toContain('"member.roles"');
    // No comment text ever reaches the log, so none reaches the export.
    expect(csv).not.toContain('nobody told us anything');

    // JSON too; and someone without audit.export gets no links and a 403.
    const json = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return (await r.json()) as { records: { action: string }[] };
    }, `/orgs/${d.org.slug}/audit/export.json?action=member.roles`);
    expect(json.records.map((r) => r.action)).toEqual(texts.map(() => 'member.roles'));
    const manager = await openPage(d.people.comms_manager.email);
    await go(manager, `/orgs/${d.org.slug}/audit`);
    expect(await manager.getByRole('link', { name: /^CSV/ }).count()).toBe(0);
    expect((await go(manager, `/orgs/${d.org.slug}/audit/export.csv`))?.status()).toBe(403);
  });

  it('every settings page passes axe and fits 320 px without sideways scrolling', async () => {
    const page = await openPage(d.people.administrator.email, 320);
    const person = d.people.comms_officer.id;
    for (const path of [
      settings,
      `${settings}/profile`,
      `${settings}/profile/hours`,
      `${settings}/profile/targets`,
      `${settings}/profile/rules`,
      `${settings}/people`,
      `${settings}/people/${person}`,
      `/orgs/${d.org.slug}/audit`,
    ]) {
      const res = await go(page, path);
      expect(res?.status(), path).toBe(200);
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
});
