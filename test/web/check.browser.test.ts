/**
 * "Pause before you post", "Ask the team for advice" (STF-1) and the live check, in Chromium.
 *
 * A staff member checks a draft for a personal account — the findings in plain words with their
 * spans marked, nothing stored — then asks the comms team, who answer; the staff member reads the
 * answer and withdraws the request. The same check runs without JavaScript at 320 px. In the post
 * composer the live check shows a blocking NHS number before anything is submitted, and the
 * browser's findings equal the server's for the same texts. axe-core checks every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDraft, type Audience } from '../../src/core/check/draft.js';
import type { Finding } from '../../src/core/finding.js';
import { bundleLiveCheck } from '../../src/web/client-bundle.js';
import { type BrowserDesk, expectAccessible, hasChromium, startBrowserDesk } from './browser.js';

const DRAFT =
  'Working at Example NHS Trust is chaos right now, the new rota system is a total mess. Management don’t care about us at all.';
const QUESTION = 'Can I post this about my ward on my own account?';
const ANSWER = 'Leave out the rota complaint and say the views are your own.';
const NHS_NUMBER_POST =
  'Thanks for getting in touch. We have found the record for NHS number 943 476 5919 and PALS will call you.';

/** Texts the browser and the server must agree on, for both audiences. */
const SAME_TEXTS = [
  DRAFT,
  NHS_NUMBER_POST,
  'Our new maternity unit opens on Monday. Come and see it! Call 0117 496 0123 or email jane.doe@gmail.com',
  'I work at Example NHS Trust (views my own). Vote Labour on Thursday! Take 2 paracetamol for the pain.',
  'FREE PARKING FOR ALL STAFF #nhsstaffparking',
  'Proud of my team today.',
];

type Comparable = Pick<Finding, 'rule' | 'severity' | 'start' | 'end' | 'message' | 'clause'>;
const comparable = (findings: readonly Finding[]): Comparable[] =>
  findings.map(({ rule, severity, start, end, message, clause }) => ({
    rule,
    severity,
    start,
    end,
    message,
    clause,
  }));

describe.skipIf(!hasChromium)('pause before you post in Chromium', { timeout: 420_000 }, () => {
  let d: BrowserDesk;
  let check: string;

  const openPage = (email: string, options: { javaScript?: boolean; width?: number } = {}) =>
    d.open(email, options);
  const auditText = async () => JSON.stringify(await d.desk.store.audit.export(d.org.id));
  const serverCheck = (text: string, audience: Audience) =>
    d.desk.profiles.forOrganisation(d.org).checker.check(toDraft({ text, audience }));

  beforeAll(async () => {
    d = await startBrowserDesk();
    check = `/orgs/${d.org.slug}/check`;
    await d.addSandboxAccount();
  }, 120_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('[STF-1] a staff member checks a personal draft, nothing is stored, asks the team, reads the answer', async () => {
    const staff = await openPage(d.people.staff.email);
    // Staff see only what staff may see: the check, not the inbox, posts, audit or advice.
    const nav = (await staff.locator('.nhsuk-header__navigation-list a').allTextContents()).map(
      (s) => s.trim(),
    );
    expect(nav).toContain('Check a post');
    for (const hidden of ['Inbox', 'Search', 'Posts', 'Audit log', 'Advice requests'])
      expect(nav).not.toContain(hidden);
    for (const path of ['inbox', 'posts', 'audit', 'advice']) {
      const res = await staff.goto(`/orgs/${d.org.slug}/${path}`);
      expect(res?.status(), path).toBe(403);
    }
    await staff.goto(check);
    await staff.waitForLoadState('load');
    await expectAccessible(staff);

    const auditBefore = (await d.desk.store.audit.export(d.org.id)).length;
    await staff.getByLabel('Your draft post').fill(DRAFT);
    await staff.getByRole('button', { name: 'Check my post' }).click();
    await staff.waitForLoadState('load');
    await staff.locator('[data-desk-check-findings]').waitFor();
    const rules = await staff
      .locator('[data-desk-check-findings] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['personal.disclaimer', 'personal.grievance']));
    // Plain words: the rule described, why, the clause.
    const first = await staff.locator('[data-desk-check-findings] > li').first().textContent();
    expect(first).toContain('Policy clause:');
    // Each finding's span is marked in the text.
    const marks = await staff.locator('[data-desk-check-text] mark').allTextContents();
    expect(marks.join(' ')).toContain('Working at Example NHS Trust');
    expect(marks.join(' ')).toContain('rota system is a total mess');
    // Nothing stored: no advice row, no audit entry, the text nowhere in the audit log.
    expect(await d.desk.store.advice.count(d.org.id)).toBe(0);
    expect(await d.desk.store.audit.export(d.org.id)).toHaveLength(auditBefore);
    expect(await auditText()).not.toContain('rota system');
    await expectAccessible(staff);

    // A question is required.
    await staff.getByRole('button', { name: 'Send to the communications team' }).click();
    await staff.waitForLoadState('load');
    await expect(staff.locator('.nhsuk-error-summary').textContent()).resolves.toContain(
      'Enter your question',
    );
    await expectAccessible(staff);
    expect(await d.desk.store.advice.count(d.org.id)).toBe(0);

    await staff.getByLabel('Your question').fill(QUESTION);
    await staff.getByRole('button', { name: 'Send to the communications team' }).click();
    await staff.waitForURL((u) => u.searchParams.get('done') === 'asked');
    await staff.waitForLoadState('load');
    expect(await d.desk.store.advice.count(d.org.id)).toBe(1);
    expect(await auditText()).not.toContain('rota system');
    await expect(staff.locator('[data-advice-request]').textContent()).resolves.toContain(
      'Waiting for an answer',
    );
    await expectAccessible(staff);

    // A comms officer sees and answers it.
    const officer = await openPage(d.people.comms_officer.email);
    await officer.getByRole('link', { name: 'Advice requests' }).first().click();
    await officer.waitForURL((u) => u.pathname === `/orgs/${d.org.slug}/advice`);
    await officer.waitForLoadState('load');
    await expectAccessible(officer);
    await officer.locator('[data-advice-open] a').first().click();
    await officer.waitForURL((u) => /\/advice\/\d+$/.test(u.pathname));
    await officer.waitForLoadState('load');
    await expect(officer.locator('[data-advice-question]').textContent()).resolves.toBe(QUESTION);
    expect(await officer.locator('[data-desk-check-text] mark').count()).toBeGreaterThan(1);
    await expectAccessible(officer);
    await officer.getByLabel('Your answer').fill(ANSWER);
    await officer.getByRole('button', { name: 'Send answer' }).click();
    await officer.waitForURL((u) => u.searchParams.get('done') === 'answered');
    await officer.waitForLoadState('load');
    await expectAccessible(officer);
    expect(await auditText()).not.toContain(ANSWER);

    // The staff member sees the answer, then withdraws the request, which deletes it.
    await staff.goto(check);
    await staff.waitForLoadState('load');
    await expect(staff.locator('[data-advice-answer]').textContent()).resolves.toContain(ANSWER);
    await expectAccessible(staff);
    await staff.getByRole('button', { name: 'Withdraw and delete' }).click();
    await staff.waitForURL((u) => u.searchParams.get('done') === 'withdrawn');
    await staff.waitForLoadState('load');
    expect(await d.desk.store.advice.count(d.org.id)).toBe(0);
    expect(await staff.locator('[data-advice-request]').count()).toBe(0);
  });

  it('[STF-1] the check works without JavaScript', async () => {
    const staff = await openPage(d.people.staff.email, { javaScript: false });
    await staff.goto(check);
    await staff.waitForLoadState('load');
    await staff.getByLabel('Your draft post').fill(DRAFT);
    await staff.getByLabel('Your account name (optional)').fill('@ExampleNHSNurse');
    await staff.getByRole('button', { name: 'Check my post' }).click();
    await staff.waitForLoadState('load');
    await staff.locator('[data-desk-check-findings]').waitFor();
    const items = await staff.locator('[data-desk-check-findings] > li').all();
    const ids = await Promise.all(items.map((li) => li.getAttribute('data-rule')));
    expect(ids).toEqual(
      expect.arrayContaining(['handle', 'personal.disclaimer', 'personal.grievance']),
    );
    // The live region stays empty without JavaScript; the server's check is the page.
    await expect(staff.locator('[data-live-check-region]').textContent()).resolves.toBe('');
    expect(await d.desk.store.advice.count(d.org.id)).toBe(0);
    // axe needs script in the page: the same pages were checked in the JavaScript runs.
  });

  it('[STF-1] the check page and its live check fit 320 px', async () => {
    const staff = await openPage(d.people.staff.email, { width: 320 });
    await staff.goto(check);
    await staff.waitForLoadState('load');
    await staff.getByLabel('Your draft post').fill(DRAFT);
    await staff.locator('[data-live-check-region] li').first().waitFor();
    await staff.getByRole('button', { name: 'Check my post' }).click();
    await staff.waitForLoadState('load');
    await staff.locator('[data-desk-check-findings]').waitFor();
    const wide = await staff.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide, 'elements wider than 320 px').toEqual([]);
    await expectAccessible(staff);
  });

  it('[STF-1] [PUB-3] the live check shows a blocking NHS number in the composer before submitting', async () => {
    const officer = await openPage(d.people.comms_officer.email);
    const composer = `/orgs/${d.org.slug}/posts/new`;
    await officer.goto(composer);
    await officer.waitForLoadState('load');
    await officer.getByLabel('Text', { exact: true }).pressSequentially('We found NHS number ');
    await officer.getByLabel('Text', { exact: true }).pressSequentially('943 476 5919', {
      delay: 20,
    });
    const blocking = officer.locator('[data-live-check-region] li[data-rule="pii.nhs_number"]');
    await blocking.waitFor();
    await expect(blocking.getAttribute('data-severity')).resolves.toBe('block');
    await expect(
      officer.locator('[data-live-check-region] [data-verdict]').getAttribute('data-verdict'),
    ).resolves.toBe('block');
    expect(new URL(officer.url()).pathname).toBe(composer);
    expect(await d.desk.store.posts.list(d.org.id, { limit: 10 })).toEqual([]);
    await expectAccessible(officer);
  });

  it('[STF-1] the browser finds exactly what the server finds, for both audiences', async () => {
    const staff = await openPage(d.people.staff.email);
    await staff.goto(check);
    await staff.waitForLoadState('load');
    const officer = await openPage(d.people.comms_officer.email);
    await officer.goto(`/orgs/${d.org.slug}/posts/new`);
    await officer.waitForLoadState('load');
    for (const [page, audience] of [
      [staff, 'personal'],
      [officer, 'corporate'],
    ] as const) {
      await page.waitForFunction(() => 'deskLiveCheck' in window);
      for (const text of SAME_TEXTS) {
        const browser = await page.evaluate(
          (t) =>
            (
              window as unknown as { deskLiveCheck: { check(t: string): { findings: Finding[] } } }
            ).deskLiveCheck.check(t).findings,
          text,
        );
        expect(comparable(browser), `${audience}: ${text}`).toEqual(
          comparable(serverCheck(text, audience).findings),
        );
      }
    }
    // And what the live region lists is what the server's page lists for the same draft.
    await staff.getByLabel('Your draft post').fill(DRAFT);
    await staff.locator('[data-live-check-region] li').first().waitFor();
    const live = await staff
      .locator('[data-live-check-region] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    await staff.getByRole('button', { name: 'Check my post' }).click();
    await staff.waitForLoadState('load');
    const server = await staff
      .locator('[data-desk-check-findings] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(live).toEqual(server);
  });

  it('the live check bundle builds in memory and stays under 1.5 MB', async () => {
    const bundle = await bundleLiveCheck();
    expect(bundle.code).toContain('desk-check-config');
    expect(bundle.bytes).toBeLessThan(1_500_000);
    const res = await fetch(`${d.url}/assets/desk/live-check.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    // Served gzipped (about 290 kB instead of about 1.1 MB); fetch unzips it.
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(bundle.code);
    expect(bundle.gzip.byteLength).toBeLessThan(400_000);
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${d.url}/assets/desk/live-check.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });
});
