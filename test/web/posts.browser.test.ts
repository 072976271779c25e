/**
 * The posts pages in a real browser: an officer drafts a post with an NHS number, the page shows
 * it blocked with the number marked and the rule named; the officer edits it clean and submits it;
 * a comms manager approves it. axe-core checks every page at WCAG 2.2 AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireItem } from '../helpers/desk.js';
import { type BrowserDesk, expectAccessible, hasChromium, startBrowserDesk } from './browser.js';

const WITH_NHS_NUMBER =
  'Thanks for getting in touch. We have found the record for NHS number 943 476 5919 and PALS will call you.';
const CLEAN = 'Thanks for getting in touch. Our PALS team will call you today.';

describe.skipIf(!hasChromium)('posts pages in Chromium', { timeout: 300_000 }, () => {
  let d: BrowserDesk;
  let posts: string;

  const openPage = (email: string) => d.open(email);

  beforeAll(async () => {
    d = await startBrowserDesk();
    posts = `/orgs/${d.org.slug}/posts`;
    // Fixture: accounts have their own API and pages; the test only needs one to post from.
    await d.addSandboxAccount();
  }, 90_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('[PUB-3] [PUB-2] a draft with an NHS number is blocked and marked; edited clean it is submitted and approved', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    await officer.getByRole('link', { name: 'Posts', exact: true }).first().click();
    await officer.waitForURL((u) => u.pathname === posts);
    await expectAccessible(officer);
    await officer.getByRole('link', { name: 'New post' }).click();
    await officer.waitForURL((u) => u.pathname === `${posts}/new`);
    // A missing account and text: an error summary linking to the fields.
    await officer.getByRole('button', { name: 'Save and check' }).click();
    await expect(officer.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'Choose the account',
    );
    await expectAccessible(officer);
    await officer
      .getByLabel('Account', { exact: true })
      .selectOption({ label: 'trust-sandbox (sandbox)' });
    await officer.getByLabel('Text', { exact: true }).fill(WITH_NHS_NUMBER);
    await officer.getByRole('button', { name: 'Save and check' }).click();
    await officer.waitForURL((u) => /\/posts\/\d+$/.test(u.pathname));
    const postPath = new URL(officer.url()).pathname;

    // Blocked: the number is marked, the rule named, no submit button.
    await expect(officer.locator('h1').textContent()).resolves.toContain('Draft');
    await expect(officer.locator('.nhsuk-card--warning').first().textContent()).resolves.toContain(
      'cannot be submitted',
    );
    const marks = await officer.locator('[data-desk-post-text] mark').allTextContents();
    expect(marks.some((m) => m.includes('943 476 5919'))).toBe(true);
    await expect(officer.locator('[data-desk-findings]').textContent()).resolves.toContain(
      'pii.nhs_number',
    );
    expect(await officer.getByRole('button', { name: 'Submit for approval' }).count()).toBe(0);
    await expectAccessible(officer);

    // Edited clean, then submitted.
    await officer.getByLabel('Text', { exact: true }).fill(CLEAN);
    await officer.getByRole('button', { name: 'Save and check' }).click();
    await officer.waitForURL((u) => u.searchParams.get('done') === 'edit');
    expect(await officer.locator('[data-desk-post-text] mark').count()).toBe(0);
    // The test account's handle lacks the organisation's name: a warning, overridden with a reason.
    await expect(officer.locator('[data-desk-findings]').textContent()).resolves.not.toContain(
      'pii.nhs_number',
    );
    await officer.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(officer.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'give a reason to override',
    );
    await expectAccessible(officer);
    await officer
      .getByLabel('Why the warnings can be overridden')
      .fill('Sandbox account used for testing only');
    await officer.getByRole('button', { name: 'Submit for approval' }).click();
    await officer.waitForURL((u) => u.searchParams.get('done') === 'submit');
    await expect(officer.locator('h1').textContent()).resolves.toContain('Awaiting approval');
    await expectAccessible(officer);

    // The manager approves it from the list.
    const manager = await openPage(d.people.comms_manager.email);
    await manager.goto(posts);
    await expect(
      manager.locator('[data-desk-posts="awaiting_approval"]').textContent(),
    ).resolves.toContain('Our PALS team');
    await manager.goto(postPath);
    await expectAccessible(manager);
    await manager.getByRole('button', { name: 'Approve' }).click();
    await manager.waitForURL((u) => u.searchParams.get('done') === 'approve');
    await expect(manager.locator('h1').textContent()).resolves.toContain('Approved');
    await expect(manager.getByRole('button', { name: 'Schedule' }).count()).resolves.toBe(1);
    await expectAccessible(manager);

    // A reply from an item's page goes through the same composer and check.
    const api = await d.as('comms_manager');
    const res = await api.post(`/api/orgs/${d.org.slug}/items`, {
      items: [wireItem('reply', 'What time does the walk-in centre open on Saturday?')],
    });
    const itemId = (res.json() as { results: { id: number }[] }).results[0]!.id;
    await officer.goto(`/orgs/${d.org.slug}/items/${itemId}`);
    await officer.getByRole('link', { name: `Reply to item ${itemId}` }).click();
    await officer
      .getByLabel('Account', { exact: true })
      .selectOption({ label: 'trust-sandbox (sandbox)' });
    await officer.getByLabel('Text', { exact: true }).fill('It opens at 8am on Saturdays.');
    await officer.getByRole('button', { name: 'Save and check' }).click();
    await officer.waitForURL((u) => /\/posts\/\d+$/.test(u.pathname));
    await expect(officer.locator('h1').textContent()).resolves.toContain('Reply');
    await expect(officer.getByRole('link', { name: `item ${itemId}` }).count()).resolves.toBe(1);
  });
});
