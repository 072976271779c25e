import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorDeps } from '../../src/connectors/contract.js';
import {
  backoffDelay,
  createHttpClient,
  parseResetAt,
  parseRetryAfter,
} from '../../src/connectors/http.js';
import { hmacSha256, verifyHmacSha256 } from '../../src/connectors/signature.js';
import { connectorFor, connectorRegistry } from '../../src/connectors/registry.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] =
  [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const NOW = new Date('2026-05-01T12:00:00Z');

function deps(sleeps: number[]): ConnectorDeps {
  return {
    account: 'acct-1',
    baseUrl,
    credentials: {},
    fetch,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  };
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function caught(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Fri, 01 May 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', NOW)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });
  it('reads epoch-second reset headers', () => {
    expect(parseResetAt(String(NOW.getTime() / 1000 + 90), NOW)).toBe(90_000);
    expect(parseResetAt('nonsense', NOW)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles, is capped and jitters within [half, full]', () => {
    expect(backoffDelay(1, () => 0, 500, 30_000)).toBe(250);
    expect(backoffDelay(1, () => 0.999999, 500, 30_000)).toBe(500);
    expect(backoffDelay(3, () => 0, 500, 30_000)).toBe(1000);
    expect(backoffDelay(20, () => 1, 500, 30_000)).toBe(30_000);
  });
});

describe('createHttpClient', () => {
  it('sends JSON with query, default headers and parses the answer', async () => {
    handler = (_req, res) => json(res, 200, { ok: true });
    const http = createHttpClient({
      platform: 'x',
      accountLabel: 'X account',
      deps: deps([]),
      headers: () => ({ authorization: 'Bearer t0k' }),
    });
    const res = await http.request<{ ok: boolean }>({
      method: 'POST',
      path: '/2/tweets',
      query: { a: 1, b: undefined, ids: ['x', 'y'] },
      json: { text: 'café ☕' },
    });
    expect(res.body).toEqual({ ok: true });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('/2/tweets?a=1&ids=x&ids=y');
    expect(seen[0].headers.authorization).toBe('Bearer t0k');
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0].body)).toEqual({ text: 'café ☕' });
  });

  it('sends forms and returns null for an empty body', async () => {
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const http = createHttpClient({
      platform: 'facebook',
      accountLabel: 'Facebook Page',
      deps: deps([]),
    });
    const res = await http.request({ method: 'POST', path: 'v1/x', form: { message: 'a b&c' } });
    expect(res.body).toBeNull();
    expect(seen[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0].body).toBe('message=a+b%26c');
  });

  it('maps 401 to auth_expired with an action to reconnect', async () => {
    handler = (_req, res) => json(res, 401, { error: 'nope' });
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps([]) });
    const error = await caught(http.request({ path: '/a', purpose: 'reading mentions' }));
    expect(error.kind).toBe('auth_expired');
    expect(error.platform).toBe('x');
    expect(error.account).toBe('acct-1');
    expect(error.action).toMatch(/Reconnect the X account in Accounts/);
    expect(error.message).toMatch(/reading mentions failed/);
    expect(error.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('lets the platform hook classify error bodies', async () => {
    handler = (_req, res) => json(res, 400, { error: { code: 190, message: 'Session revoked' } });
    const http = createHttpClient({
      platform: 'facebook',
      accountLabel: 'Facebook Page',
      deps: deps([]),
      classifyError: ({ body }) => {
        const e = (body as { error?: { code: number; message: string } }).error;
        return e ? { kind: 'auth_revoked', code: e.code, message: e.message } : undefined;
      },
    });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('auth_revoked');
    expect(error.detail).toMatchObject({
      status: 400,
      platformCode: 190,
      platformMessage: 'Session revoked',
    });
    expect(error.message).toContain('Session revoked');
  });

  it('maps 403 and 404', async () => {
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps([]) });
    handler = (_req, res) => json(res, 403, {});
    expect((await caught(http.request({ path: '/a' }))).kind).toBe('permission_missing');
    handler = (_req, res) => json(res, 404, {});
    expect((await caught(http.request({ path: '/a' }))).kind).toBe('not_found');
  });

  it('waits for Retry-After seconds on 429 and then succeeds', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls === 1) json(res, 429, {}, { 'retry-after': '7' });
      else json(res, 200, { ok: 1 });
    };
    const sleeps: number[] = [];
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps(sleeps) });
    const res = await http.request({ method: 'POST', path: '/a', json: {} });
    expect(res.body).toEqual({ ok: 1 });
    expect(sleeps).toEqual([7000]);
  });

  it('reads a Retry-After HTTP date', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls === 1) json(res, 503, {}, { 'retry-after': 'Fri, 01 May 2026 12:00:05 GMT' });
      else json(res, 200, {});
    };
    const sleeps: number[] = [];
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps(sleeps) });
    await http.request({ path: '/a' });
    expect(sleeps).toEqual([5000]);
  });

  it('hands a long rate-limit wait back as a retryable error with retryAfterMs', async () => {
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '900' });
    const sleeps: number[] = [];
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps(sleeps) });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.detail.retryAfterMs).toBe(900_000);
    expect(sleeps).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('uses the platform rate header when there is no Retry-After', async () => {
    handler = (_req, res) =>
      json(res, 429, {}, { 'x-rate-limit-reset': String(NOW.getTime() / 1000 + 600) });
    const http = createHttpClient({
      platform: 'x',
      accountLabel: 'X account',
      deps: deps([]),
      rateLimitWaitMs: (headers, now) => parseResetAt(headers.get('x-rate-limit-reset'), now),
    });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.detail.retryAfterMs).toBe(600_000);
  });

  it('backs off with jitter on 5xx, bounded, then throws platform_unavailable', async () => {
    handler = (_req, res) => json(res, 502, {});
    const sleeps: number[] = [];
    const http = createHttpClient({
      platform: 'linkedin',
      accountLabel: 'LinkedIn page',
      deps: deps(sleeps),
      maxAttempts: 4,
      baseDelayMs: 100,
    });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('platform_unavailable');
    expect(error.retryable).toBe(true);
    expect(seen).toHaveLength(4);
    // random() = 0.5 → three quarters of 100, 200, 400
    expect(sleeps).toEqual([75, 150, 300]);
    expect(error.detail.retryAfterMs).toBeGreaterThan(0);
  });

  it('does not repeat a POST after a 5xx: the platform may have acted on it', async () => {
    handler = (_req, res) => json(res, 500, {});
    const sleeps: number[] = [];
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps(sleeps) });
    const error = await caught(http.request({ method: 'POST', path: '/a', json: {} }));
    expect(error.kind).toBe('platform_unavailable');
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a slow answer and retries', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      // The first answer never comes (the server drops the socket at the end of the suite).
      if (calls > 1) json(res, 200, { ok: true });
    };
    const sleeps: number[] = [];
    const http = createHttpClient({
      platform: 'x',
      accountLabel: 'X account',
      deps: deps(sleeps),
      // Generous, so a loaded machine still answers the second attempt in time.
      timeoutMs: 1000,
    });
    const res = await http.request({ path: '/a' });
    expect(res.body).toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('gives a timeout error when every attempt times out', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, {}), 1000);
    const http = createHttpClient({
      platform: 'x',
      accountLabel: 'X account',
      deps: deps([]),
      timeoutMs: 50,
      maxAttempts: 2,
    });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reports malformed JSON as bad_response without retrying', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": [');
    };
    const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps: deps([]) });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('bad_response');
    expect(error.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('reports an unreachable host as platform_unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const http = createHttpClient({
      platform: 'x',
      accountLabel: 'X account',
      deps: { ...deps([]), baseUrl: `http://127.0.0.1:${port}` },
      maxAttempts: 1,
    });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('platform_unavailable');
  });

  it('treats an error envelope inside a 2xx as a failure when the hook says so', async () => {
    handler = (_req, res) => json(res, 200, { code: 40100, message: 'token expired' });
    const http = createHttpClient({
      platform: 'tiktok',
      accountLabel: 'TikTok account',
      deps: deps([]),
      classifyError: ({ body }) => {
        const b = body as { code?: number; message?: string };
        return b.code && b.code !== 0
          ? { kind: 'auth_expired', code: b.code, message: b.message }
          : undefined;
      },
    });
    const error = await caught(http.request({ path: '/a' }));
    expect(error.kind).toBe('auth_expired');
    expect(error.detail.platformCode).toBe(40100);
  });
});

describe('verifyHmacSha256', () => {
  const secret = 'app-secret';
  const body = Buffer.from('{"text":"Diolch yn fawr – ☕"}', 'utf8');

  it('accepts hex and base64 signatures over raw bytes', () => {
    const hex = hmacSha256(secret, body, 'hex');
    const b64 = hmacSha256(secret, body, 'base64');
    expect(
      verifyHmacSha256({
        secret,
        payload: body,
        signature: `sha256=${hex}`,
        encoding: 'hex',
        prefix: 'sha256=',
      }),
    ).toBe(true);
    expect(
      verifyHmacSha256({
        secret,
        payload: body,
        signature: `sha256=${b64}`,
        encoding: 'base64',
        prefix: 'sha256=',
      }),
    ).toBe(true);
  });

  it('rejects a body that was re-serialised, a wrong secret, a bad prefix or garbage', () => {
    const hex = hmacSha256(secret, body, 'hex');
    const reserialised = Buffer.from(
      JSON.stringify(JSON.parse(body.toString('utf8'))).replace('–', '\\u2013'),
    );
    const base = { secret, encoding: 'hex' as const, prefix: 'sha256=' };
    expect(verifyHmacSha256({ ...base, payload: reserialised, signature: `sha256=${hex}` })).toBe(
      false,
    );
    expect(
      verifyHmacSha256({ ...base, secret: 'other', payload: body, signature: `sha256=${hex}` }),
    ).toBe(false);
    expect(verifyHmacSha256({ ...base, payload: body, signature: `sha1=${hex}` })).toBe(false);
    expect(verifyHmacSha256({ ...base, payload: body, signature: 'sha256=zz' })).toBe(false);
    expect(verifyHmacSha256({ ...base, payload: body, signature: undefined })).toBe(false);
    expect(
      verifyHmacSha256({ ...base, secret: '', payload: body, signature: `sha256=${hex}` }),
    ).toBe(false);
  });
});

describe('registry', () => {
  it('maps every registered platform to a factory whose manifest names that platform', () => {
    for (const [platform, factory] of Object.entries(connectorRegistry)) {
      expect(factory?.manifest.platform).toBe(platform);
      expect(connectorFor(factory!.manifest.platform)).toBe(factory);
    }
  });
});
