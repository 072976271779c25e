import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConnectorError,
  type ConnectorDeps,
  type WebhookRequest,
} from '../../src/connectors/contract.js';
import { connectorFor } from '../../src/connectors/registry.js';
import webhook from '../../src/connectors/webhook/index.js';

const SECRET = 'a-long-shared-secret-of-32-bytes!';
const NOW = new Date('2026-05-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;

const deps = (credentials: Record<string, unknown> = {}): ConnectorDeps => ({
  account: 'Patient reviews',
  baseUrl: 'http://127.0.0.1:1',
  credentials,
  fetch,
  now: () => NOW,
  sleep: async () => {},
});

function delivery(body: string | Buffer, ts: number = NOW_S, secret = SECRET): WebhookRequest {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const mac = createHmac('sha256', secret).update(`${ts}.`).update(raw).digest('hex');
  return {
    method: 'POST',
    headers: { 'x-commsdesk-timestamp': String(ts), 'x-commsdesk-signature': `sha256=${mac}` },
    query: {},
    rawBody: raw,
  };
}

const item = {
  id: 'review-1',
  kind: 'review',
  text: 'Staff were wonderful — diolch ☺',
  createdAt: '2026-05-01T09:14:00+01:00',
  author: { id: 'u-1', name: 'A. Parent' },
  permalink: 'https://reviews.example.org/r/1',
  media: [{ type: 'image', url: 'https://reviews.example.org/i/1.jpg', altText: 'A ward' }],
};

describe('signed webhook connector', () => {
  const c = webhook.create(deps());
  const secrets = { appSecret: SECRET };

  it('is registered as webhook-only', () => {
    expect(connectorFor('webhook')).toBe(webhook);
    expect(webhook.manifest.capabilities).toMatchObject({
      webhook: true,
      poll: false,
      reply: false,
    });
    expect(c.poll).toBeUndefined();
  });

  it('[INB-1] accepts a signed array of items in the documented shape', () => {
    const outcome = c.webhook!(
      delivery(
        JSON.stringify([
          item,
          { id: 'c-2', kind: 'comment', text: 'Hi', createdAt: '2026-05-01T11:59:00Z' },
        ]),
      ),
      secrets,
    );
    expect(outcome).toEqual({
      kind: 'items',
      items: [
        {
          platform: 'webhook',
          externalId: 'review-1',
          kind: 'review',
          author: { platformAuthorId: 'u-1', displayName: 'A. Parent' },
          conversationId: null,
          inReplyTo: null,
          text: 'Staff were wonderful — diolch ☺',
          media: [{ type: 'image', url: 'https://reviews.example.org/i/1.jpg', altText: 'A ward' }],
          receivedAt: '2026-05-01T08:14:00.000Z',
          permalink: 'https://reviews.example.org/r/1',
        },
        expect.objectContaining({ externalId: 'c-2', author: null, media: [] }),
      ],
    });
  });

  it('rejects unsigned, mis-signed and re-serialised deliveries', () => {
    const body = JSON.stringify([item]);
    const unsigned = { ...delivery(body), headers: {} };
    expect(c.webhook!(unsigned, secrets)).toMatchObject({ kind: 'rejected', status: 401 });
    expect(c.webhook!(delivery(body, NOW_S, 'wrong-secret'), secrets)).toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    const signed = delivery(body);
    const reserialised = {
      ...signed,
      rawBody: Buffer.from(JSON.stringify(JSON.parse(body)).replace('—', '\\u2014')),
    };
    expect(c.webhook!(reserialised, secrets)).toMatchObject({ kind: 'rejected', status: 401 });
    // The timestamp is part of what is signed: changing it breaks the signature.
    const moved = {
      ...signed,
      headers: { ...signed.headers, 'x-commsdesk-timestamp': String(NOW_S + 1) },
    };
    expect(c.webhook!(moved, secrets)).toMatchObject({ kind: 'rejected', status: 401 });
  });

  it('rejects replays older than five minutes, and clocks too far ahead', () => {
    const body = JSON.stringify([item]);
    expect(c.webhook!(delivery(body, NOW_S - 299), secrets).kind).toBe('items');
    expect(c.webhook!(delivery(body, NOW_S - 301), secrets)).toMatchObject({
      kind: 'rejected',
      status: 401,
      reason: expect.stringMatching(/replay/),
    });
    expect(c.webhook!(delivery(body, NOW_S + 400), secrets)).toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    const strict = webhook.create(deps({ toleranceSeconds: 30 }));
    expect(strict.webhook!(delivery(body, NOW_S - 60), secrets)).toMatchObject({
      kind: 'rejected',
    });
  });

  it('rejects malformed bodies whole, naming the item and field but not the content', () => {
    expect(c.webhook!(delivery('not json'), secrets)).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
    expect(c.webhook!(delivery('{"items": []}'), secrets)).toMatchObject({
      kind: 'rejected',
      status: 400,
      reason: expect.stringMatching(/array/),
    });
    const bad = [
      item,
      { ...item, id: 'x', createdAt: '01/05/2026', text: 'secret patient words' },
      { ...item, id: 'y', kind: 'tweet' },
    ];
    const outcome = c.webhook!(delivery(JSON.stringify(bad)), secrets);
    expect(outcome).toMatchObject({ kind: 'rejected', status: 400 });
    if (outcome.kind !== 'rejected') return;
    expect(outcome.reason).toMatch(/item 1: createdAt/);
    expect(outcome.reason).toMatch(/item 2: kind/);
    expect(outcome.reason).not.toContain('secret patient words');
    expect(c.webhook!(delivery(JSON.stringify([item, item])), secrets)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/share an id/),
    });
    const tooMany = webhook.create(deps({ maxItems: 1 }));
    expect(
      tooMany.webhook!(delivery(JSON.stringify([item, { ...item, id: 'z' }])), secrets),
    ).toMatchObject({ kind: 'rejected', status: 400 });
  });

  it('rejects non-http links and GET requests', () => {
    const js = [{ ...item, permalink: 'javascript:alert(1)' }];
    expect(c.webhook!(delivery(JSON.stringify(js)), secrets)).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
    expect(c.webhook!({ ...delivery('[]'), method: 'GET' }, secrets)).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
  });

  it('is always healthy and refuses bad settings as config errors', async () => {
    expect(await c.health()).toEqual({ state: 'ok', checkedAt: NOW.toISOString() });
    try {
      webhook.create(deps({ toleranceSeconds: -1 }));
      throw new Error('expected a config error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe('config');
      expect((error as ConnectorError).message).toMatch(/toleranceSeconds/);
    }
  });
});
