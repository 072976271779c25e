/// <reference lib="dom" />
/**
 * The patient-safety journey of issue 5 end to end in Chromium: a calm, serious comment arrives,
 * the inbox shows it urgent with its evidence, a comms officer completes every required step of
 * the checklist (BSW Appendix B, INB-6) and hands it to Quality and to PALS; each receiving team
 * finds it in its own queue, takes it on with its own case reference and closes it; the comms
 * officer sees both answers on the item. axe-core checks every page on the way.
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

const SAFETY =
  'Not one to moan but my gran on ward 12 has had two falls since Sunday and the bed alarm still is not switched on. Staff are lovely, just stretched.';

describe.skipIf(!hasChromium)('patient-safety journey in Chromium', { timeout: 480_000 }, () => {
  let d: BrowserDesk;
  let itemId: number;

  const openPage = (email: string) => d.open(email);
  const go = goTo;
  const submit = async (page: Page, name: RegExp | string) => {
    await page.getByRole('button', { name }).first().click();
    await page.waitForLoadState('load');
  };

  beforeAll(async () => {
    d = await startBrowserDesk();
    const api = await d.as('comms_manager');
    const res = await api.post(`/api/orgs/${d.org.slug}/items`, {
      items: [wireItem('falls', SAFETY)],
    });
    expect(res.statusCode).toBe(200);
    itemId = res.json().results[0].id;
  }, 120_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('[INB-6] [INB-8] a patient-safety comment is shown urgent with evidence, its checklist completed, and handed to Quality and PALS, who take it on and close it', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    // The inbox: urgent first, with its labels.
    await go(officer, `/orgs/${d.org.slug}/inbox`);
    const row = officer.locator(`tr[data-item-id="${itemId}"]`);
    await expect(row.textContent()).resolves.toMatch(/Urgent/);
    await expect(row.textContent()).resolves.toMatch(/Patient safety/);
    await expectAccessible(officer);

    // The item: evidence marked and explained.
    await row.locator('a.desk-items__link').click();
    await officer.waitForLoadState('load');
    await officer.locator('[data-desk-text] mark').first().waitFor();
    const marked = await officer
      .locator('[data-desk-text] mark')
      .evaluateAll((ms) => ms.map((m) => m.getAttribute('data-labels')).join(' '));
    expect(marked).toContain('patient_safety');
    await expect(officer.locator('.desk-urgent').textContent()).resolves.toContain('Urgent');

    // Every required step of the checklist, one by one (each is recorded with who and when).
    const progress = officer.locator('[data-desk-checklist-progress]');
    await expect(progress.textContent()).resolves.toMatch(/0 of \d+ required steps done/);
    for (let guard = 0; guard < 20; guard++) {
      const next = officer
        .locator('.desk-checklist__step', { has: officer.getByText('Required', { exact: true }) })
        .first();
      if ((await next.count()) === 0) break;
      await next.getByRole('button', { name: /Mark done/ }).click();
      await officer.waitForLoadState('load');
    }
    await expect(progress.textContent()).resolves.toMatch(/All \d+ required steps are done/);
    await expectAccessible(officer);

    // Hand it to Quality, then to PALS.
    for (const team of [/^Quality:/, /^PALS:/]) {
      await officer.getByRole('radio', { name: team }).check();
      await submit(officer, 'Hand off');
      await expect(officer.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
        'Handed off',
      );
    }
    const states = officer.locator('.desk-handoff [data-desk-handoff-state]');
    expect(await states.count()).toBe(2);
    expect(await states.allTextContents()).toEqual([
      expect.stringContaining('Waiting for the team'),
      expect.stringContaining('Waiting for the team'),
    ]);
    await expectAccessible(officer);

    // Each receiving team: its own queue, take it on with its reference, close it.
    const answers = [
      {
        who: d.people.quality.email,
        team: 'Quality',
        ref: 'Datix W-20418',
        outcome: 'Falls review done; bed alarm fixed on ward 12',
      },
      {
        who: d.people.pals.email,
        team: 'PALS',
        ref: 'PALS/2026/0977',
        outcome: 'Called the family back and explained the review',
      },
    ];
    for (const a of answers) {
      const page = await openPage(a.who);
      // A receiving team lands on its queue.
      await go(page, `/orgs/${d.org.slug}`);
      expect(new URL(page.url()).pathname).toBe(`/orgs/${d.org.slug}/handoffs`);
      const mine = page.locator('[data-desk-handoffs] tbody tr');
      expect(await mine.count()).toBe(1);
      await expect(mine.first().textContent()).resolves.toContain('bed alarm');
      await expect(mine.first().textContent()).resolves.toContain('Waiting for the team');
      await expectAccessible(page);

      await mine.first().getByRole('link').first().click();
      await page.waitForLoadState('load');
      // It sees its own hand-off's forms only.
      const forms = page.getByRole('button', { name: 'Take this on' });
      expect(await forms.count()).toBe(1);
      await page.getByLabel("Your team's case reference (optional)").fill(a.ref);
      await submit(page, 'Take this on');
      await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
        'taken this on',
      );
      // Closing without saying what happened is refused, beside the field.
      await submit(page, 'Close the hand-off');
      await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
        'Say what happened',
      );
      await expectAccessible(page);
      await page.getByLabel('What happened (closes the hand-off)').fill(a.outcome);
      await submit(page, 'Close the hand-off');
      await expect(page.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
        'closed',
      );
      await go(page, `/orgs/${d.org.slug}/handoffs?show=closed`);
      await expect(page.locator('[data-desk-handoffs]').textContent()).resolves.toContain(a.ref);
      await expectAccessible(page);
    }

    // The comms officer sees both teams' answers on the item.
    await go(officer, `/orgs/${d.org.slug}/items/${itemId}`);
    const after = await officer
      .locator('.desk-handoff [data-desk-handoff-state]')
      .allTextContents();
    expect(after.join(' ')).toContain('Datix W-20418');
    expect(after.join(' ')).toContain('PALS/2026/0977');
    expect(after.every((s) => s.includes('Closed'))).toBe(true);
  });

  it('[INB-12] a comms officer escalates a concern from the item page; a missing reason is shown beside the field', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    await go(officer, `/orgs/${d.org.slug}/items/${itemId}`);
    await officer.getByText('Escalate a concern about safety, care or behaviour').click();
    await officer.getByRole('radio', { name: /^A team/ }).check();
    await officer
      .getByLabel('Team', { exact: true })
      .selectOption({ label: 'Quality and Patient Safety' })
      .catch(async () => {
        // The profile's own name for the Quality team.
        await officer.getByLabel('Team', { exact: true }).selectOption({ index: 1 });
      });
    await submit(officer, 'Escalate');
    const summary = officer.locator('.nhsuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('Say why you are escalating');
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#escalate-reason');
    await expectAccessible(officer);
    await officer
      .getByLabel('Why you are escalating')
      .fill('Second fall in a week on the same ward');
    await submit(officer, 'Escalate');
    await expect(officer.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'Concern escalated',
    );
    await expect(officer.locator('[data-desk-escalations]').textContent()).resolves.toMatch(
      /Concern to .*Not acknowledged/s,
    );
    await expectAccessible(officer);
  });

  it('[INB-6] a governed reply template from the checklist opens the composer with the profile’s wording filled in', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    await go(officer, `/orgs/${d.org.slug}/items/${itemId}`);
    const templates = officer.locator('[data-desk-reply-templates] a');
    expect(await templates.count()).toBeGreaterThan(0);
    await templates.first().click();
    await officer.waitForLoadState('load');
    expect(new URL(officer.url()).searchParams.get('template')).toBeTruthy();
    await expect(officer.locator('.desk-template-note').textContent()).resolves.toContain(
      'governed reply template',
    );
    // The header still shows the person's own account links (not the platform accounts).
    expect(await officer.getByRole('link', { name: 'Sign out' }).count()).toBe(1);
    const text = await officer.locator('textarea[name="text"]').inputValue();
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/\{[a-z_]+\}/); // placeholders filled from the profile
    await expectAccessible(officer);
  });

  it('[INB-13] a comms officer marks the author do not engage with a reason, and lifts the mark', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    await go(officer, `/orgs/${d.org.slug}/items/${itemId}`);
    await submit(officer, 'Mark do not engage');
    await expect(officer.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'Say why',
    );
    await expectAccessible(officer);
    await officer
      .getByLabel('Why mark this author do not engage')
      .fill('Third abusive message to ward staff this month');
    await submit(officer, 'Mark do not engage');
    await expect(officer.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'marked do not engage',
    );
    await expect(officer.locator('main').textContent()).resolves.toContain(
      'Third abusive message to ward staff',
    );
    await officer
      .getByLabel('Why lift the do-not-engage mark')
      .fill('Apologised and engaged with PALS');
    await submit(officer, 'Lift the mark');
    await expect(officer.locator('.nhsuk-notification-banner').textContent()).resolves.toContain(
      'lifted',
    );
    await expectAccessible(officer);
  });
});
