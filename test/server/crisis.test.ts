/**
 * Crisis mode through the API (INB-5), on SQLite and PostgreSQL: switched by crisis managers with
 * a reason, it pauses every scheduled post, refuses new scheduling without an override, tightens
 * monitoring and shows a banner; switched off, paused posts wait for a person to re-confirm them.
 * Both switches are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishJob } from '../../src/server/jobs/publish.job.js';
import { DIALECTS } from '../store/databases.js';
import { startTestDesk, type Client, type TestDesk } from '../helpers/desk.js';
import {
  approvePost,
  auditActions,
  platformPosts,
  publishingSetUp,
} from '../helpers/sandbox-posts.js';

describe.each(DIALECTS)('crisis mode API (%s)', (dialect) => {
  let t: TestDesk;
  let officer: Client;
  let manager: Client;
  let base: string;
  let accountId: number;

  const approvedPost = (text?: string) => approvePost({ base, accountId, officer, manager }, text);

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    ({ base, accountId, officer, manager } = await publishingSetUp(t));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-5] only crisis managers switch it, always with a reason', async () => {
    const byOfficer = await officer.put(`${base}/crisis`, { on: true, reason: 'Major incident' });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.message).toContain('crisis.manage');
    expect((await manager.put(`${base}/crisis`, { on: true })).statusCode).toBe(400);
    expect((await officer.get(`${base}/crisis`)).json()).toMatchObject({ on: false, banner: null });
  });

  it('[INB-5] switching on pauses every scheduled post, refuses new scheduling without an override, and shows a banner', async () => {
    const later = new Date(t.clock.now().getTime() + 10 * 60_000);
    const scheduled = await approvedPost();
    await manager.post(`${base}/posts/${scheduled}/schedule`, { at: later.toISOString() });
    const waiting = await approvedPost('Our walk-in centre is open until 8pm today.');

    const on = await manager.put(`${base}/crisis`, {
      on: true,
      reason: 'Major incident declared at the main hospital',
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({
      on: true,
      period: { reason: 'Major incident declared at the main hospital' },
      monitoring: { extended_hours: true },
      paused_posts: [scheduled],
    });
    expect(on.json().banner).toContain('Crisis mode is on');
    // Monitoring is tightened: targets at most half the profile's.
    const { profile } = t.desk.profiles.forOrganisation(t.org);
    expect(on.json().monitoring.urgent_minutes).toBeLessThan(profile.targets.urgentMinutes);
    expect(on.json().monitoring.oncall_ack_minutes).toBeLessThan(profile.targets.oncallAckMinutes);
    // Everyone sees the banner.
    expect((await (await t.as('staff')).get(`${base}/crisis`)).json().on).toBe(true);
    expect(
      (await manager.put(`${base}/crisis`, { on: true, reason: 'again' })).json().error.code,
    ).toBe('crisis_already_on');

    const paused = (await officer.get(`${base}/posts/${scheduled}`)).json();
    expect(paused.status).toBe('paused');
    expect((await t.desk.store.jobs.byUniqueKey(t.org.id, `post:${scheduled}:v1`))?.status).toBe(
      'cancelled',
    );
    t.clock.set(later);
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${scheduled}`)).json().status).toBe('paused');
    expect(platformPosts(t).filter((p) => p.clientRef === `commsdesk-post-${scheduled}`)).toEqual(
      [],
    );

    // Nothing new is scheduled or published without an explicit override.
    const refused = await manager.post(`${base}/posts/${waiting}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('crisis_mode');
    const overridden = await manager.post(`${base}/posts/${waiting}/publish`, {
      crisis_override_reason: 'Walk-in centre times are part of the incident response',
    });
    expect(overridden.json().status).toBe('scheduled');
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${waiting}`)).json().status).toBe('published');
    const audit = await auditActions(t, 'post', waiting);
    expect(audit.find((r) => r.action === 'post.schedule')?.after).toMatchObject({
      crisisOverrideReason: 'Walk-in centre times are part of the incident response',
    });
  });

  it('[INB-5] switching off leaves paused posts paused until a person re-confirms each; all audited', async () => {
    const paused = (await officer.get(`${base}/posts?status=paused`)).json().posts as {
      id: number;
    }[];
    expect(paused).toHaveLength(1);
    const id = paused[0]!.id;
    const off = await manager.put(`${base}/crisis`, { on: false, reason: 'Incident stood down' });
    expect(off.json()).toMatchObject({ on: false, banner: null, paused_posts: [id] });
    expect(off.json().monitoring.extended_hours).toBe(false);

    // Not silently published: still paused after the worker runs.
    t.clock.advance(60_000);
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('paused');

    // Re-confirmation is an explicit schedule by someone who may publish.
    expect((await officer.post(`${base}/posts/${id}/schedule`, {})).statusCode).toBe(403);
    const again = await manager.post(`${base}/posts/${id}/schedule`, {});
    expect(again.json().status).toBe('scheduled');
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('published');
    expect(platformPosts(t).filter((p) => p.clientRef === `commsdesk-post-${id}`)).toHaveLength(1);

    const orgAudit = (await auditActions(t, 'organisation', t.org.id)).map((r) => r.action);
    expect(orgAudit).toEqual(expect.arrayContaining(['crisis.on', 'crisis.off']));
    const postAudit = (await auditActions(t, 'post', id)).map((r) => r.action);
    expect(postAudit).toEqual(
      expect.arrayContaining(['post.pause', 'post.reconfirm', 'post.published']),
    );
    const history = (await officer.get(`${base}/crisis/history`)).json().periods;
    expect(history[0]).toMatchObject({
      reason: 'Major incident declared at the main hospital',
      end_reason: 'Incident stood down',
      started_by: t.people.comms_manager.id,
    });
  });

  it('[INB-5] a publish job already claimed when crisis mode goes on does not publish', async () => {
    const id = await approvedPost('Our blood test clinic is open on Saturday morning.');
    await manager.post(`${base}/posts/${id}/publish`, {});
    const job = await t.desk.store.jobs.claim('test-worker', t.clock.now(), 30_000, [
      'post.publish',
    ]);
    expect(job?.uniqueKey).toBe(`post:${id}:v1`);
    await manager.put(`${base}/crisis`, { on: true, reason: 'Second incident' });
    await createPublishJob().perform(t.desk, job!);
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('paused');
    expect(platformPosts(t).filter((p) => p.clientRef === `commsdesk-post-${id}`)).toEqual([]);
    await manager.put(`${base}/crisis`, { on: false, reason: 'Stood down' });
  });
});
