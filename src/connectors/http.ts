/**
 * The shared HTTP helper every connector uses to talk JSON to a platform.
 *
 * One place decides how the desk behaves on the wire: a per-request timeout
 * (`AbortSignal.timeout`), `Retry-After` (seconds or an HTTP date) and platform rate headers,
 * exponential backoff with jitter for 5xx and timeouts, a bounded number of attempts, and the
 * mapping of every failure to a {@link ConnectorError} a person can act on. Platforms describe
 * their own error bodies through `classifyError`; everything else is common.
 *
 * Posts are not idempotent on most platforms: a `POST` is not retried after a 5xx or a timeout
 * (the platform may have made the post), only after a 429 (it did not). Callers retry a publish as
 * a whole, looking for the post first.
 *
 * @example
 * const http = createHttpClient({ platform: 'x', accountLabel: 'X account', deps });
 * const res = await http.request<{ data: Tweet[] }>({ path: '/2/users/1/mentions', query: { max_results: 100 } });
 */
import type { z } from 'zod';
import {
  ConnectorError,
  type ConnectorDeps,
  type ConnectorHealth,
  type ConnectorErrorKind,
  type ConnectorPlatform,
} from './contract.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path joined to `deps.baseUrl`, or an absolute URL on the same host (paging links). */
  path: string;
  query?: Record<string, QueryValue | QueryValue[]>;
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, QueryValue>;
  timeoutMs?: number;
  maxAttempts?: number;
  /**
   * Whether repeating the request after a 5xx or timeout is harmless. Defaults to true for
   * everything but `POST`. A 429 is always retried: the platform did not act on it.
   */
  idempotent?: boolean;
  /** What the request was for, in plain words, for error messages: "reading page comments". */
  purpose?: string;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `null` for an empty body (204, or an empty 200). */
  body: T;
}

/** What a platform's error body says, as far as the connector can tell. */
export interface PlatformError {
  kind?: ConnectorErrorKind;
  code?: string | number;
  message?: string;
  /** A wait the platform asked for in its body or its own headers. */
  retryAfterMs?: number;
  /** Overrides the default action sentence. */
  action?: string;
}

export interface ErrorContext {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: unknown;
  now: Date;
}

export interface HttpClientOptions {
  platform: ConnectorPlatform;
  /** How the account is named in actions: "Facebook Page", "X account". */
  accountLabel: string;
  deps: ConnectorDeps;
  /** Headers on every request (authorisation, API version); called each time. */
  headers?: () => Record<string, string>;
  /** Default 15 s. */
  timeoutMs?: number;
  /** Default 3 (one try and two retries). */
  maxAttempts?: number;
  /** First backoff delay; doubled each attempt. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest single backoff delay. Default 30 s. */
  maxDelayMs?: number;
  /**
   * The longest the helper waits in-process for a rate limit to reset. Longer waits are handed to
   * the caller as a `rate_limited` error carrying `retryAfterMs`. Default 60 s.
   */
  maxRateLimitWaitMs?: number;
  /** Reads the platform's error body (and rate headers) for failures, including 2xx error envelopes. */
  classifyError?: (context: ErrorContext) => PlatformError | undefined;
  /** Platform-specific wait from headers (`x-rate-limit-reset`, usage headers) on a 429. */
  rateLimitWaitMs?: (headers: Headers, now: Date) => number | undefined;
}

export interface HttpClient {
  request<T>(options: RequestOptions): Promise<HttpResponse<T>>;
  /** Builds a ConnectorError with this client's platform, account and default action. */
  error(
    kind: ConnectorErrorKind,
    message: string,
    detail?: ConnectorError['detail'],
    action?: string,
  ): ConnectorError;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_MAX_RATE_WAIT_MS = 60_000;

const PLATFORM_NAMES: Partial<Record<ConnectorPlatform, string>> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  rss: 'the feed',
  viva_engage: 'Viva Engage',
  webhook: 'the webhook source',
};

/** The platform's name as people say it: "Facebook", "X". */
export function platformName(platform: ConnectorPlatform): string {
  return PLATFORM_NAMES[platform] ?? platform;
}

/**
 * Parses a `Retry-After` value: delay-seconds or an HTTP date. Returns milliseconds from `now`
 * (never negative), or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * Milliseconds until an epoch-seconds reset time (`x-rate-limit-reset`, `X-RateLimit-Reset` as a
 * number), or an ISO date; `undefined` when absent or unreadable.
 */
export function parseResetAt(value: string | null | undefined, now: Date): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const at = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * Backoff before retry number `attempt` (1 for the first retry): exponential, capped, with
 * "equal jitter" — half the delay fixed, half random — so retries from many accounts spread out.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = DEFAULT_BASE_DELAY_MS,
  maxMs = DEFAULT_MAX_DELAY_MS,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The default action sentence for each kind of failure. */
export function defaultAction(
  kind: ConnectorErrorKind,
  platform: ConnectorPlatform,
  accountLabel: string,
): string {
  const name = platformName(platform);
  switch (kind) {
    case 'auth_expired':
      return `Reconnect the ${accountLabel} in Accounts: its access token has expired.`;
    case 'auth_revoked':
      return `Reconnect the ${accountLabel} in Accounts: its access was revoked or the password changed.`;
    case 'permission_missing':
      return `Reconnect the ${accountLabel} in Accounts and grant every permission the desk asks for.`;
    case 'rate_limited':
      return `Nothing to do: ${name} is limiting requests and the desk will try again automatically.`;
    case 'platform_unavailable':
      return `Nothing to do now: ${name} is having problems and the desk will try again. If it lasts, check ${name}'s status page.`;
    case 'timeout':
      return `Nothing to do now: ${name} did not answer in time and the desk will try again.`;
    case 'bad_response':
      return `Tell your Commsdesk administrator: ${name} sent a reply the desk could not read.`;
    case 'rejected':
      return `Check the request: ${name} refused it for the reason given.`;
    case 'not_found':
      return `Nothing to do: the item no longer exists on ${name} (it may have been deleted).`;
    case 'config':
      return `Check the ${accountLabel}'s settings in Accounts.`;
  }
}

function kindForStatus(status: number): ConnectorErrorKind {
  if (status === 401) return 'auth_expired';
  if (status === 403) return 'permission_missing';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'platform_unavailable';
  return 'rejected';
}

function describeKind(kind: ConnectorErrorKind): string {
  switch (kind) {
    case 'auth_expired':
      return 'the access token has expired';
    case 'auth_revoked':
      return 'the access was revoked';
    case 'permission_missing':
      return 'a permission is missing';
    case 'rate_limited':
      return 'the rate limit was reached';
    case 'platform_unavailable':
      return 'the platform is unavailable';
    case 'timeout':
      return 'the platform did not answer in time';
    case 'bad_response':
      return 'the response could not be read';
    case 'rejected':
      return 'the request was refused';
    case 'not_found':
      return 'the item was not found';
    case 'config':
      return 'the account is not set up correctly';
  }
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): URL {
  const url = /^https?:\/\//.test(path)
    ? new URL(path)
    : new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values)
        if (v !== undefined && v !== null) url.searchParams.append(key, String(v));
    }
  }
  return url;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Creates the request helper for one account on one platform. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { platform, accountLabel, deps } = options;
  const random = deps.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttemptsDefault = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const maxRateWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_WAIT_MS;
  const name = platformName(platform);

  const makeError: HttpClient['error'] = (kind, message, detail = {}, action) =>
    new ConnectorError(
      kind,
      platform,
      deps.account,
      message,
      action ?? defaultAction(kind, platform, accountLabel),
      detail,
    );

  function failure(
    status: number,
    platformError: PlatformError | undefined,
    purpose: string,
    retryAfterMs: number | undefined,
  ): ConnectorError {
    const kind = platformError?.kind ?? kindForStatus(status);
    const code = platformError?.code;
    const said = platformError?.message;
    let message = `${name}: ${purpose || 'the request'} failed because ${describeKind(kind)} (HTTP ${status}${code !== undefined ? `, code ${code}` : ''})`;
    if (said) message += `. ${name} said: "${said}"`;
    if (retryAfterMs !== undefined && kind === 'rate_limited') {
      message += `. Try again in ${Math.ceil(retryAfterMs / 1000)} s`;
    }
    return makeError(
      kind,
      message + '.',
      {
        status,
        ...(code !== undefined ? { platformCode: code } : {}),
        ...(said !== undefined ? { platformMessage: said } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      },
      platformError?.action,
    );
  }

  async function request<T>(req: RequestOptions): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET';
    const idempotent = req.idempotent ?? method !== 'POST';
    const maxAttempts = Math.max(1, req.maxAttempts ?? maxAttemptsDefault);
    const purpose = req.purpose ?? '';
    const url = buildUrl(deps.baseUrl, req.path, req.query);

    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(options.headers?.() ?? {}),
      ...(req.headers ?? {}),
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(req.form)) if (v != null) form.append(k, String(v));
      body = form.toString();
    }

    let lastError: ConnectorError | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let response: Response;
      try {
        response = await deps.fetch(url, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(req.timeoutMs ?? timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const timedOut = isTimeout(error);
        lastError = makeError(
          timedOut ? 'timeout' : 'platform_unavailable',
          timedOut
            ? `${name} did not answer within ${(req.timeoutMs ?? timeoutMs) / 1000} s${purpose ? ` while ${purpose}` : ''}.`
            : `${name} could not be reached${purpose ? ` while ${purpose}` : ''} (${networkReason(error)}).`,
        );
        if (!idempotent || attempt === maxAttempts) break;
        await deps.sleep(backoffDelay(attempt, random, baseDelayMs, maxDelayMs));
        continue;
      }

      const text = await readText(response);
      if (typeof text !== 'string') {
        lastError = makeError(
          text.timedOut ? 'timeout' : 'platform_unavailable',
          `${name} stopped sending its answer part-way${purpose ? ` while ${purpose}` : ''}.`,
        );
        if (!idempotent || attempt === maxAttempts) break;
        await deps.sleep(backoffDelay(attempt, random, baseDelayMs, maxDelayMs));
        continue;
      }
      let parsed: unknown;
      let parseFailed = false;
      if (text.trim() !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parseFailed = true;
        }
      }
      const now = deps.now();
      const context: ErrorContext = {
        status: response.status,
        headers: response.headers,
        body: parseFailed ? undefined : parsed,
        now,
      };

      if (response.ok) {
        if (parseFailed) {
          throw makeError(
            'bad_response',
            `${name} sent a reply that is not valid JSON${purpose ? ` while ${purpose}` : ''} (HTTP ${response.status}).`,
            { status: response.status },
          );
        }
        // Some APIs report errors inside a 2xx envelope (TikTok, some Graph batch calls).
        const envelope = options.classifyError?.(context);
        if (envelope?.kind) {
          throw failure(response.status, envelope, purpose, envelope.retryAfterMs);
        }
        return { status: response.status, headers: response.headers, body: (parsed ?? null) as T };
      }

      const platformError = options.classifyError?.(context);
      const kind = platformError?.kind ?? kindForStatus(response.status);
      const retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after'), now) ??
        platformError?.retryAfterMs ??
        (kind === 'rate_limited' ? options.rateLimitWaitMs?.(response.headers, now) : undefined);

      if (kind === 'rate_limited') {
        const wait = retryAfterMs ?? backoffDelay(attempt, random, baseDelayMs, maxDelayMs);
        lastError = failure(response.status, platformError, purpose, wait);
        if (attempt === maxAttempts || wait > maxRateWaitMs) break;
        await deps.sleep(wait);
        continue;
      }
      if (kind === 'platform_unavailable' || kind === 'timeout') {
        const wait = retryAfterMs ?? backoffDelay(attempt, random, baseDelayMs, maxDelayMs);
        lastError = failure(response.status, platformError, purpose, wait);
        if (!idempotent || attempt === maxAttempts || wait > maxRateWaitMs) break;
        await deps.sleep(wait);
        continue;
      }
      throw failure(response.status, platformError, purpose, retryAfterMs);
    }

    // Retries are used up: hand a retryable error back with a sensible wait.
    const error = lastError as ConnectorError;
    if (error.detail.retryAfterMs === undefined) {
      error.detail.retryAfterMs = backoffDelay(maxAttempts, random, baseDelayMs, maxDelayMs);
    }
    throw error;
  }

  return { request, error: makeError };
}

async function readText(response: Response): Promise<string | { timedOut: boolean }> {
  try {
    return await response.text();
  } catch (error) {
    return { timedOut: isTimeout(error) };
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'network error';
}

/**
 * Validates an account's credentials with the connector's zod schema. Every problem is named in
 * one `config` error ("missing pageAccessToken"), never the values themselves.
 */
export function parseCredentials<S extends z.ZodType>(
  schema: S,
  platform: ConnectorPlatform,
  accountLabel: string,
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): z.output<S> {
  const result = schema.safeParse(deps.credentials ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || '(credentials)';
    const missing =
      issue.code === 'invalid_type' && valueAt(deps.credentials, issue.path) === undefined;
    return missing ? `missing ${field}` : `${field}: ${issue.message}`;
  });
  throw new ConnectorError(
    'config',
    platform,
    deps.account,
    `The ${platformName(platform)} connector cannot start: ${problems.join('; ')}.`,
    `Check the ${accountLabel}'s settings in Accounts, or connect it again.`,
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns a failed health probe into the state the desk shows: auth failures need a person at once
 * (`reconnect_needed`); anything else is `degraded`, with a retry time when the platform gave one.
 */
export function healthFromError(error: unknown, now: Date): ConnectorHealth {
  const checkedAt = now.toISOString();
  if (error instanceof ConnectorError) {
    const reason = `${error.message} ${error.action}`;
    if (
      error.kind === 'auth_expired' ||
      error.kind === 'auth_revoked' ||
      error.kind === 'permission_missing' ||
      error.kind === 'config'
    ) {
      return { state: 'reconnect_needed', checkedAt, reason };
    }
    const retryAfterMs = error.detail.retryAfterMs;
    return {
      state: 'degraded',
      checkedAt,
      reason,
      ...(retryAfterMs !== undefined
        ? { retryAt: new Date(now.getTime() + retryAfterMs).toISOString() }
        : {}),
    };
  }
  return {
    state: 'degraded',
    checkedAt,
    reason: `The health check failed unexpectedly (${error instanceof Error ? error.name : 'unknown error'}).`,
  };
}

/**
 * Runs a health probe for the connectors that show the error's message alone (unlike
 * {@link healthFromError}): one copy of the probe-and-classify tail those connectors shared.
 * `checkedAt` is read before the probe and the retry time from a fresh `deps.now()` after it.
 */
export async function probeHealth(
  deps: Pick<ConnectorDeps, 'now'>,
  probe: () => Promise<unknown>,
  unexpectedReason: (error: unknown) => string = () => 'Unexpected error',
): Promise<ConnectorHealth> {
  const checkedAt = deps.now().toISOString();
  try {
    await probe();
    return { state: 'ok', checkedAt };
  } catch (error) {
    if (!(error instanceof ConnectorError))
      return { state: 'degraded', checkedAt, reason: unexpectedReason(error) };
    if (
      error.kind === 'auth_expired' ||
      error.kind === 'auth_revoked' ||
      error.kind === 'permission_missing'
    ) {
      return { state: 'reconnect_needed', checkedAt, reason: error.message };
    }
    const retryAt =
      error.detail.retryAfterMs !== undefined
        ? new Date(deps.now().getTime() + error.detail.retryAfterMs).toISOString()
        : undefined;
    return {
      state: 'degraded',
      checkedAt,
      reason: error.message,
      ...(retryAt ? { retryAt } : {}),
    };
  }
}
