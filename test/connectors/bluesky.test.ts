import { describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../src/connectors/contract.js';
import blueskyFactory, { createBlueskyConnector } from '../../src/connectors/bluesky/index.js';
import {
  APP_PASSWORD,
  IDENTIFIER,
  SELF_DID,
  jwt,
  startFakeBluesky,
  type FakeBluesky,
} from '../fakes/bluesky.js';
import { drained, failure, fakeDeps, sharedFake } from '../helpers/connectors.js';

let fake: FakeBluesky;
sharedFake(async () => (fake = await startFakeBluesky()));

const NOW = new Date('2025-06-12T12:00:00Z');

function deps(credentials: Record<string, unknown> = {}, sleeps: number[] = []): ConnectorDeps {
  return fakeDeps({
    account: '@exampletrust.bsky.social',
    baseUrl: fake.url,
    credentials: { identifier: IDENTIFIER, appPassword: APP_PASSWORD, ...credentials },
    now: () => NOW,
    sleeps,
  });
}

describe('Bluesky connector', () => {
  it('[INB-1] signs in with the app password and polls mentions and replies (not likes), newest cursor kept', async () => {
    fake.addNotification({
      rkey: 'p1',
      text: '@exampletrust.bsky.social is A&E busy?',
      reason: 'mention',
      indexedAt: '2025-06-10T09:00:00.000Z',
    });
    fake.addNotification({
      rkey: 'p2',
      text: 'Thanks for the reply',
      reason: 'reply',
      indexedAt: '2025-06-10T10:00:00.000Z',
      reply: {
        root: { uri: `at://${SELF_DID}/app.bsky.feed.post/root1`, cid: 'cr' },
        parent: { uri: `at://${SELF_DID}/app.bsky.feed.post/par1`, cid: 'cp' },
      },
    });
    fake.notifications.push({
      uri: 'at://did:plc:x/app.bsky.feed.like/l1',
      cid: 'c',
      author: { did: 'did:plc:x', handle: 'x.bsky.social' },
      reason: 'like',
      record: { $type: 'app.bsky.feed.like' },
      isRead: false,
      indexedAt: '2025-06-10T11:00:00.000Z',
    });

    const connector = blueskyFactory.create(deps());
    const first = await connector.poll!(null);
    expect(fake.sessionsCreated).toBe(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/xrpc/com.atproto.server.createSession',
      body: { identifier: IDENTIFIER, password: APP_PASSWORD },
    });
    const list = fake.requests[1];
    expect(list.path).toBe('/xrpc/app.bsky.notification.listNotifications');
    expect(list.headers.authorization).toMatch(/^Bearer ey/);
    expect(list.query).toMatchObject({ limit: '50' });

    expect(first.items).toEqual([
      {
        platform: 'bluesky',
        externalId: 'at://did:plc:person00000000000000000/app.bsky.feed.post/p1',
        kind: 'mention',
        author: { platformAuthorId: 'did:plc:person00000000000000000', displayName: 'Pat' },
        conversationId: 'at://did:plc:person00000000000000000/app.bsky.feed.post/p1',
        inReplyTo: null,
        text: '@exampletrust.bsky.social is A&E busy?',
        media: [],
        receivedAt: '2025-06-10T09:00:00.000Z',
        permalink: 'https://bsky.app/profile/pat.bsky.social/post/p1',
      },
      expect.objectContaining({
        kind: 'reply',
        conversationId: `at://${SELF_DID}/app.bsky.feed.post/root1`,
        inReplyTo: `at://${SELF_DID}/app.bsky.feed.post/par1`,
      }),
    ]);
    expect(JSON.parse(first.cursor!)).toEqual({
      since: '2025-06-10T11:00:00.000Z',
      uris: ['at://did:plc:x/app.bsky.feed.like/l1'],
    });

    // Nothing new: nothing delivered, no second sign-in.
    const second = await connector.poll!(first.cursor);
    expect(second.items).toEqual([]);
    expect(fake.sessionsCreated).toBe(1);

    // Many new ones: pages back with the cursor until it reaches what it has seen.
    for (let i = 0; i < 60; i++) {
      fake.addNotification({
        rkey: `n${i}`,
        text: `m${i}`,
        reason: 'mention',
        indexedAt: `2025-06-11T10:${String(i).padStart(2, '0')}:00.000Z`,
      });
    }
    fake.requests.length = 0;
    const third = await connector.poll!(second.cursor);
    expect(third.items).toHaveLength(60);
    expect(third.items[0].text).toBe('m0');
    expect(fake.requests.map((r) => r.query.cursor ?? null)).toEqual([null, '50']);
  });

  it('on ExpiredToken refreshes the session with the refresh JWT and repeats the call once', async () => {
    const connector = createBlueskyConnector(deps());
    await connector.health();
    fake.expireAccessTokens();
    fake.requests.length = 0;
    const refreshesBefore = fake.refreshes;
    expect(await connector.health()).toMatchObject({ state: 'ok' });
    expect(fake.refreshes).toBe(refreshesBefore + 1);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/xrpc/com.atproto.server.getSession',
      '/xrpc/com.atproto.server.refreshSession',
      '/xrpc/com.atproto.server.getSession',
    ]);
    const refreshCall = fake.requests[1];
    expect(refreshCall.method).toBe('POST');
    expect(String(refreshCall.headers.authorization)).toMatch(/^Bearer /);
  });

  it('refreshes before a stored access JWT expires, and signs in again when the refresh token is dead', async () => {
    const expired = jwt(SELF_DID, Math.floor(NOW.getTime() / 1000) - 10);
    const connector = createBlueskyConnector(
      deps({
        did: SELF_DID,
        accessJwt: expired,
        refreshJwt: jwt(SELF_DID, 9_999_999_999, 'com.atproto.refresh'),
      }),
    );
    const before = fake.sessionsCreated;
    expect(await connector.health()).toMatchObject({ state: 'ok' });
    // The stored refresh token is unknown to the PDS → ExpiredToken → createSession.
    expect(fake.requests.map((r) => r.path).slice(0, 2)).toEqual([
      '/xrpc/com.atproto.server.refreshSession',
      '/xrpc/com.atproto.server.createSession',
    ]);
    expect(fake.sessionsCreated).toBe(before + 1);
  });

  it('InvalidToken on a stored session leads to a fresh sign-in', async () => {
    const connector = createBlueskyConnector(
      deps({ did: SELF_DID, accessJwt: jwt(SELF_DID, 9_999_999_999), refreshJwt: 'not-known' }),
    );
    const result = await connector.poll!(null);
    expect(Array.isArray(result.items)).toBe(true);
  });

  it('a revoked app password → auth_revoked with an action to reconnect; health says reconnect_needed', async () => {
    const connector = createBlueskyConnector(deps({ appPassword: 'wrong-pass-word-0000' }));
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('auth_revoked');
    expect(error.detail).toMatchObject({ status: 401, platformCode: 'AuthenticationRequired' });
    expect(error.action).toMatch(/new app password/);
    expect(error.message).toContain('Invalid identifier or password');
    expect(error.message).not.toContain('wrong-pass');
    expect(await connector.health()).toMatchObject({ state: 'reconnect_needed' });
  });

  it('replies with root and parent strong refs, and a retry finds the earlier record instead of posting twice', async () => {
    const connector = createBlueskyConnector(deps());
    const parentUri = 'at://did:plc:person00000000000000000/app.bsky.feed.post/p2';
    const first = await connector.reply!({
      clientRef: 'r-1',
      text: 'Glad we could help.',
      inReplyTo: parentUri,
    });
    expect(first.alreadyPublished).toBe(false);
    expect(first.platformPostId).toMatch(new RegExp(`^at://${SELF_DID}/app.bsky.feed.post/`));
    const create = fake.requests.find((r) => r.path === '/xrpc/com.atproto.repo.createRecord')!;
    expect(create.method).toBe('POST');
    expect(create.body).toEqual({
      repo: SELF_DID,
      collection: 'app.bsky.feed.post',
      record: {
        $type: 'app.bsky.feed.post',
        text: 'Glad we could help.',
        createdAt: '2025-06-12T12:00:00.000Z',
        reply: {
          root: { uri: `at://${SELF_DID}/app.bsky.feed.post/root1`, cid: 'cr' },
          parent: { uri: parentUri, cid: 'cid-p2' },
        },
      },
    });

    fake.requests.length = 0;
    const again = await connector.reply!({
      clientRef: 'r-1',
      text: 'Glad we could help.',
      inReplyTo: parentUri,
    });
    expect(again).toEqual({ ...first, alreadyPublished: true });
    expect(fake.requests.some((r) => r.path === '/xrpc/com.atproto.repo.createRecord')).toBe(false);
  });

  it('a top-level post has no reply refs; too long is rejected with Bluesky’s message', async () => {
    const connector = createBlueskyConnector(deps());
    const post = await connector.publish!({ clientRef: 'p-1', text: 'Flu clinics open Saturday.' });
    expect(post.permalink).toMatch(
      /^https:\/\/bsky\.app\/profile\/exampletrust\.bsky\.social\/post\//,
    );
    const error = await failure(connector.publish!({ clientRef: 'p-2', text: 'x'.repeat(301) }));
    expect(error.kind).toBe('rejected');
    expect(error.detail.platformCode).toBe('InvalidRequest');
    expect(error.message).toContain('300 graphemes');
  });

  it('a createRecord 5xx is not blindly repeated (no idempotency key): the error is returned', async () => {
    const sleeps: number[] = [];
    const connector = createBlueskyConnector(deps({}, sleeps));
    await connector.health();
    // getPosts is skipped for a top-level post: listRecords, then createRecord fails.
    fake.requests.length = 0;
    const original = fake.failNext;
    original.push(
      { status: 200, body: { records: [] } },
      { status: 502, body: { error: 'UpstreamFailure', message: 'Upstream Failure' } },
    );
    const error = await failure(connector.publish!({ clientRef: 'p-3', text: 'Once only' }));
    expect(error.kind).toBe('platform_unavailable');
    expect(error.retryable).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('429 waits until ratelimit-reset when short, hands back long waits', async () => {
    const sleeps: number[] = [];
    const connector = createBlueskyConnector(deps({}, sleeps));
    await connector.health();
    const reset = String(Math.floor(NOW.getTime() / 1000) + 20);
    fake.failNext.push({
      status: 429,
      headers: {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': reset,
        'ratelimit-policy': '3000;w=300',
      },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    await connector.health();
    expect(sleeps).toEqual([20_000]);

    fake.failNext.push({
      status: 429,
      headers: { 'ratelimit-reset': String(Math.floor(NOW.getTime() / 1000) + 3600) },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('rate_limited');
    expect(error.detail.retryAfterMs).toBe(3_600_000);
  });

  it('5xx on reads: bounded retries with backoff; timeouts; malformed JSON → bad_response', async () => {
    const sleeps: number[] = [];
    const connector = createBlueskyConnector(deps({}, sleeps));
    const impatient = createBlueskyConnector(deps(), { timeoutMs: 150, maxAttempts: 1 });
    await impatient.health();
    await connector.health();
    fake.failNext.push({ status: 503 }, { status: 503 }, { status: 503 });
    expect((await failure(connector.poll!(null))).kind).toBe('platform_unavailable');
    expect(sleeps).toHaveLength(2);

    fake.failNext.push({ status: 200, delayMs: 1000, body: {} });
    expect((await failure(impatient.poll!(null))).kind).toBe('timeout');
    await drained(fake.failNext);

    fake.failNext.push({ status: 200, raw: '{"notifications": [' });
    expect((await failure(connector.poll!(null))).kind).toBe('bad_response');
  });

  it('deletes only its own posts', async () => {
    const connector = createBlueskyConnector(deps());
    const { platformPostId } = await connector.publish!({ clientRef: 'd-1', text: 'Delete me' });
    await connector.delete!(platformPostId);
    const del = fake.requests.at(-1)!;
    expect(del).toMatchObject({ method: 'POST', path: '/xrpc/com.atproto.repo.deleteRecord' });
    expect((del.body as { repo: string }).repo).toBe(SELF_DID);
    const error = await failure(
      connector.delete!('at://did:plc:person00000000000000000/app.bsky.feed.post/p1'),
    );
    expect(error.kind).toBe('rejected');
  });

  it('names missing credentials', () => {
    expect(() =>
      blueskyFactory.create({ ...deps(), credentials: { identifier: IDENTIFIER } }),
    ).toThrow(/missing appPassword/);
  });
});
