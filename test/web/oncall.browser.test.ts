/// <reference lib="dom" />
/**
 * The on-call and crisis mode pages in a real browser (Debian's Chromium through playwright-core).
 * An urgent patient-safety item arrives at 02:00 on a Saturday and is escalated to the on-call
 * manager, who sees it on the on-call page and acknowledges it (INB-4); a comms manager keeps the
 * rota; a comms manager switches crisis mode on and off while an officer can only read it (INB-5),
 * with JavaScript and without; 320 px screens. axe-core checks the pages at WCAG 2.2 AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wireItem } from '../helpers/desk.js';
import {
  type BrowserDesk,
  expectAccessible,
  goTo,
  hasChromium,
  startBrowserDesk,
} from './browser.js';

/** Saturday 7 March 2026, 02:00 in London: out of hours. */
const SATURDAY_2AM = new Date('2026-03-07T02:00:00.000Z');
const URGENT =
  'My dad was given the wrong medication on ward 5 last night and now he cannot breathe properly. Nobody is listening.';

describe.skipIf(!hasChromium)('on-call and crisis pages in Chromium', { timeout: 300_000 }, () => {
  let d: BrowserDesk;
  let oncall: string;
  let crisis: string;
  let urgentId: number;

  const openPage = (email: string, javaScript = true, width = 1280) =>
    d.open(email, { javaScript, width });
  const go = goTo;
  const click = async (page: Page, name: string | RegExp, done: (u: URL) => boolean) => {
    await page.getByRole('button', { name }).click();
    await page.waitForURL(done);
    await page.waitForLoadState('load');
  };

  beforeAll(async () => {
    d = await startBrowserDesk({ now: SATURDAY_2AM });
    oncall = `/orgs/${d.org.slug}/oncall`;
    crisis = `/orgs/${d.org.slug}/crisis`;
    const base = `/api/orgs/${d.org.slug}`;
    // Friday 17:00 to Monday 09:00: the on-call manager first, then the comms officer.
    const manager = await d.as('comms_manager');
    const shift = await manager.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-06T17:00:00.000Z',
      ends_at: '2026-03-09T09:00:00.000Z',
      people: [d.people.oncall_manager.id, d.people.comms_officer.id],
    });
    expect(shift.statusCode).toBe(201);
    // The urgent item arrives through the items API at 02:00: the ingest escalates it at once.
    const officer = await d.as('comms_officer');
    const res = await officer.post(`${base}/items`, {
      items: [wireItem('urgent', URGENT, { received_at: SATURDAY_2AM.toISOString() })],
    });
    expect(res.statusCode).toBe(200);
    urgentId = (res.json() as { results: { id: number }[] }).results[0]!.id;
    const open = await manager.get(`${base}/escalations?open=true`);
    expect((open.json() as { escalations: { item_id: number }[] }).escalations).toEqual([
      expect.objectContaining({ item_id: urgentId }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('[INB-4] an urgent patient-safety item out of hours: the on-call manager sees it and acknowledges it', async () => {
    const page = await openPage(d.people.oncall_manager.email);
    await page.getByRole('link', { name: 'On call', exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === oncall);
    await page.waitForLoadState('load');
    // Who is on call now, until when, and how they are told.
    const duty = (await page.locator('[data-desk-duty]').textContent()) ?? '';
    expect(duty).toContain('oncall_manager of trust');
    expect(duty).toContain('Mon, 9 Mar 2026, 09:00');
    expect(duty).toContain(d.people.oncall_manager.email);
    expect(duty).toContain('comms_officer of trust');
    // The open escalation: the item, why it is urgent, who was told and when, the next level.
    const open = (await page.locator('[data-desk-open-escalations]').textContent()) ?? '';
    expect(open).toContain(`Item ${urgentId}`);
    expect(open).toContain('Patient safety');
    expect(open).toContain('urgent item out of hours');
    expect(open).toContain('oncall_manager of trust (level 1) at Sat, 7 Mar 2026, 02:00');
    // Goes to the next person after the profile's acknowledgement time.
    const ack = d.desk.profiles.forOrganisation(d.org).profile.targets.oncallAckMinutes;
    const next = new Date(SATURDAY_2AM.getTime() + ack * 60_000);
    expect(open).toContain(`Sat, 7 Mar 2026, 02:${String(next.getUTCMinutes()).padStart(2, '0')}`);
    expect(ack).toBeLessThan(60);
    await expect(
      page.locator('[data-desk-open-escalations] a', { hasText: `Item ${urgentId}` }).count(),
    ).resolves.toBe(1);
    // The on-call manager cannot edit the rota (GOV-5: oncall.manage is the comms managers').
    expect(await page.getByRole('button', { name: 'Add shift' }).count()).toBe(0);
    await expectAccessible(page);

    await click(
      page,
      `Acknowledge item ${urgentId}`,
      (u) => u.searchParams.get('done') === 'acknowledged',
    );
    await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'acknowledged',
    );
    await expect(page.locator('[data-desk-open-escalations]').textContent()).resolves.toContain(
      'No open escalations',
    );
    const acks = (await page.locator('[data-desk-acknowledged]').textContent()) ?? '';
    expect(acks).toContain(`Item ${urgentId}`);
    expect(acks).toContain('oncall_manager of trust');
    expect(acks).toContain('0 minutes after the first person was told');
    await expectAccessible(page);

    // The API agrees: the chain stopped, acknowledged by the on-call manager.
    const api = await d.as('comms_manager');
    const list = await api.get(`/api/orgs/${d.org.slug}/items/${urgentId}/escalations`);
    expect(
      (list.json() as { escalations: { acknowledged_by: string | number }[] }).escalations.map(
        (e) => String(e.acknowledged_by),
      ),
    ).toEqual([String(d.people.oncall_manager.id)]);
  });

  it('[INB-4] a comms manager adds a shift to the rota; a shift that ends before it starts is refused beside the field', async () => {
    const page = await openPage(d.people.comms_manager.email);
    await go(page, oncall);
    await page.getByLabel('Starts').fill('2026-03-16T09:00');
    await page.getByLabel('Ends').fill('2026-03-13T17:00');
    await page.getByLabel('Called first').selectOption({ label: 'comms_officer of trust' });
    await click(page, 'Add shift', (u) => u.pathname === `${oncall}/shifts`);
    await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'end before start',
    );
    await expect(page.locator('.nhsuk-error-summary a').first().getAttribute('href')).resolves.toBe(
      '#ends-at',
    );
    await expect(page.locator('#ends-at-error').textContent()).resolves.toContain(
      'end before start',
    );
    // What was entered is still there.
    await expect(page.getByLabel('Starts').inputValue()).resolves.toBe('2026-03-16T09:00');
    await expectAccessible(page);

    // A missing person is caught before the service is asked.
    await page.getByLabel('Ends').fill('2026-03-16T09:00');
    await page.getByLabel('Starts').fill('2026-03-13T17:00');
    await page.getByLabel('Called first').selectOption({ value: '' });
    await click(page, 'Add shift', (u) => u.pathname === `${oncall}/shifts`);
    await expect(page.locator('#first-person-error').textContent()).resolves.toContain(
      'Choose who is called first',
    );

    // Someone who is not a member (a tampered form): the service refuses, beside the field.
    const other = await d.otherOrganisation();
    await page.locator('#first-person').evaluate((el, id) => {
      const option = document.createElement('option');
      option.value = id;
      option.text = 'Someone else';
      el.appendChild(option);
    }, String(other.people.comms_officer.id));
    await page.getByLabel('Called first').selectOption({ label: 'Someone else' });
    await click(page, 'Add shift', (u) => u.pathname === `${oncall}/shifts`);
    await expect(page.locator('#first-person-error').textContent()).resolves.toContain(
      'not a member of this organisation',
    );
    await expectAccessible(page);

    await page.getByLabel('Called first').selectOption({ label: 'comms_officer of trust' });
    await page
      .getByLabel('Called next (optional)')
      .selectOption({ label: 'oncall_manager of trust' });
    await page.getByLabel('Note (optional)').fill('Cover for the weekend');
    await click(page, 'Add shift', (u) => u.searchParams.get('done') === 'shift-added');
    const rota = (await page.locator('[data-desk-rota]').textContent()) ?? '';
    expect(rota).toContain('Fri, 13 Mar 2026, 17:00');
    expect(rota).toContain('comms_officer of trust, then oncall_manager of trust');
    expect(rota).toContain('Cover for the weekend');
    await expectAccessible(page);

    // Removed again through its own button.
    await click(
      page,
      'Remove the shift starting Fri, 13 Mar 2026, 17:00',
      (u) => u.searchParams.get('done') === 'shift-removed',
    );
    await expect(page.locator('[data-desk-rota]').textContent()).resolves.not.toContain(
      'Cover for the weekend',
    );

    // A comms officer reads the rota but has no form.
    const officer = await openPage(d.people.comms_officer.email);
    await go(officer, oncall);
    expect(await officer.getByRole('button', { name: 'Add shift' }).count()).toBe(0);
    await expect(officer.locator('[data-desk-rota]').textContent()).resolves.toContain(
      'oncall_manager of trust',
    );
  });

  it('[INB-5] a comms manager switches crisis mode on with a reason (the inbox shows the banner) and off again', async () => {
    const page = await openPage(d.people.comms_manager.email);
    await page.getByRole('link', { name: 'Crisis', exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === crisis);
    await page.waitForLoadState('load');
    await expect(
      page.locator('[data-desk-crisis-status]').getAttribute('data-desk-crisis-status'),
    ).resolves.toBe('off');
    // What it changes, from the profile and crisisMonitoring.
    const changes = (await page.locator('#what-changes + ul').textContent()) ?? '';
    expect(changes).toContain('paused');
    expect(changes).toMatch(/\d+ minutes instead of \d+/);
    await expectAccessible(page);

    // Without the confirmation and the reason: both refused beside their fields.
    await click(page, 'Switch crisis mode on', (u) => u.pathname === crisis);
    await expect(page.locator('#reason-error').textContent()).resolves.toContain('Say why');
    await expect(page.locator('#confirm-error').textContent()).resolves.toContain(
      'every scheduled post will be paused',
    );
    await expect(
      page.locator('[data-desk-crisis-status]').getAttribute('data-desk-crisis-status'),
    ).resolves.toBe('off');
    await expectAccessible(page);

    await page
      .getByLabel('Why are you switching crisis mode on?')
      .fill('Major incident at the hospital');
    await page.getByLabel('I understand that every scheduled post will be paused').check();
    await click(page, 'Switch crisis mode on', (u) => u.searchParams.get('done') === 'on');
    const status = (await page.locator('[data-desk-crisis-status]').textContent()) ?? '';
    expect(status).toContain('On');
    expect(status).toContain('Major incident at the hospital');
    expect(status).toContain('comms_manager of trust');
    await expectAccessible(page);

    // The banner on the inbox links to the crisis page.
    await go(page, `/orgs/${d.org.slug}/inbox`);
    await expect(
      page.locator('.nhsuk-card--warning', { hasText: 'Crisis mode is on' }).count(),
    ).resolves.toBe(1);
    await page.locator('[data-desk-crisis-link]').click();
    await page.waitForURL((u) => u.pathname === crisis);
    await page.waitForLoadState('load');

    await page.getByLabel('Why are you switching crisis mode off?').fill('Incident stood down');
    await click(page, 'Switch crisis mode off', (u) => u.searchParams.get('done') === 'off');
    await expect(
      page.locator('[data-desk-crisis-status]').getAttribute('data-desk-crisis-status'),
    ).resolves.toBe('off');
    const history = (await page.locator('[data-desk-crisis-history]').textContent()) ?? '';
    expect(history).toContain('Major incident at the hospital');
    expect(history).toContain('Incident stood down');
    expect(await page.locator('[data-desk-crisis-link]').count()).toBe(0);
    await expectAccessible(page);
  });

  it('[INB-5] a comms officer sees crisis mode read-only, and a switch posted by them is refused', async () => {
    const page = await openPage(d.people.comms_officer.email);
    await go(page, crisis);
    await expect(page.locator('[data-desk-crisis-status]').textContent()).resolves.toContain('Off');
    expect(await page.locator('[data-desk-crisis-form]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Switch crisis mode/ }).count()).toBe(0);
    await expectAccessible(page);
    // A hand-made post with the officer's own session token: the 403 page, and nothing changes.
    await go(page, '/sign-out');
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const refused = await page.evaluate(
      async ([url, token]) => {
        const res = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            _csrf: token!,
            on: 'on',
            reason: 'Trying without permission',
            confirm: 'yes',
          }).toString(),
        });
        return { status: res.status, body: await res.text() };
      },
      [crisis, csrf],
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('You cannot do this');
    expect(refused.body).toContain('crisis.manage');
    const api = await d.as('comms_officer');
    const now = await api.get(`/api/orgs/${d.org.slug}/crisis`);
    expect((now.json() as { on: boolean }).on).toBe(false);
  });

  it('[INB-5] crisis mode is switched on and off without JavaScript', async () => {
    const page = await openPage(d.people.oncall_manager.email, false);
    await go(page, crisis);
    await page
      .getByLabel('Why are you switching crisis mode on?')
      .fill('Power cut across the site');
    await page.getByLabel('I understand that every scheduled post will be paused').check();
    await click(page, 'Switch crisis mode on', (u) => u.searchParams.get('done') === 'on');
    await expect(page.locator('[data-desk-crisis-status]').textContent()).resolves.toContain(
      'Power cut across the site',
    );
    await expect(
      page.locator('.nhsuk-card--warning', { hasText: 'Crisis mode is on' }).count(),
    ).resolves.toBe(1);
    await page.getByLabel('Why are you switching crisis mode off?').fill('Power restored');
    await click(page, 'Switch crisis mode off', (u) => u.searchParams.get('done') === 'off');
    await expect(
      page.locator('[data-desk-crisis-status]').getAttribute('data-desk-crisis-status'),
    ).resolves.toBe('off');
    // axe needs script in the page: these pages were checked in the JavaScript runs.
  });

  it('the on-call and crisis pages work at 320 px', async () => {
    const page = await openPage(d.people.comms_manager.email, true, 320);
    for (const url of [oncall, crisis]) {
      await go(page, url);
      await expectAccessible(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal scroll on ${url}`).toBeLessThanOrEqual(0);
    }
  });
});
