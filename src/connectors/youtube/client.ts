/**
 * YouTube Data API v3 over the shared HTTP helper. Google's error body is
 * `{"error": {"code", "message", "errors": [{"reason", "domain", "message"}]}}`; the reason
 * decides the kind. Daily quota (`quotaExceeded`) resets at midnight Pacific time, so the wait is
 * computed to then.
 */
import { DateTime } from 'luxon';
import type { ConnectorDeps } from '../contract.js';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type PlatformError,
} from '../http.js';

interface GoogleError {
  error?: {
    code?: number;
    message?: string;
    errors?: { reason?: string; domain?: string; message?: string }[];
  };
}

/** Milliseconds from `now` to the next midnight in America/Los_Angeles. */
export function untilQuotaReset(now: Date): number {
  const pacific = DateTime.fromJSDate(now, { zone: 'America/Los_Angeles' });
  const next = pacific.plus({ days: 1 }).startOf('day');
  return Math.max(0, next.toMillis() - now.getTime());
}

export function classifyYoutubeError(context: {
  status: number;
  body: unknown;
  now: Date;
}): PlatformError | undefined {
  if (context.status < 400) return undefined;
  const error = (context.body as GoogleError | undefined)?.error;
  const reason = error?.errors?.[0]?.reason;
  const message = error?.message;
  const base = { code: reason ?? error?.code, message };
  switch (reason) {
    case 'quotaExceeded':
    case 'dailyLimitExceeded':
      return {
        ...base,
        kind: 'rate_limited',
        retryAfterMs: untilQuotaReset(context.now),
        action:
          "Nothing to do: the desk's daily YouTube quota is used up and it will carry on after midnight Pacific time (08:00 UK time). Ask your administrator to request more quota if this keeps happening.",
      };
    case 'rateLimitExceeded':
    case 'userRateLimitExceeded':
      return { ...base, kind: 'rate_limited' };
    case 'authError':
    case 'expired':
      return { ...base, kind: 'auth_expired' };
    case 'insufficientPermissions':
    case 'forbidden':
      return { ...base, kind: 'permission_missing' };
    case 'commentsDisabled':
    case 'processingFailure':
    case 'invalidCommentMetadata':
    case 'operationNotSupported':
    case 'ineligibleAccount':
      return { ...base, kind: 'rejected' };
    case 'commentNotFound':
    case 'channelNotFound':
    case 'videoNotFound':
    case 'parentCommentNotFound':
      return { ...base, kind: 'not_found' };
    default:
      return reason || message ? base : undefined;
  }
}

export function createYoutubeHttp(
  deps: ConnectorDeps,
  accessToken: string,
  options: Partial<HttpClientOptions> = {},
): HttpClient {
  return createHttpClient({
    platform: 'youtube',
    accountLabel: 'YouTube channel',
    deps,
    headers: () => ({ authorization: `Bearer ${accessToken}` }),
    classifyError: classifyYoutubeError,
    ...options,
  });
}
