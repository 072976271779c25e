import { describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../src/connectors/contract.js';
import youtubeFactory, {
  createYoutubeConnector,
  topLevelId,
} from '../../src/connectors/youtube/index.js';
import { untilQuotaReset } from '../../src/connectors/youtube/client.js';
import { CHANNEL_ID, googleError, startFakeYoutube, type FakeYoutube } from '../fakes/youtube.js';
import { drained, failure, fakeDeps, sharedFake } from '../helpers/connectors.js';

let fake: FakeYoutube;
sharedFake(async () => (fake = await startFakeYoutube()));

const NOW = new Date('2025-06-12T12:00:00Z');

function deps(accessToken = 'good-token', sleeps: number[] = []): ConnectorDeps {
  return fakeDeps({
    account: 'Example Trust YouTube',
    baseUrl: fake.url,
    credentials: { accessToken, channelId: CHANNEL_ID },
    now: () => NOW,
    sleeps,
  });
}

describe('YouTube connector', () => {
  it('[INB-1] polls comment threads for the channel: comments and replies, not its own, then only new ones across pages', async () => {
    fake.addThread('t1', 'Great video about the vaccine clinic', '2025-06-10T09:00:00Z', [
      { id: 't1.r1', text: 'Where is it?', publishedAt: '2025-06-10T10:00:00Z' },
      {
        id: 't1.r2',
        text: 'At the main entrance.',
        publishedAt: '2025-06-10T11:00:00Z',
        own: true,
      },
    ]);
    fake.addThread('t2', 'Misleading claims', '2025-06-11T09:00:00Z');

    const connector = youtubeFactory.create(deps());
    const first = await connector.poll!(null);
    const req = fake.requests[0];
    expect(req).toMatchObject({ method: 'GET', path: '/youtube/v3/commentThreads' });
    expect(req.query).toMatchObject({
      part: 'snippet,replies',
      allThreadsRelatedToChannelId: CHANNEL_ID,
      order: 'time',
      textFormat: 'plainText',
      maxResults: '100',
    });
    expect(req.headers.authorization).toBe('Bearer good-token');
    expect(first.items.map((i) => [i.externalId, i.kind, i.inReplyTo, i.conversationId])).toEqual([
      ['t1', 'comment', null, 't1'],
      ['t1.r1', 'reply', 't1', 't1'],
      ['t2', 'comment', null, 't2'],
    ]);
    expect(first.items[0]).toMatchObject({
      platform: 'youtube',
      author: { platformAuthorId: 'UCviewer00000000000000', displayName: 'Viewer' },
      receivedAt: '2025-06-10T09:00:00.000Z',
      permalink: 'https://www.youtube.com/watch?v=vid1&lc=t1',
    });

    expect((await connector.poll!(first.cursor)).items).toEqual([]);

    fake.pageSize = 2;
    fake.addThread('t3', 'one', '2025-06-12T09:00:00Z');
    fake.addThread('t4', 'two', '2025-06-12T09:01:00Z');
    fake.addThread('t5', 'three', '2025-06-12T09:02:00Z');
    fake.requests.length = 0;
    const third = await connector.poll!(first.cursor);
    expect(third.items.map((i) => i.externalId)).toEqual(['t3', 't4', 't5']);
    expect(fake.requests.map((r) => r.query.pageToken ?? null)).toEqual([null, 'page-2']);
    fake.pageSize = 100;
  });

  it('replies to the top-level comment (comments.insert) and a retry finds the earlier reply', async () => {
    const connector = createYoutubeConnector(deps());
    const result = await connector.reply!({
      clientRef: 'yt-1',
      text: 'Thanks, see our website.',
      inReplyTo: 't1.r1',
    });
    expect(result.alreadyPublished).toBe(false);
    const insert = fake.requests.find((r) => r.method === 'POST')!;
    expect(insert.path).toBe('/youtube/v3/comments');
    expect(insert.query).toEqual({ part: 'snippet' });
    expect(insert.body).toEqual({
      snippet: { parentId: 't1', textOriginal: 'Thanks, see our website.' },
    });

    fake.requests.length = 0;
    const again = await connector.reply!({
      clientRef: 'yt-1',
      text: 'Thanks, see our website.',
      inReplyTo: 't1.r1',
    });
    expect(again).toMatchObject({ platformPostId: result.platformPostId, alreadyPublished: true });
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('hides with setModerationStatus heldForReview; a missing comment is not_found', async () => {
    const connector = createYoutubeConnector(deps());
    await connector.hide!('t2');
    expect(fake.moderation.get('t2')).toBe('heldForReview');
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/youtube/v3/comments/setModerationStatus',
      query: { id: 't2', moderationStatus: 'heldForReview' },
    });
    const error = await failure(connector.hide!('nope'));
    expect(error.kind).toBe('not_found');
    expect(error.detail.platformCode).toBe('commentNotFound');
  });

  it('deletes its own reply', async () => {
    const connector = createYoutubeConnector(deps());
    const { platformPostId } = await connector.reply!({
      clientRef: 'yt-del',
      text: 'To delete',
      inReplyTo: 't2',
    });
    await connector.delete!(platformPostId);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', query: { id: platformPostId } });
  });

  it('403 quotaExceeded → rate_limited until midnight Pacific, not retried in-process', async () => {
    const sleeps: number[] = [];
    fake.failNext.push({
      status: 403,
      body: googleError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your quota.',
        'youtube.quota',
      ),
    });
    const error = await failure(createYoutubeConnector(deps('good-token', sleeps)).poll!(null));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    // 12:00 UTC on 12 June = 05:00 PDT; midnight PDT is 07:00 UTC on 13 June.
    expect(error.detail.retryAfterMs).toBe(19 * 3600 * 1000);
    expect(error.detail.platformCode).toBe('quotaExceeded');
    expect(error.action).toMatch(/quota/);
    expect(sleeps).toEqual([]);
    expect(untilQuotaReset(new Date('2025-12-01T07:59:00Z'))).toBe(60_000);
  });

  it('401 authError → auth_expired and reconnect_needed', async () => {
    const connector = createYoutubeConnector(deps('expired-token'));
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('auth_expired');
    expect(error.detail).toMatchObject({
      status: 401,
      platformCode: 'authError',
      platformMessage: 'Invalid Credentials',
    });
    expect(error.action).toMatch(/Reconnect the YouTube channel/);
    expect(await connector.health()).toMatchObject({ state: 'reconnect_needed' });
  });

  it('403 insufficientPermissions → permission_missing; commentsDisabled → rejected', async () => {
    expect((await failure(createYoutubeConnector(deps('readonly-token')).hide!('t2'))).kind).toBe(
      'permission_missing',
    );
    fake.addThread('disabled', 'x', '2025-06-01T00:00:00Z');
    const error = await failure(
      createYoutubeConnector(deps()).reply!({ clientRef: 'c', text: 'hi', inReplyTo: 'disabled' }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('Comments are disabled');
  });

  it('429 with Retry-After, 5xx backoff, timeout and malformed JSON', async () => {
    const sleeps: number[] = [];
    const connector = createYoutubeConnector(deps('good-token', sleeps));
    const impatient = createYoutubeConnector(deps(), { timeoutMs: 150, maxAttempts: 1 });
    fake.failNext.push({
      status: 429,
      headers: { 'retry-after': '7' },
      body: googleError(429, 'rateLimitExceeded', 'Rate limit exceeded'),
    });
    await connector.poll!(null);
    expect(sleeps).toEqual([7000]);

    fake.failNext.push({ status: 500 }, { status: 503 }, { status: 500 });
    const unavailable = await failure(connector.poll!(null));
    expect(unavailable.kind).toBe('platform_unavailable');
    expect(sleeps).toHaveLength(3);

    fake.failNext.push({ delayMs: 1000, status: 200, body: {} });
    expect((await failure(impatient.poll!(null))).kind).toBe('timeout');
    await drained(fake.failNext);

    fake.failNext.push({ status: 200, raw: '{"items": [' });
    expect((await failure(connector.poll!(null))).kind).toBe('bad_response');
  });

  it('names missing credentials and finds the top-level id of a reply', () => {
    expect(() => youtubeFactory.create({ ...deps(), credentials: { accessToken: 'x' } })).toThrow(
      /missing channelId/,
    );
    expect(topLevelId('Ugx.abc')).toBe('Ugx');
    expect(topLevelId('Ugx')).toBe('Ugx');
  });
});
