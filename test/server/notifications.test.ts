/**
 * The notification outbox through the API and the worker: Teams/Slack webhook URLs kept sealed
 * and limited to known hosts, email retried with backoff when the SMTP server refuses, a revoked
 * webhook given up at once, and nothing personal in what leaves the desk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, wireItem, type TestDesk } from '../helpers/desk.js';
import {
  sessions,
  startSmtp,
  startWebhooks,
  useNotifyServers,
  type FakeSmtp,
  type FakeWebhooks,
} from './notify-fakes.js';

const URGENT =
  'My dad was given the wrong medication on ward 5 last night and now he cannot breathe properly. Nobody is listening.';

let smtp: FakeSmtp;
let hooks: FakeWebhooks;
let t: TestDesk;
let as: ReturnType<typeof sessions>;
let base: string;
let n = 0;
beforeAll(async () => {
  smtp = await startSmtp();
  hooks = await startWebhooks();
  t = await startTestDesk();
  useNotifyServers(t.desk, smtp, hooks);
  as = sessions(t);
  base = `/api/orgs/${t.org.slug}`;
});
afterAll(async () => {
  await t?.close();
  await smtp.close();
  await hooks.close();
});

const ingestUrgent = async () => {
  n += 1;
  const res = await (
    await as('comms_officer')
  ).post(`${base}/items`, {
    items: [wireItem(`notify-${n}`, URGENT, { received_at: t.clock.now().toISOString() })],
  });
  return res.json().results[0].id as number;
};
const outbox = async (itemId: number) =>
  (await (await as('comms_manager')).get(`${base}/notifications?item=${itemId}`)).json()
    .notifications as {
    channel: string;
    status: string;
    attempts: number;
    last_error: string | null;
    body: string;
  }[];

describe('notification channels', () => {
  it('[INB-4] stores a webhook URL sealed, shows only its host, and refuses unknown hosts', async () => {
    const admin = await as('administrator');
    const refused = await admin.put(`${base}/notifications/channels/slack`, {
      url: 'https://evil.example.com/hook',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('webhook_url_not_allowed');
    const plain = await admin.put(`${base}/notifications/channels/slack`, {
      url: 'http://hooks.slack.com/services/T000/B000/XXXX',
    });
    expect(plain.statusCode).toBe(400);
    const officer = await as('comms_officer');
    expect(
      (await officer.put(`${base}/notifications/channels/slack`, { url: `${hooks.base}/slack` }))
        .statusCode,
    ).toBe(403);
    const ok = await admin.put(`${base}/notifications/channels/slack`, {
      url: `${hooks.base}/slack?token=s3cret`,
    });
    expect(ok.statusCode).toBe(200);
    const listed = await admin.get(`${base}/notifications/channels`);
    expect(listed.json().channels).toEqual([
      expect.objectContaining({ channel: 'slack', host: hooks.host }),
    ]);
    expect(listed.body).not.toContain('s3cret');
    const row = await t.desk.store.notifications.channels(t.org.id);
    expect(row[0]!.urlSealed).not.toContain('s3cret');
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(
      JSON.stringify(audit.filter((r) => r.action.startsWith('notifications.'))),
    ).not.toContain('s3cret');
  });
});

describe('sending', () => {
  it('[INB-4] queues notifications in the outbox and sends them from a job, not inline', async () => {
    const before = smtp.mails.length;
    const itemId = await ingestUrgent(); // Monday 10:00: in hours, so the comms team is told
    expect(smtp.mails.length).toBe(before);
    const queued = await outbox(itemId);
    expect(queued.map((x) => [x.channel, x.status]).sort()).toEqual([
      ['email', 'queued'],
      ['slack', 'queued'],
    ]);
    await t.worker.drain();
    expect((await outbox(itemId)).every((x) => x.status === 'sent')).toBe(true);
    const slack = hooks.posts.filter((p) => p.path.startsWith('/slack')).at(-1)!;
    expect(slack.body.text).toContain(`/orgs/${t.org.slug}/items/${itemId}`);
    for (const x of await outbox(itemId)) {
      expect(x.body).not.toContain('medication');
      expect(x.body).not.toContain('Author');
    }
  });

  it('[INB-4] retries email with backoff when the SMTP server refuses, then delivers it', async () => {
    smtp.refuseNext(2);
    const itemId = await ingestUrgent();
    await t.worker.drain();
    let email = (await outbox(itemId)).find((x) => x.channel === 'email')!;
    expect(email).toMatchObject({ status: 'queued', attempts: 1 });
    expect(email.last_error).toMatch(/451|later/i);
    t.clock.advance(1_000);
    await t.worker.drain();
    t.clock.advance(2_000);
    await t.worker.drain();
    email = (await outbox(itemId)).find((x) => x.channel === 'email')!;
    expect(email).toMatchObject({ status: 'sent', attempts: 3 });
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(audit.filter((r) => r.action === 'notification.sent').length).toBeGreaterThan(0);
  });

  it('[INB-4] gives up at once on a webhook that answers 410 Gone, and audits the failure', async () => {
    hooks.answer('/slack?token=s3cret', 410);
    const itemId = await ingestUrgent();
    await t.worker.drain();
    const slack = (await outbox(itemId)).find((x) => x.channel === 'slack')!;
    expect(slack).toMatchObject({ status: 'failed', attempts: 1 });
    expect(slack.last_error).toContain('410');
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(audit.some((r) => r.action === 'notification.failed')).toBe(true);
    hooks.answer('/slack?token=s3cret', 200);
  });

  it('[INB-4] removing a channel stops its notifications', async () => {
    const admin = await as('administrator');
    expect((await admin.delete(`${base}/notifications/channels/slack`)).statusCode).toBe(204);
    expect((await admin.delete(`${base}/notifications/channels/slack`)).statusCode).toBe(404);
    const itemId = await ingestUrgent();
    expect((await outbox(itemId)).map((x) => x.channel)).toEqual(['email']);
  });
});
