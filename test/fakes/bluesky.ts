/**
 * A fake Bluesky PDS speaking XRPC: createSession / refreshSession / getSession (JWT-shaped
 * tokens with `exp`), listNotifications (newest first, opaque cursor), getPosts, listRecords,
 * createRecord, deleteRecord. Errors use the XRPC body `{error, message}`: 400 ExpiredToken,
 * 400 InvalidToken, 401 AuthenticationRequired, 400 InvalidRequest, 429 RateLimitExceeded with
 * ratelimit-* headers. `failNext` queues failures for the next requests.
 */
import Fastify from 'fastify';
import { recordRequests, sendFailure, type Failure, type Recorded } from './responses.js';

interface PostRecord {
  $type: string;
  text: string;
  createdAt: string;
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
  embed?: unknown;
}

interface Notification {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string };
  reason: string;
  record: PostRecord | Record<string, unknown>;
  isRead: boolean;
  indexedAt: string;
}

export const SELF_DID = 'did:plc:trust000000000000000000';
export const IDENTIFIER = 'exampletrust.bsky.social';
export const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';
const PERSON = {
  did: 'did:plc:person00000000000000000',
  handle: 'pat.bsky.social',
  displayName: 'Pat',
};

export function jwt(sub: string, exp: number, scope = 'com.atproto.access'): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ typ: 'at+jwt', alg: 'ES256K' })}.${enc({ scope, sub, exp, jti: Math.random().toString(36) })}.sig`;
}

export interface FakeBluesky {
  url: string;
  requests: Recorded[];
  failNext: Failure[];
  /** Newest last. */
  notifications: Notification[];
  posts: Map<string, { uri: string; cid: string; record: PostRecord; author: typeof PERSON }>;
  records: { uri: string; cid: string; value: PostRecord }[];
  /** Exp (epoch s) given to new access tokens. */
  accessExp: number;
  sessionsCreated: number;
  refreshes: number;
  expireAccessTokens(): void;
  revokeRefreshTokens(): void;
  revokeAppPassword(): void;
  addNotification(
    n: Partial<Notification> & {
      rkey: string;
      text: string;
      reason: string;
      indexedAt: string;
      reply?: PostRecord['reply'];
    },
  ): void;
  close(): Promise<void>;
}

export async function startFakeBluesky(): Promise<FakeBluesky> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const access = new Map<string, 'valid' | 'expired'>();
  const refresh = new Set<string>();
  let appPasswordValid = true;
  let nextRkey = 1;

  const issue = () => {
    const accessJwt = jwt(SELF_DID, fake.accessExp);
    const refreshJwt = jwt(SELF_DID, fake.accessExp + 86_400 * 60, 'com.atproto.refresh');
    access.set(accessJwt, 'valid');
    refresh.add(refreshJwt);
    return { did: SELF_DID, handle: IDENTIFIER, accessJwt, refreshJwt, active: true };
  };

  const fake: FakeBluesky = {
    url: '',
    requests: [],
    failNext: [],
    notifications: [],
    posts: new Map(),
    records: [],
    accessExp: Math.floor(Date.parse('2025-06-12T14:00:00Z') / 1000),
    sessionsCreated: 0,
    refreshes: 0,
    expireAccessTokens() {
      for (const key of access.keys()) access.set(key, 'expired');
    },
    revokeRefreshTokens() {
      refresh.clear();
    },
    revokeAppPassword() {
      appPasswordValid = false;
      access.clear();
      refresh.clear();
    },
    addNotification({ rkey, text, reason, indexedAt, reply, ...rest }) {
      const uri = `at://${PERSON.did}/app.bsky.feed.post/${rkey}`;
      const record: PostRecord = {
        $type: 'app.bsky.feed.post',
        text,
        createdAt: indexedAt,
        ...(reply ? { reply } : {}),
      };
      fake.posts.set(uri, { uri, cid: `cid-${rkey}`, record, author: PERSON });
      fake.notifications.push({
        uri,
        cid: `cid-${rkey}`,
        author: PERSON,
        reason,
        record,
        isRead: false,
        indexedAt,
        ...rest,
      });
    },
    close: () => app.close(),
  };

  const xrpcError = (status: number, error: string, message: string) => ({
    status,
    body: { error, message },
  });

  recordRequests(app, fake.requests);
  app.addHook('onRequest', async (req, reply) => {
    const failure = fake.failNext.shift();
    if (failure)
      return sendFailure(reply, failure, {
        error: 'InternalServerError',
        message: 'Internal Server Error',
      });
    const path = req.url.split('?')[0];
    if (
      path === '/xrpc/com.atproto.server.createSession' ||
      path === '/xrpc/com.atproto.server.refreshSession'
    )
      return;
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    if (!auth) {
      const e = xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
      return reply.code(e.status).send(e.body);
    }
    const state = access.get(auth);
    if (state === 'expired')
      return reply.code(400).send({ error: 'ExpiredToken', message: 'Token has expired' });
    if (!state)
      return reply
        .code(400)
        .send({ error: 'InvalidToken', message: 'Token could not be verified' });
  });

  app.post('/xrpc/com.atproto.server.createSession', async (req, reply) => {
    const body = req.body as { identifier?: string; password?: string };
    if (!appPasswordValid || body.identifier !== IDENTIFIER || body.password !== APP_PASSWORD) {
      return reply
        .code(401)
        .send({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    }
    fake.sessionsCreated += 1;
    return issue();
  });
  app.post('/xrpc/com.atproto.server.refreshSession', async (req, reply) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!refresh.has(token))
      return reply.code(400).send({ error: 'ExpiredToken', message: 'Token has been revoked' });
    refresh.delete(token);
    fake.refreshes += 1;
    return issue();
  });
  app.get('/xrpc/com.atproto.server.getSession', async () => ({
    did: SELF_DID,
    handle: IDENTIFIER,
    active: true,
  }));

  app.get('/xrpc/app.bsky.notification.listNotifications', async (req) => {
    const q = req.query as { limit?: string; cursor?: string };
    const limit = Number(q.limit ?? 50);
    const newestFirst = [...fake.notifications].reverse();
    const start = q.cursor ? Number(q.cursor) : 0;
    const page = newestFirst.slice(start, start + limit);
    const cursor = start + limit < newestFirst.length ? String(start + limit) : undefined;
    return { notifications: page, ...(cursor ? { cursor } : {}), seenAt: '2025-06-01T00:00:00Z' };
  });

  app.get('/xrpc/app.bsky.feed.getPosts', async (req) => {
    const q = req.query as Record<string, string | string[]>;
    const uris = ([] as string[]).concat(q['uris[]'] ?? q.uris ?? []);
    return {
      posts: uris
        .map((u) => fake.posts.get(u))
        .filter(Boolean)
        .map((p) => ({
          uri: p!.uri,
          cid: p!.cid,
          author: p!.author,
          record: p!.record,
          indexedAt: p!.record.createdAt,
        })),
    };
  });

  app.get('/xrpc/com.atproto.repo.listRecords', async (req, reply) => {
    const q = req.query as { repo?: string; collection?: string; limit?: string };
    if (q.repo !== SELF_DID || q.collection !== 'app.bsky.feed.post') {
      return reply.code(400).send({ error: 'InvalidRequest', message: 'Could not find repo' });
    }
    return { records: [...fake.records].reverse().slice(0, Number(q.limit ?? 50)) };
  });

  app.post('/xrpc/com.atproto.repo.createRecord', async (req, reply) => {
    const body = req.body as { repo?: string; collection?: string; record?: PostRecord };
    if (body.repo !== SELF_DID)
      return reply.code(400).send({ error: 'InvalidRequest', message: 'Invalid repo' });
    const record = body.record;
    if (!record || record.$type !== 'app.bsky.feed.post' || typeof record.createdAt !== 'string') {
      return reply
        .code(400)
        .send({ error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record' });
    }
    if ([...record.text].length > 300) {
      return reply.code(400).send({
        error: 'InvalidRequest',
        message:
          'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
      });
    }
    const rkey = `3ltrust${String(nextRkey++).padStart(6, '0')}`;
    const uri = `at://${SELF_DID}/app.bsky.feed.post/${rkey}`;
    const cid = `bafy${rkey}`;
    fake.records.push({ uri, cid, value: record });
    return { uri, cid, commit: { cid: 'c', rev: 'r' }, validationStatus: 'valid' };
  });

  app.post('/xrpc/com.atproto.repo.deleteRecord', async (req) => {
    const body = req.body as { repo: string; collection: string; rkey: string };
    const uri = `at://${body.repo}/${body.collection}/${body.rkey}`;
    fake.records = fake.records.filter((r) => r.uri !== uri);
    return { commit: { cid: 'c', rev: 'r' } };
  });

  fake.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return fake;
}
