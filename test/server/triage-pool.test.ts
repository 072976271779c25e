import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triagePoolFor } from '../../src/server/services/triage-pool.js';
import { ItemsService } from '../../src/server/services/items.service.js';
import { startTestDesk, wireItem, type TestDesk } from '../helpers/desk.js';
import { realisticPosts } from '../../bench/posts.js';

const TEXTS = [
  'Nobody has come to help my mum on Ward 7, she has been calling out for the toilet for hours',
  'Please can you send me all emails about the car park contract under the Freedom of Information Act',
  'Thank you to the maternity team, amazing care',
  ...realisticPosts(97, 5),
];

describe('triage threads for large ingest batches', () => {
  let t: TestDesk;
  beforeAll(async () => {
    t = await startTestDesk();
  });
  afterAll(async () => {
    await triagePoolFor(t.desk).close();
    await t.close();
  });

  it('[INB-1] a large batch ingested through the API is triaged on threads exactly as inline', async () => {
    const pool = triagePoolFor(t.desk);
    expect(await pool.warm()).toBe(true);
    const officer = await t.as('comms_officer');
    const items = TEXTS.map((text, i) =>
      wireItem(`pool-${i}`, text, {
        received_at: new Date(Date.UTC(2026, 2, 2, i % 24, i)).toISOString(),
      }),
    );
    const res = await officer.post(`/api/orgs/${t.org.slug}/items`, { items });
    expect(res.statusCode).toBe(200);
    expect(pool.stats().pooledBatches).toBe(1);
    const results = (res.json() as { results: { id: number }[] }).results;
    const service = new ItemsService(t.desk);
    for (const [i, r] of results.entries()) {
      const stored = await service.get(t.org, r.id);
      const a = service.assess(t.org, {
        platform: 'facebook',
        externalId: `pool-${i}`,
        kind: 'comment',
        text: TEXTS[i]!,
        receivedAt: new Date(items[i]!.received_at),
        author: { platformAuthorId: `author-pool-${i}`, displayName: `Author pool-${i}` },
      });
      expect(stored.labels).toEqual([...new Set(a.result.labels)]);
      expect(stored.urgent).toBe(a.result.urgent);
      expect(stored.routes).toEqual(a.result.routes);
      expect(stored.sentiment).toBe(a.result.sentiment);
      expect(stored.dueAt?.toISOString() ?? null).toBe(a.clock.dueAt?.toISOString() ?? null);
    }
  }, 60_000);
});
