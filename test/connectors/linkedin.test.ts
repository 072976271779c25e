import { describe, expect, it } from 'vitest';
import type { Connector, ConnectorDeps } from '../../src/connectors/contract.js';
import linkedin from '../../src/connectors/linkedin/index.js';
import { escapeLittleText, parseCommentUrn } from '../../src/connectors/linkedin/normalise.js';
import { connectorFor } from '../../src/connectors/registry.js';
import { startFakeLinkedin, type FakeLinkedin } from '../fakes/linkedin.js';
import { failure, fakeDeps, freshFake } from '../helpers/connectors.js';

const ORG = '42';
const ORG_URN = `urn:li:organization:${ORG}`;
const TOKEN = 'li-token';
const NOW = new Date('2026-05-01T12:00:00Z');
const T = (iso: string) => Date.parse(iso);

let fake: FakeLinkedin;
let sleeps: number[];

function deps(credentials: Record<string, unknown> = {}): ConnectorDeps {
  return fakeDeps({
    account: 'Trust (LinkedIn)',
    baseUrl: fake.url,
    credentials: { organizationId: ORG, accessToken: TOKEN, ...credentials },
    now: () => NOW,
    sleeps,
  });
}

const connector = (credentials?: Record<string, unknown>): Connector =>
  linkedin.create(deps(credentials));

const POST = 'urn:li:share:7001';
const C1 = 'urn:li:comment:(urn:li:activity:7001,9001)';

freshFake(async () => {
  sleeps = [];
  fake = await startFakeLinkedin({ token: TOKEN, organizationId: ORG });
  fake.posts.push(
    {
      id: POST,
      author: ORG_URN,
      commentary: 'We are hiring nurses',
      createdAt: T('2026-04-30T09:00:00Z'),
      lastModifiedAt: T('2026-04-30T09:00:00Z'),
    },
    {
      id: 'urn:li:share:8001',
      author: 'urn:li:person:abc',
      commentary: 'Great care from \\@Trust today \\(ward 3\\)',
      createdAt: T('2026-05-01T08:00:00Z'),
      publishedAt: T('2026-05-01T08:00:00Z'),
    },
  );
  fake.comments.set(POST, [
    {
      id: '9000',
      commentUrn: 'urn:li:comment:(urn:li:activity:7001,9000)',
      actor: 'urn:li:person:old',
      object: 'urn:li:activity:7001',
      message: { text: 'Old comment' },
      created: { actor: 'urn:li:person:old', time: T('2026-04-20T09:00:00Z') },
    },
    {
      id: '9001',
      commentUrn: C1,
      actor: 'urn:li:person:p1',
      object: 'urn:li:activity:7001',
      message: { text: 'How do I apply?' },
      created: { actor: 'urn:li:person:p1', time: T('2026-05-01T10:00:00Z') },
      commentsSummary: { aggregatedTotalComments: 1 },
    },
    {
      id: '9002',
      commentUrn: 'urn:li:comment:(urn:li:activity:7001,9002)',
      actor: ORG_URN,
      object: 'urn:li:activity:7001',
      message: { text: 'Our own comment' },
      created: { actor: ORG_URN, time: T('2026-05-01T10:30:00Z') },
    },
  ]);
  fake.comments.set(C1, [
    {
      id: '9003',
      commentUrn: 'urn:li:comment:(urn:li:activity:7001,9003)',
      actor: 'urn:li:person:p2',
      object: 'urn:li:activity:7001',
      parentComment: C1,
      message: { text: 'Same question' },
      created: { actor: 'urn:li:person:p2', time: T('2026-05-01T11:00:00Z') },
    },
  ]);
  fake.notifications.push({
    action: 'SHARE_MENTION',
    sourcePost: 'urn:li:share:8001',
    organizationalEntity: ORG_URN,
    lastModifiedAt: T('2026-05-01T08:00:00Z'),
  });
  return fake;
});

describe('linkedin helpers', () => {
  it('parses compound comment URNs and escapes little text', () => {
    expect(parseCommentUrn(C1)).toEqual({ object: 'urn:li:activity:7001', id: '9001' });
    expect(parseCommentUrn('urn:li:share:1')).toBeNull();
    expect(escapeLittleText('Call (0300) #NHS @team_1')).toBe('Call \\(0300\\) \\#NHS \\@team\\_1');
  });
});

describe('linkedin connector', () => {
  it('is registered and does not offer hide', () => {
    expect(connectorFor('linkedin')).toBe(linkedin);
    expect(linkedin.manifest.capabilities.hide).toBe(false);
  });

  it('[INB-1] polls comments, nested replies and @mentions with versioned Rest.li headers', async () => {
    const result = await connector().poll!(null);
    const byId = Object.fromEntries(result.items.map((i) => [i.externalId, i]));
    expect(Object.keys(byId).sort()).toEqual([
      C1,
      'urn:li:comment:(urn:li:activity:7001,9003)',
      'urn:li:share:8001',
    ]);
    expect(byId[C1]).toMatchObject({
      kind: 'comment',
      conversationId: POST,
      inReplyTo: POST,
      author: { platformAuthorId: 'urn:li:person:p1' },
    });
    expect(byId['urn:li:comment:(urn:li:activity:7001,9003)']).toMatchObject({
      kind: 'reply',
      inReplyTo: C1,
    });
    expect(byId['urn:li:share:8001']).toMatchObject({
      kind: 'mention',
      text: 'Great care from @Trust today (ward 3)',
    });
    expect(JSON.parse(result.cursor!)).toEqual({ since: T('2026-05-01T11:00:00Z') });

    for (const r of fake.requests) {
      expect(r.headers['linkedin-version']).toBe('202609');
      expect(r.headers['x-restli-protocol-version']).toBe('2.0.0');
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    const postsCall = fake.requests.find((r) => r.path === '/rest/posts')!;
    expect(postsCall.query.raw).toBe(
      'author=urn%3Ali%3Aorganization%3A42&q=author&count=10&sortBy=LAST_MODIFIED',
    );
    const nested = fake.requests.find((r) => r.path.includes('comment%3A'))!;
    expect(nested.path).toBe(
      '/rest/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A7001%2C9001%29/comments',
    );
    const notes = fake.requests.find((r) => r.path === '/rest/organizationalEntityNotifications')!;
    expect(notes.query.raw).toMatch(
      /^q=criteria&actions=List\(SHARE_MENTION\)&organizationalEntity=urn%3Ali%3Aorganization%3A42&timeRange=\(start:\d+,end:\d+\)&count=50$/,
    );
  });

  it('[INB-3] replies to a comment as the organisation, once', async () => {
    const c = connector();
    const request = { clientRef: 'r1', text: 'Apply at jobs.example.nhs.uk', inReplyTo: C1 };
    const first = await c.reply!(request);
    expect(first.alreadyPublished).toBe(false);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(
      '/rest/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A7001%2C9001%29/comments',
    );
    expect(post.body).toEqual({
      actor: ORG_URN,
      object: 'urn:li:activity:7001',
      message: { text: 'Apply at jobs.example.nhs.uk' },
      parentComment: C1,
    });
    expect(first.platformPostId).toMatch(/^urn:li:comment:\(urn:li:activity:7001,\d+\)$/);
    const again = await c.reply!(request);
    expect(again).toMatchObject({ platformPostId: first.platformPostId, alreadyPublished: true });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('comments on a post', async () => {
    const result = await connector().reply!({
      clientRef: 'r2',
      text: 'Thanks all',
      inReplyTo: POST,
    });
    expect(result.alreadyPublished).toBe(false);
    expect(fake.requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      actor: ORG_URN,
      object: POST,
    });
  });

  it('publishes an escaped post once; a duplicate refusal is already published', async () => {
    const c = connector();
    const text = 'Flu jabs (walk-in) at #Ward4 today';
    const first = await c.publish!({ clientRef: 'p1', text });
    expect(first.alreadyPublished).toBe(false);
    expect(first.platformPostId).toMatch(/^urn:li:share:\d+$/);
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toMatchObject({
      author: ORG_URN,
      commentary: 'Flu jabs \\(walk-in\\) at \\#Ward4 today',
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      distribution: { feedDistribution: 'MAIN_FEED' },
    });
    expect((await c.publish!({ clientRef: 'p1', text })).alreadyPublished).toBe(true);

    // Outside the look-up window LinkedIn itself names the duplicate.
    fake.posts.find((p) => p.id === first.platformPostId)!.createdAt = T('2026-04-01T00:00:00Z');
    const third = await c.publish!({ clientRef: 'p1', text });
    expect(third).toMatchObject({ platformPostId: first.platformPostId, alreadyPublished: true });
  });

  it('deletes a comment as the organisation', async () => {
    await connector().delete!(C1);
    expect(fake.deleted).toEqual(['urn:li:activity:7001/9001']);
    expect(fake.requests.at(-1)?.query.raw).toBe('actor=urn%3Ali%3Aorganization%3A42');
  });

  describe('failures', () => {
    it('an invalid token is auth_expired; health says reconnect', async () => {
      const c = linkedin.create({
        ...deps(),
        credentials: { organizationId: ORG, accessToken: 'old' },
      });
      expect((await failure(c.poll!(null))).kind).toBe('auth_expired');
      expect((await c.health()).state).toBe('reconnect_needed');
    });

    it('a revoked token (65601) is auth_revoked', async () => {
      fake.inject({
        status: 401,
        body: {
          status: 401,
          serviceErrorCode: 65601,
          code: 'REVOKED_ACCESS_TOKEN',
          message: 'The token used in the request has been revoked by the user',
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('auth_revoked');
      expect(error.action).toBe('Reconnect the LinkedIn page in Accounts: its access was revoked.');
      expect(error.detail.platformCode).toBe('REVOKED_ACCESS_TOKEN');
    });

    it('403 ACCESS_DENIED is permission_missing', async () => {
      fake.inject({
        status: 403,
        body: {
          status: 403,
          serviceErrorCode: 100,
          code: 'ACCESS_DENIED',
          message: 'Not enough permissions to access: partnerApiPostsExternal.GET',
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('permission_missing');
      expect(error.message).toContain('Not enough permissions');
    });

    it('a sunset LinkedIn-Version (426) is a config error', async () => {
      const error = await failure(connector({ linkedinVersion: '202401' }).poll!(null));
      expect(error.kind).toBe('config');
      expect(error.message).toContain('202401 is not active');
    });

    it('429 without Retry-After waits until midnight UTC: handed back', async () => {
      fake.inject({
        status: 429,
        body: {
          status: 429,
          message:
            'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
        },
      });
      const error = await failure(connector().poll!(null));
      expect(error.kind).toBe('rate_limited');
      expect(error.detail.retryAfterMs).toBe(12 * 3_600_000);
    });

    it('429 with a short Retry-After waits and retries', async () => {
      fake.inject({ status: 429, body: {}, headers: { 'retry-after': '5' } });
      await connector().poll!(null);
      expect(sleeps).toEqual([5000]);
    });

    it('5xx, malformed JSON and timeouts', async () => {
      fake.inject({ status: 504, body: {}, times: 3 });
      expect((await failure(connector().poll!(null))).kind).toBe('platform_unavailable');
      fake.inject({ status: 200, raw: '{"elements": [' });
      expect((await failure(connector().poll!(null))).kind).toBe('bad_response');
      fake.inject({ status: 200, body: {}, delayMs: 1000, times: 3 });
      const slow = linkedin.create({
        ...deps(),
        fetch: (u, init) => fetch(u, { ...init, signal: AbortSignal.timeout(50) }),
      });
      expect((await failure(slow.poll!(null))).kind).toBe('timeout');
    });

    it('a mentioning post deleted since is skipped', async () => {
      fake.posts.splice(1, 1);
      const result = await connector().poll!(null);
      expect(result.items.map((i) => i.externalId)).not.toContain('urn:li:share:8001');
    });

    it('missing credentials name the field', () => {
      expect(() =>
        linkedin.create({ ...deps(), credentials: { accessToken: TOKEN } }),
      ).toThrowError(/missing organizationId/);
    });
  });

  it('health is ok', async () => {
    expect((await connector().health()).state).toBe('ok');
  });
});
