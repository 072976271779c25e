/**
 * The webhook negative suite (issue 6, "Bad input"): for Meta (a Facebook Page), X and the
 * generic signed webhook, deliveries that are forged, unsigned, mis-signed, replayed with an
 * altered body, signed in another platform's style, oversized, or malformed JSON are refused
 * with 4xx, counted per connection, logged without the body, and across the whole suite not one
 * item is stored and not one job is enqueued.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

const SECRET = 'negative-suite-secret';
const OTHER = 'another-connections-secret';
const PERSONAL = 'Jo Bloggs, 12 Acacia Avenue';

const hex = (secret: string, payload: string | Buffer) =>
  createHmac('sha256', secret).update(payload).digest('hex');
const b64 = (secret: string, payload: string | Buffer) =>
  createHmac('sha256', secret).update(payload).digest('base64');

let t: TestDesk;
const ids: Record<'meta' | 'x' | 'generic', number> = { meta: 0, x: 0, generic: 0 };
const sent: Record<'meta' | 'x' | 'generic', number> = { meta: 0, x: 0, generic: 0 };
const logged: string[] = [];
let jobsBefore = 0;

async function jobCount() {
  return (await t.desk.store.jobs.list(t.org.id, {})).filter((j) => j.type !== 'connection.poll')
    .length;
}

beforeAll(async () => {
  t = await startTestDesk({ now: new Date('2026-05-01T12:00:00Z') });
  // Keep what the desk logs, to show that no body (and no personal data) is ever logged.
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = t.desk.log[level].bind(t.desk.log);
    t.desk.log[level] = (...args: unknown[]) => {
      logged.push(JSON.stringify(args));
      (original as (...a: unknown[]) => void)(...args);
    };
  }
  const it = await t.as('it');
  const connect = async (platform: string, handle: string, body: Record<string, unknown>) => {
    const account = await t.desk.store.accounts.create(
      t.org.id,
      { platform, handle, ownerTeam: 'Communications', managers: [] },
      t.clock.now(),
    );
    const res = await it.post(`/api/orgs/${t.org.slug}/connections`, {
      account_id: account.id,
      webhook_secret: SECRET,
      base_url: 'http://127.0.0.1:9',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().connection.id as number;
  };
  ids.meta = await connect('facebook', 'NegativePage', {
    credentials: { pageId: '7000', pageAccessToken: 'token', directMessages: false },
  });
  ids.x = await connect('x', 'negative_trust', {
    credentials: { userId: '7100', accessToken: 'token', directMessages: false },
  });
  ids.generic = await connect('webhook', 'Patient feedback relay', {
    credentials: { sourceName: 'Feedback relay' },
  });
  jobsBefore = await jobCount();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function deliver(
  target: 'meta' | 'x' | 'generic',
  body: string | Buffer,
  headers: Record<string, string>,
  contentType = 'application/json',
) {
  sent[target] += 1;
  return t.app.inject({
    method: 'POST',
    url: `/webhooks/${ids[target]}`,
    headers: { 'content-type': contentType, ...headers },
    payload: body,
  });
}

function expectRefused(res: { statusCode: number; body: string }, statuses = [400, 401, 403]) {
  expect(statuses, res.body).toContain(res.statusCode);
}

// Deliveries that would each store one item, were they genuine.
const metaBody = JSON.stringify({
  object: 'page',
  entry: [
    {
      id: '7000',
      time: 1777636800,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: '7000_1_1',
            post_id: '7000_1',
            parent_id: '7000_1',
            message: `Call me back: ${PERSONAL}`,
            from: { id: '555', name: 'Jo Bloggs' },
            created_time: 1777636800,
          },
        },
      ],
    },
  ],
});
const xBody = JSON.stringify({
  for_user_id: '7100',
  tweet_create_events: [
    {
      id_str: '1900000000000007001',
      text: `@negative_trust ${PERSONAL}`,
      created_at: 'Fri May 01 11:59:00 +0000 2026',
      user: { id_str: '2001', screen_name: 'jo' },
    },
  ],
});
const genericBody = JSON.stringify([
  {
    id: 'relay-1',
    kind: 'review',
    text: `Feedback from ${PERSONAL}`,
    createdAt: '2026-05-01T11:00:00+01:00',
  },
]);
const now = () => String(Math.floor(t.clock.now().getTime() / 1000));
const genericHeaders = (body: string | Buffer, secret = SECRET, ts = now()) => ({
  'x-commsdesk-timestamp': ts,
  'x-commsdesk-signature': `sha256=${hex(secret, Buffer.concat([Buffer.from(`${ts}.`), Buffer.from(body)]))}`,
});

describe('webhook negative suite', () => {
  it('Meta: forged, unsigned, mis-signed, altered, wrong style, oversized and malformed deliveries are refused', async () => {
    const cases = [
      // Forged: signed with a secret that is not this connection's.
      await deliver('meta', metaBody, { 'x-hub-signature-256': `sha256=${hex(OTHER, metaBody)}` }),
      // Unsigned.
      await deliver('meta', metaBody, {}),
      // Mis-signed: not hex, wrong length, wrong prefix, empty.
      await deliver('meta', metaBody, { 'x-hub-signature-256': 'sha256=zz' }),
      await deliver('meta', metaBody, { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }),
      await deliver('meta', metaBody, { 'x-hub-signature-256': hex(SECRET, metaBody) }),
      await deliver('meta', metaBody, { 'x-hub-signature-256': '' }),
      // Replayed with an altered body: the captured signature no longer matches.
      await deliver('meta', metaBody.replace('7000_1_1', '7000_1_2'), {
        'x-hub-signature-256': `sha256=${hex(SECRET, metaBody)}`,
      }),
      // Re-serialised JSON: the bytes differ, so the signature of the original does not verify.
      await deliver('meta', JSON.stringify(JSON.parse(metaBody), null, 1), {
        'x-hub-signature-256': `sha256=${hex(SECRET, metaBody)}`,
      }),
      // Other platforms' styles: X's base64 header, the legacy sha1 header, the generic headers.
      await deliver('meta', metaBody, {
        'x-twitter-webhooks-signature': `sha256=${b64(SECRET, metaBody)}`,
      }),
      await deliver('meta', metaBody, {
        'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(metaBody).digest('hex')}`,
      }),
      await deliver('meta', metaBody, { 'x-hub-signature-256': `sha256=${b64(SECRET, metaBody)}` }),
      await deliver('meta', metaBody, genericHeaders(metaBody)),
      // Malformed JSON, unsigned and correctly signed.
      await deliver('meta', '{"object":"page","entry":[', {}),
      await deliver('meta', '{"object":"page","entry":[', {
        'x-hub-signature-256': `sha256=${hex(SECRET, '{"object":"page","entry":[')}`,
      }),
      await deliver('meta', 'null', { 'x-hub-signature-256': `sha256=${hex(SECRET, 'null')}` }),
    ];
    for (const res of cases) expectRefused(res);
    const oversized = Buffer.alloc(1024 * 1024 + 10, 'a');
    const big = await deliver('meta', oversized, {
      'x-hub-signature-256': `sha256=${hex(SECRET, oversized)}`,
    });
    expect(big.statusCode).toBe(413);
  });

  it('X: forged, unsigned, mis-signed, altered, wrong style, oversized and malformed deliveries are refused', async () => {
    const sig = (body: string) => ({
      'x-twitter-webhooks-signature': `sha256=${b64(SECRET, body)}`,
    });
    const cases = [
      await deliver('x', xBody, { 'x-twitter-webhooks-signature': `sha256=${b64(OTHER, xBody)}` }),
      await deliver('x', xBody, {}),
      await deliver('x', xBody, { 'x-twitter-webhooks-signature': 'sha256=!!!' }),
      await deliver('x', xBody, { 'x-twitter-webhooks-signature': b64(SECRET, xBody) }),
      await deliver('x', xBody.replace('1900000000000007001', '1900000000000007002'), sig(xBody)),
      // Meta's style (hex in x-hub-signature-256) and X's header with a hex digest.
      await deliver('x', xBody, { 'x-hub-signature-256': `sha256=${hex(SECRET, xBody)}` }),
      await deliver('x', xBody, { 'x-twitter-webhooks-signature': `sha256=${hex(SECRET, xBody)}` }),
      await deliver('x', xBody, genericHeaders(xBody)),
      await deliver('x', '{"for_user_id":', sig('{"for_user_id":')),
      await deliver('x', '"a string"', sig('"a string"')),
    ];
    for (const res of cases) expectRefused(res);
    // A CRC without a token is no handshake.
    sent.x += 1;
    const crc = await t.app.inject({ method: 'GET', url: `/webhooks/${ids.x}` });
    expectRefused(crc);
    const oversized = Buffer.alloc(1024 * 1024 + 10, 'b');
    expect((await deliver('x', oversized, sig(oversized.toString()))).statusCode).toBe(413);
  });

  it('generic webhook: forged, unsigned, mis-signed, altered, stale, wrong style, oversized and malformed deliveries are refused', async () => {
    const old = String(Math.floor(t.clock.now().getTime() / 1000) - 3_600);
    const badItems = JSON.stringify([{ id: 'relay-2', kind: 'review', text: 'x' }]);
    const cases = [
      await deliver('generic', genericBody, genericHeaders(genericBody, OTHER)),
      await deliver('generic', genericBody, {}),
      await deliver('generic', genericBody, { 'x-commsdesk-timestamp': now() }),
      await deliver('generic', genericBody, {
        'x-commsdesk-timestamp': now(),
        'x-commsdesk-signature': 'sha256=00',
      }),
      await deliver('generic', genericBody, {
        'x-commsdesk-timestamp': 'yesterday',
        'x-commsdesk-signature': genericHeaders(genericBody)['x-commsdesk-signature'],
      }),
      // Altered body under a captured signature; a captured delivery replayed an hour later.
      await deliver(
        'generic',
        genericBody.replace('relay-1', 'relay-9'),
        genericHeaders(genericBody),
      ),
      await deliver('generic', genericBody, genericHeaders(genericBody, SECRET, old)),
      // Same signature, another timestamp: the timestamp is part of what is signed.
      await deliver('generic', genericBody, {
        'x-commsdesk-timestamp': String(Number(now()) + 1),
        'x-commsdesk-signature': genericHeaders(genericBody)['x-commsdesk-signature'],
      }),
      // Meta's and X's styles: the body alone signed, no timestamp.
      await deliver('generic', genericBody, {
        'x-hub-signature-256': `sha256=${hex(SECRET, genericBody)}`,
      }),
      await deliver('generic', genericBody, {
        'x-twitter-webhooks-signature': `sha256=${b64(SECRET, genericBody)}`,
      }),
      // Malformed: not JSON, not an array, an item missing fields (nothing of the batch stored).
      await deliver('generic', '[{"id":', genericHeaders('[{"id":')),
      await deliver('generic', '{"id":"x"}', genericHeaders('{"id":"x"}')),
      await deliver('generic', badItems, genericHeaders(badItems)),
    ];
    for (const res of cases) expectRefused(res);
    const oversized = Buffer.alloc(1024 * 1024 + 10, 'c');
    expect((await deliver('generic', oversized, genericHeaders(oversized))).statusCode).toBe(413);
  });

  it('across the whole suite: nothing stored, nothing enqueued, every refusal counted, no body logged', async () => {
    expect(await t.desk.store.items.count(t.org.id)).toBe(0);
    expect(await jobCount()).toBe(jobsBefore);
    const officer = await t.as('comms_officer');
    const list = (await officer.get(`/api/orgs/${t.org.slug}/connections`)).json().connections as {
      id: number;
      webhook_rejections: number;
    }[];
    for (const target of ['meta', 'x', 'generic'] as const) {
      expect(list.find((c) => c.id === ids[target])!.webhook_rejections, target).toBe(sent[target]);
    }
    const log = logged.join('\n');
    expect(log).toContain('webhook rejected');
    expect(log).not.toContain('Acacia');
    expect(log).not.toContain('Bloggs');
  });

  it('the genuine deliveries still get through afterwards (the suite refused only what it should)', async () => {
    const meta = await deliver('meta', metaBody, {
      'x-hub-signature-256': `sha256=${hex(SECRET, metaBody)}`,
    });
    const x = await deliver('x', xBody, {
      'x-twitter-webhooks-signature': `sha256=${b64(SECRET, xBody)}`,
    });
    const generic = await deliver('generic', genericBody, genericHeaders(genericBody));
    for (const res of [meta, x, generic]) expect(res.json()).toEqual({ received: 1, created: 1 });
    expect(await t.desk.store.items.count(t.org.id)).toBe(3);
  });
});
