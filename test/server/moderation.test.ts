/**
 * STF-6 through the desk: a Viva Engage network connected by IT and polled by the worker; the
 * messages that break the network's rules of engagement form the moderation queue; a moderator
 * (comms manager) removes one through the connector's delete with a reason, audited; the same
 * endpoint hides Facebook, Instagram and X comments on their (fake) platforms.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMeta, type FakeMeta } from '../fakes/meta.js';
import { startFakeVivaEngage, type FakeVivaEngage } from '../fakes/viva_engage.js';
import { startFakeX, type FakeX } from '../fakes/x.js';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

const GROUP = 77;
const DEROGATORY =
  'The new rota is a joke, our useless manager is a complete tosser and nobody upstairs cares';
const FINE = 'Reminder: flu jabs in the staff canteen on Tuesday from 9am';
const SECRET = 'webhook-secret-for-moderation';

let t: TestDesk;
let viva: FakeVivaEngage;
let meta: FakeMeta;
let fakeX: FakeX;
const base = () => `/api/orgs/${t.org.slug}`;

async function account(platform: string, handle: string) {
  return t.desk.store.accounts.create(
    t.org.id,
    {
      platform,
      handle,
      ownerTeam: 'Communications',
      managers: [t.people.comms_manager.id, t.people.comms_officer.id],
    },
    t.clock.now(),
  );
}

async function connect(body: Record<string, unknown>): Promise<number> {
  const res = await (await t.as('it')).post(`${base()}/connections`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().connection.id as number;
}

const hubSign = (body: string) =>
  'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex');
const xSign = (body: string) =>
  'sha256=' + createHmac('sha256', SECRET).update(body).digest('base64');

async function deliver(connectionId: number, body: string, headers: Record<string, string>) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/webhooks/${connectionId}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function itemId(platform: string, externalId: string): Promise<number> {
  const item = await t.desk.store.items.byExternalId(t.org.id, platform, externalId);
  expect(item).not.toBeNull();
  return item!.id;
}

beforeAll(async () => {
  t = await startTestDesk({ now: new Date('2026-05-01T12:00:00Z') });
  viva = await startFakeVivaEngage();
  viva.addMessage(5001, GROUP, FINE, '2026/05/01 10:00:00 +0000');
  viva.addMessage(5002, GROUP, DEROGATORY, '2026/05/01 10:05:00 +0000');
  viva.addMessage(
    5003,
    GROUP,
    'Whoever parked in bay 4 is a f***ing idiot',
    '2026/05/01 10:06:00 +0000',
    5001,
  );
  meta = await startFakeMeta({
    tokens: { 'page-token': { actorId: '3100' }, 'ig-token': { actorId: '17841400000000001' } },
  });
  fakeX = await startFakeX({ token: 'x-token', userId: '4200', username: 'trust' });
}, 60_000);
afterAll(async () => {
  await Promise.all([viva?.close(), meta?.close(), fakeX?.close()]);
  await t?.close();
});

describe('moderation through the desk', () => {
  let queueIds: number[] = [];

  it('[STF-6] polled staff-network messages that break the rules of engagement form the moderation queue', async () => {
    const acc = await account('viva_engage', 'Trust staff network');
    await connect({
      account_id: acc.id,
      credentials: { accessToken: 'good-token', groupIds: [String(GROUP)] },
      base_url: viva.url,
    });
    expect(await t.worker.drain(5)).toBeGreaterThan(0);
    expect(await t.desk.store.items.count(t.org.id)).toBe(3);

    const manager = await t.as('comms_manager');
    const queue = await manager.get(`${base()}/moderation`);
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as {
      id: number;
      external_id: string;
      platform: string;
      moderation: { flagged: boolean; reasons: { source: string }[] };
    }[];
    expect(items.map((i) => i.external_id)).toEqual(['5002', '5003']);
    expect(items.every((i) => i.platform === 'viva_engage' && i.moderation.flagged)).toBe(true);
    expect(items[0]!.moderation.reasons.map((r) => r.source)).toEqual(
      expect.arrayContaining(['check:offensive', 'check:personal.grievance']),
    );
    queueIds = items.map((i) => i.id);

    const all = (await manager.get(`${base()}/moderation?include=all`)).json().items as {
      external_id: string;
      moderation: { flagged: boolean };
    }[];
    expect(all.map((i) => [i.external_id, i.moderation.flagged])).toEqual([
      ['5001', false],
      ['5002', true],
      ['5003', true],
    ]);
  });

  it('[STF-6] a moderator removes a message through the connector with a reason, audited; it leaves the queue', async () => {
    const manager = await t.as('comms_manager');
    const res = await manager.post(`${base()}/items/${queueIds[0]}/moderate`, {
      action: 'delete',
      reason: 'Derogatory about a colleague: breaks the network rules of engagement',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moderation).toEqual({ action: 'delete', already_gone: false });
    expect(res.json().item.status).toBe('closed');
    expect(viva.messages.some((m) => m.id === 5002)).toBe(false);
    expect(
      viva.requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/messages/5002'),
    ).toBe(true);

    const audit = await t.desk.store.audit.export(t.org.id);
    const entry = audit.find((r) => r.action === 'item.moderated');
    expect(entry).toBeDefined();
    expect(String(entry!.actor)).toBe(String(t.people.comms_manager.id));
    expect(JSON.stringify(entry)).toContain('rules of engagement');
    // Never the member of staff's words in the audit log.
    expect(JSON.stringify(audit)).not.toContain('tosser');

    const queue = (await manager.get(`${base()}/moderation`)).json().items as { id: number }[];
    expect(queue.map((i) => i.id)).toEqual([queueIds[1]]);
  });

  it('[STF-6] removing again after the platform already removed it counts as done (a retried removal)', async () => {
    const manager = await t.as('comms_manager');
    const res = await manager.post(`${base()}/items/${queueIds[0]}/moderate`, {
      action: 'delete',
      reason: 'Retry after a lost answer',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moderation.already_gone).toBe(true);
  });

  it('[STF-6] Viva Engage cannot hide: the desk says so and offers delete', async () => {
    const manager = await t.as('comms_manager');
    const res = await manager.post(`${base()}/items/${queueIds[1]}/moderate`, {
      action: 'hide',
      reason: 'Trying to hide',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('moderation_unsupported');
    expect(res.json().error.message).toMatch(/can delete/);
  });

  it('[STF-6] officers read the inbox but do not moderate; platform refusals are said in words', async () => {
    const officer = await t.as('comms_officer');
    expect((await officer.get(`${base()}/moderation`)).statusCode).toBe(403);
    const denied = await officer.post(`${base()}/items/${queueIds[1]}/moderate`, {
      action: 'delete',
      reason: 'Not mine to do',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain('item.moderate');

    viva.failNext.push({
      status: 403,
      body: {
        response: { message: 'You are not authorized to delete this message.', stat: 'fail' },
      },
    });
    const manager = await t.as('comms_manager');
    const refused = await manager.post(`${base()}/items/${queueIds[1]}/moderate`, {
      action: 'delete',
      reason: 'Derogatory language',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('moderation_failed');
    expect(refused.json().error.message).toMatch(/Viva Engage/);
    const item = await t.desk.store.items.get(t.org.id, queueIds[1]!);
    expect(item!.status).not.toBe('closed');
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(audit.map((r) => r.action)).toContain('item.moderation_failed');
  });

  it('[STF-6] hides Facebook, Instagram and X comments on the platform through the same endpoint', async () => {
    const fb = await account('facebook', 'TrustPage');
    const fbConnection = await connect({
      account_id: fb.id,
      credentials: { pageId: '3100', pageAccessToken: 'page-token', directMessages: false },
      webhook_secret: SECRET,
      base_url: meta.url,
    });
    const fbComment = '3100_42_9001';
    meta.objects.set(fbComment, { id: fbComment, message: 'abusive comment' });
    const fbBody = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: '3100',
          time: 1777636800,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: fbComment,
                post_id: '3100_42',
                parent_id: '3100_42',
                message: 'You lot are a bunch of useless idiots',
                from: { id: '555', name: 'Someone' },
                created_time: 1777636800,
              },
            },
          ],
        },
      ],
    });
    await deliver(fbConnection, fbBody, { 'x-hub-signature-256': hubSign(fbBody) });

    const ig = await account('instagram', 'trust_ig');
    const igConnection = await connect({
      account_id: ig.id,
      credentials: {
        igUserId: '17841400000000001',
        accessToken: 'ig-token',
        directMessages: false,
      },
      webhook_secret: SECRET,
      base_url: meta.url,
    });
    meta.objects.set('C77', { id: 'C77', text: 'abusive' });
    const igBody = JSON.stringify({
      object: 'instagram',
      entry: [
        {
          id: '17841400000000001',
          time: 1777636800,
          changes: [
            {
              field: 'comments',
              value: {
                id: 'C77',
                text: 'Spam spam buy followers now',
                from: { id: '9009', username: 'spammer' },
                media: { id: 'M1', media_product_type: 'FEED' },
              },
            },
          ],
        },
      ],
    });
    await deliver(igConnection, igBody, { 'x-hub-signature-256': hubSign(igBody) });

    const xAccount = await account('x', 'trust');
    const xConnection = await connect({
      account_id: xAccount.id,
      credentials: { userId: '4200', accessToken: 'x-token', directMessages: false },
      webhook_secret: SECRET,
      base_url: fakeX.url,
    });
    const xBody = JSON.stringify({
      for_user_id: '4200',
      tweet_create_events: [
        {
          id_str: '1900000000000000777',
          text: '@trust you are all useless',
          created_at: 'Fri May 01 11:59:00 +0000 2026',
          user: { id_str: '2001', screen_name: 'someone' },
          in_reply_to_status_id_str: '1900000000000000001',
          in_reply_to_user_id_str: '4200',
        },
      ],
    });
    await deliver(xConnection, xBody, { 'x-twitter-webhooks-signature': xSign(xBody) });

    const manager = await t.as('comms_manager');
    for (const [platform, externalId] of [
      ['facebook', fbComment],
      ['instagram', 'C77'],
      ['x', '1900000000000000777'],
    ] as const) {
      const id = await itemId(platform, externalId);
      const res = await manager.post(`${base()}/items/${id}/moderate`, {
        action: 'hide',
        reason: 'Abusive comment hidden from public view',
      });
      expect(res.statusCode, `${platform}: ${res.body}`).toBe(200);
      // A hidden comment stays open for any follow-up.
      expect(res.json().item.status).not.toBe('closed');
    }
    expect(meta.hidden.has(fbComment)).toBe(true);
    expect(meta.hidden.has('C77')).toBe(true);
    expect(fakeX.hidden.has('1900000000000000777')).toBe(true);

    // Delete too, where the platform allows it (a Facebook comment on the Page's own post).
    const del = await manager.post(
      `${base()}/items/${await itemId('facebook', fbComment)}/moderate`,
      {
        action: 'delete',
        reason: 'Threatening comment removed',
      },
    );
    expect(del.statusCode, del.body).toBe(200);
    expect(meta.deleted.has(fbComment)).toBe(true);
  });

  it('[STF-6] an item that did not come through a connection cannot be moderated on its platform', async () => {
    const officer = await t.as('comms_officer');
    const ingest = await officer.post(`${base()}/items`, {
      items: [
        {
          platform: 'facebook',
          external_id: 'fb-api-1',
          kind: 'comment',
          text: 'Hello',
          received_at: '2026-05-01T11:00:00.000Z',
        },
      ],
    });
    expect(ingest.statusCode).toBe(200);
    const manager = await t.as('comms_manager');
    const res = await manager.post(`${base()}/items/${ingest.json().results[0].id}/moderate`, {
      action: 'hide',
      reason: 'Not connected',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('moderation_not_connected');
  });
});
