/** Mastodon REST API v1 over the shared HTTP helper: auth header, error bodies, rate headers. */
import type { ConnectorDeps } from '../contract.js';
import {
  createHttpClient,
  parseResetAt,
  type HttpClient,
  type HttpClientOptions,
  type PlatformError,
} from '../http.js';

/** Mastodon error body: `{"error": "...", "error_description"?: "..."}`. */
function classifyError({
  status,
  body,
}: {
  status: number;
  body: unknown;
}): PlatformError | undefined {
  if (status < 400) return undefined;
  const said =
    body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
      ? (body as { error: string }).error
      : undefined;
  // Mastodon tokens do not expire: a 401 means the token was revoked or the app removed.
  if (status === 401) return { kind: 'auth_revoked', message: said };
  if (status === 403) return { kind: 'permission_missing', message: said };
  if (status === 422) return { kind: 'rejected', message: said };
  return said ? { message: said } : undefined;
}

export function createMastodonHttp(
  deps: ConnectorDeps,
  accessToken: string,
  options: Partial<HttpClientOptions> = {},
): HttpClient {
  return createHttpClient({
    platform: 'mastodon',
    accountLabel: 'Mastodon account',
    deps,
    headers: () => ({ authorization: `Bearer ${accessToken}` }),
    classifyError,
    // X-RateLimit-Reset is an ISO 8601 time on Mastodon.
    rateLimitWaitMs: (headers, now) => parseResetAt(headers.get('x-ratelimit-reset'), now),
    ...options,
  });
}

/** The URL of `rel` in an RFC 8288 Link header, as Mastodon sends for paging. */
export function linkRel(header: string | null, rel: string): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2].split(/\s+/).includes(rel)) return m[1];
  }
  return null;
}

/** Compares Mastodon's numeric string ids (snowflakes) without losing precision. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
