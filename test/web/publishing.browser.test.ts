/**
 * The publishing pages in a real browser: media described on the composer and the post page with
 * their content-check findings marked on the item (alt text, consent), the approval queue, the
 * calendar (month grid, week list, 320 px, restricted periods on their days) and crisis mode's
 * pause shown on the post page, the calendar and the list. axe-core checks every page at WCAG 2.2
 * AA. The desk clock is fixed at Monday 2 March 2026, 10:00 London.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  type BrowserDesk,
  expectAccessible,
  goTo,
  hasChromium,
  startBrowserDesk,
} from './browser.js';

const CLEAN = 'Our new walk-in centre opens on Wednesday at 8am. Come and see it.';
const ALT = 'Two nurses outside the new walk-in centre on opening day';

/** The organisation's own profile override: two restricted periods in March 2026 (PUB-5). */
const OVERRIDE = [
  'restrictedPeriods:',
  '  - { name: Annual report embargo, kind: embargo, start: "2026-03-10", end: "2026-03-12", action: block, clause: "Test 5.1" }',
  '  - { name: Merger announcement, kind: embargo, start: "2026-03-20", end: "2026-03-20", action: named-approver, approver: Chief Executive, clause: "Test 5.2" }',
  '',
].join('\n');

describe.skipIf(!hasChromium)('publishing pages in Chromium', { timeout: 480_000 }, () => {
  let d: BrowserDesk;
  let posts: string;

  const openPage = (email: string, width = 1280) => d.open(email, { width });
  const go = goTo;
  const click = async (page: Page, name: string, done?: (u: URL) => boolean) => {
    await page.getByRole('button', { name, exact: true }).click();
    if (done) await page.waitForURL(done);
    await page.waitForLoadState('load');
  };
  /** The composer: account, text and (optionally) one described media item. */
  const draft = async (
    page: Page,
    text: string,
    media?: { name: string; type: 'Image' | 'Video'; alt?: string; flags?: string[] },
    campaign?: string,
  ) => {
    await go(page, `${posts}/new`);
    await page
      .getByLabel('Account', { exact: true })
      .selectOption({ label: 'trust-sandbox (sandbox)' });
    await page.getByLabel('Text', { exact: true }).fill(text);
    if (campaign) await page.getByLabel('Campaign (optional)').fill(campaign);
    if (media) {
      await page.getByLabel('File name').fill(media.name);
      await page.getByLabel(media.type, { exact: true }).check();
      if (media.alt) await page.getByLabel('Alt text (images)').fill(media.alt);
      for (const f of media.flags ?? []) await page.getByLabel(f).check();
    }
    await click(page, 'Save and check', (u) => /\/posts\/\d+$/.test(u.pathname));
    return new URL(page.url()).pathname;
  };

  beforeAll(async () => {
    d = await startBrowserDesk();
    posts = `/orgs/${d.org.slug}/posts`;
    // Fixtures: accounts and profile settings have their own API and pages.
    await d.desk.store.organisations.setProfile(d.org.id, 'nhs-default', OVERRIDE);
    await d.addSandboxAccount();
  }, 120_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('[PUB-4] [PUB-8] media without alt text is marked; a person shown without consent blocks, as the profile says', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    const postPath = await draft(officer, CLEAN, { name: 'IMG_1234.jpg', type: 'Image' });

    // The missing alt text is marked on the image and listed with its rule.
    const image = officer.locator('#media-1');
    await expect(image.locator('h3').textContent()).resolves.toContain('IMG_1234.jpg');
    await expect(image.locator('mark').textContent()).resolves.toContain('no alt text');
    const findings = officer.locator('[data-desk-findings]');
    await expect(findings.textContent()).resolves.toContain('a11y.alt_text');
    await expect(findings.textContent()).resolves.toMatch(/on\s+image 1 \(IMG_1234\.jpg\)/);
    await expectAccessible(officer);

    // Consent ticked without a reference: refused, the summary links to the field.
    await officer.getByLabel('File name').fill('ward-tour.mp4');
    await officer.getByLabel('Video', { exact: true }).check();
    await officer.getByLabel('It shows a person who could be identified').check();
    await officer.getByLabel('Consent is recorded for everyone shown').check();
    await click(officer, 'Add and check');
    const summary = officer.locator('.nhsuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('Enter the consent reference');
    await expect(
      summary.getByRole('link', { name: /consent reference/ }).getAttribute('href'),
    ).resolves.toBe('#media-consent-ref');
    await expectAccessible(officer);

    // An identifiable person without recorded consent: media.consent blocks (nhs-default: block).
    const { profile } = d.desk.profiles.forOrganisation(
      (await d.desk.store.organisations.get(d.org.id))!,
    );
    expect(profile.rules['media.consent']).toMatchObject({ severity: 'block' });
    await officer.getByLabel('Consent is recorded for everyone shown').uncheck();
    await officer.getByLabel('The video has captions').check();
    await click(officer, 'Add and check', (u) => u.searchParams.get('done') === 'media');
    const video = officer.locator('#media-2');
    await expect(video.locator('mark').textContent()).resolves.toContain(
      'without recorded consent',
    );
    await expect(video.locator('mark').textContent()).resolves.toMatch(/^Blocks/);
    await expect(officer.locator('.nhsuk-card--warning').first().textContent()).resolves.toContain(
      'cannot be submitted',
    );
    expect(await officer.getByRole('button', { name: 'Submit for approval' }).count()).toBe(0);
    await expect(findings.textContent()).resolves.toContain('media.consent');
    await expectAccessible(officer);

    // Removing the video lifts the block; the image's warning stays marked.
    await click(officer, 'Remove video 2', (u) => u.searchParams.get('done') === 'media-remove');
    expect(await officer.locator('#media-2').count()).toBe(0);
    await expect(officer.locator('#media-1 mark').textContent()).resolves.toContain('no alt text');
    expect(await officer.getByRole('button', { name: 'Submit for approval' }).count()).toBe(1);
    expect(new URL(officer.url()).pathname).toBe(postPath);
  });

  it('[PUB-5] the calendar at 320 px passes axe and shows restricted periods on their days', async () => {
    const officer = await openPage(d.people.comms_officer.email, 320);
    await go(officer, `${posts}/calendar?view=month&date=2026-03-10`);
    await expect(officer.locator('h2#calendar-heading').textContent()).resolves.toContain(
      'March 2026',
    );
    const embargo = officer.locator('li[data-date="2026-03-11"]');
    expect(await embargo.isVisible()).toBe(true);
    await expect(embargo.textContent()).resolves.toContain('Annual report embargo');
    await expect(embargo.textContent()).resolves.toContain('Blocked');
    await expect(embargo.textContent()).resolves.toContain('Test 5.1');
    const merger = officer.locator('li[data-date="2026-03-20"]');
    await expect(merger.textContent()).resolves.toContain('Named approver');
    await expect(merger.textContent()).resolves.toContain('Chief Executive');
    // Days outside the periods carry none of them.
    await expect(
      officer.locator('li[data-date="2026-03-13"]').textContent(),
    ).resolves.not.toContain('embargo');
    const scroll = await officer.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(320);
    await expectAccessible(officer);

    // The week list at 320 px, and previous/next links.
    await go(officer, `${posts}/calendar?view=week&date=2026-03-11`);
    await expect(officer.locator('[data-desk-calendar="week"] > li').count()).resolves.toBe(7);
    await expect(officer.locator('li[data-date="2026-03-09"]').textContent()).resolves.toContain(
      'Nothing scheduled',
    );
    await officer.getByRole('link', { name: /Next/ }).click();
    await officer.waitForURL((u) => u.searchParams.get('date') === '2026-03-16');
    await officer.waitForLoadState('load');
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await expectAccessible(officer);

    // A date that is not one: the error summary links to the field.
    await go(officer, `${posts}/calendar?view=month&date=2026-02-31`);
    await expect(officer.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'Enter the date',
    );
    await expectAccessible(officer);
  });

  it('[PUB-2] [PUB-5] [INB-5] drafted with an image, approved from the queue, scheduled, on the calendar, paused by crisis mode', async () => {
    // The officer drafts a post with an image and its alt text, and submits it.
    const officer = await openPage(d.people.comms_officer.email);
    const postPath = await draft(
      officer,
      CLEAN,
      {
        name: 'walk-in-centre.jpg',
        type: 'Image',
        alt: ALT,
      },
      'Walk-in centre opening',
    );
    const id = Number(postPath.split('/').pop());
    await expect(officer.locator('#media-1').textContent()).resolves.toContain(ALT);
    expect(await officer.locator('#media-1 mark').count()).toBe(0);
    await expectAccessible(officer);
    // The test account's handle lacks the organisation's name: a warning, overridden with a reason.
    await officer
      .getByLabel('Why the warnings can be overridden')
      .fill('Sandbox account used for testing only');
    await click(officer, 'Submit for approval', (u) => u.searchParams.get('done') === 'submit');
    await expect(officer.locator('h1').textContent()).resolves.toContain('Awaiting approval');

    // The author finds it in the queue, but not as theirs to approve.
    await go(officer, `${posts}/approvals`);
    await expect(
      officer.locator('[data-desk-approvals="others"]').textContent(),
    ).resolves.toContain(`Post ${id}`);
    await expectAccessible(officer);

    // The manager approves it from the approval queue.
    const manager = await openPage(d.people.comms_manager.email);
    await go(manager, posts);
    await manager.getByRole('link', { name: /Approval queue/ }).click();
    await manager.waitForURL((u) => u.pathname === `${posts}/approvals`);
    await manager.waitForLoadState('load');
    const mine = manager.locator('[data-desk-approvals="mine"]');
    const row = mine.locator(`tr[data-post-id="${id}"]`);
    await expect(row.textContent()).resolves.toContain('1 finding');
    await expect(row.textContent()).resolves.toContain('0 of 1');
    await expect(manager.locator('main').textContent()).resolves.toContain('comms_manager (PUB-2');
    await expectAccessible(manager);
    await row.getByRole('link', { name: `Approve or reject post ${id}` }).click();
    await manager.waitForURL((u) => u.pathname === postPath);
    await manager.waitForLoadState('load');
    await click(manager, 'Approve', (u) => u.searchParams.get('done') === 'approve');
    await expect(manager.locator('h1').textContent()).resolves.toContain('Approved');

    // Scheduled for Wednesday 4 March 09:30 (London), in the future of the desk clock.
    await manager.getByLabel('When to publish (optional)').fill('2026-03-04T09:30');
    await click(manager, 'Schedule', (u) => u.searchParams.get('done') === 'schedule');
    await expect(manager.locator('h1').textContent()).resolves.toContain('Scheduled');
    await expectAccessible(manager);

    // On the calendar on its day, in the month grid and the week list.
    await go(manager, `${posts}/calendar?view=month&date=2026-03-04`);
    const day = manager.locator('li[data-date="2026-03-04"]');
    await expect(day.textContent()).resolves.toContain(`Post ${id}`);
    await expect(day.textContent()).resolves.toContain('09:30');
    await expect(day.textContent()).resolves.toContain('Scheduled');
    await expect(day.textContent()).resolves.toContain('campaign: Walk-in centre opening');
    await expect(manager.locator('[data-desk-campaigns]').textContent()).resolves.toContain(
      'Walk-in centre opening: 1 post',
    );
    await expect(manager.locator('li[data-date="2026-03-10"]').textContent()).resolves.toContain(
      'Annual report embargo',
    );
    await expectAccessible(manager);
    await go(manager, `${posts}/calendar?view=week&date=2026-03-02`);
    await expect(manager.locator('li[data-date="2026-03-04"]').textContent()).resolves.toContain(
      `Post ${id}`,
    );
    await expectAccessible(manager);

    // Crisis mode on (through the API; the crisis page is built elsewhere): the post is paused.
    const api = await d.as('comms_manager');
    const on = await api.put(`/api/orgs/${d.org.slug}/crisis`, {
      on: true,
      reason: 'Major incident declared at the hospital',
    });
    expect(on.statusCode, on.body).toBe(200);

    await go(manager, postPath);
    await expect(manager.locator('h1').textContent()).resolves.toContain('Paused');
    await expect(manager.locator('[data-desk-crisis]').textContent()).resolves.toContain(
      'Scheduled posts are paused',
    );
    await expect(manager.locator('[data-desk-crisis]').textContent()).resolves.toContain(
      'you can override',
    );
    await expect(manager.locator('[data-desk-paused]').textContent()).resolves.toContain(
      'held by crisis mode',
    );
    expect(await manager.getByLabel('Crisis override reason').count()).toBe(1);
    await expectAccessible(manager);

    await go(manager, `${posts}/calendar?view=month&date=2026-03-04`);
    await expect(manager.locator('[data-desk-crisis]').count()).resolves.toBe(1);
    await expect(
      manager.locator(`li[data-date="2026-03-04"] [data-post-id="${id}"]`).textContent(),
    ).resolves.toContain('Paused');
    await expectAccessible(manager);

    await go(manager, posts);
    await expect(manager.locator('[data-desk-posts="paused"]').textContent()).resolves.toContain(
      `Post ${id}`,
    );
    await expect(manager.locator('[data-desk-crisis]').count()).resolves.toBe(1);
    await expectAccessible(manager);

    // The officer is told to ask a manager; the post page has no override field for them.
    await go(officer, postPath);
    await expect(officer.locator('[data-desk-crisis]').textContent()).resolves.toContain(
      'ask a manager who runs crisis mode',
    );
    expect(await officer.getByLabel('Crisis override reason').count()).toBe(0);
    await expectAccessible(officer);

    // Re-scheduling without an override is refused; with one, the essential post goes back on.
    await go(manager, postPath);
    await manager.getByLabel('When to publish (optional)').fill('2026-03-04T09:30');
    await click(manager, 'Schedule');
    await expect(manager.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'Crisis mode',
    );
    await expectAccessible(manager);
    await manager
      .getByLabel('Crisis override reason')
      .fill('Essential: tells people where the walk-in centre is during the incident');
    await click(manager, 'Schedule', (u) => u.searchParams.get('done') === 'schedule');
    await expect(manager.locator('h1').textContent()).resolves.toContain('Scheduled');
  });
});
