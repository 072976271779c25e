/**
 * Sessions: a random id in an HttpOnly, SameSite=Lax cookie (`__Host-` prefixed and Secure when
 * served over https); the database keeps only its SHA-256. Sessions end after an idle period and
 * in any case after a maximum age; signing out deletes the row. Each session has its own CSRF
 * token, which every state-changing request made with the cookie must echo in `x-csrf-token`
 * (or the `_csrf` form field).
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../store/index.js';
import type { Desk } from '../context.js';
import { DeskError } from '../errors.js';
import { API_TOKEN_PREFIX, randomToken, sameSecret, sha256 } from './tokens.js';

export function sessionCookieName(desk: Desk): string {
  return desk.config.secureCookies ? '__Host-commsdesk' : 'commsdesk';
}

export async function startSession(
  desk: Desk,
  reply: FastifyReply,
  user: User,
  method: string,
): Promise<{ csrfToken: string }> {
  const id = randomToken();
  const now = desk.clock.now();
  const csrfToken = randomToken();
  await desk.store.sessions.create({
    idHash: sha256(id),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(
      now.getTime() + Math.min(desk.config.sessionIdleMs, desk.config.sessionMaxMs),
    ),
    method,
  });
  reply.setCookie(sessionCookieName(desk), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: desk.config.secureCookies,
  });
  return { csrfToken };
}

export async function endSession(
  desk: Desk,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const id = request.cookies[sessionCookieName(desk)];
  if (id) await desk.store.sessions.delete(sha256(id));
  reply.clearCookie(sessionCookieName(desk), { path: '/' });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** onRequest: find the caller from the session cookie or a bearer API token. */
export async function identify(desk: Desk, request: FastifyRequest): Promise<void> {
  request.principal = null;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    if (!token.startsWith(API_TOKEN_PREFIX))
      throw new DeskError(401, 'token_invalid', 'The API token is not valid.');
    const found = await desk.store.sessions.tokenByHash(sha256(token));
    if (!found || found.revokedAt)
      throw new DeskError(401, 'token_invalid', 'The API token is not valid or was revoked.');
    request.principal = { kind: 'token', token: found };
    return;
  }
  const id = request.cookies[sessionCookieName(desk)];
  if (!id) return;
  const idHash = sha256(id);
  const session = await desk.store.sessions.get(idHash);
  const now = desk.clock.now();
  if (!session || session.expiresAt <= now) {
    if (session) await desk.store.sessions.delete(idHash);
    return;
  }
  const user = await desk.store.users.get(session.userId);
  if (!user || (user.lockedUntil && user.lockedUntil > now)) {
    await desk.store.sessions.delete(idHash);
    return;
  }
  // Slide the idle timeout at most once a minute, never past the maximum age.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const max = session.createdAt.getTime() + desk.config.sessionMaxMs;
    await desk.store.sessions.touch(
      idHash,
      now,
      new Date(Math.min(max, now.getTime() + desk.config.sessionIdleMs)),
    );
  }
  request.principal = { kind: 'user', user, session };
}

/**
 * preValidation (the body is parsed by then): a state-changing request made with the session
 * cookie must carry the session's CSRF token. Bearer tokens are not sent by browsers on their
 * own, so they need none.
 */
export function checkCsrf(request: FastifyRequest): void {
  const p = request.principal;
  if (!p || p.kind !== 'user' || !UNSAFE.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  const body = request.body as Record<string, unknown> | undefined;
  const sent =
    typeof header === 'string'
      ? header
      : body && typeof body === 'object' && typeof body._csrf === 'string'
        ? body._csrf
        : undefined;
  if (!sent || !sameSecret(sent, p.session.csrfToken)) {
    throw new DeskError(
      403,
      'csrf_failed',
      'The request did not carry this session’s CSRF token; reload the page and try again.',
    );
  }
}
