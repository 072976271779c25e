/**
 * Mentions beyond the owned account (INB-1): a Mastodon connection carries `mention_queries` (a
 * tag and a phrase); the worker's poll runs them against the instance (tag timeline, status
 * search) besides the account's own notifications, and what they find reaches the inbox as kind
 * `mention`, once, never the account's own posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMastodon, type FakeMastodon } from '../fakes/mastodon.js';
import { startTestDesk, type Client, type TestDesk } from '../helpers/desk.js';

let t: TestDesk;
let fake: FakeMastodon;
let officer: Client;
let connectionId: number;
const base = () => `/api/orgs/${t.org.slug}`;

async function mastodonInbox() {
  const res = await officer.get(`${base()}/inbox?limit=200`);
  return (res.json().items as { external_id: string; kind: string; platform: string }[]).filter(
    (i) => i.platform === 'mastodon',
  );
}

beforeAll(async () => {
  t = await startTestDesk({ now: new Date('2026-05-01T12:00:00Z') });
  fake = await startFakeMastodon();
  officer = await t.as('comms_officer');
}, 60_000);
afterAll(async () => {
  await fake?.close();
  await t?.close();
});

describe('mention queries', () => {
  it('[INB-1] a connection with mention_queries feeds tag and phrase matches into the inbox as mentions', async () => {
    fake.addMention('1', { content: '<p>@exampletrust when does the walk-in centre open?</p>' });
    fake.addPublicStatus('501', 'Queues at Example Trust A&amp;E again tonight, four hours so far');
    fake.addPublicStatus('502', 'Great work by the #ExampleTrustNHS vaccination team today');
    fake.addPublicStatus('503', 'Example Trust news: new clinic opens Monday', { own: true });
    fake.addPublicStatus('504', 'Nothing to do with us at all');
    const account = await t.desk.store.accounts.create(
      t.org.id,
      {
        platform: 'mastodon',
        handle: 'exampletrust',
        ownerTeam: 'Communications',
        managers: [t.people.comms_manager.id, t.people.comms_officer.id],
      },
      t.clock.now(),
    );
    const res = await (
      await t.as('it')
    ).post(`${base()}/connections`, {
      account_id: account.id,
      credentials: { accessToken: 'good-token' },
      base_url: fake.url,
      mention_queries: ['#ExampleTrustNHS', 'Example Trust'],
    });
    expect(res.statusCode, res.body).toBe(201);
    connectionId = res.json().connection.id;

    await t.worker.drain(10);
    const items = await mastodonInbox();
    expect(items.map((i) => [i.external_id, i.kind]).sort()).toEqual([
      ['501', 'mention'],
      ['502', 'mention'],
      ['s1', 'mention'],
    ]);
    const paths = fake.requests.map((r) => r.path);
    expect(paths).toContain('/api/v2/search');
    expect(paths).toContain('/api/v1/timelines/tag/ExampleTrustNHS');
    // The queries themselves are settings, sealed with the credentials; the audit says how many.
    const audit = JSON.stringify(await t.desk.store.audit.export(t.org.id));
    expect(audit).toContain('"mentionQueries":2');
  });

  it('[INB-1] the next poll asks only for what is newer and stores each match once', async () => {
    fake.addPublicStatus('505', 'Parking at Example Trust is impossible this week');
    fake.requests.length = 0;
    t.clock.advance(6 * 60_000);
    await t.worker.drain(10);
    const search = fake.requests.find((r) => r.path === '/api/v2/search');
    // Newest seen, the account's own post included (it was skipped, not stored).
    expect(search?.query.min_id).toBe('503');
    const items = await mastodonInbox();
    expect(items.map((i) => i.external_id).sort()).toEqual(['501', '502', '505', 's1']);

    // A poll from a lost cursor reads the matches again: nothing is stored twice.
    await t.desk.store.connections.setCursor(connectionId, null, t.clock.now());
    t.clock.advance(6 * 60_000);
    await t.worker.drain(10);
    expect(await mastodonInbox()).toHaveLength(4);
  });

  it('[INB-1] a platform whose connector cannot search refuses mention_queries in words', async () => {
    const account = await t.desk.store.accounts.create(
      t.org.id,
      { platform: 'facebook', handle: 'TrustPage', ownerTeam: 'Communications', managers: [] },
      t.clock.now(),
    );
    const res = await (
      await t.as('it')
    ).post(`${base()}/connections`, {
      account_id: account.id,
      credentials: { pageId: '1', pageAccessToken: 'token' },
      base_url: 'http://127.0.0.1:9',
      mention_queries: ['Example Trust'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('mention_queries_unsupported');
    expect(res.json().error.message).toContain('Facebook');
  });
});
