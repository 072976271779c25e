import { describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../src/connectors/contract.js';
import vivaFactory, { createVivaEngageConnector } from '../../src/connectors/viva_engage/index.js';
import { yammerTime } from '../../src/connectors/viva_engage/normalise.js';
import { startFakeVivaEngage, type FakeVivaEngage } from '../fakes/viva_engage.js';
import { drained, failure, fakeDeps, sharedFake } from '../helpers/connectors.js';

let fake: FakeVivaEngage;
sharedFake(async () => {
  fake = await startFakeVivaEngage();
  fake.addMessage(1001, 77, 'Reminder: flu jabs in the canteen today', '2025/06/10 09:00:00 +0000');
  fake.addMessage(1002, 77, 'Is parking free for night staff?', '2025/06/10 10:00:00 +0000', 1001);
  fake.addMessage(2001, 88, 'Rota swap anyone?', '2025/06/11 08:00:00 +0000');
  return fake;
});

function deps(accessToken = 'good-token', sleeps: number[] = []): ConnectorDeps {
  return fakeDeps({
    account: 'Example Trust staff network',
    baseUrl: fake.url,
    credentials: { accessToken, groupIds: ['77', 88] },
    now: () => new Date('2025-06-12T12:00:00Z'),
    sleeps,
  });
}

describe('Viva Engage connector', () => {
  it('[STF-6] polls group messages as posts and comments with platform viva_engage, then only newer ones', async () => {
    const connector = vivaFactory.create(deps());
    const first = await connector.poll!(null);
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/api/v1/messages/in_group/77.json'],
      ['GET', '/api/v1/messages/in_group/88.json'],
    ]);
    expect(fake.requests[0].headers.authorization).toBe('Bearer good-token');
    expect(fake.requests[0].query).toEqual({ threaded: 'false' });
    expect(first.items).toEqual([
      {
        platform: 'viva_engage',
        externalId: '1001',
        kind: 'post',
        author: { platformAuthorId: '1502', displayName: 'Staff Member 1502' },
        conversationId: '1001',
        inReplyTo: null,
        text: 'Reminder: flu jabs in the canteen today',
        media: [{ type: 'image', url: 'https://files.example/photo.jpg', altText: null }],
        receivedAt: '2025-06-10T09:00:00.000Z',
        permalink: 'https://web.yammer.com/main/threads/1001',
      },
      expect.objectContaining({
        externalId: '1002',
        kind: 'comment',
        inReplyTo: '1001',
        conversationId: '1001',
      }),
      expect.objectContaining({ externalId: '2001', kind: 'post' }),
    ]);
    expect(JSON.parse(first.cursor!)).toEqual({ '77': '1002', '88': '2001' });

    fake.requests.length = 0;
    expect((await connector.poll!(first.cursor)).items).toEqual([]);
    expect(fake.requests[0].query).toMatchObject({ newer_than: '1002' });

    // 25 new messages: newest 20 with newer_than, then the rest with older_than.
    for (let i = 0; i < 25; i++)
      fake.addMessage(1100 + i, 77, `m${i}`, '2025/06/12 09:00:00 +0000');
    fake.requests.length = 0;
    const third = await connector.poll!(first.cursor);
    expect(third.items).toHaveLength(25);
    expect(third.items[0].externalId).toBe('1100');
    expect(
      fake.requests
        .filter((r) => r.path.includes('/77.json'))
        .map((r) => r.query.older_than ?? null),
    ).toEqual([null, '1105']);
    expect(JSON.parse(third.cursor!)['77']).toBe('1124');
  });

  it('[STF-6] deletes a message; a missing one is not_found; a non-admin token → permission_missing', async () => {
    const connector = createVivaEngageConnector(deps());
    await connector.delete!('1002');
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v1/messages/1002' });
    expect((await failure(connector.delete!('1002'))).kind).toBe('not_found');
    const error = await failure(createVivaEngageConnector(deps('member-token')).delete!('2001'));
    expect(error.kind).toBe('permission_missing');
    expect(error.detail.platformMessage).toMatch(/not authorized/);
  });

  it('401 → auth_expired, reconnect_needed', async () => {
    const connector = createVivaEngageConnector(deps('expired-token'));
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('auth_expired');
    expect(error.detail).toMatchObject({
      status: 401,
      platformCode: 16,
      platformMessage: 'Token not found.',
    });
    expect(error.action).toMatch(/Reconnect the Viva Engage network/);
    expect(await connector.health()).toMatchObject({ state: 'reconnect_needed' });
  });

  it('429 without Retry-After waits Yammer’s 10 s window; 5xx retried with backoff; timeout; malformed JSON', async () => {
    const sleeps: number[] = [];
    const connector = createVivaEngageConnector(deps('good-token', sleeps));
    const impatient = createVivaEngageConnector(deps(), { timeoutMs: 150, maxAttempts: 1 });
    fake.failNext.push({
      status: 429,
      body: { response: { message: 'Rate limited due to excessive requests.', stat: 'fail' } },
    });
    expect(await connector.health()).toMatchObject({ state: 'ok' });
    expect(sleeps).toEqual([10_000]);

    fake.failNext.push({ status: 503 }, { status: 503 }, { status: 503 });
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('platform_unavailable');
    expect(error.retryable).toBe(true);
    expect(sleeps).toHaveLength(3);

    fake.failNext.push({ delayMs: 1000 });
    expect((await failure(impatient.poll!(null))).kind).toBe('timeout');
    await drained(fake.failNext);

    fake.failNext.push({ status: 200, raw: '{"messages": [' });
    expect((await failure(connector.poll!(null))).kind).toBe('bad_response');
  });

  it('names missing groupIds and reads Yammer times', () => {
    expect(() => vivaFactory.create({ ...deps(), credentials: { accessToken: 'x' } })).toThrow(
      /missing groupIds/,
    );
    expect(yammerTime('2025/06/10 09:00:00 +0100')).toBe('2025-06-10T08:00:00.000Z');
  });
});
