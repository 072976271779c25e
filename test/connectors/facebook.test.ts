import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConnectorError,
  type Connector,
  type ConnectorDeps,
} from '../../src/connectors/contract.js';
import facebook from '../../src/connectors/facebook/index.js';
import { connectorFor } from '../../src/connectors/registry.js';
import { startFakeMeta, type FakeMeta } from '../fakes/meta.js';
import { failure, fakeDeps, freshFake } from '../helpers/connectors.js';

const PAGE = '1100';
const TOKEN = 'page-token-1';
const APP_SECRET = 'app-secret-1';
const NOW = new Date('2026-05-01T12:00:00Z');

let fake: FakeMeta;
let sleeps: number[];

function deps(credentials: Record<string, unknown> = {}): ConnectorDeps {
  return fakeDeps({
    account: 'Trust Page',
    baseUrl: fake.url,
    credentials: { pageId: PAGE, pageAccessToken: TOKEN, appSecret: APP_SECRET, ...credentials },
    now: () => NOW,
    sleeps,
  });
}

function connector(credentials?: Record<string, unknown>): Connector {
  return facebook.create(deps(credentials));
}

function seedPage(): void {
  fake.addEdge('page', { id: PAGE, name: 'Trust Page' });
  fake.objects.set(PAGE, { id: PAGE, name: 'Trust Page' });
  const ownPost = {
    id: `${PAGE}_1`,
    message: 'Flu clinics open this weekend',
    created_time: '2026-04-30T09:00:00+0000',
    updated_time: '2026-05-01T11:00:00+0000',
    from: { id: PAGE, name: 'Trust Page' },
    permalink_url: `https://www.facebook.com/${PAGE}_1`,
  };
  const visitorPost = {
    id: `${PAGE}_2`,
    message: 'Thank you to ward 4 — brilliant care',
    created_time: '2026-05-01T10:30:00+0000',
    updated_time: '2026-05-01T10:30:00+0000',
    from: { id: '501', name: 'A Visitor' },
    permalink_url: `https://www.facebook.com/${PAGE}_2`,
  };
  const oldPost = {
    id: `${PAGE}_3`,
    message: 'Old news',
    created_time: '2026-03-01T09:00:00+0000',
    updated_time: '2026-03-01T09:00:00+0000',
    from: { id: PAGE, name: 'Trust Page' },
  };
  fake.addEdge(`${PAGE}/feed`, visitorPost, ownPost, oldPost);
  fake.addEdge(`${PAGE}/posts`, ownPost, oldPost);
  // Newest first, as filter=stream&order=reverse_chronological returns them.
  fake.addEdge(
    `${PAGE}_1/comments`,
    {
      id: `${PAGE}_1_c3`,
      message: 'Is the clinic at the Royal?',
      created_time: '2026-05-01T11:00:00+0000',
      from: { id: '502', name: 'Commenter B' },
      parent: { id: `${PAGE}_1_c1` },
    },
    {
      id: `${PAGE}_1_c2`,
      message: 'Thanks for asking',
      created_time: '2026-05-01T10:45:00+0000',
      from: { id: PAGE, name: 'Trust Page' },
    },
    {
      id: `${PAGE}_1_c1`,
      message: 'Do I need to book?',
      created_time: '2026-05-01T10:00:00+0000',
      from: { id: '503', name: 'Commenter A' },
      attachment: { type: 'photo', media: { image: { src: 'https://scontent.example/p.jpg' } } },
    },
    {
      id: `${PAGE}_1_c0`,
      message: 'Yesterday',
      created_time: '2026-04-29T10:00:00+0000',
      from: { id: '504', name: 'Commenter C' },
    },
  );
  fake.addEdge(`${PAGE}/conversations:messenger`, {
    id: 't_900',
    updated_time: '2026-05-01T11:30:00+0000',
    participants: {
      data: [
        { id: '7001', name: 'Patient D' },
        { id: PAGE, name: 'Trust Page' },
      ],
    },
  });
  fake.addEdge(
    't_900/messages',
    {
      id: 'm_2',
      message: 'Thanks',
      created_time: '2026-05-01T11:31:00+0000',
      from: { id: PAGE, name: 'Trust Page' },
    },
    {
      id: 'm_1',
      message: 'Can I change my appointment?',
      created_time: '2026-05-01T11:30:00+0000',
      from: { id: '7001', name: 'Patient D' },
    },
  );
}

freshFake(async () => {
  sleeps = [];
  fake = await startFakeMeta({ tokens: { [TOKEN]: { actorId: PAGE } } });
  seedPage();
  return fake;
});

describe('facebook connector', () => {
  it('is registered with a manifest naming the Graph API version', () => {
    expect(connectorFor('facebook')).toBe(facebook);
    expect(facebook.manifest.apiVersion).toMatch(/^Graph API v\d+\.\d+$/);
  });

  it('[INB-1] polls visitor posts, comments across pages and Messenger DMs', async () => {
    const result = await connector({ lookbackHours: 24 }).poll!(null);
    const byId = Object.fromEntries(result.items.map((i) => [i.externalId, i]));
    expect(Object.keys(byId).sort()).toEqual([`${PAGE}_1_c1`, `${PAGE}_1_c3`, `${PAGE}_2`, 'm_1']);
    expect(byId[`${PAGE}_2`]).toMatchObject({ kind: 'post', author: { platformAuthorId: '501' } });
    expect(byId[`${PAGE}_1_c1`]).toMatchObject({
      kind: 'comment',
      conversationId: `${PAGE}_1`,
      inReplyTo: `${PAGE}_1`,
      receivedAt: '2026-05-01T10:00:00.000Z',
      media: [{ type: 'image', url: 'https://scontent.example/p.jpg' }],
    });
    expect(byId[`${PAGE}_1_c3`]).toMatchObject({ kind: 'reply', inReplyTo: `${PAGE}_1_c1` });
    expect(byId.m_1).toMatchObject({
      kind: 'dm',
      conversationId: '7001',
      text: 'Can I change my appointment?',
    });
    expect(JSON.parse(result.cursor!)).toEqual({ since: '2026-05-01T11:30:00.000Z' });

    const feed = fake.requests.find((r) => r.path === `/v24.0/${PAGE}/feed`)!;
    expect(feed.method).toBe('GET');
    expect(feed.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(feed.query.appsecret_proof).toBe(
      createHmac('sha256', APP_SECRET).update(TOKEN).digest('hex'),
    );
    expect(feed.query.fields).toContain('updated_time');
    const comments = fake.requests.find((r) => r.path === `/v24.0/${PAGE}_1/comments`)!;
    expect(comments.query).toMatchObject({ filter: 'stream', order: 'reverse_chronological' });
    // The old, untouched post costs no comment call.
    expect(fake.requests.some((r) => r.path === `/v24.0/${PAGE}_3/comments`)).toBe(false);
    const convs = fake.requests.find((r) => r.path === `/v24.0/${PAGE}/conversations`)!;
    expect(convs.query.platform).toBe('messenger');
  });

  it('follows paging.next on the fake host, not graph.facebook.com', async () => {
    const many = Array.from({ length: 130 }, (_, n) => ({
      id: `${PAGE}_1_p${n}`,
      message: `comment ${n}`,
      created_time: new Date(Date.parse('2026-05-01T11:59:00Z') - n * 1000).toISOString(),
      from: { id: '600' },
    }));
    fake.edges.set(`${PAGE}_1/comments`, many);
    const result = await connector({ directMessages: false }).poll!(null);
    expect(result.items.filter((i) => i.externalId.startsWith(`${PAGE}_1_p`))).toHaveLength(130);
    const commentCalls = fake.requests.filter((r) => r.path === `/v24.0/${PAGE}_1/comments`);
    expect(commentCalls).toHaveLength(2);
    expect(commentCalls[1].query.after).toBeDefined();
  });

  it('polls only newer items when given the cursor back', async () => {
    const c = connector();
    const first = await c.poll!(null);
    fake.edges.set(`${PAGE}_1/comments`, [
      {
        id: `${PAGE}_1_c9`,
        message: 'New one',
        created_time: '2026-05-01T11:50:00+0000',
        from: { id: '505' },
      },
      ...(fake.edges.get(`${PAGE}_1/comments`) ?? []),
    ]);
    // A new comment moves the post's updated_time.
    const post = fake.edges.get(`${PAGE}/feed`)!.find((p) => p.id === `${PAGE}_1`)!;
    post.updated_time = '2026-05-01T11:50:00+0000';
    const second = await c.poll!(first.cursor);
    // Items at the cursor's own second may repeat: the store is idempotent on external id.
    expect(second.items.map((i) => i.externalId)).toContain(`${PAGE}_1_c9`);
    expect(second.items.map((i) => i.externalId)).not.toContain(`${PAGE}_1_c1`);
  });

  it('[INB-3] replies to a comment once, even when retried after a crash', async () => {
    const c = connector();
    const request = {
      clientRef: 'r-1',
      text: 'Hello, no need to book.',
      inReplyTo: `${PAGE}_1_c1`,
    };
    fake.objects.set(`${PAGE}_1_c1`, { id: `${PAGE}_1_c1` });
    const first = await c.reply!(request);
    expect(first.alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/v24.0/${PAGE}_1_c1/comments`);
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.body).toEqual({ message: 'Hello, no need to book.' });

    const again = await c.reply!(request);
    expect(again).toMatchObject({ platformPostId: first.platformPostId, alreadyPublished: true });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('replies to a Messenger conversation by PSID, once', async () => {
    const c = connector();
    const request = {
      clientRef: 'r-2',
      text: 'Please call the booking line.',
      conversationId: '7001',
    };
    const first = await c.reply!(request);
    expect(first.alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/v24.0/${PAGE}/messages`);
    expect(post.body).toEqual({
      recipient: { id: '7001' },
      messaging_type: 'RESPONSE',
      message: { text: 'Please call the booking line.' },
    });
    const again = await c.reply!(request);
    expect(again.alreadyPublished).toBe(true);
    expect(fake.sentMessages).toHaveLength(1);
  });

  it('publishes a Page post once', async () => {
    const c = connector();
    const request = { clientRef: 'p-1', text: 'Our A&E is very busy today.' };
    const first = await c.publish!(request);
    expect(first).toMatchObject({ alreadyPublished: false });
    expect(first.permalink).toContain(first.platformPostId);
    const again = await c.publish!(request);
    expect(again).toMatchObject({ platformPostId: first.platformPostId, alreadyPublished: true });
    expect(
      fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/feed')),
    ).toHaveLength(1);
  });

  it('hides and deletes comments', async () => {
    const c = connector();
    await c.hide!(`${PAGE}_1_c1`);
    expect(fake.hidden.has(`${PAGE}_1_c1`)).toBe(true);
    expect(fake.requests.at(-1)?.body).toEqual({ is_hidden: 'true' });
    await c.delete!(`${PAGE}_1_c1`);
    expect(fake.deleted.has(`${PAGE}_1_c1`)).toBe(true);
    const error = await failure(c.delete!(`${PAGE}_1_c1`));
    expect(error.kind).toBe('not_found');
  });

  describe('failures', () => {
    it('an expired token (190/463) asks to reconnect', async () => {
      fake.inject({
        status: 400,
        body: {
          error: {
            message: 'Error validating access token: Session has expired',
            type: 'OAuthException',
            code: 190,
            error_subcode: 463,
          },
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('auth_expired');
      expect(error.detail.platformCode).toBe('190/463');
      expect(error.message).toContain('Session has expired');
      expect(error.action).toMatch(/Reconnect the Facebook Page in Accounts/);
      expect(error.account).toBe('Trust Page');
    });

    it('a revoked token (190/460) says it was revoked', async () => {
      fake.inject({
        status: 400,
        body: {
          error: {
            message: 'The session has been invalidated because the user changed their password',
            code: 190,
            error_subcode: 460,
          },
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('auth_revoked');
      expect(error.action).toMatch(
        /Reconnect the Facebook Page in Accounts: its token was revoked/,
      );
    });

    it('a bare 401 is an expired token', async () => {
      fake.inject({ status: 401, body: {} });
      expect((await failure(connector().poll!(null))).kind).toBe('auth_expired');
    });

    it('a missing permission (code 10, 200) names the problem', async () => {
      fake.inject({
        status: 403,
        body: {
          error: {
            message: '(#10) This endpoint requires the pages_read_engagement permission',
            code: 10,
          },
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('permission_missing');
      expect(error.message).toContain('pages_read_engagement');
      fake.inject({
        status: 400,
        body: { error: { message: '(#200) Requires pages_manage_engagement', code: 200 } },
      });
      expect((await failure(connector().hide!(`${PAGE}_1_c1`))).kind).toBe('permission_missing');
    });

    it('rate limits (code 4 with X-App-Usage) wait and retry', async () => {
      fake.inject({
        status: 400,
        body: { error: { message: '(#4) Application request limit reached', code: 4 } },
        headers: {
          'x-app-usage': '{"call_count":100,"total_cputime":20,"total_time":30}',
          'retry-after': '30',
        },
      });
      const result = await connector({ directMessages: false }).poll!(null);
      expect(result.items.length).toBeGreaterThan(0);
      expect(sleeps).toEqual([30_000]);
    });

    it('rate limits (code 32) with a long regain time hand back retryAfterMs', async () => {
      fake.inject({
        status: 400,
        body: { error: { message: '(#32) Page request limit reached', code: 32 } },
        headers: {
          'x-business-use-case-usage': JSON.stringify({
            [PAGE]: [
              {
                type: 'pages',
                call_count: 100,
                total_cputime: 10,
                total_time: 10,
                estimated_time_to_regain_access: 15,
              },
            ],
          }),
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('rate_limited');
      expect(error.retryable).toBe(true);
      expect(error.detail.retryAfterMs).toBe(15 * 60_000);
      expect(sleeps).toEqual([]);
    });

    it('a 429 with Retry-After and code 613 is rate_limited', async () => {
      fake.inject({
        status: 429,
        body: { error: { message: 'Calls within one hour have exceeded', code: 613 } },
        headers: { 'retry-after': '3600' },
        times: 1,
      });
      const error = await failure(connector().publish!({ clientRef: 'x', text: 'Hi' }));
      expect(error.kind).toBe('rate_limited');
      expect(error.detail.retryAfterMs).toBe(3_600_000);
    });

    it('5xx is retried with backoff on reads', async () => {
      fake.inject({
        status: 500,
        body: { error: { message: 'An unknown error occurred', code: 1 } },
        times: 2,
      });
      const result = await connector({ directMessages: false }).poll!(null);
      expect(result.items.length).toBeGreaterThan(0);
      expect(sleeps).toHaveLength(2);
      expect(sleeps[1]).toBeGreaterThan(sleeps[0]);
    });

    it('5xx on every attempt gives a retryable platform_unavailable', async () => {
      fake.inject({ status: 503, body: {}, times: 10 });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('platform_unavailable');
      expect(error.retryable).toBe(true);
      expect(error.detail.retryAfterMs).toBeGreaterThan(0);
    });

    it('a 5xx on publish is not repeated blindly; the retry finds nothing and posts', async () => {
      fake.inject({
        method: 'POST',
        status: 500,
        body: { error: { code: 2, message: 'Service temporarily unavailable' } },
      });
      const c = connector();
      const error = await failure(c.publish!({ clientRef: 'p-9', text: 'Hello' }));
      expect(error.kind).toBe('platform_unavailable');
      expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      const second = await c.publish!({ clientRef: 'p-9', text: 'Hello' });
      expect(second.alreadyPublished).toBe(false);
    });

    it('a timeout is reported as timeout', async () => {
      fake.inject({ status: 200, body: { data: [] }, delayMs: 1500, times: 5 });
      const c = facebook.create({
        ...deps(),
        fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(100) }),
      });
      const error = await failure(c.poll!(null));
      expect(error.kind).toBe('timeout');
      expect(error.retryable).toBe(true);
    });

    it('malformed JSON is bad_response', async () => {
      fake.inject({ status: 200, raw: '{"data": [ {"id": "1"' });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('bad_response');
      expect(error.action).toMatch(/administrator/);
    });

    it('missing credentials name the field', () => {
      expect(() => facebook.create({ ...deps(), credentials: { pageId: PAGE } })).toThrowError(
        /missing pageAccessToken/,
      );
      try {
        facebook.create({ ...deps(), credentials: {} });
      } catch (error) {
        expect(error).toBeInstanceOf(ConnectorError);
        expect((error as ConnectorError).kind).toBe('config');
        expect((error as ConnectorError).message).not.toContain(TOKEN);
      }
    });
  });

  describe('health', () => {
    it('is ok when the Page answers', async () => {
      expect(await connector().health()).toEqual({ state: 'ok', checkedAt: NOW.toISOString() });
    });

    it('needs reconnecting at once when the token is revoked', async () => {
      fake.inject({
        status: 400,
        body: { error: { message: 'Session invalidated', code: 190, error_subcode: 460 } },
      });
      const health = await connector().health();
      expect(health.state).toBe('reconnect_needed');
      expect(health.state === 'reconnect_needed' && health.reason).toMatch(/revoked/);
    });

    it('is degraded when usage is near the limit or Facebook is down', async () => {
      await fake.close();
      fake = await startFakeMeta({
        tokens: { [TOKEN]: { actorId: PAGE } },
        usageHeaders: { 'x-app-usage': '{"call_count":95,"total_cputime":5,"total_time":5}' },
      });
      seedPage();
      expect((await connector().health()).state).toBe('degraded');
      fake.inject({ status: 503, body: {}, times: 5 });
      const health = await connector().health();
      expect(health).toMatchObject({ state: 'degraded' });
    });
  });
});

describe('facebook webhook', () => {
  const secrets = { appSecret: APP_SECRET, verifyToken: 'verify-me' };
  const sign = (body: Buffer) =>
    `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  const post = (body: Buffer, signature?: string) => ({
    method: 'POST',
    headers: signature ? { 'x-hub-signature-256': signature } : {},
    query: {},
    rawBody: body,
  });

  it('answers the hub.challenge handshake only with the right verify token', () => {
    const c = connector();
    const ok = c.webhook!(
      {
        method: 'GET',
        headers: {},
        query: {
          'hub.mode': 'subscribe',
          'hub.verify_token': 'verify-me',
          'hub.challenge': '1158201444',
        },
        rawBody: Buffer.alloc(0),
      },
      secrets,
    );
    expect(ok).toEqual({
      kind: 'challenge',
      status: 200,
      contentType: 'text/plain',
      body: '1158201444',
    });
    const bad = c.webhook!(
      {
        method: 'GET',
        headers: {},
        query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' },
        rawBody: Buffer.alloc(0),
      },
      secrets,
    );
    expect(bad).toMatchObject({ kind: 'rejected', status: 403 });
  });

  it('[INB-1] turns a signed feed comment and a Messenger message into items', () => {
    const body = Buffer.from(
      JSON.stringify({
        object: 'page',
        entry: [
          {
            id: PAGE,
            time: 1777636800,
            changes: [
              {
                field: 'feed',
                value: {
                  item: 'comment',
                  verb: 'add',
                  comment_id: `${PAGE}_1_c7`,
                  post_id: `${PAGE}_1`,
                  parent_id: `${PAGE}_1`,
                  message: 'Diolch — très bien ☕',
                  from: { id: '555', name: 'Someone' },
                  created_time: 1777636800,
                },
              },
              {
                field: 'feed',
                value: {
                  item: 'comment',
                  verb: 'add',
                  comment_id: 'own',
                  post_id: `${PAGE}_1`,
                  from: { id: PAGE },
                },
              },
              { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: `${PAGE}_1` } },
            ],
            messaging: [
              {
                sender: { id: '7001' },
                recipient: { id: PAGE },
                timestamp: 1777636805000,
                message: { mid: 'm_abc', text: 'Hello' },
              },
              {
                sender: { id: PAGE },
                recipient: { id: '7001' },
                timestamp: 1777636806000,
                message: { mid: 'm_echo', text: 'Hi', is_echo: true },
              },
            ],
          },
        ],
      }),
      'utf8',
    );
    const outcome = connector().webhook!(post(body, sign(body)), secrets);
    expect(outcome.kind).toBe('items');
    if (outcome.kind !== 'items') return;
    expect(outcome.items).toHaveLength(2);
    expect(outcome.items[0]).toMatchObject({
      externalId: `${PAGE}_1_c7`,
      kind: 'comment',
      text: 'Diolch — très bien ☕',
      receivedAt: '2026-05-01T12:00:00.000Z',
    });
    expect(outcome.items[1]).toMatchObject({
      externalId: 'm_abc',
      kind: 'dm',
      conversationId: '7001',
    });
  });

  it('rejects unsigned, mis-signed and re-serialised bodies before parsing', () => {
    const body = Buffer.from(
      '{"object":"page","entry":[{"changes":[{"field":"feed","value":{"message":"é"}}]}]}',
    );
    const c = connector();
    expect(c.webhook!(post(body), secrets)).toMatchObject({ kind: 'rejected', status: 401 });
    expect(c.webhook!(post(body, 'sha256=' + '0'.repeat(64)), secrets)).toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    const reserialised = Buffer.from(
      JSON.stringify(JSON.parse(body.toString())).replace('é', '\\u00e9'),
    );
    expect(c.webhook!(post(reserialised, sign(body)), secrets)).toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    const notJson = Buffer.from('not json');
    expect(c.webhook!(post(notJson, sign(notJson)), secrets)).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
  });
});
