/**
 * TikTok API for Business over the shared HTTP helper. TikTok answers most errors with HTTP 200
 * and an envelope `{code, message, request_id, data}`; `code` 0 is success. The code decides the
 * kind, and the request id goes into the message so TikTok support can trace it.
 */
import type { ConnectorDeps } from '../contract.js';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type PlatformError,
} from '../http.js';

interface Envelope {
  code?: number;
  message?: string;
  request_id?: string;
}

/** Envelope codes as documented for the Business API (v1.3 "Return codes"). */
export function classifyTiktokError(context: {
  status: number;
  body: unknown;
}): PlatformError | undefined {
  const body = (context.body && typeof context.body === 'object' ? context.body : {}) as Envelope;
  const code = typeof body.code === 'number' ? body.code : undefined;
  if (code === undefined || code === 0) {
    return context.status >= 400 ? { message: body.message } : undefined;
  }
  const message = `${body.message ?? 'error'}${body.request_id ? ` (request id ${body.request_id})` : ''}`;
  const base = { code, message };
  // Envelope rate limits come on HTTP 200 without Retry-After; TikTok's limits are per minute.
  if (code === 40100 || code === 40133 || code === 50002)
    return { ...base, kind: 'rate_limited', retryAfterMs: 60_000 };
  if (code === 40102 || code === 40103) return { ...base, kind: 'auth_expired' };
  if (code === 40104 || code === 40105 || code === 40106) return { ...base, kind: 'auth_revoked' };
  if (code === 40001 || code === 40007) return { ...base, kind: 'permission_missing' };
  if (code === 40011 || code === 40012) return { ...base, kind: 'not_found' };
  if (code >= 50000) return { ...base, kind: 'platform_unavailable' };
  return { ...base, kind: 'rejected' };
}

export function createTiktokHttp(
  deps: ConnectorDeps,
  accessToken: string,
  options: Partial<HttpClientOptions> = {},
): HttpClient {
  return createHttpClient({
    platform: 'tiktok',
    accountLabel: 'TikTok account',
    deps,
    headers: () => ({ 'access-token': accessToken }),
    classifyError: classifyTiktokError,
    ...options,
  });
}
