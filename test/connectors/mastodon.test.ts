import { describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../src/connectors/contract.js';
import mastodonFactory, { createMastodonConnector } from '../../src/connectors/mastodon/index.js';
import { linkRel } from '../../src/connectors/mastodon/client.js';
import { startFakeMastodon, type FakeMastodon } from '../fakes/mastodon.js';
import { drained, failure, fakeDeps, sharedFake } from '../helpers/connectors.js';

let fake: FakeMastodon;
sharedFake(async () => (fake = await startFakeMastodon()));

function deps(accessToken = 'good-token', sleeps: number[] = []): ConnectorDeps {
  return fakeDeps({
    account: '@exampletrust@social.example',
    baseUrl: fake.url,
    credentials: { accessToken },
    now: () => new Date('2025-06-12T12:00:00Z'),
    sleeps,
  });
}

describe('Mastodon connector', () => {
  it('[INB-1] polls mention notifications: mentions, replies and DMs, then pages forward with min_id and Link rel="prev"', async () => {
    fake.addMention('1', {
      content:
        '<p><span class="h-card"><a href="https://social.example/@exampletrust">@<span>exampletrust</span></a></span> where is the clinic?</p>',
    });
    fake.addMention('2', {
      content: '<p>@exampletrust thanks</p>',
      in_reply_to_id: '9',
      media_attachments: [
        { id: 'm1', type: 'image', url: 'https://files.example/a.png', description: 'A card' },
      ],
    });
    fake.addMention('3', {
      content: '<p>@exampletrust private question</p>',
      visibility: 'direct',
    });

    const connector = mastodonFactory.create(deps());
    const first = await connector.poll!(null);
    expect(first.cursor).toBe('3');
    expect(first.items.map((i) => [i.externalId, i.kind])).toEqual([
      ['s1', 'mention'],
      ['s2', 'reply'],
      ['s3', 'dm'],
    ]);
    expect(first.items[0]).toMatchObject({
      platform: 'mastodon',
      author: { platformAuthorId: '200', displayName: 'Pat' },
      text: '@exampletrust where is the clinic?',
      receivedAt: '2025-06-10T09:00:00.000Z',
      permalink: 'https://other.example/@pat/s1',
    });
    expect(first.items[1].media).toEqual([
      { type: 'image', url: 'https://files.example/a.png', altText: 'A card' },
    ]);
    const request = fake.requests[0];
    expect(request).toMatchObject({ method: 'GET', path: '/api/v1/notifications' });
    expect(request.query).toMatchObject({ 'types[]': 'mention', limit: '40' });
    expect(request.headers.authorization).toBe('Bearer good-token');

    // 45 new mentions: one full page with min_id, then the next through rel="prev".
    for (let i = 4; i <= 48; i++) fake.addMention(String(i), { content: `<p>m${i}</p>` });
    fake.requests.length = 0;
    const second = await connector.poll!(first.cursor);
    expect(second.items).toHaveLength(45);
    expect(second.items[0].externalId).toBe('s4');
    expect(second.items[44].externalId).toBe('s48');
    expect(second.cursor).toBe('48');
    expect(fake.requests.map((r) => r.query.min_id)).toEqual(['3', '43']);

    const third = await connector.poll!(second.cursor);
    expect(third).toEqual({ items: [], cursor: '48' });
  });

  it('replies with the Idempotency-Key header set to the clientRef, matching a DM’s visibility', async () => {
    const connector = createMastodonConnector(deps());
    const result = await connector.reply!({
      clientRef: 'desk-reply-1',
      text: 'Please call PALS.',
      inReplyTo: 's3',
    });
    expect(result.alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/v1/statuses');
    expect(post.headers['idempotency-key']).toBe('desk-reply-1');
    expect(post.body).toEqual({
      status: '@pat@other.example Please call PALS.',
      visibility: 'direct',
      in_reply_to_id: 's3',
    });
  });

  it('a retried reply finds the earlier status and does not post twice', async () => {
    const connector = createMastodonConnector(deps());
    const first = await connector.reply!({
      clientRef: 'desk-reply-2',
      text: 'Thank you!',
      inReplyTo: 's1',
    });
    fake.requests.length = 0;
    const again = await connector.reply!({
      clientRef: 'desk-reply-2',
      text: 'Thank you!',
      inReplyTo: 's1',
    });
    expect(again).toEqual({ ...first, alreadyPublished: true });
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('retries a publish after a 502 safely because of the Idempotency-Key', async () => {
    const sleeps: number[] = [];
    const connector = createMastodonConnector(deps('good-token', sleeps));
    await connector.health(); // caches the account
    fake.failNext.push({ status: 502, body: { error: 'Bad gateway' } }); // account statuses lookup
    fake.requests.length = 0;
    const result = await connector.publish!({
      clientRef: 'desk-post-1',
      text: 'Clinic open today',
    });
    expect(result.alreadyPublished).toBe(false);
    expect(sleeps).toHaveLength(1);
    const keyed = fake.requests.filter((r) => r.method === 'POST');
    expect(keyed).toHaveLength(1);
    expect(keyed[0].headers['idempotency-key']).toBe('desk-post-1');
  });

  it('maps a 422 to rejected with Mastodon’s own message', async () => {
    const error = await failure(
      createMastodonConnector(deps()).publish!({ clientRef: 'c-long', text: 'x'.repeat(501) }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.detail.platformMessage).toBe(
      'Validation failed: Text character limit of 500 exceeded',
    );
    expect(error.message).toContain('character limit');
  });

  it('401: revoked token → auth_revoked, and health asks to reconnect', async () => {
    const connector = createMastodonConnector(deps('revoked-token'));
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('auth_revoked');
    expect(error.action).toMatch(/Reconnect the Mastodon account/);
    expect(error.detail.platformMessage).toBe('The access token is invalid');
    expect(await connector.health()).toMatchObject({ state: 'reconnect_needed' });
  });

  it('403: a token without write scope → permission_missing', async () => {
    const error = await failure(createMastodonConnector(deps('read-only-token')).delete!('9000'));
    expect(error.kind).toBe('permission_missing');
    expect(error.detail.platformMessage).toMatch(/outside the authorized scopes/);
  });

  it('429: waits until X-RateLimit-Reset, then succeeds', async () => {
    const sleeps: number[] = [];
    fake.failNext.push({
      status: 429,
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '2025-06-12T12:00:30.000Z',
      },
      body: { error: 'Too many requests' },
    });
    const result = await createMastodonConnector(deps('good-token', sleeps)).poll!('48');
    expect(result.items).toEqual([]);
    expect(sleeps).toEqual([30_000]);
  });

  it('429 with a far reset is handed back as retryable rate_limited with retryAfterMs', async () => {
    fake.failNext.push({
      status: 429,
      headers: { 'x-ratelimit-reset': '2025-06-12T12:05:00.000Z' },
      body: { error: 'Too many requests' },
    });
    const error = await failure(createMastodonConnector(deps()).poll!('48'));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.detail.retryAfterMs).toBe(300_000);
  });

  it('5xx three times: bounded attempts with backoff, then platform_unavailable', async () => {
    const sleeps: number[] = [];
    fake.failNext.push({ status: 503 }, { status: 503 }, { status: 503 });
    const error = await failure(createMastodonConnector(deps('good-token', sleeps)).poll!('48'));
    expect(error.kind).toBe('platform_unavailable');
    expect(sleeps).toHaveLength(2);
    expect(error.detail.retryAfterMs).toBeGreaterThan(0);
  });

  it('times out a hanging instance', async () => {
    fake.failNext.push({ delayMs: 1000, status: 200, body: [] });
    const error = await failure(
      createMastodonConnector(deps(), { timeoutMs: 100, maxAttempts: 1 }).poll!('48'),
    );
    expect(error.kind).toBe('timeout');
    await drained(fake.failNext);
  });

  it('malformed JSON → bad_response', async () => {
    fake.failNext.push({ status: 200, raw: '[{"id": "1",' });
    const error = await failure(createMastodonConnector(deps()).poll!('48'));
    expect(error.kind).toBe('bad_response');
  });

  it('deletes its own status; a missing one is not_found', async () => {
    const connector = createMastodonConnector(deps());
    const { platformPostId } = await connector.publish!({ clientRef: 'to-delete', text: 'Oops' });
    await connector.delete!(platformPostId);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/api/v1/statuses/${platformPostId}`,
    });
    expect((await failure(connector.delete!(platformPostId))).kind).toBe('not_found');
  });

  it('names a missing accessToken', () => {
    expect(() => mastodonFactory.create({ ...deps(), credentials: {} })).toThrow(
      /missing accessToken/,
    );
  });

  it('reads RFC 8288 Link headers', () => {
    expect(
      linkRel('<https://a/x?max_id=1>; rel="next", <https://a/x?min_id=5>; rel="prev"', 'prev'),
    ).toBe('https://a/x?min_id=5');
    expect(linkRel(null, 'next')).toBeNull();
  });
});
