import { describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../src/connectors/contract.js';
import tiktokFactory, { createTiktokConnector } from '../../src/connectors/tiktok/index.js';
import { BUSINESS_ID, envelope, startFakeTiktok, type FakeTiktok } from '../fakes/tiktok.js';
import { drained, failure, fakeDeps, sharedFake } from '../helpers/connectors.js';

let fake: FakeTiktok;
sharedFake(async () => {
  fake = await startFakeTiktok();
  fake.addComment('c1', 'v100', 'Is the walk-in centre open?', '2025-06-10T09:00:00Z');
  fake.addComment('c2', 'v100', 'Replying to c1: yes it is', '2025-06-10T09:30:00Z', {
    parent: 'c1',
  });
  fake.addComment('c3', 'v100', 'Thanks!', '2025-06-10T10:00:00Z', { parent: 'c1', owner: true });
  fake.addComment('c4', 'v200', 'Buy followers at …', '2025-06-11T09:00:00Z');
  return fake;
});

function deps(accessToken = 'good-token', sleeps: number[] = []): ConnectorDeps {
  return fakeDeps({
    account: '@exampletrust',
    baseUrl: fake.url,
    credentials: { accessToken, businessId: BUSINESS_ID },
    now: () => new Date('2025-06-12T12:00:00Z'),
    sleeps,
  });
}

describe('TikTok connector', () => {
  it('[INB-1] polls comments on recent videos with the Access-Token header; skips its own; only new ones next time', async () => {
    const connector = tiktokFactory.create(deps());
    const first = await connector.poll!(null);
    const list = fake.requests.find((r) => r.path === '/open_api/v1.3/business/comment/list/')!;
    expect(list.method).toBe('GET');
    expect(list.headers['access-token']).toBe('good-token');
    expect(list.headers.authorization).toBeUndefined();
    expect(list.query).toMatchObject({
      business_id: BUSINESS_ID,
      video_id: 'v100',
      sort_order: 'desc',
    });
    expect(first.items.map((i) => [i.externalId, i.kind, i.inReplyTo, i.conversationId])).toEqual([
      ['c1', 'comment', null, 'v100'],
      ['c2', 'reply', 'c1', 'v100'],
      ['c4', 'comment', null, 'v200'],
    ]);
    expect(first.items[0]).toMatchObject({
      platform: 'tiktok',
      author: { platformAuthorId: 'user-c1', displayName: 'Viewer' },
      receivedAt: '2025-06-10T09:00:00.000Z',
      permalink: 'https://www.tiktok.com/@exampletrust/video/v100',
    });
    expect((await connector.poll!(first.cursor)).items).toEqual([]);
    fake.addComment('c5', 'v200', 'New one', '2025-06-12T08:00:00Z');
    expect((await connector.poll!(first.cursor)).items.map((i) => i.externalId)).toEqual(['c5']);
  });

  it('replies with business_id, video_id and comment_id; a retry finds the earlier reply', async () => {
    const connector = createTiktokConnector(deps());
    const result = await connector.reply!({
      clientRef: 't-1',
      text: 'Please see our website for hours.',
      inReplyTo: 'c4',
      conversationId: 'v200',
    });
    expect(result.alreadyPublished).toBe(false);
    const create = fake.requests.find((r) => r.path.endsWith('/comment/reply/create/'))!;
    expect(create.method).toBe('POST');
    expect(create.body).toEqual({
      business_id: BUSINESS_ID,
      video_id: 'v200',
      comment_id: 'c4',
      text: 'Please see our website for hours.',
    });

    fake.requests.length = 0;
    const again = await connector.reply!({
      clientRef: 't-1',
      text: 'Please see our website for hours.',
      inReplyTo: 'c4',
      conversationId: 'v200',
    });
    expect(again).toEqual({
      platformPostId: result.platformPostId,
      permalink: null,
      alreadyPublished: true,
    });
    expect(fake.requests.some((r) => r.path.endsWith('/reply/create/'))).toBe(false);
  });

  it('hides a comment, finding its video when the desk does not know it', async () => {
    const connector = createTiktokConnector(deps());
    await connector.hide!('c4');
    expect(fake.comments.find((c) => c.comment_id === 'c4')?.status).toBe('HIDDEN');
    const hide = fake.requests.find((r) => r.path.endsWith('/comment/hide/'))!;
    expect(hide.body).toEqual({
      business_id: BUSINESS_ID,
      video_id: 'v200',
      comment_id: 'c4',
      action: 'HIDE',
    });
    expect((await failure(connector.hide!('no-such-comment'))).kind).toBe('not_found');
  });

  it('maps the envelope: 40102 expired → auth_expired, 40105 revoked → auth_revoked, 40001 → permission_missing, with request id', async () => {
    const expired = await failure(createTiktokConnector(deps('expired-token')).poll!(null));
    expect(expired.kind).toBe('auth_expired');
    expect(expired.detail).toMatchObject({ status: 200, platformCode: 40102 });
    expect(expired.message).toMatch(/Access token has expired\. \(request id \d+\)/);

    const revoked = createTiktokConnector(deps('revoked-token'));
    const error = await failure(revoked.poll!(null));
    expect(error.kind).toBe('auth_revoked');
    expect(error.action).toMatch(/Reconnect the TikTok account/);
    expect(await revoked.health()).toMatchObject({ state: 'reconnect_needed' });

    expect((await failure(createTiktokConnector(deps('noscope-token')).poll!(null))).kind).toBe(
      'permission_missing',
    );
  });

  it('40002 invalid parameters → rejected with TikTok’s message', async () => {
    const error = await failure(
      createTiktokConnector(deps()).reply!({
        clientRef: 'x',
        text: 'y'.repeat(151),
        inReplyTo: 'c1',
        conversationId: 'v100',
      }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('text exceeds 150 characters');
  });

  it('40100 rate limit → retryable rate_limited with retryAfterMs; HTTP 429 Retry-After is waited', async () => {
    fake.failNext.push({
      status: 200,
      body: envelope(40100, 'Too many requests. Please retry in some time.'),
    });
    const error = await failure(createTiktokConnector(deps()).poll!(null));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.detail.retryAfterMs).toBe(60_000);

    const sleeps: number[] = [];
    fake.failNext.push({
      status: 429,
      headers: { 'retry-after': '3' },
      body: envelope(40100, 'Too many requests.'),
    });
    await createTiktokConnector(deps('good-token', sleeps)).health();
    expect(sleeps).toEqual([3000]);
  });

  it('5xx: bounded retries with backoff; timeout; malformed JSON → bad_response', async () => {
    const sleeps: number[] = [];
    const connector = createTiktokConnector(deps('good-token', sleeps));
    const impatient = createTiktokConnector(deps(), { timeoutMs: 150, maxAttempts: 1 });
    fake.failNext.push({ status: 502 }, { status: 502 }, { status: 502 });
    expect((await failure(connector.poll!(null))).kind).toBe('platform_unavailable');
    expect(sleeps).toHaveLength(2);
    fake.failNext.push({ delayMs: 1000 });
    expect((await failure(impatient.poll!(null))).kind).toBe('timeout');
    await drained(fake.failNext);
    fake.failNext.push({ status: 200, raw: '{"code":0,"data":{' });
    expect((await failure(connector.poll!(null))).kind).toBe('bad_response');
  });

  it('names missing credentials', () => {
    expect(() => tiktokFactory.create({ ...deps(), credentials: { accessToken: 'x' } })).toThrow(
      /missing businessId/,
    );
  });
});
