/**
 * Webhooks through the desk: a Facebook Page connected by IT, Meta's subscription handshake,
 * signed deliveries verified over the raw bytes and acknowledged only after the commit, replays
 * and platform retries deduplicated, forged deliveries refused and counted with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaCommentDelivery, metaSignature } from '../../bench/meta-delivery.js';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY = 'verify-token-for-tests';
const PAGE_ID = '1000001';

function delivery(commentId: string, message: string) {
  return metaCommentDelivery({
    pageId: PAGE_ID,
    postId: `${PAGE_ID}_42`,
    commentId,
    message,
    from: { id: '555', name: 'A Member Of The Public' },
  });
}

const sign = (body: string | Buffer, secret = APP_SECRET) => metaSignature(body, secret);

let t: TestDesk;
let connectionId: number;
beforeAll(async () => {
  t = await startTestDesk();
  const account = await t.desk.store.accounts.create(
    t.org.id,
    {
      platform: 'facebook',
      handle: 'ExampleTrustPage',
      ownerTeam: 'Communications',
      managers: [t.people.comms_manager.id, t.people.comms_officer.id],
    },
    t.clock.now(),
  );
  const it = await t.as('it');
  const res = await it.post(`/api/orgs/${t.org.slug}/connections`, {
    account_id: account.id,
    credentials: { pageId: PAGE_ID, pageAccessToken: 'EAAB-test-token' },
    webhook_secret: APP_SECRET,
    webhook_verify_token: VERIFY,
    base_url: 'http://127.0.0.1:9',
  });
  expect(res.statusCode).toBe(201);
  connectionId = res.json().connection.id;
});
afterAll(async () => {
  await t.close();
});

const post = (body: string | Buffer, signature?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/webhooks/${connectionId}`,
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    payload: body,
  });

describe('webhooks through the desk', () => {
  it('[ACC-5] stores the credentials sealed: the database never holds the token in clear', async () => {
    const c = await t.desk.store.connections.byId(connectionId);
    expect(c!.credentialsSealed).not.toContain('EAAB-test-token');
    expect(c!.webhookSecretSealed).not.toContain(APP_SECRET);
    const audit = JSON.stringify(await t.desk.store.audit.export(t.org.id));
    expect(audit).not.toContain('EAAB-test-token');
  });

  it('answers Meta’s subscription handshake only with the right verify token', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `/webhooks/${connectionId}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=12345`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('12345');
    const bad = await t.app.inject({
      method: 'GET',
      url: `/webhooks/${connectionId}?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=12345`,
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('[INB-1] a signed delivery is triaged into the inbox before it is acknowledged; a replay stores nothing new', async () => {
    // Non-ASCII text: the signature must be checked on the bytes as sent, not re-serialised JSON.
    const body = delivery(
      `${PAGE_ID}_42_7001`,
      'The staff on Ward 3 were brilliant with my nan — thank you 💙',
    );
    const res = await post(body, sign(body));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: 1, created: 1 });
    const item = await t.desk.store.items.byExternalId(t.org.id, 'facebook', `${PAGE_ID}_42_7001`);
    expect(item?.labels).toContain('praise');
    expect(item?.accountId).not.toBeNull();

    const replay = await post(body, sign(body));
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ received: 1, created: 0 });
    expect(await t.desk.store.items.count(t.org.id)).toBe(1);
  });

  it('refuses forged, unsigned and mis-signed deliveries, counts them, and stores nothing', async () => {
    const before = await t.desk.store.items.count(t.org.id);
    const counted = (await t.desk.store.connections.byId(connectionId))!.webhookRejections;
    const body = delivery(`${PAGE_ID}_42_7002`, 'forged');
    const cases = [
      await post(body),
      await post(body, sign(body, 'not-the-secret')),
      await post(body, 'sha256=' + '0'.repeat(64)),
      await post(body, sign(body + ' ')),
      await post(Buffer.from(body.replace('forged', 'tampered')), sign(body)),
    ];
    for (const res of cases) expect([400, 401, 403]).toContain(res.statusCode);
    expect(await t.desk.store.items.count(t.org.id)).toBe(before);
    const list = (
      await (await t.as('comms_officer')).get(`/api/orgs/${t.org.slug}/connections`)
    ).json();
    expect(list.connections[0].webhook_rejections).toBe(counted + cases.length);
  });

  it('a correctly signed but malformed payload is answered 400 and stores nothing', async () => {
    const body = '{"object":"page","entry":"not a list"}';
    const res = await post(body, sign(body));
    expect(res.statusCode).toBe(400);
  });

  it('an unknown connection is 404', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/webhooks/99999',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('[ACC-5] only people who hold credentials (IT) may connect accounts', async () => {
    const officer = await t.as('comms_officer');
    const res = await officer.post(`/api/orgs/${t.org.slug}/connections`, {
      account_id: 1,
      credentials: {},
    });
    expect(res.statusCode).toBe(403);
  });

  it('names the missing credential field when connecting', async () => {
    const account = await t.desk.store.accounts.create(
      t.org.id,
      { platform: 'facebook', handle: 'SecondPage', ownerTeam: 'Communications', managers: [] },
      t.clock.now(),
    );
    const it = await t.as('it');
    const res = await it.post(`/api/orgs/${t.org.slug}/connections`, {
      account_id: account.id,
      credentials: { pageId: '1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('credentials_invalid');
    expect(res.json().error.message).toContain('pageAccessToken');
  });
});
