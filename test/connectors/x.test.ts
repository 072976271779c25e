import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Connector, ConnectorDeps } from '../../src/connectors/contract.js';
import { connectorFor } from '../../src/connectors/registry.js';
import x from '../../src/connectors/x/index.js';
import { startFakeX, type FakeX } from '../fakes/x.js';
import { failure, fakeDeps, freshFake } from '../helpers/connectors.js';

const USER = '1500';
const TOKEN = 'x-user-token';
const CONSUMER_SECRET = 'x-consumer-secret';
const NOW = new Date('2026-05-01T12:00:00Z');

let fake: FakeX;
let sleeps: number[];

function deps(credentials: Record<string, unknown> = {}): ConnectorDeps {
  return fakeDeps({
    account: '@trust',
    baseUrl: fake.url,
    credentials: { userId: USER, accessToken: TOKEN, ...credentials },
    now: () => NOW,
    sleeps,
  });
}

const connector = (credentials?: Record<string, unknown>): Connector => x.create(deps(credentials));

function mention(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: String(1_800_000_000_000_000_000n + BigInt(n)),
    text: `@trust question ${n} &amp; more`,
    created_at: new Date(Date.parse('2026-05-01T11:00:00Z') + n * 1000).toISOString(),
    author_id: '2001',
    conversation_id: String(1_800_000_000_000_000_000n + BigInt(n)),
    ...extra,
  };
}

freshFake(async () => {
  sleeps = [];
  fake = await startFakeX({ token: TOKEN, userId: USER, username: 'trust' });
  fake.users.push({ id: '2001', username: 'patient_a', name: 'Patient A' });
  fake.mentions.push(
    ...Array.from({ length: 150 }, (_, n) => mention(n)),
    mention(200, {
      text: '@trust thank you',
      in_reply_to_user_id: USER,
      referenced_tweets: [{ type: 'replied_to', id: '1700000000000000001' }],
      conversation_id: '1700000000000000001',
    }),
  );
  fake.dmEvents.push(
    {
      id: 'dm3',
      event_type: 'MessageCreate',
      text: 'Our reply',
      created_at: '2026-05-01T11:40:00.000Z',
      sender_id: USER,
      dm_conversation_id: `${USER}-2001`,
    },
    {
      id: 'dm2',
      event_type: 'MessageCreate',
      text: 'Can I visit on Sunday?',
      created_at: '2026-05-01T11:30:00.000Z',
      sender_id: '2001',
      dm_conversation_id: `${USER}-2001`,
    },
    {
      id: 'dm1',
      event_type: 'MessageCreate',
      text: 'Old',
      created_at: '2026-04-01T11:30:00.000Z',
      sender_id: '2001',
      dm_conversation_id: `${USER}-2001`,
    },
  );
  return fake;
});

describe('x connector', () => {
  it('is registered', () => {
    expect(connectorFor('x')).toBe(x);
    expect(x.manifest.apiVersion).toMatch(/X API v2/);
  });

  it('[INB-1] polls mentions across pages and DMs, then only newer with since_id', async () => {
    const c = connector();
    const first = await c.poll!(null);
    const mentions = first.items.filter((i) => i.kind !== 'dm');
    expect(mentions).toHaveLength(151);
    const reply = first.items.find((i) => i.text === '@trust thank you')!;
    expect(reply).toMatchObject({
      kind: 'reply',
      inReplyTo: '1700000000000000001',
      author: { platformAuthorId: '2001', displayName: '@patient_a' },
    });
    expect(first.items.find((i) => i.externalId === mention(3).id)).toMatchObject({
      kind: 'mention',
      text: '@trust question 3 & more',
      permalink: `https://x.com/patient_a/status/${mention(3).id}`,
    });
    expect(first.items.filter((i) => i.kind === 'dm').map((i) => i.externalId)).toEqual(['dm2']);

    const calls = fake.requests.filter((r) => r.path === `/2/users/${USER}/mentions`);
    expect(calls).toHaveLength(2);
    expect(calls[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[0].query).toMatchObject({
      max_results: '100',
      start_time: '2026-04-30T12:00:00Z',
      expansions: 'author_id,attachments.media_keys',
    });
    expect(calls[1].query.pagination_token).toBe('tok100');
    const cursor = JSON.parse(first.cursor!);
    expect(cursor).toMatchObject({ sinceId: mention(200).id, dmNewestId: 'dm3' });

    fake.mentions.push(mention(300));
    fake.requests.length = 0;
    const second = await c.poll!(first.cursor);
    expect(second.items.map((i) => i.externalId)).toEqual([mention(300).id]);
    expect(fake.requests[0].query.since_id).toBe(mention(200).id);
  });

  it('[INB-3] replies once, even when retried after a crash', async () => {
    const c = connector();
    const request = { clientRef: 'r1', text: 'Thanks & take care', inReplyTo: mention(3).id };
    const first = await c.reply!(request);
    expect(first.alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/2/tweets');
    expect(post.body).toEqual({
      text: 'Thanks & take care',
      reply: { in_reply_to_tweet_id: mention(3).id },
    });
    const again = await c.reply!(request);
    expect(again).toMatchObject({ platformPostId: first.platformPostId, alreadyPublished: true });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('reports X\'s "duplicate content" refusal in its own words when the look-up finds nothing', async () => {
    const c = connector();
    await c.publish!({ clientRef: 'p1', text: 'Clinic closed today' });
    // The earlier post falls outside the look-up (say the look-up missed it); X refuses a duplicate.
    fake.ownTweets[0].created_at = '2026-04-01T00:00:00.000Z';
    const error = await failure(c.publish!({ clientRef: 'p1', text: 'Clinic closed today' }));
    expect(error.kind).toBe('rejected');
    expect(error.detail.platformMessage).toMatch(/duplicate content/);
  });

  it('publishes once', async () => {
    const c = connector();
    const first = await c.publish!({ clientRef: 'p2', text: 'Vaccine walk-in today' });
    expect(first.permalink).toBe(`https://x.com/i/web/status/${first.platformPostId}`);
    expect(
      (await c.publish!({ clientRef: 'p2', text: 'Vaccine walk-in today' })).alreadyPublished,
    ).toBe(true);
  });

  it('answers a DM conversation once', async () => {
    const c = connector();
    const request = {
      clientRef: 'd1',
      text: 'Visiting is 2pm to 8pm.',
      conversationId: `${USER}-2001`,
    };
    expect((await c.reply!(request)).alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/2/dm_conversations/${USER}-2001/messages`);
    expect(post.body).toEqual({ text: 'Visiting is 2pm to 8pm.' });
    expect((await c.reply!(request)).alreadyPublished).toBe(true);
  });

  it('hides a reply and deletes a post', async () => {
    const c = connector();
    await c.hide!('123');
    expect(fake.hidden.has('123')).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/2/tweets/123/hidden',
      body: { hidden: true },
    });
    await c.delete!('124');
    expect(fake.deleted.has('124')).toBe(true);
  });

  describe('failures', () => {
    it('401 asks to reconnect; health says reconnect_needed', async () => {
      const c = x.create({ ...deps(), credentials: { userId: USER, accessToken: 'expired' } });
      const error = await failure(c.poll!(null));
      expect(error.kind).toBe('auth_expired');
      expect(error.action).toMatch(/Reconnect the X account in Accounts/);
      expect((await c.health()).state).toBe('reconnect_needed');
    });

    it('v1.1-style code 89 is an expired token', async () => {
      fake.inject({
        status: 401,
        body: { errors: [{ code: 89, message: 'Invalid or expired token.' }] },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('auth_expired');
      expect(error.detail.platformCode).toBe(89);
    });

    it('403 client-forbidden is a missing permission', async () => {
      fake.inject({
        status: 403,
        body: {
          title: 'Client Forbidden',
          detail:
            'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
          reason: 'client-not-enrolled',
          type: 'https://api.twitter.com/2/problems/client-forbidden',
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('permission_missing');
      expect(error.detail.platformCode).toBe('client-not-enrolled');
    });

    it('429 waits until x-rate-limit-reset when it is soon', async () => {
      fake.inject({
        status: 429,
        body: {
          title: 'Too Many Requests',
          detail: 'Too Many Requests',
          type: 'about:blank',
          status: 429,
        },
        headers: { 'x-rate-limit-reset': String(NOW.getTime() / 1000 + 20) },
      });
      await connector({ directMessages: false }).poll!(null);
      expect(sleeps).toEqual([20_000]);
    });

    it('429 with a far reset hands back retryAfterMs', async () => {
      fake.inject({
        status: 429,
        body: { title: 'Too Many Requests' },
        headers: { 'x-rate-limit-reset': String(NOW.getTime() / 1000 + 900) },
      });
      const error = await failure(connector().poll!(null));
      expect(error).toMatchObject({
        kind: 'rate_limited',
        retryable: true,
        detail: { retryAfterMs: 900_000 },
      });
    });

    it('429 on the 24-hour posting cap uses x-user-limit-24hour-reset', async () => {
      fake.inject({
        method: 'POST',
        status: 429,
        body: { title: 'Too Many Requests' },
        headers: {
          'x-user-limit-24hour-remaining': '0',
          'x-user-limit-24hour-reset': String(NOW.getTime() / 1000 + 7200),
          'x-rate-limit-reset': String(NOW.getTime() / 1000 + 60),
        },
      });
      const error = await failure(connector().publish!({ clientRef: 'p', text: 'hello' }));
      expect(error.detail.retryAfterMs).toBe(7_200_000);
    });

    it('503 is retried, timeouts and malformed JSON are reported', async () => {
      fake.inject({ status: 503, body: { title: 'Service Unavailable' }, times: 1 });
      await connector({ directMessages: false }).poll!(null);
      expect(sleeps).toHaveLength(1);

      fake.inject({ status: 200, raw: '{"data": [', times: 1 });
      expect((await failure(connector().poll!(null))).kind).toBe('bad_response');

      fake.inject({ status: 200, body: {}, delayMs: 1000, times: 3 });
      const slow = x.create({
        ...deps(),
        fetch: (u, init) => fetch(u, { ...init, signal: AbortSignal.timeout(50) }),
      });
      expect((await failure(slow.poll!(null))).kind).toBe('timeout');
    });

    it('a missing userId is a config error naming it', () => {
      expect(() => x.create({ ...deps(), credentials: { accessToken: TOKEN } })).toThrowError(
        /missing userId/,
      );
    });
  });
});

describe('x webhook', () => {
  const secrets = { appSecret: CONSUMER_SECRET };
  const sign = (b: Buffer) =>
    `sha256=${createHmac('sha256', CONSUMER_SECRET).update(b).digest('base64')}`;

  it('answers the CRC challenge with the base64 HMAC of crc_token', () => {
    const outcome = connector().webhook!(
      {
        method: 'GET',
        headers: {},
        query: { crc_token: 'challenge-123' },
        rawBody: Buffer.alloc(0),
      },
      secrets,
    );
    expect(outcome).toEqual({
      kind: 'challenge',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        response_token: `sha256=${createHmac('sha256', CONSUMER_SECRET).update('challenge-123').digest('base64')}`,
      }),
    });
  });

  it('[INB-1] verifies and turns tweet and DM events for this account into items', () => {
    const body = Buffer.from(
      JSON.stringify({
        for_user_id: USER,
        tweet_create_events: [
          {
            id_str: '1901',
            text: '@trust help – ¿dónde?',
            created_at: 'Fri May 01 11:59:00 +0000 2026',
            user: { id_str: '2001', screen_name: 'patient_a' },
            in_reply_to_status_id_str: null,
          },
          {
            id_str: '1902',
            text: 'own',
            created_at: 'Fri May 01 11:59:00 +0000 2026',
            user: { id_str: USER, screen_name: 'trust' },
          },
        ],
        direct_message_events: [
          {
            type: 'message_create',
            id: 'dm9',
            created_timestamp: '1777636740000',
            message_create: {
              target: { recipient_id: USER },
              sender_id: '2001',
              message_data: { text: 'hello' },
            },
          },
        ],
      }),
    );
    const outcome = connector().webhook!(
      {
        method: 'POST',
        headers: { 'x-twitter-webhooks-signature': sign(body) },
        query: {},
        rawBody: body,
      },
      secrets,
    );
    expect(outcome).toMatchObject({
      kind: 'items',
      items: [
        {
          externalId: '1901',
          kind: 'mention',
          text: '@trust help – ¿dónde?',
          receivedAt: '2026-05-01T11:59:00.000Z',
        },
        {
          externalId: 'dm9',
          kind: 'dm',
          conversationId: `${USER}-2001`,
          receivedAt: '2026-05-01T11:59:00.000Z',
        },
      ],
    });
  });

  it('rejects unsigned and mis-signed deliveries, ignores other accounts', () => {
    const body = Buffer.from(JSON.stringify({ for_user_id: '999', tweet_create_events: [] }));
    const c = connector();
    expect(
      c.webhook!({ method: 'POST', headers: {}, query: {}, rawBody: body }, secrets),
    ).toMatchObject({ kind: 'rejected', status: 401 });
    expect(
      c.webhook!(
        {
          method: 'POST',
          headers: { 'x-twitter-webhooks-signature': sign(Buffer.from('other')) },
          query: {},
          rawBody: body,
        },
        secrets,
      ),
    ).toMatchObject({ kind: 'rejected', status: 401 });
    expect(
      c.webhook!(
        {
          method: 'POST',
          headers: { 'x-twitter-webhooks-signature': sign(body) },
          query: {},
          rawBody: body,
        },
        secrets,
      ),
    ).toEqual({ kind: 'items', items: [] });
  });
});
