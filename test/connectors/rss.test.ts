import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorDeps } from '../../src/connectors/contract.js';
import rssFactory, { createRssConnector } from '../../src/connectors/rss/index.js';
import { htmlToText } from '../../src/connectors/rss/normalise.js';
import { rssItem, startFakeFeedHost, type FakeFeedHost } from '../fakes/rss.js';
import { failure, fakeDeps } from '../helpers/connectors.js';

let host: FakeFeedHost;
beforeAll(async () => {
  host = await startFakeFeedHost();
});
afterAll(async () => {
  await host.close();
});

function deps(credentials: Record<string, unknown>, sleeps: number[] = []): ConnectorDeps {
  return fakeDeps({
    account: 'news-feed',
    baseUrl: host.url,
    credentials,
    now: () => new Date('2025-06-12T12:00:00Z'),
    sleeps,
  });
}

describe('RSS/Atom connector', () => {
  it('[INB-1] polls an RSS 2.0 feed into items, then gets 304 with If-None-Match and If-Modified-Since', async () => {
    const connector = rssFactory.create(deps({ feedUrl: '/feed.xml', itemKind: 'mention' }));
    const first = await connector.poll!(null);
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toEqual({
      platform: 'rss',
      externalId: 'n-1',
      kind: 'mention',
      author: { platformAuthorId: 'Health Reporter', displayName: 'Health Reporter' },
      conversationId: null,
      inReplyTo: null,
      text: 'Trust praised for A&E times\n\nWaiting times fell & staff thanked.',
      media: [],
      receivedAt: '2025-06-10T08:00:00.000Z',
      permalink: 'https://news.example.org/n-1',
    });

    const before = host.requests.length;
    const second = await connector.poll!(first.cursor);
    expect(second.items).toEqual([]);
    const request = host.requests[before];
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/feed.xml');
    expect(request.headers['if-none-match']).toBe('W/"feed-1"');
    expect(request.headers['if-modified-since']).toBe('Tue, 10 Jun 2025 09:00:00 GMT');
    expect(request.headers.accept).toMatch(/application\/rss\+xml/);

    // A changed feed delivers only the entries not seen before.
    host.setRssItems([
      rssItem('n-3', 'New entry', 'Fresh', 'Thu, 12 Jun 2025 08:00:00 GMT'),
      rssItem('n-2', 'Ward closure', 'A ward closes for refurbishment.'),
    ]);
    const third = await connector.poll!(second.cursor);
    expect(third.items.map((i) => i.externalId)).toEqual(['n-3']);
    expect(JSON.parse(third.cursor!).seen).toEqual(['n-2', 'n-3']);
  });

  it('uses Last-Modified alone when the feed sends no ETag', async () => {
    const connector = createRssConnector(deps({ feedUrl: '/lastmod.xml' }));
    const first = await connector.poll!(null);
    expect(first.items.every((i) => i.kind === 'post')).toBe(true);
    const second = await connector.poll!(first.cursor);
    expect(second.items).toEqual([]);
  });

  it('reads Atom entries: HTML content to text, author, offset dates', async () => {
    const connector = createRssConnector(deps({ feedUrl: `${host.url}/atom.xml` }));
    const { items } = await connector.poll!(null);
    expect(items).toEqual([
      {
        platform: 'rss',
        externalId: 'tag:trust.example.org,2025:news-7',
        kind: 'post',
        author: { platformAuthorId: 'https://trust.example.org/team', displayName: 'Comms Team' },
        conversationId: null,
        inReplyTo: null,
        text: 'New clinic & parking\n\nThe clinic opens on Monday.\nParking is free.',
        media: [],
        receivedAt: '2025-06-11T09:00:00.000Z',
        permalink: 'https://trust.example.org/news/7',
      },
    ]);
  });

  it('sends Basic credentials for a private feed; without them a 401 needs the officer', async () => {
    const ok = createRssConnector(
      deps({ feedUrl: '/private.xml', username: 'desk', password: 's3cret' }),
    );
    expect((await ok.poll!(null)).items).toHaveLength(2);

    const locked = createRssConnector(deps({ feedUrl: '/private.xml' }));
    const error = await failure(locked.poll!(null));
    expect(error.kind).toBe('auth_revoked');
    expect(error.detail.status).toBe(401);
    expect(error.action).toMatch(/login/);
    expect(await locked.health()).toMatchObject({ state: 'reconnect_needed' });
  });

  it('maps malformed XML and an HTML page to bad_response', async () => {
    const broken = await failure(createRssConnector(deps({ feedUrl: '/broken.xml' })).poll!(null));
    expect(broken.kind).toBe('bad_response');
    expect(broken.message).toMatch(/not well-formed XML/);
    const html = await failure(createRssConnector(deps({ feedUrl: '/page.html' })).poll!(null));
    expect(html.kind).toBe('bad_response');
    expect(html.message).toMatch(/not an RSS or Atom feed/);
  });

  it('maps 410 Gone to not_found with an action about the address', async () => {
    const error = await failure(createRssConnector(deps({ feedUrl: '/gone.xml' })).poll!(null));
    expect(error.kind).toBe('not_found');
    expect(error.retryable).toBe(false);
    expect(error.action).toMatch(/feed address/);
  });

  it('retries a 503 after its Retry-After, then succeeds', async () => {
    host.flakyFailures = 2;
    const sleeps: number[] = [];
    const { items } = await createRssConnector(deps({ feedUrl: '/flaky.xml' }, sleeps)).poll!(null);
    expect(items).toHaveLength(2);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('hands a long 429 back as a retryable error carrying retryAfterMs', async () => {
    const sleeps: number[] = [];
    const error = await failure(
      createRssConnector(deps({ feedUrl: '/limited.xml' }, sleeps)).poll!(null),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.detail.retryAfterMs).toBe(120_000);
    expect(sleeps).toEqual([]);
    const health = await createRssConnector(deps({ feedUrl: '/limited.xml' })).health();
    expect(health).toMatchObject({ state: 'degraded', retryAt: '2025-06-12T12:02:00.000Z' });
  });

  it('times out a hanging feed with bounded attempts and backoff', async () => {
    const sleeps: number[] = [];
    const connector = createRssConnector(deps({ feedUrl: '/slow.xml' }, sleeps), {
      timeoutMs: 100,
      maxAttempts: 2,
    });
    const error = await failure(connector.poll!(null));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(sleeps).toHaveLength(1);
    expect(error.detail.retryAfterMs).toBeGreaterThan(0);
  });

  it('follows a same-host redirect but refuses one to another site', async () => {
    expect(
      (await createRssConnector(deps({ feedUrl: '/moved.xml' })).poll!(null)).items,
    ).toHaveLength(2);
    const error = await failure(
      createRssConnector(deps({ feedUrl: '/moved-away.xml' })).poll!(null),
    );
    expect(error.kind).toBe('config');
    expect(error.message).toMatch(/elsewhere\.example\.net/);
  });

  it('names a missing feedUrl in a config error', () => {
    expect(() => rssFactory.create(deps({}))).toThrow(/missing feedUrl/);
    try {
      rssFactory.create(deps({ feedUrl: 'ftp://x/feed' }));
    } catch (error) {
      expect((error as ConnectorError).kind).toBe('config');
    }
  });

  it('turns feed HTML into plain text', () => {
    expect(
      htmlToText('<p>One&nbsp;two</p><script>x()</script><p>&#163;5 &#x2014; &pound;6<br/>end</p>'),
    ).toBe('One two\n£5 — £6\nend');
  });
});

describe('xmlProblem', () => {
  it('accepts balanced XML with CDATA, comments and self-closing tags', async () => {
    const { xmlProblem } = await import('../../src/connectors/rss/xml-check.js');
    expect(
      xmlProblem(
        '<?xml version="1.0"?><!-- c --><rss a="x>y"><channel><link/><d><![CDATA[<b>not a tag]]></d></channel></rss>',
      ),
    ).toBeNull();
    expect(xmlProblem('<rss><channel><title>Half</ti</item></channel></rss>')).toMatch(
      /Unexpected/,
    );
    expect(xmlProblem('<rss><channel><item><title>Half')).toMatch(/expected <\/title>/);
    expect(xmlProblem('<rss><a></b></rss>')).toMatch(/Unexpected <\/b>, expected <\/a>/);
  });
});
