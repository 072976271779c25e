/**
 * A fake feed host: RSS 2.0 and Atom feeds with ETag / Last-Modified (304 on a match), and the
 * failures a feed host produces — 401, 404/410, 429 and 503 with Retry-After, a hang, malformed
 * XML, an HTML page, same-host and cross-host redirects.
 */
import Fastify, { type FastifyInstance } from 'fastify';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeFeedHost {
  url: string;
  requests: RecordedRequest[];
  /** Replace the RSS feed's items (changes its ETag). */
  setRssItems(items: string[]): void;
  /** How many 503s /flaky.xml answers before it recovers. */
  flakyFailures: number;
  close(): Promise<void>;
}

const ETAG_PREFIX = 'W/"feed-';
const LAST_MODIFIED = 'Tue, 10 Jun 2025 09:00:00 GMT';

export function rssItem(
  id: string,
  title: string,
  description: string,
  pubDate = 'Tue, 10 Jun 2025 08:00:00 GMT',
): string {
  return `<item><title>${title}</title><link>https://news.example.org/${id}</link><guid isPermaLink="false">${id}</guid><description>${description}</description><pubDate>${pubDate}</pubDate><dc:creator>Health Reporter</dc:creator></item>`;
}

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Trust news</title>
  <id>urn:uuid:feed-1</id>
  <updated>2025-06-11T10:00:00Z</updated>
  <entry>
    <title type="html">New clinic &amp;amp; parking</title>
    <id>tag:trust.example.org,2025:news-7</id>
    <link rel="alternate" href="https://trust.example.org/news/7"/>
    <published>2025-06-11T10:00:00+01:00</published>
    <author><name>Comms Team</name><uri>https://trust.example.org/team</uri></author>
    <content type="html">&lt;p&gt;The clinic opens on &lt;b&gt;Monday&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Parking is free.&lt;/p&gt;</content>
  </entry>
</feed>`;

export async function startFakeFeedHost(): Promise<FakeFeedHost> {
  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true });
  const requests: RecordedRequest[] = [];
  let items = [
    rssItem(
      'n-1',
      'Trust praised for A&amp;E times',
      '&lt;p&gt;Waiting times fell &amp;amp; staff thanked.&lt;/p&gt;',
    ),
    rssItem(
      'n-2',
      'Ward closure',
      'A ward closes for refurbishment.',
      'Wed, 11 Jun 2025 08:00:00 GMT',
    ),
  ];
  let version = 1;
  let flakyCount = 0;

  app.addHook('onRequest', async (req) => {
    requests.push({ method: req.method, url: req.url, headers: { ...req.headers } });
  });

  const rss = () =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Local news</title><link>https://news.example.org</link>${items.join('')}</channel></rss>`;

  app.get('/feed.xml', async (req, reply) => {
    const etag = `${ETAG_PREFIX}${version}"`;
    if (req.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
    return reply
      .header('content-type', 'application/rss+xml; charset=utf-8')
      .header('etag', etag)
      .header('last-modified', LAST_MODIFIED)
      .send(rss());
  });
  app.get('/lastmod.xml', async (req, reply) => {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) return reply.code(304).send();
    return reply
      .header('content-type', 'application/rss+xml')
      .header('last-modified', LAST_MODIFIED)
      .send(rss());
  });
  app.get('/atom.xml', async (_req, reply) =>
    reply.header('content-type', 'application/atom+xml').send(ATOM),
  );
  app.get('/private.xml', async (req, reply) => {
    if (req.headers.authorization === `Basic ${Buffer.from('desk:s3cret').toString('base64')}`) {
      return reply.header('content-type', 'application/rss+xml').send(rss());
    }
    return reply.code(401).header('www-authenticate', 'Basic realm="feed"').send('Unauthorised');
  });
  app.get('/broken.xml', async (_req, reply) =>
    reply
      .header('content-type', 'application/rss+xml')
      .send('<rss><channel><item><title>Half</ti</item></channel></rss>'),
  );
  app.get('/page.html', async (_req, reply) =>
    reply.header('content-type', 'text/html').send('<html><body><h1>Not a feed</h1></body></html>'),
  );
  app.get('/gone.xml', async (_req, reply) => reply.code(410).send('Gone'));
  app.get('/limited.xml', async (_req, reply) =>
    reply.code(429).header('retry-after', '120').send('Slow down'),
  );
  app.get('/flaky.xml', async (_req, reply) => {
    if (flakyCount < host.flakyFailures) {
      flakyCount += 1;
      return reply.code(503).header('retry-after', '2').send('Busy');
    }
    return reply.header('content-type', 'application/rss+xml').send(rss());
  });
  app.get('/slow.xml', async (_req, reply) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return reply.header('content-type', 'application/rss+xml').send(rss());
  });
  app.get('/moved.xml', async (_req, reply) =>
    reply.code(301).header('location', '/feed.xml').send(),
  );
  app.get('/moved-away.xml', async (_req, reply) =>
    reply.code(302).header('location', 'http://elsewhere.example.net/feed.xml').send(),
  );

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const host: FakeFeedHost = {
    url,
    requests,
    flakyFailures: 0,
    setRssItems(next) {
      items = next;
      version += 1;
    },
    close: () => app.close(),
  };
  return host;
}
