/**
 * XRPC over the shared HTTP helper, with the session kept fresh: the access JWT is refreshed
 * shortly before its `exp`, and on `ExpiredToken`/`InvalidToken` the call is repeated once after
 * `refreshSession` (or a new `createSession` when the refresh token is dead too).
 */
import { ConnectorError, type ConnectorDeps } from '../contract.js';
import {
  createHttpClient,
  parseResetAt,
  type HttpClient,
  type HttpClientOptions,
  type HttpResponse,
  type PlatformError,
  type RequestOptions,
} from '../http.js';
import type { BlueskyCredentials } from './credentials.js';

export interface Session {
  did: string;
  handle?: string;
  accessJwt: string;
  refreshJwt: string;
}

/** XRPC error body: `{"error": "ExpiredToken", "message": "Token has expired"}`. */
function classifyError({
  status,
  body,
}: {
  status: number;
  body: unknown;
}): PlatformError | undefined {
  if (status < 400) return undefined;
  const b = (body && typeof body === 'object' ? body : {}) as {
    error?: unknown;
    message?: unknown;
  };
  const code = typeof b.error === 'string' ? b.error : undefined;
  const message = typeof b.message === 'string' ? b.message : undefined;
  switch (code) {
    case 'ExpiredToken':
    case 'InvalidToken':
      return { kind: 'auth_expired', code, message };
    case 'AuthenticationRequired':
      return { kind: 'auth_revoked', code, message };
    case 'AccountTakedown':
    case 'AccountDeactivated':
      return {
        kind: 'auth_revoked',
        code,
        message,
        action:
          'Check the Bluesky account: Bluesky has suspended or deactivated it. Sign in on bsky.app to see why.',
      };
    case 'RateLimitExceeded':
      return { kind: 'rate_limited', code, message };
    case 'RecordNotFound':
    case 'NotFound':
      return { kind: 'not_found', code, message };
    case 'InvalidRequest':
    case 'InvalidSwap':
      return { kind: 'rejected', code, message };
    default:
      return code || message ? { code, message } : undefined;
  }
}

/** Seconds-since-epoch `exp` of a JWT, or null when it cannot be read. */
export function jwtExpiry(jwt: string): number | null {
  const part = jwt.split('.')[1];
  if (!part) return null;
  try {
    const payload = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}

const REFRESH_MARGIN_S = 60;

export interface Xrpc {
  call<T>(options: RequestOptions): Promise<HttpResponse<T>>;
  session(): Promise<Session>;
  http: HttpClient;
}

export function createXrpc(
  deps: ConnectorDeps,
  credentials: BlueskyCredentials,
  options: Partial<HttpClientOptions> = {},
): Xrpc {
  let current: Session | null =
    credentials.accessJwt && credentials.refreshJwt && credentials.did
      ? {
          did: credentials.did,
          accessJwt: credentials.accessJwt,
          refreshJwt: credentials.refreshJwt,
        }
      : null;
  const base = {
    platform: 'bluesky' as const,
    accountLabel: 'Bluesky account',
    deps,
    classifyError,
    // ratelimit-reset is epoch seconds.
    rateLimitWaitMs: (headers: Headers, now: Date) =>
      parseResetAt(headers.get('ratelimit-reset'), now),
    ...options,
  };
  const anonymous = createHttpClient(base);
  const http = createHttpClient({
    ...base,
    headers: (): Record<string, string> =>
      current ? { authorization: `Bearer ${current.accessJwt}` } : {},
  });

  async function login(): Promise<Session> {
    try {
      const res = await anonymous.request<Session>({
        method: 'POST',
        path: '/xrpc/com.atproto.server.createSession',
        json: { identifier: credentials.identifier, password: credentials.appPassword },
        idempotent: true,
        purpose: 'signing in',
      });
      current = res.body;
      return current;
    } catch (error) {
      if (
        error instanceof ConnectorError &&
        (error.kind === 'auth_revoked' || error.kind === 'auth_expired')
      ) {
        throw new ConnectorError(
          'auth_revoked',
          'bluesky',
          deps.account,
          error.message,
          'Reconnect the Bluesky account in Accounts with a new app password: the saved one was revoked or changed.',
          error.detail,
        );
      }
      throw error;
    }
  }

  async function refresh(): Promise<Session> {
    if (!current) return login();
    const refreshJwt = current.refreshJwt;
    try {
      const res = await anonymous.request<Session>({
        method: 'POST',
        path: '/xrpc/com.atproto.server.refreshSession',
        headers: { authorization: `Bearer ${refreshJwt}` },
        purpose: 'refreshing the session',
      });
      current = res.body;
      return current;
    } catch (error) {
      if (
        error instanceof ConnectorError &&
        (error.kind === 'auth_expired' || error.kind === 'auth_revoked')
      ) {
        current = null;
        return login();
      }
      throw error;
    }
  }

  async function session(): Promise<Session> {
    if (!current) return login();
    const exp = jwtExpiry(current.accessJwt);
    if (exp !== null && exp - REFRESH_MARGIN_S <= deps.now().getTime() / 1000) return refresh();
    return current;
  }

  async function call<T>(req: RequestOptions): Promise<HttpResponse<T>> {
    await session();
    try {
      return await http.request<T>(req);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      if (error.kind === 'auth_expired') {
        await refresh();
      } else if (
        error.kind === 'auth_revoked' &&
        error.detail.platformCode === 'AuthenticationRequired'
      ) {
        // The session was signed out elsewhere: sign in again with the app password, once.
        current = null;
        await login();
      } else {
        throw error;
      }
      return http.request<T>(req);
    }
  }

  return { call, session, http };
}
