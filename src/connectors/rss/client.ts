/**
 * Fetching a feed: conditional GET (ETag / Last-Modified → 304), bounded retries with backoff for
 * 5xx and timeouts, Retry-After on 429/503, and same-host redirects only. Feeds are XML, not
 * JSON, so this is a small text client built on the shared helpers of `../http.ts`.
 */
import { ConnectorError, type ConnectorDeps, type ConnectorErrorKind } from '../contract.js';
import { backoffDelay, defaultAction, parseRetryAfter } from '../http.js';

export interface FeedFetchOptions {
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Waits longer than this are handed back as a rate_limited error. Default 60 s. */
  maxRateLimitWaitMs?: number;
  /** Largest feed accepted, in bytes. Default 10 MB. */
  maxBytes?: number;
}

export type FeedResponse =
  | { status: 304; etag: string | null; lastModified: string | null }
  | { status: 200; body: string; etag: string | null; lastModified: string | null };

const MAX_REDIRECTS = 3;
const LABEL = 'feed';

export function feedError(
  deps: ConnectorDeps,
  kind: ConnectorErrorKind,
  message: string,
  detail: ConnectorError['detail'] = {},
  action?: string,
): ConnectorError {
  return new ConnectorError(
    kind,
    'rss',
    deps.account,
    message,
    action ?? defaultAction(kind, 'rss', LABEL),
    detail,
  );
}

function kindFor(status: number): ConnectorErrorKind {
  if (status === 401) return 'auth_revoked';
  if (status === 403) return 'permission_missing';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'platform_unavailable';
  return 'rejected';
}

function actionFor(kind: ConnectorErrorKind): string | undefined {
  if (kind === 'auth_revoked' || kind === 'permission_missing') {
    return 'Check the feed in Accounts: it now asks for a login the desk does not have (update the user name and password, or remove the feed).';
  }
  if (kind === 'not_found') {
    return 'Check the feed address in Accounts: the site says the feed is not there any more.';
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

export async function fetchFeed(
  deps: ConnectorDeps,
  feedUrl: string,
  conditional: { etag: string | null; lastModified: string | null },
  auth: { username?: string; password?: string },
  options: FeedFetchOptions = {},
): Promise<FeedResponse> {
  const random = deps.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxRateWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;

  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    'user-agent': 'Commsdesk feed reader',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  if (auth.username && auth.password) {
    headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }

  let lastError: ConnectorError | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let url = new URL(feedUrl);
    const origin = url.host;
    let response: Response | undefined;
    try {
      for (let hop = 0; ; hop++) {
        response = await deps.fetch(url, {
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status < 300 || response.status >= 400 || response.status === 304) break;
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location || hop >= MAX_REDIRECTS) {
          throw feedError(
            deps,
            'bad_response',
            `The feed redirected too many times (HTTP ${response.status}).`,
            {
              status: response.status,
            },
          );
        }
        const next = new URL(location, url);
        // Following a redirect to another host would let a feed point the desk anywhere.
        if (next.host !== origin || !/^https?:$/.test(next.protocol)) {
          throw feedError(
            deps,
            'config',
            `The feed moved to another site (${next.host}); the desk does not follow redirects to other sites.`,
            { status: response.status },
            'Check the feed address in Accounts and enter the new address if the move is genuine.',
          );
        }
        url = next;
      }
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      const timedOut = isTimeout(error);
      lastError = feedError(
        deps,
        timedOut ? 'timeout' : 'platform_unavailable',
        timedOut
          ? `The feed did not answer within ${timeoutMs / 1000} s.`
          : 'The feed could not be reached.',
      );
      if (attempt === maxAttempts) break;
      await deps.sleep(backoffDelay(attempt, random, baseDelayMs));
      continue;
    }
    const res = response as Response;
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (res.status === 304) {
      return {
        status: 304,
        etag: etag ?? conditional.etag,
        lastModified: lastModified ?? conditional.lastModified,
      };
    }
    if (res.ok) {
      let body: string;
      try {
        body = await res.text();
      } catch (error) {
        lastError = feedError(
          deps,
          isTimeout(error) ? 'timeout' : 'platform_unavailable',
          'The feed stopped sending part-way.',
        );
        if (attempt === maxAttempts) break;
        await deps.sleep(backoffDelay(attempt, random, baseDelayMs));
        continue;
      }
      if (Buffer.byteLength(body) > maxBytes) {
        throw feedError(
          deps,
          'bad_response',
          `The feed is larger than ${Math.round(maxBytes / 1048576)} MB.`,
          {
            status: res.status,
          },
        );
      }
      return { status: 200, body, etag, lastModified };
    }

    await res.body?.cancel();
    const kind = kindFor(res.status);
    const now = deps.now();
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now);
    if (kind === 'rate_limited' || kind === 'platform_unavailable' || kind === 'timeout') {
      const wait = retryAfterMs ?? backoffDelay(attempt, random, baseDelayMs);
      lastError = feedError(
        deps,
        kind,
        `The feed answered HTTP ${res.status}${kind === 'rate_limited' ? ` (too many requests; try again in ${Math.ceil(wait / 1000)} s)` : ''}.`,
        { status: res.status, retryAfterMs: wait },
      );
      if (attempt === maxAttempts || wait > maxRateWaitMs) break;
      await deps.sleep(wait);
      continue;
    }
    throw feedError(
      deps,
      kind,
      `The feed answered HTTP ${res.status}.`,
      { status: res.status },
      actionFor(kind),
    );
  }
  const error = lastError as ConnectorError;
  if (error.detail.retryAfterMs === undefined) {
    error.detail.retryAfterMs = backoffDelay(maxAttempts, random, baseDelayMs);
  }
  throw error;
}
