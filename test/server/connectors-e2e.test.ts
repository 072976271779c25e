/**
 * INB-1 end to end through the server, platform by platform, against the local fakes: IT connects
 * the account through the API, the platform delivers (X and Instagram webhooks, signed) or the
 * worker polls (Mastodon, Bluesky, RSS), the item is in the inbox triaged, and a replay — the
 * same delivery again, or a poll from a lost cursor — stores nothing twice. RSS feed addresses are
 * vetted against SSRF when connecting.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedFetch, isPrivateAddress, vetFeedUrl } from '../../src/server/services/feed-guard.js';
import { APP_PASSWORD, IDENTIFIER, startFakeBluesky, type FakeBluesky } from '../fakes/bluesky.js';
import { startFakeMastodon, type FakeMastodon } from '../fakes/mastodon.js';
import { startFakeMeta, type FakeMeta } from '../fakes/meta.js';
import { startFakeX, type FakeX } from '../fakes/x.js';
import { startFakeFeedHost, type FakeFeedHost } from '../fakes/rss.js';
import { startTestDesk, type Client, type TestDesk } from '../helpers/desk.js';

const SECRET = 'connector-e2e-webhook-secret';

let t: TestDesk;
// The platforms' APIs for the polls that connecting also schedules (they find nothing new).
let fakeX: FakeX;
let meta: FakeMeta;
let it_: Client;
let officer: Client;
const base = () => `/api/orgs/${t.org.slug}`;

interface InboxItem {
  id: number;
  platform: string;
  external_id: string;
  kind: string;
  labels: string[];
  due_at: string | null;
  triage: { actions?: unknown[] } | null;
}

async function inbox(platform: string): Promise<InboxItem[]> {
  const res = await officer.get(`${base()}/inbox?limit=200`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as InboxItem[]).filter((i) => i.platform === platform);
}

async function connect(platform: string, handle: string, body: Record<string, unknown>) {
  const account = await t.desk.store.accounts.create(
    t.org.id,
    {
      platform,
      handle,
      ownerTeam: 'Communications',
      managers: [t.people.comms_manager.id, t.people.comms_officer.id],
    },
    t.clock.now(),
  );
  const res = await it_.post(`${base()}/connections`, { account_id: account.id, ...body });
  return { res, accountId: account.id };
}

async function connected(platform: string, handle: string, body: Record<string, unknown>) {
  const { res } = await connect(platform, handle, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().connection.id as number;
}

const webhook = (id: number, body: string, headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/webhooks/${id}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });

/** Triaged: labels decided by core, a due time from the SLA clock, the action checklist. */
function expectTriaged(item: InboxItem | undefined) {
  expect(item).toBeDefined();
  expect(Array.isArray(item!.labels)).toBe(true);
  expect(item!.due_at).not.toBeNull();
  expect(Array.isArray(item!.triage?.actions)).toBe(true);
}

/** A poll from scratch: the cursor lost (a crash between commit and cursor), items read again. */
async function pollAgainFromScratch(connectionId: number) {
  await t.desk.store.connections.setCursor(connectionId, null, t.clock.now());
  t.clock.advance(10 * 60_000);
  await t.worker.drain(10);
}

beforeAll(async () => {
  process.env.COMMSDESK_ALLOW_PRIVATE_FEEDS = '1';
  t = await startTestDesk({ now: new Date('2026-05-01T12:00:00Z') });
  fakeX = await startFakeX({ token: 'x-token', userId: '4200', username: 'trust' });
  meta = await startFakeMeta({ tokens: { 'ig-token': { actorId: '17841400000000001' } } });
  it_ = await t.as('it');
  officer = await t.as('comms_officer');
}, 60_000);
afterAll(async () => {
  delete process.env.COMMSDESK_ALLOW_PRIVATE_FEEDS;
  await Promise.all([fakeX?.close(), meta?.close()]);
  await t?.close();
});

describe('X: CRC handshake and signed Account Activity deliveries', () => {
  let id: number;
  const sign = (body: string) =>
    'sha256=' + createHmac('sha256', SECRET).update(body).digest('base64');
  const body = JSON.stringify({
    for_user_id: '4200',
    tweet_create_events: [
      {
        id_str: '1900000000000000101',
        text: '@trust Thank you to the A&E staff last night, you were brilliant',
        created_at: 'Fri May 01 11:59:00 +0000 2026',
        user: { id_str: '2001', screen_name: 'patient_a' },
        in_reply_to_status_id_str: null,
      },
    ],
  });

  beforeAll(async () => {
    id = await connected('x', 'trust', {
      credentials: { userId: '4200', accessToken: 'x-token', directMessages: false },
      webhook_secret: SECRET,
      base_url: fakeX.url,
    });
  });

  it('[INB-1] answers the CRC challenge with the HMAC of the token', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/webhooks/${id}?crc_token=abc123` });
    expect(res.statusCode).toBe(200);
    const expected = 'sha256=' + createHmac('sha256', SECRET).update('abc123').digest('base64');
    expect(res.json()).toEqual({ response_token: expected });
  });

  it('[INB-1] a signed delivery lands in the inbox triaged; a replay stores nothing new', async () => {
    const first = await webhook(id, body, { 'x-twitter-webhooks-signature': sign(body) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: 1, created: 1 });
    const items = await inbox('x');
    expect(items.map((i) => [i.external_id, i.kind])).toEqual([['1900000000000000101', 'mention']]);
    expectTriaged(items[0]);
    expect(items[0]!.labels).toContain('praise');

    const replay = await webhook(id, body, { 'x-twitter-webhooks-signature': sign(body) });
    expect(replay.json()).toEqual({ received: 1, created: 0 });
    expect(await inbox('x')).toHaveLength(1);
  });
});

describe('Instagram: signed comment webhooks', () => {
  it('[INB-1] a signed comment delivery lands in the inbox triaged; a replay stores nothing new', async () => {
    const id = await connected('instagram', 'trust_ig', {
      credentials: {
        igUserId: '17841400000000001',
        accessToken: 'ig-token',
        directMessages: false,
      },
      webhook_secret: SECRET,
      webhook_verify_token: 'ig-verify-token',
      base_url: meta.url,
    });
    const handshake = await t.app.inject({
      method: 'GET',
      url: `/webhooks/${id}?hub.mode=subscribe&hub.verify_token=ig-verify-token&hub.challenge=777`,
    });
    expect(handshake.body).toBe('777');
    const body = JSON.stringify({
      object: 'instagram',
      entry: [
        {
          id: '17841400000000001',
          time: 1777636800,
          changes: [
            {
              field: 'comments',
              value: {
                id: '18000000000000001',
                text: 'How do I book a flu jab at the walk-in centre? 💉',
                from: { id: '9009', username: 'visitor' },
                media: { id: 'M1', media_product_type: 'FEED' },
              },
            },
          ],
        },
      ],
    });
    const sign = 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex');
    const first = await webhook(id, body, { 'x-hub-signature-256': sign });
    expect(first.json()).toEqual({ received: 1, created: 1 });
    const items = await inbox('instagram');
    expect(items.map((i) => i.external_id)).toEqual(['18000000000000001']);
    expectTriaged(items[0]);
    const replay = await webhook(id, body, { 'x-hub-signature-256': sign });
    expect(replay.json()).toEqual({ received: 1, created: 0 });
    expect(await inbox('instagram')).toHaveLength(1);
  });
});

describe('Mastodon: notifications polled by the worker', () => {
  let fake: FakeMastodon;
  beforeAll(async () => {
    fake = await startFakeMastodon();
  });
  afterAll(() => fake.close());

  it('[INB-1] without base_url the connection is refused in words (each trust has its own instance)', async () => {
    const { res } = await connect('mastodon', 'exampletrust-nobase', {
      credentials: { accessToken: 'good-token' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('base_url_required');
  });

  it('[INB-1] the worker polls mentions into the inbox, triaged; a poll from a lost cursor adds nothing twice', async () => {
    fake.addMention('1', {
      content:
        '<p><span class="h-card">@exampletrust</span> is the minor injuries unit open today?</p>',
    });
    fake.addMention('2', {
      content: '<p>@exampletrust staff on ward 9 were wonderful, thank you</p>',
    });
    const id = await connected('mastodon', 'exampletrust', {
      credentials: { accessToken: 'good-token' },
      base_url: fake.url,
    });
    await t.worker.drain(10);
    const items = await inbox('mastodon');
    expect(items.map((i) => i.external_id).sort()).toEqual(['s1', 's2']);
    for (const item of items) expectTriaged(item);
    expect(items.find((i) => i.external_id === 's2')!.labels).toContain('praise');

    await pollAgainFromScratch(id);
    expect(await inbox('mastodon')).toHaveLength(2);
  });
});

describe('Bluesky: notifications polled by the worker', () => {
  let fake: FakeBluesky;
  beforeAll(async () => {
    fake = await startFakeBluesky();
  });
  afterAll(() => fake.close());

  it('[INB-1] the worker polls mentions and replies into the inbox, triaged; a poll from a lost cursor adds nothing twice', async () => {
    fake.addNotification({
      rkey: 'p1',
      text: '@exampletrust.bsky.social is A&E very busy tonight?',
      reason: 'mention',
      indexedAt: '2026-05-01T11:00:00.000Z',
    });
    fake.addNotification({
      rkey: 'p2',
      text: 'Brilliant care from the maternity team, thank you',
      reason: 'mention',
      indexedAt: '2026-05-01T11:30:00.000Z',
    });
    const id = await connected('bluesky', IDENTIFIER, {
      credentials: { identifier: IDENTIFIER, appPassword: APP_PASSWORD },
      base_url: fake.url,
    });
    await t.worker.drain(10);
    const items = await inbox('bluesky');
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.external_id).toMatch(/^at:\/\//);
      expectTriaged(item);
    }
    await pollAgainFromScratch(id);
    expect(await inbox('bluesky')).toHaveLength(2);
  });
});

describe('RSS: feeds polled by the worker, addresses vetted against SSRF', () => {
  let host: FakeFeedHost;
  beforeAll(async () => {
    host = await startFakeFeedHost();
  });
  afterAll(() => host.close());

  it('[INB-1] the feed address comes from credentials (no base_url); entries land triaged; a lost cursor adds nothing twice', async () => {
    const id = await connected('rss', 'Local news', {
      credentials: { feedUrl: `${host.url}/feed.xml`, itemKind: 'mention' },
    });
    await t.worker.drain(10);
    const items = await inbox('rss');
    expect(items.map((i) => i.external_id).sort()).toEqual(['n-1', 'n-2']);
    for (const item of items) {
      expect(item.kind).toBe('mention');
      expectTriaged(item);
    }
    await pollAgainFromScratch(id);
    expect(await inbox('rss')).toHaveLength(2);
  });

  it('[INB-1] refuses feed addresses that are not http(s) or point at private or loopback hosts', async () => {
    const cases: [string, string][] = [
      ['file:///etc/passwd', 'feed_url_refused'],
      ['gopher://example.org/feed', 'feed_url_refused'],
      ['not a url', 'feed_url_invalid'],
    ];
    for (const [feedUrl, code] of cases) {
      const { res } = await connect('rss', `feed-${code}-${feedUrl.length}`, {
        credentials: { feedUrl },
      });
      expect(res.statusCode, feedUrl).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    delete process.env.COMMSDESK_ALLOW_PRIVATE_FEEDS;
    try {
      for (const feedUrl of [
        `${host.url}/feed.xml`,
        'http://localhost/feed.xml',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.1.2.3/feed.xml',
        'http://[::1]/feed.xml',
        'http://[::ffff:127.0.0.1]/feed.xml',
        'http://user:pw@news.example.org/feed.xml',
      ]) {
        const { res } = await connect('rss', `private-${feedUrl.length}-${Math.random()}`, {
          credentials: { feedUrl },
        });
        expect(res.statusCode, feedUrl).toBe(400);
        expect(res.json().error.code, feedUrl).toBe('feed_url_refused');
      }
    } finally {
      process.env.COMMSDESK_ALLOW_PRIVATE_FEEDS = '1';
    }
  });

  it('[INB-1] the guard judges addresses, including IPv4-mapped IPv6, and allows public ones', async () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '100.64.0.1',
      '0.0.0.0',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.215.14', '2606:4700::1111', '8.8.8.8']) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
    await expect(vetFeedUrl('http://93.184.215.14/feed.xml', false)).resolves.toBeInstanceOf(URL);
  });

  it('[INB-1] at poll time the socket itself refuses private addresses (no DNS-rebinding gap)', async () => {
    const guarded = feedFetch(false);
    const port = new URL(host.url).port;
    await expect(guarded(`http://127.0.0.1:${port}/feed.xml`)).rejects.toThrow(/private or local/);
    // A name that resolves to loopback is refused inside the socket's own DNS lookup.
    await expect(guarded(`http://localhost:${port}/feed.xml`)).rejects.toThrow(/private or local/);
    expect(host.requests.filter((r) => r.url === '/feed.xml').length).toBeGreaterThan(0);
  });

  it('[INB-1] the guarded fetch reads feeds like fetch does: 200 with body and validators, 304, redirects left to the client', async () => {
    // Allow 127.0.0.1 only (to reach the fake) but go through the guarded path.
    const guarded = feedFetch(false, (a) => a !== '127.0.0.1');
    const port = new URL(host.url).port;
    const ok = await guarded(`http://127.0.0.1:${port}/feed.xml`, {
      headers: { accept: 'application/rss+xml' },
      redirect: 'manual',
      signal: AbortSignal.timeout(5_000),
    });
    expect(ok.status).toBe(200);
    expect(ok.ok).toBe(true);
    const etag = ok.headers.get('etag');
    expect(await ok.text()).toContain('<rss');
    const again = await guarded(`http://127.0.0.1:${port}/feed.xml`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const moved = await guarded(`http://127.0.0.1:${port}/moved.xml`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/feed.xml');
    await moved.body?.cancel();
  });
});
