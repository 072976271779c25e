import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Connector, ConnectorDeps } from '../../src/connectors/contract.js';
import instagram from '../../src/connectors/instagram/index.js';
import { connectorFor } from '../../src/connectors/registry.js';
import { startFakeMeta, type FakeMeta } from '../fakes/meta.js';
import { failure, fakeDeps, freshFake } from '../helpers/connectors.js';

const IG = '17841400000000001';
const PAGE = '1100';
const TOKEN = 'ig-page-token';
const APP_SECRET = 'ig-app-secret';
const NOW = new Date('2026-05-01T12:00:00Z');

let fake: FakeMeta;
let sleeps: number[];

function deps(credentials: Record<string, unknown> = {}): ConnectorDeps {
  return fakeDeps({
    account: '@trust',
    baseUrl: fake.url,
    credentials: { igUserId: IG, accessToken: TOKEN, pageId: PAGE, ...credentials },
    now: () => NOW,
    sleeps,
  });
}

const connector = (credentials?: Record<string, unknown>): Connector =>
  instagram.create(deps(credentials));

freshFake(async () => {
  sleeps = [];
  fake = await startFakeMeta({ tokens: { [TOKEN]: { actorId: IG, username: 'trust' } } });
  fake.objects.set(IG, { id: IG, username: 'trust' });
  fake.addEdge(
    `${IG}/media`,
    {
      id: 'M1',
      caption: 'Meet our midwives',
      timestamp: '2026-04-30T09:00:00+0000',
      permalink: 'https://www.instagram.com/p/abc/',
      comments_count: 3,
    },
    { id: 'M2', caption: 'Quiet post', timestamp: '2026-04-20T09:00:00+0000', comments_count: 0 },
  );
  fake.addEdge(
    'M1/comments',
    {
      id: 'C1',
      text: 'Lovely team!',
      timestamp: '2026-05-01T10:00:00+0000',
      username: 'visitor_a',
      from: { id: '9001', username: 'visitor_a' },
      replies: {
        data: [
          {
            id: 'C1R1',
            text: 'Thank you',
            timestamp: '2026-05-01T10:05:00+0000',
            username: 'trust',
            from: { id: IG, username: 'trust' },
            parent_id: 'C1',
          },
          {
            id: 'C1R2',
            text: 'Agreed',
            timestamp: '2026-05-01T10:10:00+0000',
            username: 'visitor_b',
            from: { id: '9002', username: 'visitor_b' },
            parent_id: 'C1',
          },
        ],
      },
    },
    {
      id: 'C0',
      text: 'Old comment',
      timestamp: '2026-04-20T10:00:00+0000',
      username: 'visitor_c',
      from: { id: '9003', username: 'visitor_c' },
    },
  );
  fake.addEdge(`${IG}/tags`, {
    id: 'T1',
    caption: 'Shout-out to @trust for the care',
    timestamp: '2026-05-01T09:00:00+0000',
    username: 'visitor_d',
    media_type: 'IMAGE',
    media_url: 'https://cdn.example/t1.jpg',
    permalink: 'https://www.instagram.com/p/t1/',
  });
  fake.addEdge(`${PAGE}/conversations:instagram`, {
    id: 'aWdfZG1',
    updated_time: '2026-05-01T11:00:00+0000',
    participants: {
      data: [
        { id: IG, username: 'trust' },
        { id: '8801', username: 'visitor_e' },
      ],
    },
  });
  fake.addEdge('aWdfZG1/messages', {
    id: 'igm_1',
    message: 'What time does the clinic open?',
    created_time: '2026-05-01T11:00:00+0000',
    from: { id: '8801', username: 'visitor_e' },
  });
  return fake;
});

describe('instagram connector', () => {
  it('is registered and does not claim text-only publishing', () => {
    expect(connectorFor('instagram')).toBe(instagram);
    expect(instagram.manifest.capabilities.publish).toBe(false);
    expect(connector().publish).toBeUndefined();
  });

  it('[INB-1] polls comments, replies, tags and Direct messages', async () => {
    const result = await connector().poll!(null);
    const byId = Object.fromEntries(result.items.map((i) => [i.externalId, i]));
    expect(Object.keys(byId).sort()).toEqual(['C1', 'C1R2', 'T1', 'igm_1']);
    expect(byId.C1).toMatchObject({
      kind: 'comment',
      conversationId: 'M1',
      inReplyTo: 'M1',
      author: { displayName: 'visitor_a' },
    });
    expect(byId.C1R2).toMatchObject({ kind: 'reply', inReplyTo: 'C1' });
    expect(byId.T1).toMatchObject({
      kind: 'mention',
      media: [{ type: 'image', url: 'https://cdn.example/t1.jpg' }],
    });
    expect(byId.igm_1).toMatchObject({ kind: 'dm', conversationId: '8801' });
    // No comment call for a post without comments.
    expect(fake.requests.some((r) => r.path === '/v24.0/M2/comments')).toBe(false);
    const convs = fake.requests.find((r) => r.path === `/v24.0/${PAGE}/conversations`)!;
    expect(convs.query.platform).toBe('instagram');
    expect(convs.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('[INB-3] replies to a comment under it, once', async () => {
    const c = connector();
    const request = {
      clientRef: 'r1',
      text: 'Thanks for your kind words',
      inReplyTo: 'C1',
      conversationId: 'M1',
    };
    const first = await c.reply!(request);
    expect(first.alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/v24.0/C1/replies');
    expect(post.body).toEqual({ message: 'Thanks for your kind words' });
    expect((await c.reply!(request)).alreadyPublished).toBe(true);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('comments on a post when inReplyTo is the media itself', async () => {
    const result = await connector().reply!({
      clientRef: 'r2',
      text: 'Hello all',
      inReplyTo: 'M1',
      conversationId: 'M1',
    });
    expect(result.alreadyPublished).toBe(false);
    expect(fake.requests.find((r) => r.method === 'POST')!.path).toBe('/v24.0/M1/comments');
  });

  it('answers a Direct message through the Page, once', async () => {
    const c = connector();
    const request = { clientRef: 'd1', text: 'We open at 8am.', conversationId: '8801' };
    expect((await c.reply!(request)).alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/v24.0/${PAGE}/messages`);
    expect(post.body).toEqual({ recipient: { id: '8801' }, message: { text: 'We open at 8am.' } });
    expect((await c.reply!(request)).alreadyPublished).toBe(true);
    expect(fake.sentMessages).toHaveLength(1);
  });

  it('a Direct reply without the Page id is a config error', async () => {
    const error = await failure(
      connector({ pageId: undefined }).reply!({
        clientRef: 'd',
        text: 'x',
        conversationId: '8801',
      }),
    );
    expect(error.kind).toBe('config');
  });

  it('hides and deletes comments', async () => {
    const c = connector();
    await c.hide!('C1');
    expect(fake.hidden.has('C1')).toBe(true);
    expect(fake.requests.at(-1)?.body).toEqual({ hide: 'true' });
    await c.delete!('C1');
    expect(fake.deleted.has('C1')).toBe(true);
  });

  describe('failures', () => {
    it('an invalid token (190, no subcode) asks to reconnect the Instagram account', async () => {
      const c = instagram.create({
        ...deps(),
        credentials: { igUserId: IG, accessToken: 'stale' },
      });
      const error = await failure(c.poll!(null));
      expect(error.kind).toBe('auth_expired');
      expect(error.platform).toBe('instagram');
      expect(error.action).toMatch(/Reconnect the Instagram account in Accounts/);
      expect((await c.health()).state).toBe('reconnect_needed');
    });

    it('a missing instagram_manage_comments permission is permission_missing', async () => {
      fake.inject({
        method: 'POST',
        status: 403,
        body: {
          error: {
            message: '(#10) Application does not have permission for this action',
            code: 10,
          },
        },
      });
      expect((await failure(connector().hide!('C1'))).kind).toBe('permission_missing');
    });

    it('rate limits with Retry-After wait, then succeed', async () => {
      fake.inject({
        status: 429,
        body: { error: { message: '(#17) User request limit reached', code: 17 } },
        headers: { 'retry-after': '2' },
      });
      await connector().poll!(null);
      expect(sleeps).toEqual([2000]);
    });

    it('malformed JSON and outages', async () => {
      fake.inject({ status: 200, raw: '<html>oops</html>' });
      expect((await failure(connector().poll!(null))).kind).toBe('bad_response');
      fake.inject({ status: 502, raw: '<html>Bad gateway</html>', times: 3 });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('platform_unavailable');
      expect(sleeps).toHaveLength(2);
    });
  });

  it('health is ok when the account answers', async () => {
    expect((await connector().health()).state).toBe('ok');
  });
});

describe('instagram webhook', () => {
  const secrets = { appSecret: APP_SECRET, verifyToken: 'tok' };
  const sign = (b: Buffer) => `sha256=${createHmac('sha256', APP_SECRET).update(b).digest('hex')}`;

  it('verifies and turns comments and Direct messages into items', () => {
    const body = Buffer.from(
      JSON.stringify({
        object: 'instagram',
        entry: [
          {
            id: IG,
            time: 1777636800,
            changes: [
              {
                field: 'comments',
                value: {
                  id: 'C9',
                  text: 'Ward 5 was great 👏',
                  from: { id: '9009', username: 'v' },
                  media: { id: 'M1', media_product_type: 'FEED' },
                },
              },
              {
                field: 'comments',
                value: {
                  id: 'C10',
                  text: 'own',
                  from: { id: IG, username: 'trust' },
                  media: { id: 'M1' },
                },
              },
            ],
            messaging: [
              {
                sender: { id: '8801' },
                recipient: { id: IG },
                timestamp: 1777636801000,
                message: { mid: 'aWdf1', text: 'hi' },
              },
            ],
          },
        ],
      }),
    );
    const outcome = connector().webhook!(
      { method: 'POST', headers: { 'x-hub-signature-256': sign(body) }, query: {}, rawBody: body },
      secrets,
    );
    expect(outcome).toMatchObject({
      kind: 'items',
      items: [
        {
          externalId: 'C9',
          kind: 'comment',
          text: 'Ward 5 was great 👏',
          receivedAt: '2026-05-01T12:00:00.000Z',
        },
        { externalId: 'aWdf1', kind: 'dm', conversationId: '8801' },
      ],
    });
  });

  it('rejects a delivery signed with another secret', () => {
    const body = Buffer.from('{"object":"instagram","entry":[]}');
    const bad = `sha256=${createHmac('sha256', 'other').update(body).digest('hex')}`;
    expect(
      connector().webhook!(
        { method: 'POST', headers: { 'x-hub-signature-256': bad }, query: {}, rawBody: body },
        secrets,
      ),
    ).toMatchObject({ kind: 'rejected', status: 401 });
  });

  it('answers the handshake', () => {
    expect(
      connector().webhook!(
        {
          method: 'GET',
          headers: {},
          query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': 'abc' },
          rawBody: Buffer.alloc(0),
        },
        secrets,
      ),
    ).toMatchObject({ kind: 'challenge', body: 'abc' });
  });
});
