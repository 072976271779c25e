/**
 * A fake TikTok API for Business v1.3 (Accounts API): business/get, business/video/list,
 * business/comment/list (cursor/has_more, newest first), comment/reply/list, reply/create, hide,
 * delete. Errors use TikTok's envelope on HTTP 200 — `{code, message, request_id, data: {}}` —
 * for expired (40102) and revoked (40105) tokens, missing permission (40001), rate limit (40100);
 * `failNext` queues raw failures (HTTP 5xx, hang, malformed JSON).
 */
import Fastify from 'fastify';
import { recordRequests, sendFailure, type Failure, type Recorded } from './responses.js';

export const BUSINESS_ID = 'biz-open-id-1';

interface Comment {
  comment_id: string;
  video_id: string;
  user_id: string;
  username: string;
  display_name: string;
  text: string;
  create_time: number;
  parent_comment_id?: string;
  owner: boolean;
  status: 'PUBLIC' | 'HIDDEN';
  likes: number;
  reply_count: number;
}

export interface FakeTiktok {
  url: string;
  requests: Recorded[];
  failNext: Failure[];
  videos: string[];
  comments: Comment[];
  addComment(
    id: string,
    videoId: string,
    text: string,
    at: string,
    options?: { parent?: string; owner?: boolean },
  ): void;
  close(): Promise<void>;
}

let requestCounter = 0;
export const envelope = (code: number, message: string, data: unknown = {}) => ({
  code,
  message,
  request_id: `2025061212000${++requestCounter}`,
  data,
});

export async function startFakeTiktok(): Promise<FakeTiktok> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  let nextId = 1;
  const fake: FakeTiktok = {
    url: '',
    requests: [],
    failNext: [],
    videos: ['v100', 'v200'],
    comments: [],
    addComment(id, videoId, text, at, options = {}) {
      fake.comments.push({
        comment_id: id,
        video_id: videoId,
        user_id: options.owner ? BUSINESS_ID : `user-${id}`,
        username: options.owner ? 'exampletrust' : `viewer${id}`,
        display_name: options.owner ? 'Example Trust' : 'Viewer',
        text,
        create_time: Math.floor(Date.parse(at) / 1000),
        ...(options.parent ? { parent_comment_id: options.parent } : {}),
        owner: options.owner ?? false,
        status: 'PUBLIC',
        likes: 0,
        reply_count: 0,
      });
    },
    close: () => app.close(),
  };

  recordRequests(app, fake.requests);
  app.addHook('onRequest', async (req, reply) => {
    const failure = fake.failNext.shift();
    if (failure) return sendFailure(reply, failure, envelope(50000, 'Internal error'));
    const token = req.headers['access-token'];
    if (token === 'expired-token') return reply.send(envelope(40102, 'Access token has expired.'));
    if (token === 'revoked-token' || !token)
      return reply.send(envelope(40105, 'Access token is incorrect or has been revoked.'));
    if (token === 'noscope-token')
      return reply.send(
        envelope(40001, 'No permission to operate this resource. Please check the scope.'),
      );
  });

  const base = '/open_api/v1.3/business';
  app.get(`${base}/get/`, async () =>
    envelope(0, 'OK', { username: 'exampletrust', display_name: 'Example Trust' }),
  );
  app.get(`${base}/video/list/`, async (req) => {
    const q = req.query as Record<string, string>;
    const max = Number(q.max_count ?? 20);
    return envelope(0, 'OK', {
      videos: fake.videos.slice(0, max).map((id) => ({ item_id: id, create_time: 1749500000 })),
      has_more: false,
      cursor: 0,
    });
  });
  app.get(`${base}/comment/list/`, async (req) => {
    const q = req.query as Record<string, string>;
    const max = Number(q.max_count ?? 20);
    const start = Number(q.cursor ?? 0);
    const list = fake.comments
      .filter((c) => c.video_id === q.video_id)
      .sort((a, b) => b.create_time - a.create_time);
    const page = list.slice(start, start + max);
    return envelope(0, 'OK', {
      comments: page,
      cursor: start + page.length,
      has_more: start + max < list.length,
    });
  });
  app.get(`${base}/comment/reply/list/`, async (req) => {
    const q = req.query as Record<string, string>;
    return envelope(0, 'OK', {
      comments: fake.comments.filter((c) => c.parent_comment_id === q.comment_id),
      has_more: false,
      cursor: 0,
    });
  });
  app.post(`${base}/comment/reply/create/`, async (req) => {
    const body = req.body as {
      business_id: string;
      video_id: string;
      comment_id: string;
      text: string;
    };
    const parent = fake.comments.find(
      (c) => c.comment_id === body.comment_id && c.video_id === body.video_id,
    );
    if (!parent)
      return envelope(40002, 'Invalid parameters: comment_id does not belong to video_id.');
    if (body.text.length > 150)
      return envelope(40002, 'Invalid parameters: text exceeds 150 characters.');
    const id = `reply-${nextId++}`;
    fake.addComment(id, body.video_id, body.text, '2025-06-12T11:59:00Z', {
      parent: body.comment_id,
      owner: true,
    });
    return envelope(0, 'OK', { comment_id: id, video_id: body.video_id, text: body.text });
  });
  app.post(`${base}/comment/hide/`, async (req) => {
    const body = req.body as { video_id: string; comment_id: string; action: string };
    const comment = fake.comments.find(
      (c) => c.comment_id === body.comment_id && c.video_id === body.video_id,
    );
    if (!comment) return envelope(40002, 'Invalid parameters: comment not found.');
    comment.status = body.action === 'HIDE' ? 'HIDDEN' : 'PUBLIC';
    return envelope(0, 'OK', {});
  });
  app.post(`${base}/comment/delete/`, async (req) => {
    const body = req.body as { comment_id: string };
    fake.comments = fake.comments.filter((c) => c.comment_id !== body.comment_id);
    return envelope(0, 'OK', {});
  });

  fake.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return fake;
}
