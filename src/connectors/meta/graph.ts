/**
 * What Facebook Pages and Instagram share: the Graph API's error envelope, its rate-limit usage
 * headers, `appsecret_proof`, cursor paging and the "look before you post" search.
 */
import { createHmac } from 'node:crypto';
import type {
  ConnectorDeps,
  ConnectorHealth,
  ConnectorPlatform,
  NormalisedItem,
  PollResult,
} from '../contract.js';
import {
  createHttpClient,
  healthFromError,
  type ErrorContext,
  type HttpClient,
  type PlatformError,
  type RequestOptions,
} from '../http.js';

/** The Graph API version both Meta connectors target unless the account overrides it. */
export const GRAPH_API_VERSION = 'v24.0';

export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  fbtrace_id?: string;
}

export interface GraphPage<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

/** One entry of `X-App-Usage`, `X-Page-Usage` or `X-Business-Use-Case-Usage`, in percent. */
export interface GraphUsage {
  callCount: number;
  totalTime: number;
  totalCputime: number;
  /** Minutes until access returns, when Meta says (business use case usage only). */
  regainAccessMinutes?: number;
}

function toUsage(raw: Record<string, unknown>): GraphUsage {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const regain = raw.estimated_time_to_regain_access;
  return {
    callCount: n(raw.call_count),
    totalTime: n(raw.total_time),
    totalCputime: n(raw.total_cputime),
    ...(typeof regain === 'number' && regain > 0 ? { regainAccessMinutes: regain } : {}),
  };
}

/**
 * Reads Meta's usage headers. `X-Business-Use-Case-Usage` maps business ids to arrays of usage
 * entries; `X-App-Usage` and `X-Page-Usage` are single objects. Unreadable headers are ignored.
 */
export function readGraphUsage(headers: Headers): GraphUsage[] {
  const usages: GraphUsage[] = [];
  for (const name of ['x-app-usage', 'x-page-usage', 'x-ad-account-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object')
        usages.push(toUsage(parsed as Record<string, unknown>));
    } catch {
      // A garbled usage header is not worth failing a request over.
    }
  }
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    try {
      const parsed: unknown = JSON.parse(buc);
      if (parsed && typeof parsed === 'object') {
        for (const entries of Object.values(parsed as Record<string, unknown>)) {
          if (!Array.isArray(entries)) continue;
          for (const entry of entries) {
            if (entry && typeof entry === 'object')
              usages.push(toUsage(entry as Record<string, unknown>));
          }
        }
      }
    } catch {
      // As above.
    }
  }
  return usages;
}

/** The highest usage percentage across all headers (0 when none). */
export function peakUsage(usages: GraphUsage[]): number {
  return usages.reduce((max, u) => Math.max(max, u.callCount, u.totalTime, u.totalCputime), 0);
}

/** How long Meta asks us to wait, from the usage headers; `undefined` when they do not say. */
export function usageWaitMs(headers: Headers): number | undefined {
  const usages = readGraphUsage(headers);
  const minutes = Math.max(0, ...usages.map((u) => u.regainAccessMinutes ?? 0));
  if (minutes > 0) return minutes * 60_000;
  // App-level limits are a rolling hour: at 100 % nothing helps for a few minutes.
  return peakUsage(usages) >= 100 ? 5 * 60_000 : undefined;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);
const REVOKED_SUBCODES = new Set([458, 459, 460, 464, 467, 492]);

/**
 * Maps a Graph API error body to a kind, following Meta's error-handling guide: 190 is an access
 * token problem (subcode 463 expired; 458/460/467… revoked or invalidated), 10 and 200–299 are
 * missing permissions, 4/17/32/341/613 and 80001–80014 are rate limits, 1 and 2 are outages.
 */
export function classifyGraphError(
  context: ErrorContext,
  accountLabel: string,
): PlatformError | undefined {
  const body = context.body as { error?: GraphError } | undefined;
  const error = body && typeof body === 'object' ? body.error : undefined;
  if (!error || typeof error !== 'object') return undefined;
  const code = typeof error.code === 'number' ? error.code : undefined;
  const subcode = typeof error.error_subcode === 'number' ? error.error_subcode : undefined;
  const platformCode = subcode !== undefined ? `${code}/${subcode}` : code;
  const base = { code: platformCode, message: error.message };
  if (code === undefined) return base;

  if (code === 190 || code === 102) {
    if (subcode === 463) {
      return {
        ...base,
        kind: 'auth_expired',
        action: `Reconnect the ${accountLabel} in Accounts: its access token has expired.`,
      };
    }
    if (subcode !== undefined && REVOKED_SUBCODES.has(subcode)) {
      return {
        ...base,
        kind: 'auth_revoked',
        action: `Reconnect the ${accountLabel} in Accounts: its token was revoked (a password change, a removed app or a lost Page role).`,
      };
    }
    return {
      ...base,
      kind: 'auth_expired',
      action: `Reconnect the ${accountLabel} in Accounts: its access token is no longer valid.`,
    };
  }
  if (code === 10 || code === 3 || (code >= 200 && code <= 299)) {
    return {
      ...base,
      kind: 'permission_missing',
      action: `Reconnect the ${accountLabel} in Accounts as a Page admin and grant every permission the desk asks for.`,
    };
  }
  if (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014)) {
    return { ...base, kind: 'rate_limited', retryAfterMs: usageWaitMs(context.headers) };
  }
  if (code === 1 || code === 2) return { ...base, kind: 'platform_unavailable' };
  if (code === 100 && subcode === 33) return { ...base, kind: 'not_found' };
  if (code === 368 || code === 506 || code === 100) return { ...base, kind: 'rejected' };
  return base;
}

export interface GraphClientOptions {
  platform: ConnectorPlatform;
  accountLabel: string;
  deps: ConnectorDeps;
  accessToken: string;
  appSecret?: string;
  graphVersion: string;
}

export interface GraphClient {
  http: HttpClient;
  /** Peak usage percent seen on the last response (0 when Meta sent none). */
  lastUsage(): number;
  get<T>(path: string, query?: RequestOptions['query'], purpose?: string): Promise<T>;
  post<T>(path: string, form: RequestOptions['form'], purpose?: string): Promise<T>;
  postJson<T>(path: string, json: unknown, purpose?: string): Promise<T>;
  del<T>(path: string, purpose?: string): Promise<T>;
  /** Follows `paging.next` until `stop` says so or `maxPages` pages were read. */
  pages<T>(
    path: string,
    query: RequestOptions['query'],
    purpose: string,
    options?: { maxPages?: number; stop?: (page: T[]) => boolean },
  ): Promise<T[]>;
}

/** A Graph API client: bearer token in a header, `appsecret_proof` when the app secret is known. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { accessToken, appSecret, graphVersion } = options;
  let usage = 0;
  const proof = appSecret
    ? createHmac('sha256', appSecret).update(accessToken).digest('hex')
    : undefined;
  const http = createHttpClient({
    platform: options.platform,
    accountLabel: options.accountLabel,
    deps: options.deps,
    headers: () => ({ authorization: `Bearer ${accessToken}` }),
    classifyError: (context) =>
      context.status >= 400 ? classifyGraphError(context, options.accountLabel) : undefined,
    rateLimitWaitMs: (headers) => usageWaitMs(headers),
  });

  const versioned = (path: string) =>
    /^https?:\/\//.test(path) ? path : `/${graphVersion}/${path.replace(/^\/+/, '')}`;
  const withProof = (query: RequestOptions['query'] = {}) =>
    proof ? { ...query, appsecret_proof: proof } : query;

  async function call<T>(request: RequestOptions): Promise<T> {
    const res = await http.request<T>(request);
    usage = peakUsage(readGraphUsage(res.headers));
    return res.body;
  }

  const client: GraphClient = {
    http,
    lastUsage: () => usage,
    get: (path, query, purpose) =>
      call({ path: versioned(path), query: withProof(query), ...(purpose ? { purpose } : {}) }),
    post: (path, form, purpose) =>
      call({
        method: 'POST',
        path: versioned(path),
        query: withProof(),
        form: form ?? {},
        ...(purpose ? { purpose } : {}),
      }),
    postJson: (path, json, purpose) =>
      call({
        method: 'POST',
        path: versioned(path),
        query: withProof(),
        json,
        ...(purpose ? { purpose } : {}),
      }),
    del: (path, purpose) =>
      call({
        method: 'DELETE',
        path: versioned(path),
        query: withProof(),
        ...(purpose ? { purpose } : {}),
      }),
    async pages<T>(
      path: string,
      query: RequestOptions['query'],
      purpose: string,
      opts: { maxPages?: number; stop?: (page: T[]) => boolean } = {},
    ): Promise<T[]> {
      const all: T[] = [];
      let page = await client.get<GraphPage<T>>(path, query, purpose);
      for (let n = 1; ; n++) {
        const data = Array.isArray(page?.data) ? page.data : [];
        all.push(...data);
        const next = page?.paging?.next;
        if (!next || data.length === 0 || n >= (opts.maxPages ?? 10) || opts.stop?.(data)) break;
        // `next` is an absolute URL on the Graph host; keep our base (tests, proxies) and its query.
        const nextUrl = new URL(next);
        const base = new URL(options.deps.baseUrl);
        nextUrl.protocol = base.protocol;
        nextUrl.host = base.host;
        page = await call<GraphPage<T>>({ path: nextUrl.toString(), purpose });
      }
      return all;
    },
  };
  return client;
}

/** Graph `created_time` ("2026-05-01T10:00:00+0000") as ISO 8601 with a colon in the offset. */
export function graphTime(value: string | number | undefined | null, fallback: Date): string {
  if (typeof value === 'number') {
    // Webhooks send seconds (feed) or milliseconds (messaging).
    return new Date(value > 1e12 ? value : value * 1000).toISOString();
  }
  if (typeof value === 'string' && value !== '') {
    const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return fallback.toISOString();
}

/** Unix seconds of an ISO time, for Graph `since`. */
export function unixSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** Text comparison for "did we already post this?": trims, folds line endings and spaces. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
  return typeof a === 'string' && typeof b === 'string' && norm(a) === norm(b);
}

/** The cursor both Meta connectors keep between polls. */
export interface MetaCursor {
  /** ISO time of the newest item already delivered; the next poll asks for newer. */
  since: string;
}

export function readMetaCursor(cursor: string | null, now: Date, lookbackMs: number): MetaCursor {
  if (cursor) {
    try {
      const parsed = JSON.parse(cursor) as Partial<MetaCursor>;
      if (typeof parsed.since === 'string' && !Number.isNaN(Date.parse(parsed.since))) {
        return { since: parsed.since };
      }
    } catch {
      // An unreadable cursor restarts from the lookback window; items are stored idempotently.
    }
  }
  return { since: new Date(now.getTime() - lookbackMs).toISOString() };
}

/** Ends a Meta poll: the cursor moves to the newest item's time, or stays at `since` (ms). */
export function metaPollResult(items: NormalisedItem[], since: number): PollResult {
  const newest = items.reduce((max, item) => Math.max(max, Date.parse(item.receivedAt)), since);
  return { items, cursor: JSON.stringify({ since: new Date(newest).toISOString() }) };
}

/**
 * Health for both Meta connectors: a probe call, then Meta's usage headers (90 % or more of the
 * hourly allowance is `degraded`). `name` is the platform as people say it, for the reason.
 */
export async function graphHealth(
  graph: GraphClient,
  deps: Pick<ConnectorDeps, 'now'>,
  name: string,
  probe: () => Promise<unknown>,
): Promise<ConnectorHealth> {
  const checkedAt = deps.now().toISOString();
  try {
    await probe();
  } catch (error) {
    return healthFromError(error, deps.now());
  }
  const usage = graph.lastUsage();
  if (usage >= 90) {
    return {
      state: 'degraded',
      checkedAt,
      reason: `${name} reports ${usage}% of the hourly API allowance used; polling may pause.`,
    };
  }
  return { state: 'ok', checkedAt };
}
