/**
 * Publishing through the API, on SQLite and PostgreSQL: drafts with the content check (PUB-3's
 * block and warn), the approval workflow of the profile (PUB-2), scheduling and publishing through
 * the sandbox connector (PUB-1), restricted periods (PUB-5), corrections with history and the
 * personal-data exception (PUB-6), and publishing that never double-posts after a crash.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/server/jobs/index.js';
import { createPublishJob, PUBLISH_JOB } from '../../src/server/jobs/publish.job.js';
import { JobWorker } from '../../src/server/jobs/worker.js';
import { ProfileCache } from '../../src/server/profiles.js';
import { DIALECTS } from '../store/databases.js';
import {
  MONDAY_10AM,
  startTestDesk,
  wireItem,
  type Client,
  type TestDesk,
} from '../helpers/desk.js';
import {
  approvePost,
  auditActions,
  CLEAN,
  HANDLE,
  platformPosts,
  publishingSetUp,
  sandboxConnector,
} from '../helpers/sandbox-posts.js';

const WARN = 'Flu clinics open this week #winterflujab';
const BLOCK = 'Call us about patient 943 476 5919 today.';

/** A profile with two approvers and two restricted periods, in a folder of its own. */
function publishingProfileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commsdesk-profiles-'));
  writeFileSync(
    join(dir, 'publishing-test.yml'),
    [
      'id: publishing-test',
      'extends: [nhs-default]',
      'approval: { approvers: 2, roles: [comms_manager, oncall_manager], clause: "Test 2" }',
      'restrictedPeriods:',
      '  - { name: Annual report embargo, kind: embargo, start: "2026-03-10", end: "2026-03-12", action: block, clause: "Test 5.1" }',
      '  - { name: Merger announcement, kind: embargo, start: "2026-03-20", end: "2026-03-20", action: named-approver, approver: Chief Executive, clause: "Test 5.2" }',
      '',
    ].join('\n'),
  );
  return dir;
}

describe.each(DIALECTS)('publishing API (%s)', (dialect) => {
  let t: TestDesk;
  let officer: Client;
  let manager: Client;
  let oncall: Client;
  let base: string;
  let accountId: number;

  const approvedPost = (text?: string, extra?: Record<string, unknown>) =>
    approvePost({ base, accountId, officer, manager }, text, extra);

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    ({ base, accountId, officer, manager } = await publishingSetUp(t));
    oncall = await t.as('oncall_manager');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('[PUB-1] drafts are checked on create and edit: verdict and findings with evidence are stored', async () => {
    const res = await officer.post(`${base}/posts`, { account_id: accountId, text: BLOCK });
    expect(res.statusCode).toBe(201);
    const post = res.json();
    expect(post).toMatchObject({ status: 'draft', version: 1, check: { verdict: 'block' } });
    const finding = post.check.findings.find((f: { rule: string }) => f.rule === 'pii.nhs_number');
    expect(finding).toMatchObject({ severity: 'block', actual: '943 476 5919' });
    expect(finding.clause).toBeTruthy();

    // A block is never submitted.
    const blocked = await officer.post(`${base}/posts/${post.id}/submit`, {});
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error).toMatchObject({ code: 'check_blocked' });
    expect(blocked.json().error.message).toContain('pii.nhs_number');

    // Fixing the text re-runs the check on the new version.
    const fixed = await officer.patch(`${base}/posts/${post.id}`, { text: CLEAN });
    expect(fixed.json()).toMatchObject({ version: 2, check: { verdict: 'pass' } });
  });

  it('[PUB-1] a warning needs an override reason, recorded and audited', async () => {
    const res = await officer.post(`${base}/posts`, { account_id: accountId, text: WARN });
    const id = res.json().id as number;
    expect(res.json().check.verdict).toBe('warn');
    const refused = await officer.post(`${base}/posts/${id}/submit`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('override_reason_required');
    const ok = await officer.post(`${base}/posts/${id}/submit`, {
      override_reason: 'Campaign hashtag agreed with NHS England',
    });
    expect(ok.json()).toMatchObject({
      status: 'awaiting_approval',
      check: { override_reason: 'Campaign hashtag agreed with NHS England' },
    });
    const audit = await auditActions(t, 'post', id);
    expect(audit.find((r) => r.action === 'post.submit')?.after).toMatchObject({
      overrideReason: 'Campaign hashtag agreed with NHS England',
    });
    // The audit never holds the post text (it is append-only; PUB-6 must be able to remove it).
    expect(JSON.stringify(audit)).not.toContain('winterflujab');
  });

  it('[PUB-1] schedules an approved post and publishes it at the time through the sandbox connector', async () => {
    const id = await approvedPost(CLEAN, { campaign: 'maternity-week', category: 'services' });
    // Officers draft; they cannot schedule.
    expect((await officer.post(`${base}/posts/${id}/schedule`, {})).statusCode).toBe(403);
    // (Within the session idle time: the test's sign-ins stay valid.)
    const at = new Date(t.clock.now().getTime() + 20 * 60_000);
    const res = await manager.post(`${base}/posts/${id}/schedule`, { at: at.toISOString() });
    expect(res.json()).toMatchObject({ status: 'scheduled', scheduled_for: at.toISOString() });
    const job = await t.desk.store.jobs.byUniqueKey(t.org.id, `post:${id}:v1`);
    expect(job).toMatchObject({ type: PUBLISH_JOB, status: 'queued', runAt: at });

    await t.worker.drain();
    expect((await manager.get(`${base}/posts/${id}`)).json().status).toBe('scheduled');

    t.clock.set(at);
    await t.worker.drain();
    const published = (await manager.get(`${base}/posts/${id}`)).json();
    expect(
      published.status,
      JSON.stringify(await t.desk.store.jobs.byUniqueKey(t.org.id, `post:${id}:v1`)),
    ).toBe('published');
    expect(published).toMatchObject({ status: 'published', published_at: at.toISOString() });
    const onPlatform = platformPosts(t).filter((p) => p.clientRef === `commsdesk-post-${id}`);
    expect(onPlatform).toHaveLength(1);
    expect(onPlatform[0]).toMatchObject({
      text: CLEAN,
      platformPostId: published.platform_post_id,
    });

    // The content calendar shows it by campaign.
    const cal = await officer.get(
      `${base}/posts/calendar?from=${encodeURIComponent(MONDAY_10AM.toISOString())}&to=${encodeURIComponent(new Date(at.getTime() + 1).toISOString())}&campaign=maternity-week`,
    );
    expect(cal.json().posts.map((p: { id: number }) => p.id)).toEqual([id]);
    const actions = (await auditActions(t, 'post', id)).map((r) => r.action);
    expect(actions).toEqual([
      'post.create',
      'post.submit',
      'post.approve',
      'post.schedule',
      'post.published',
    ]);
  });

  it('[PUB-1] a reply to an item goes out on the item’s account, in reply to it', async () => {
    const ingest = await officer.post(`${base}/items`, {
      items: [
        wireItem('r1', 'What are the visiting hours on ward 3?', {
          platform: 'sandbox',
          account: HANDLE,
        }),
      ],
    });
    const itemId = ingest.json().results[0].id as number;
    const res = await officer.post(`${base}/posts`, {
      in_reply_to: itemId,
      text: 'Visiting hours on ward 3 are 2pm to 8pm every day.',
    });
    expect(res.json()).toMatchObject({ kind: 'reply', account_id: accountId, in_reply_to: itemId });
    const id = res.json().id as number;
    if (res.json().check.verdict === 'warn') {
      await officer.post(`${base}/posts/${id}/submit`, { override_reason: 'Checked wording' });
    } else {
      await officer.post(`${base}/posts/${id}/submit`, {});
    }
    await manager.post(`${base}/posts/${id}/approve`, {});
    expect((await manager.post(`${base}/posts/${id}/publish`, {})).json().status).toBe('scheduled');
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('published');
    expect(platformPosts(t).find((p) => p.clientRef === `commsdesk-post-${id}`)).toMatchObject({
      kind: 'reply',
      inReplyTo: 'fb-r1',
    });
    expect((await officer.get(`${base}/items/${itemId}`)).json().item.status).toBe('replied');
  });

  it('[PUB-2] approvers are people in the profile’s roles, never the author; reject sends back with a note', async () => {
    const created = await officer.post(`${base}/posts`, { account_id: accountId, text: CLEAN });
    const id = created.json().id as number;
    // Not submitted yet: nothing to approve.
    expect((await manager.post(`${base}/posts/${id}/approve`, {})).json().error.code).toBe(
      'post_not_awaiting_approval',
    );
    await officer.post(`${base}/posts/${id}/submit`, {});
    // An officer lacks post.approve.
    const byOfficer = await officer.post(`${base}/posts/${id}/approve`, {});
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.message).toContain('post.approve');
    // The on-call manager has post.approve but nhs-default lets only comms_manager approve.
    const byOncall = await oncall.post(`${base}/posts/${id}/approve`, {});
    expect(byOncall.statusCode).toBe(403);
    expect(byOncall.json().error).toMatchObject({ code: 'approver_role_not_allowed' });
    // Reject needs a note and sends the post back to draft.
    expect((await manager.post(`${base}/posts/${id}/reject`, {})).statusCode).toBe(400);
    const rejected = await manager.post(`${base}/posts/${id}/reject`, {
      note: 'Add the opening time.',
    });
    expect(rejected.json()).toMatchObject({ status: 'draft' });
    expect(rejected.json().approval.decisions[0]).toMatchObject({
      decision: 'rejected',
      note: 'Add the opening time.',
      user_id: t.people.comms_manager.id,
    });

    // A manager's own post: they cannot approve it themselves.
    const own = await manager.post(`${base}/posts`, { account_id: accountId, text: CLEAN });
    await manager.post(`${base}/posts/${own.json().id}/submit`, {});
    const self = await manager.post(`${base}/posts/${own.json().id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('own_post');
  });

  it('[PUB-2] the profile sets the number of distinct approvers; editing after approval sends it back', async () => {
    const dir = publishingProfileDir();
    const previous = t.desk.profiles;
    t.desk.profiles = new ProfileCache([dir]);
    await t.desk.store.organisations.setProfile(t.org.id, 'publishing-test', null);
    try {
      const created = await officer.post(`${base}/posts`, { account_id: accountId, text: CLEAN });
      const id = created.json().id as number;
      await officer.post(`${base}/posts/${id}/submit`, {});
      const first = await manager.post(`${base}/posts/${id}/approve`, { note: 'Fine' });
      expect(first.json()).toMatchObject({
        status: 'awaiting_approval',
        approval: { required: 2, approved_by: [t.people.comms_manager.id] },
      });
      // The same person twice is still one approver.
      expect((await manager.post(`${base}/posts/${id}/approve`, {})).json().error.code).toBe(
        'already_approved',
      );
      // Scheduling before enough approvals is refused.
      expect((await manager.post(`${base}/posts/${id}/schedule`, {})).statusCode).toBe(409);
      const second = await oncall.post(`${base}/posts/${id}/approve`, {});
      expect(second.json()).toMatchObject({ status: 'approved' });
      expect(second.json().approval.approved_by).toHaveLength(2);

      // Editing the approved post sends it back: the approvals were for version 1.
      const edited = await officer.patch(`${base}/posts/${id}`, {
        text: 'Our new maternity unit opens on Tuesday. Come and see it.',
      });
      expect(edited.json()).toMatchObject({ status: 'draft', version: 2 });
      expect(edited.json().approval.approved_by).toEqual([]);
      await officer.post(`${base}/posts/${id}/submit`, {});
      expect((await manager.post(`${base}/posts/${id}/approve`, {})).json().status).toBe(
        'awaiting_approval',
      );
    } finally {
      t.desk.profiles = previous;
      await t.desk.store.organisations.setProfile(t.org.id, 'nhs-default', null);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[PUB-5] scheduling in a restricted period is refused naming the period, or needs the named approver', async () => {
    const dir = publishingProfileDir();
    const previous = t.desk.profiles;
    t.desk.profiles = new ProfileCache([dir]);
    await t.desk.store.organisations.setProfile(t.org.id, 'publishing-test', null);
    try {
      const id = (
        await officer.post(`${base}/posts`, { account_id: accountId, text: CLEAN })
      ).json().id as number;
      await officer.post(`${base}/posts/${id}/submit`, {});
      await manager.post(`${base}/posts/${id}/approve`, {});
      await oncall.post(`${base}/posts/${id}/approve`, {});

      const embargo = await manager.post(`${base}/posts/${id}/schedule`, {
        at: '2026-03-11T09:00:00Z',
      });
      expect(embargo.statusCode).toBe(409);
      expect(embargo.json().error).toMatchObject({ code: 'restricted_period' });
      expect(embargo.json().error.message).toContain('Annual report embargo');
      expect(embargo.json().error.message).toContain('2026-03-12');

      const merger = await manager.post(`${base}/posts/${id}/schedule`, {
        at: '2026-03-20T09:00:00Z',
      });
      expect(merger.statusCode).toBe(409);
      expect(merger.json().error).toMatchObject({ code: 'named_approver_required' });
      expect(merger.json().error.message).toMatch(/Merger announcement.*Chief Executive/);

      // The named approver signs for the period; then it may be scheduled in it.
      expect(
        (await oncall.post(`${base}/posts/${id}/approve`, { restricted_period: 'No such period' }))
          .statusCode,
      ).toBe(400);
      const signed = await oncall.post(`${base}/posts/${id}/approve`, {
        restricted_period: 'Merger announcement',
        note: 'Signed for the Chief Executive',
      });
      expect(signed.statusCode, signed.body).toBe(200);
      const ok = await manager.post(`${base}/posts/${id}/schedule`, { at: '2026-03-20T09:00:00Z' });
      expect(ok.json()).toMatchObject({ status: 'scheduled' });

      // Outside any period, no named approver is needed; the calendar shades the periods.
      const cal = await officer.get(
        `${base}/posts/calendar?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`,
      );
      expect(cal.json().restricted_periods.map((p: { name: string }) => p.name)).toEqual([
        'Annual report embargo',
        'Merger announcement',
      ]);
      expect((await manager.post(`${base}/posts/${id}/unschedule`, {})).json().status).toBe(
        'approved',
      );
    } finally {
      t.desk.profiles = previous;
      await t.desk.store.organisations.setProfile(t.org.id, 'nhs-default', null);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[PUB-1] a crash after the platform accepted the post never double-posts', async () => {
    const id = await approvedPost('Blood donation sessions are on at the main hospital this week.');
    await manager.post(`${base}/posts/${id}/publish`, {});

    // The worker dies between the platform's answer and recording it.
    let crashes = 0;
    const crashing = new JobWorker(t.desk, {
      [PUBLISH_JOB]: createPublishJob({
        afterPlatformCall: () => {
          crashes += 1;
          throw new Error('worker killed after the platform call');
        },
      }),
    });
    expect(await crashing.runOnce()).toBe(true);
    expect(crashes).toBe(1);
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('scheduled');
    const mine = () => platformPosts(t).filter((p) => p.clientRef === `commsdesk-post-${id}`);
    expect(mine()).toHaveLength(1);
    const job = await t.desk.store.jobs.byUniqueKey(t.org.id, `post:${id}:v1`);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });

    // The retry finds the post by its clientRef and only records it.
    t.clock.advance(60_000);
    await t.worker.drain();
    const post = (await officer.get(`${base}/posts/${id}`)).json();
    expect(post.status).toBe('published');
    expect(mine()).toHaveLength(1);
    expect(post.platform_post_id).toBe(mine()[0]!.platformPostId);
    const history = (await officer.get(`${base}/posts/${id}/history`)).json();
    expect(history.attempts).toHaveLength(1);
    expect(history.attempts[0]).toMatchObject({ outcome: null, finished_at: null });
    const published = (await auditActions(t, 'post', id)).find(
      (r) => r.action === 'post.published',
    );
    expect(published?.after).toMatchObject({ foundExisting: true });

    // Running the handler yet again (at-least-once delivery) changes nothing.
    await createPublishJob().perform(
      t.desk,
      (await t.desk.store.jobs.byUniqueKey(t.org.id, `post:${id}:v1`))!,
    );
    expect(mine()).toHaveLength(1);
  });

  it('[PUB-6] a published post is corrected with a visible correction and full edit history', async () => {
    const id = await approvedPost('Flu clinics are open on Monday this week.');
    await manager.post(`${base}/posts/${id}/publish`, {});
    await t.worker.drain();

    const noReason = await manager.patch(`${base}/posts/${id}`, {
      text: 'Flu clinics are open on Tuesday this week.',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('reason_required');
    const byOfficer = await officer.patch(`${base}/posts/${id}`, {
      text: 'Flu clinics are open on Tuesday this week.',
      reason: 'Wrong day',
    });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.message).toContain('post.correct');
    const blocked = await manager.patch(`${base}/posts/${id}`, { text: BLOCK, reason: 'Oops' });
    expect(blocked.json().error.code).toBe('check_blocked');

    const corrected = await manager.patch(`${base}/posts/${id}`, {
      text: 'Flu clinics are open on Tuesday this week.',
      reason: 'The clinic day was wrong',
    });
    expect(corrected.json()).toMatchObject({ status: 'published', version: 2 });
    const history = (await officer.get(`${base}/posts/${id}/history`)).json();
    expect(history.current_version).toBe(2);
    expect(history.revisions).toEqual([
      expect.objectContaining({
        version: 1,
        text: 'Flu clinics are open on Monday this week.',
        reason: 'The clinic day was wrong',
        edited_by: t.people.comms_manager.id,
      }),
    ]);
    // The correction is published where the post is: a visible reply to it.
    await t.worker.drain();
    const original = platformPosts(t).find((p) => p.clientRef === `commsdesk-post-${id}`)!;
    expect(original.deletedAt).toBeNull();
    expect(
      platformPosts(t).find((p) => p.clientRef === `commsdesk-post-${id}-correction-v2`),
    ).toMatchObject({
      kind: 'reply',
      inReplyTo: original.platformPostId,
      text: 'Correction: Flu clinics are open on Tuesday this week.',
    });
    expect((await auditActions(t, 'post', id)).map((r) => r.action)).toContain('post.correct');
  });

  it('[PUB-6] personal data posted in error is deleted at once, redacted and raises an IG incident', async () => {
    const id = await approvedPost('Congratulations to our ward 5 team on their award today.');
    await manager.post(`${base}/posts/${id}/publish`, {});
    await t.worker.drain();
    await manager.patch(`${base}/posts/${id}`, {
      text: 'Congratulations to the ward 5 team on their award today.',
      reason: 'Wording',
    });
    await t.worker.drain();

    const body = { reason: 'Photo showed a patient’s wristband', kind: 'personal_data' };
    expect((await officer.post(`${base}/posts/${id}/remove-personal-data`, body)).statusCode).toBe(
      403,
    );
    const res = await manager.post(`${base}/posts/${id}/remove-personal-data`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().post).toMatchObject({ status: 'withdrawn', text: '' });
    expect(res.json().incident).toMatchObject({
      kind: 'personal_data',
      platform: 'sandbox',
      platform_deleted: true,
      status: 'open',
    });
    const onPlatform = platformPosts(t).find((p) => p.clientRef === `commsdesk-post-${id}`)!;
    expect(onPlatform.deletedAt).not.toBeNull();
    // The text is gone from every revision; the history of who changed what stays.
    const history = (await officer.get(`${base}/posts/${id}/history`)).json();
    expect(
      history.revisions.map((r: { text: string; reason: string }) => [r.text, r.reason]),
    ).toEqual([['', 'Wording']]);
    // Governance sees the incident.
    const governance = await t.as('governance');
    const incidents = (await governance.get(`${base}/ig-incidents`)).json().incidents;
    expect(incidents[0]).toMatchObject({ post_id: id, reason: body.reason });
    const audit = await auditActions(t);
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['post.remove_personal_data', 'ig_incident.raise']),
    );
    expect(JSON.stringify(audit)).not.toContain('ward 5 team');
    // Once removed it cannot be removed or edited again.
    expect((await manager.post(`${base}/posts/${id}/remove-personal-data`, body)).statusCode).toBe(
      409,
    );
  });

  it('[PUB-1] an account without a publishing connection fails the post in words, without retrying', async () => {
    const x = await t.desk.store.accounts.create(
      t.org.id,
      { platform: 'x', handle: '@ExampleNHS', ownerTeam: 'Communications', managers: [] },
      t.clock.now(),
    );
    const id = (await officer.post(`${base}/posts`, { account_id: x.id, text: CLEAN })).json()
      .id as number;
    await officer.post(`${base}/posts/${id}/submit`, {});
    await manager.post(`${base}/posts/${id}/approve`, {});
    await manager.post(`${base}/posts/${id}/publish`, {});
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('failed');
    const failed = (await auditActions(t, 'post', id)).find(
      (r) => r.action === 'post.publish_failed',
    );
    expect(failed?.after).toMatchObject({ code: 'platform_config' });
    expect(String(failed?.after?.message)).toContain('Connect the account');
  });

  it('[PUB-1] another organisation’s posts are invisible (404)', async () => {
    const id = await approvedPost();
    const other = await t.otherOrganisation();
    const stranger = await t.as(other.people.comms_manager.email);
    expect((await stranger.get(`${base}/posts/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/orgs/${other.org.slug}/posts/${id}`)).statusCode).toBe(404);
  });

  it('uses the job handler registered for post.publish', () => {
    expect(jobHandlers[PUBLISH_JOB]).toBeDefined();
  });
});

describe('demo seed', () => {
  it('[PUB-1] serve --demo shows posts at every stage, one published on the sandbox account', async () => {
    const t = await startTestDesk();
    try {
      const { seedDemo } = await import('../../src/server/demo.js');
      await seedDemo(t.desk);
      const org = (await t.desk.store.organisations.bySlug('demo'))!;
      const statuses = (await t.desk.store.posts.list(org.id)).map((p) => p.status).sort();
      expect(statuses).toEqual(['awaiting_approval', 'draft', 'published', 'scheduled']);
      const account = (await t.desk.store.accounts.list(org.id)).find(
        (a) => a.platform === 'sandbox',
      )!;
      const onPlatform = sandboxConnector(t, account.handle).health();
      expect((await onPlatform).state).toBe('ok');
    } finally {
      await t.close();
    }
  }, 120_000);
});
