/**
 * DM acknowledgements delivered through the platform (INB-3), end to end through the API: a
 * Facebook Page connected to a fake Graph API (real HTTP, Meta's shapes), DMs arriving by signed
 * webhook or the items API, the worker sending one Messenger reply per conversation — never a
 * second, not for a second message, not after a worker dies between the platform's answer and
 * the record — platform errors kept in words and retried when retrying can help, sandbox accounts
 * through the sandbox connector, and the profile's per-platform switch. SQLite and PostgreSQL.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENT_JOB,
  createAcknowledgementJob,
} from '../../src/server/jobs/acknowledgement.job.js';
import { startFakeMeta, type FakeMeta } from '../fakes/meta.js';
import { startTestDesk, type Client, type TestDesk } from '../helpers/desk.js';
import { sandboxConnector } from '../helpers/sandbox-posts.js';
import { sessions } from './notify-fakes.js';

const APP_SECRET = 'meta-app-secret-for-ack-tests';
const PAGE_ID = '2000002';
const TOKEN = 'EAAB-ack-test-token';
const DM = 'Hello, can someone tell me how to change my appointment?';

interface AckView {
  id: number;
  item_id: number;
  platform: string;
  conversation: string;
  text: string;
  status: string;
  account_id: number | null;
  platform_message_id: string | null;
  error: string | null;
  delivered_at: string | null;
}

const sign = (body: string) =>
  'sha256=' + createHmac('sha256', APP_SECRET).update(body).digest('hex');

describe.each(['sqlite', 'postgres'] as const)('DM acknowledgement delivery (%s)', (dialect) => {
  let t: TestDesk;
  let fake: FakeMeta;
  let as: ReturnType<typeof sessions>;
  let base: string;
  let connectionId: number;
  let pageAccount: number;
  let n = 0;

  /** Meta's time format, at the desk's clock, so "an earlier message" is recent to both. */
  const syncFakeClock = () => {
    fake.clock.now = t.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, '+0000');
  };

  /** A person's Messenger conversation with the Page, as the Graph API lists it. */
  const conversationWith = (psid: string) => {
    syncFakeClock();
    fake.addEdge(`${PAGE_ID}/conversations:messenger`, {
      id: `t_${psid}`,
      updated_time: fake.clock.now,
      participants: { data: [{ id: PAGE_ID }, { id: psid }] },
    });
  };

  /** A signed Messenger webhook delivery of one DM from `psid`. */
  const webhookDm = async (psid: string, text = DM) => {
    n += 1;
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: PAGE_ID,
          time: t.clock.now().getTime(),
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: PAGE_ID },
              timestamp: t.clock.now().getTime(),
              message: { mid: `m_${dialect}_${n}`, text },
            },
          ],
        },
      ],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/${connectionId}`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { received: number; created: number };
  };

  /** A DM through the items API (an integration or a connector without webhooks). */
  const apiDm = async (item: Record<string, unknown>) => {
    n += 1;
    const officer = await as('comms_officer');
    const res = await officer.post(`${base}/items`, {
      items: [
        {
          platform: 'facebook',
          external_id: `api-${dialect}-${n}`,
          kind: 'dm',
          text: DM,
          received_at: t.clock.now().toISOString(),
          ...item,
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results[0].id as number;
  };

  const acknowledgements = async (): Promise<AckView[]> =>
    (await (await as('comms_officer')).get(`${base}/acknowledgements`)).json().acknowledgements;
  const ackFor = async (conversation: string) =>
    (await acknowledgements()).filter((a) => a.conversation === conversation);
  const sentTo = (psid: string) => fake.sentMessages.filter((m) => m.recipient === psid);

  const register = async (admin: Client, platform: string, handle: string) => {
    const res = await admin.post(`${base}/accounts`, {
      platform,
      handle,
      owner_team: 'Communications',
      managers: [t.people.comms_manager.id, t.people.comms_officer.id],
      verification_status: 'verified',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().account.id as number;
  };

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    as = sessions(t);
    base = `/api/orgs/${t.org.slug}`;
    fake = await startFakeMeta({ tokens: { [TOKEN]: { actorId: PAGE_ID } } });
    fake.addEdge(`${PAGE_ID}/feed`); // an empty Page feed, for the connection's first poll
    const manager = await as('comms_manager');
    pageAccount = await register(manager, 'facebook', 'ExampleTrustPage');
    const connected = await (
      await as('it')
    ).post(`${base}/connections`, {
      account_id: pageAccount,
      credentials: { pageId: PAGE_ID, pageAccessToken: TOKEN },
      webhook_secret: APP_SECRET,
      base_url: fake.url,
    });
    expect(connected.statusCode, connected.body).toBe(201);
    connectionId = connected.json().connection.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('[INB-3] a DM by signed Facebook webhook gets one Messenger reply; a second DM in the conversation gets none', async () => {
    const psid = `${dialect}-psid-1`;
    conversationWith(psid);
    expect(await webhookDm(psid)).toEqual({ received: 1, created: 1 });
    await t.worker.drain();

    expect(sentTo(psid)).toHaveLength(1);
    const [ack] = await ackFor(psid);
    expect(ack).toMatchObject({
      platform: 'facebook',
      status: 'sent',
      account_id: pageAccount,
      platform_message_id: sentTo(psid)[0]!.messageId,
      error: null,
    });
    expect(sentTo(psid)[0]!.text).toBe(ack!.text);
    expect(ack!.text).toContain('Monday to Friday, 9am to 5pm');
    // Sent as a Messenger response to the person, not as a public comment.
    const send = fake.requests.find(
      (r) => r.method === 'POST' && r.path.endsWith(`/${PAGE_ID}/messages`),
    );
    expect(send?.body).toMatchObject({ recipient: { id: psid }, messaging_type: 'RESPONSE' });

    t.clock.advance(10 * 60_000);
    syncFakeClock();
    expect(await webhookDm(psid, 'Also, where do I park?')).toEqual({ received: 1, created: 1 });
    await t.worker.drain();
    expect(sentTo(psid)).toHaveLength(1);
    expect(await ackFor(psid)).toHaveLength(1);

    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(ack!.item_id));
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['dm.acknowledged', 'dm.acknowledgement_sent']),
    );
    const sent = audit.find((r) => r.action === 'dm.acknowledgement_sent');
    expect(sent?.after).toMatchObject({ foundExisting: false, accountId: pageAccount });
    // Governed wording: recorded as not needing approval, and no personal content audited.
    expect(JSON.stringify(audit)).not.toContain(DM);
    expect(audit.find((r) => r.action === 'dm.acknowledged')?.after).toMatchObject({
      approval: expect.stringContaining('MSE 6.4'),
    });
  });

  it('[INB-3] a worker killed between the platform sending and the desk recording it still sends one message', async () => {
    const psid = `${dialect}-psid-crash`;
    conversationWith(psid);
    await webhookDm(psid);
    const crashing = createAcknowledgementJob({
      afterPlatformCall: () => {
        throw new Error('SIGKILL');
      },
    });
    // A worker claims the job, the platform sends the message, and the worker dies before it can
    // record anything (no complete, no fail: its lease simply runs out).
    const job = await t.desk.store.jobs.claim('doomed-worker', t.clock.now(), 30_000, [
      ACKNOWLEDGEMENT_JOB,
    ]);
    expect(job).not.toBeNull();
    await expect(crashing.perform(t.desk, job!)).rejects.toThrow('SIGKILL');
    expect(sentTo(psid)).toHaveLength(1);
    expect((await ackFor(psid))[0]).toMatchObject({ status: 'recorded' });

    t.clock.advance(31_000); // the lease runs out; another worker claims the job again
    syncFakeClock();
    await t.worker.drain();
    expect(sentTo(psid)).toHaveLength(1);
    const [ack] = await ackFor(psid);
    expect(ack).toMatchObject({ status: 'sent', platform_message_id: sentTo(psid)[0]!.messageId });
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(ack!.item_id));
    expect(audit.find((r) => r.action === 'dm.acknowledgement_sent')?.after).toMatchObject({
      foundExisting: true,
    });
    expect((await t.desk.store.jobs.get(t.org.id, job!.id))?.status).toBe('done');
  });

  it('[INB-3] a platform outage is retried with backoff; a refusal is kept in the platform’s words', async () => {
    const psid = `${dialect}-psid-outage`;
    conversationWith(psid);
    fake.inject({ method: 'POST', path: /\/messages$/, status: 503, body: {} });
    await webhookDm(psid);
    await t.worker.drain();
    expect(sentTo(psid)).toHaveLength(0);
    const waiting = (await ackFor(psid))[0]!;
    expect(waiting.status).toBe('recorded');
    expect(waiting.error).toBeTruthy();
    const job = (await t.desk.store.jobs.list(t.org.id, { type: ACKNOWLEDGEMENT_JOB })).find(
      (j) => (j.payload as { conversation: string }).conversation === psid,
    );
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job!.runAt!.getTime()).toBeGreaterThan(t.clock.now().getTime());

    t.clock.advance(5_000);
    syncFakeClock();
    await t.worker.drain();
    expect(sentTo(psid)).toHaveLength(1);
    expect((await ackFor(psid))[0]).toMatchObject({ status: 'sent', error: null });

    // Meta refuses for good (#10: the Page lacks the messaging permission): failed, in words.
    const refused = `${dialect}-psid-refused`;
    conversationWith(refused);
    fake.inject({
      method: 'POST',
      path: /\/messages$/,
      status: 400,
      body: {
        error: {
          message: '(#10) This message is sent outside of allowed window.',
          type: 'OAuthException',
          code: 10,
        },
      },
    });
    await webhookDm(refused);
    await t.worker.drain();
    expect(sentTo(refused)).toHaveLength(0);
    const failed = (await ackFor(refused))[0]!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/Reconnect the Facebook Page/);
    expect(failed.delivered_at).not.toBeNull();
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(failed.item_id));
    expect(audit.find((r) => r.action === 'dm.acknowledgement_failed')?.after).toMatchObject({
      code: 'platform_permission_missing',
    });
  });

  it('[INB-3] a DM without an account is answered from the organisation’s only account of that platform; with several, it says so', async () => {
    // Items API, no `account`: the organisation has exactly one Facebook Page.
    const psid = `${dialect}-psid-api`;
    conversationWith(psid);
    await apiDm({ conversation_id: psid, author: { id: psid } });
    await t.worker.drain();
    expect(sentTo(psid)).toHaveLength(1);
    expect((await ackFor(psid))[0]).toMatchObject({ status: 'sent', account_id: pageAccount });

    // Two X accounts and a DM that does not say which it reached.
    const manager = await as('comms_manager');
    await register(manager, 'x', '@TrustNews');
    await register(manager, 'x', '@TrustJobs');
    await apiDm({ platform: 'x', conversation_id: `${dialect}-x-conv`, author: { id: 'x-1' } });
    await t.worker.drain();
    const [ack] = await ackFor(`${dialect}-x-conv`);
    expect(ack).toMatchObject({ status: 'no_account', platform_message_id: null });
    expect(ack!.error).toContain('2 x accounts');
  });

  it('[INB-3] a sandbox account is answered through the sandbox connector, once', async () => {
    const manager = await as('comms_manager');
    const handle = `sandbox-${dialect}`;
    const account = await register(manager, 'sandbox', handle);
    const officer = await as('comms_officer');
    const dm = (id: string) => ({
      platform: 'sandbox',
      external_id: `${dialect}-sbx-${id}`,
      kind: 'dm',
      text: DM,
      received_at: t.clock.now().toISOString(),
      account: handle,
      conversation_id: `${dialect}-sbx-conv`,
    });
    await officer.post(`${base}/items`, { items: [dm('1')] });
    await officer.post(`${base}/items`, { items: [dm('2')] });
    await t.worker.drain();
    const [ack] = await ackFor(`${dialect}-sbx-conv`);
    expect(ack).toMatchObject({ status: 'sent', account_id: account });
    const posts = sandboxConnector(t, handle).posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      kind: 'reply',
      clientRef: `commsdesk-ack-${ack!.id}`,
      platformPostId: ack!.platform_message_id,
      text: ack!.text,
    });
  });

  it('[PUB-1] a reply drafted to a Facebook DM goes out as a Messenger message, not a public comment', async () => {
    const psid = `${dialect}-psid-reply`;
    conversationWith(psid);
    await webhookDm(psid);
    await t.worker.drain(); // the acknowledgement
    const [ack] = await ackFor(psid);
    const officer = await as('comms_officer');
    const manager = await as('comms_manager');
    const text = 'You can change your appointment by calling the number on your letter.';
    const draft = await officer.post(`${base}/posts`, { in_reply_to: ack!.item_id, text });
    expect(draft.json()).toMatchObject({ kind: 'reply', account_id: pageAccount });
    const id = draft.json().id as number;
    await officer.post(
      `${base}/posts/${id}/submit`,
      draft.json().check.verdict === 'warn' ? { override_reason: 'Checked wording' } : {},
    );
    await manager.post(`${base}/posts/${id}/approve`, {});
    expect((await manager.post(`${base}/posts/${id}/publish`, {})).json().status).toBe('scheduled');
    await t.worker.drain();
    expect((await officer.get(`${base}/posts/${id}`)).json().status).toBe('published');
    expect(sentTo(psid).map((m) => m.text)).toEqual([ack!.text, text]);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toBe(
      false,
    );
  });

  it('[INB-3] the profile can limit acknowledgements to some platforms', async () => {
    const admin = await as('administrator');
    const set = await admin.put(`${base}/profile`, {
      profile_id: t.org.profileId,
      override: 'acknowledgements:\n  platforms: [sandbox]\n',
    });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const psid = `${dialect}-psid-off`;
      conversationWith(psid);
      await webhookDm(psid);
      await t.worker.drain();
      expect(sentTo(psid)).toHaveLength(0);
      expect(await ackFor(psid)).toHaveLength(0);
    } finally {
      const reset = await admin.put(`${base}/profile`, {
        profile_id: t.org.profileId,
        override: null,
      });
      expect(reset.statusCode).toBe(200);
    }
  });
});
