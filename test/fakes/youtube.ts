/**
 * A fake YouTube Data API v3: commentThreads.list (allThreadsRelatedToChannelId, order=time,
 * pageToken/nextPageToken), comments.list (parentId), comments.insert, comments.setModerationStatus
 * (204), comments.delete (204), channels.list mine=true. Google error envelopes:
 * 401 authError, 403 quotaExceeded / insufficientPermissions / commentsDisabled, 404
 * commentNotFound. `failNext` queues failures.
 */
import Fastify from 'fastify';
import { recordRequests, sendFailure, type Failure, type Recorded } from './responses.js';

export const CHANNEL_ID = 'UCexampletrust000000000';

export function googleError(code: number, reason: string, message: string, domain = 'youtube.api') {
  return { error: { code, message, errors: [{ message, domain, reason }] } };
}

interface Comment {
  kind: 'youtube#comment';
  id: string;
  snippet: Record<string, unknown> & {
    publishedAt: string;
    textOriginal: string;
    parentId?: string;
    authorChannelId: { value: string };
  };
}
interface Thread {
  kind: 'youtube#commentThread';
  id: string;
  snippet: {
    channelId: string;
    videoId: string;
    topLevelComment: Comment;
    totalReplyCount: number;
    canReply: boolean;
  };
  replies?: { comments: Comment[] };
}

export interface FakeYoutube {
  url: string;
  requests: Recorded[];
  failNext: Failure[];
  /** Newest activity last. */
  threads: Thread[];
  moderation: Map<string, string>;
  pageSize: number;
  addThread(
    id: string,
    text: string,
    publishedAt: string,
    replies?: { id: string; text: string; publishedAt: string; own?: boolean }[],
  ): void;
  close(): Promise<void>;
}

function comment(
  id: string,
  text: string,
  publishedAt: string,
  own: boolean,
  videoId: string,
  parentId?: string,
): Comment {
  return {
    kind: 'youtube#comment',
    id,
    snippet: {
      videoId,
      textDisplay: text,
      textOriginal: text,
      ...(parentId ? { parentId } : {}),
      authorDisplayName: own ? 'Example Trust' : 'Viewer',
      authorChannelId: { value: own ? CHANNEL_ID : 'UCviewer00000000000000' },
      canRate: true,
      likeCount: 0,
      publishedAt,
      updatedAt: publishedAt,
    },
  };
}

export async function startFakeYoutube(): Promise<FakeYoutube> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  let inserted = 0;
  const fake: FakeYoutube = {
    url: '',
    requests: [],
    failNext: [],
    threads: [],
    moderation: new Map(),
    pageSize: 100,
    addThread(id, text, publishedAt, replies = []) {
      const top = comment(id, text, publishedAt, false, 'vid1');
      fake.threads.push({
        kind: 'youtube#commentThread',
        id,
        snippet: {
          channelId: CHANNEL_ID,
          videoId: 'vid1',
          topLevelComment: top,
          totalReplyCount: replies.length,
          canReply: true,
        },
        ...(replies.length
          ? {
              replies: {
                comments: replies.map((r) =>
                  comment(r.id, r.text, r.publishedAt, r.own ?? false, 'vid1', id),
                ),
              },
            }
          : {}),
      });
    },
    close: () => app.close(),
  };

  recordRequests(app, fake.requests);
  app.addHook('onRequest', async (req, reply) => {
    const failure = fake.failNext.shift();
    if (failure)
      return sendFailure(
        reply,
        failure,
        googleError(500, 'backendError', 'Backend Error', 'global'),
      );
    const auth = req.headers.authorization;
    if (auth === 'Bearer expired-token' || !auth) {
      return reply.code(401).send(googleError(401, 'authError', 'Invalid Credentials', 'global'));
    }
    if (auth === 'Bearer readonly-token' && req.method !== 'GET') {
      return reply
        .code(403)
        .send(
          googleError(
            403,
            'insufficientPermissions',
            'Request had insufficient authentication scopes.',
            'global',
          ),
        );
    }
  });

  app.get('/youtube/v3/channels', async () => ({
    kind: 'youtube#channelListResponse',
    items: [{ kind: 'youtube#channel', id: CHANNEL_ID }],
  }));

  app.get('/youtube/v3/commentThreads', async (req, reply) => {
    const q = req.query as Record<string, string>;
    if (q.allThreadsRelatedToChannelId !== CHANNEL_ID)
      return reply.code(404).send(googleError(404, 'channelNotFound', 'Channel not found'));
    const newestFirst = [...fake.threads].reverse();
    const start = q.pageToken ? Number(q.pageToken.replace('page-', '')) : 0;
    const size = Math.min(Number(q.maxResults ?? 20), fake.pageSize);
    const items = newestFirst.slice(start, start + size);
    const next = start + size < newestFirst.length ? `page-${start + size}` : undefined;
    return {
      kind: 'youtube#commentThreadListResponse',
      pageInfo: { totalResults: items.length, resultsPerPage: size },
      ...(next ? { nextPageToken: next } : {}),
      items,
    };
  });

  app.get('/youtube/v3/comments', async (req) => {
    const q = req.query as Record<string, string>;
    const thread = fake.threads.find((t) => t.id === q.parentId);
    return { kind: 'youtube#commentListResponse', items: thread?.replies?.comments ?? [] };
  });

  app.post('/youtube/v3/comments', async (req, reply) => {
    const body = req.body as { snippet?: { parentId?: string; textOriginal?: string } };
    const thread = fake.threads.find((t) => t.id === body.snippet?.parentId);
    if (!thread)
      return reply
        .code(404)
        .send(googleError(404, 'parentCommentNotFound', 'The parent comment could not be found.'));
    if (thread.id === 'disabled')
      return reply
        .code(403)
        .send(googleError(403, 'commentsDisabled', 'Comments are disabled for this video.'));
    const id = `${thread.id}.reply${++inserted}`;
    const created = comment(
      id,
      body.snippet?.textOriginal ?? '',
      '2025-06-12T11:59:00Z',
      true,
      'vid1',
      thread.id,
    );
    thread.replies = { comments: [...(thread.replies?.comments ?? []), created] };
    return created;
  });

  app.post('/youtube/v3/comments/setModerationStatus', async (req, reply) => {
    const q = req.query as Record<string, string>;
    const exists = fake.threads.some(
      (t) => t.id === q.id || t.replies?.comments.some((c) => c.id === q.id),
    );
    if (!exists)
      return reply
        .code(404)
        .send(googleError(404, 'commentNotFound', 'The comment could not be found.'));
    fake.moderation.set(q.id, q.moderationStatus);
    return reply.code(204).send();
  });

  app.delete('/youtube/v3/comments', async (req, reply) => {
    const q = req.query as Record<string, string>;
    for (const t of fake.threads) {
      const before = t.replies?.comments.length ?? 0;
      if (t.replies) t.replies.comments = t.replies.comments.filter((c) => c.id !== q.id);
      if ((t.replies?.comments.length ?? 0) !== before) return reply.code(204).send();
    }
    return reply
      .code(404)
      .send(googleError(404, 'commentNotFound', 'The comment could not be found.'));
  });

  fake.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return fake;
}
