/**
 * A fake LinkedIn versioned REST API (Community Management) on 127.0.0.1: requires
 * `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`, answers posts, socialActions comments
 * (start/count paging), organizationalEntityNotifications, organizations; LinkedIn's error body;
 * 422 on duplicate posts; injected failures.
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { LiComment, LiNotification, LiPost } from '../../src/connectors/linkedin/normalise.js';
import {
  listenOnLoopback,
  sendFailure,
  takeInjected,
  type Injected,
  type RecordedRequest,
} from './responses.js';

export interface FakeLinkedin {
  url: string;
  requests: RecordedRequest[];
  posts: LiPost[];
  /** target URN → comments, oldest first. */
  comments: Map<string, LiComment[]>;
  notifications: LiNotification[];
  deleted: string[];
  clock: { now: number };
  inject(failure: Injected): void;
  close(): Promise<void>;
}

export async function startFakeLinkedin(options: {
  token: string;
  organizationId: string;
  versions?: string[];
}): Promise<FakeLinkedin> {
  const versions = options.versions ?? ['202609'];
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const requests: RecordedRequest[] = [];
  const posts: LiPost[] = [];
  const comments = new Map<string, LiComment[]>();
  const notifications: LiNotification[] = [];
  const deleted: string[] = [];
  const injected: Injected[] = [];
  const clock = { now: Date.parse('2026-05-01T12:00:00Z') };
  let counter = 7_300_000_000_000_000_000n;

  const error = (reply: FastifyReply, status: number, body: Record<string, unknown>) =>
    reply.code(status).send({ status, ...body });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    // Keep the raw query: Rest.li structure (List(...), (start:..,end:..)) is part of the contract.
    const [path, rawQuery = ''] = request.url.split('?');
    requests.push({
      method: request.method,
      path,
      query: { raw: rawQuery, ...Object.fromEntries(new URLSearchParams(rawQuery)) },
      headers: request.headers,
      body: request.body,
    });
    const failure = takeInjected(injected, request.method, path);
    if (failure) return sendFailure(reply, failure, {});
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return error(reply, 401, {
        serviceErrorCode: 65600,
        code: 'INVALID_ACCESS_TOKEN',
        message: 'Invalid access token',
      });
    }
    const version = request.headers['linkedin-version'];
    if (!version) {
      return error(reply, 400, { code: 'VERSION_MISSING', message: 'A version must be present.' });
    }
    if (!versions.includes(String(version))) {
      return error(reply, 426, {
        code: 'NONEXISTENT_VERSION',
        message: `Requested version ${String(version)} is not active`,
      });
    }
    if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
      return error(reply, 400, { message: 'Rest.li protocol 2.0.0 expected' });
    }
  });

  const page = <T>(request: FastifyRequest, list: T[]) => {
    const q = request.query as Record<string, string>;
    const start = Number(q.start ?? 0);
    const count = Number(q.count ?? 10);
    return {
      paging: { start, count, total: list.length },
      elements: list.slice(start, start + count),
    };
  };

  app.get('/rest/posts', async (request, reply) => {
    const q = request.query as Record<string, string>;
    if (q.q !== 'author' || q.author !== `urn:li:organization:${options.organizationId}`) {
      return error(reply, 400, { message: 'Unexpected finder' });
    }
    const own = posts
      .filter((p) => p.author === q.author)
      .sort((a, b) => (b.lastModifiedAt ?? 0) - (a.lastModifiedAt ?? 0));
    return page(request, own);
  });

  app.get('/rest/posts/:urn', async (request, reply) => {
    const { urn } = request.params as { urn: string };
    const post = posts.find((p) => p.id === urn);
    if (!post) return error(reply, 404, { message: `Post ${urn} not found`, serviceErrorCode: 0 });
    return post;
  });

  app.post('/rest/posts', async (request, reply) => {
    const body = request.body as { author?: string; commentary?: string; lifecycleState?: string };
    if (
      !body?.author ||
      typeof body.commentary !== 'string' ||
      body.lifecycleState !== 'PUBLISHED'
    ) {
      return error(reply, 422, { message: 'ERROR :: /commentary :: missing' });
    }
    const duplicate = posts.find(
      (p) => p.author === body.author && p.commentary === body.commentary,
    );
    if (duplicate) {
      return error(reply, 422, { message: `Content is a duplicate of ${duplicate.id}` });
    }
    const id = `urn:li:share:${++counter}`;
    posts.push({
      id,
      author: body.author,
      commentary: body.commentary,
      createdAt: clock.now,
      lastModifiedAt: clock.now,
    });
    return reply.code(201).header('x-restli-id', id).send();
  });

  app.get('/rest/socialActions/:target/comments', async (request) => {
    const { target } = request.params as { target: string };
    return page(request, comments.get(target) ?? []);
  });

  app.post('/rest/socialActions/:target/comments', async (request, reply) => {
    const { target } = request.params as { target: string };
    const body = request.body as LiComment;
    if (!body?.actor || !body.object || typeof body.message?.text !== 'string') {
      return error(reply, 422, { message: 'actor, object and message are required' });
    }
    const id = String(++counter);
    const activity = body.object.startsWith('urn:li:activity:')
      ? body.object
      : `urn:li:activity:${target.split(':').pop()}`;
    const comment: LiComment = {
      id,
      commentUrn: `urn:li:comment:(${activity},${id})`,
      actor: body.actor,
      object: body.object,
      message: body.message,
      created: { actor: body.actor, time: clock.now },
      ...(body.parentComment ? { parentComment: body.parentComment } : {}),
    };
    comments.set(target, [...(comments.get(target) ?? []), comment]);
    return reply.code(201).header('x-restli-id', comment.commentUrn).send(comment);
  });

  app.delete('/rest/socialActions/:target/comments/:id', async (request, reply) => {
    const { target, id } = request.params as { target: string; id: string };
    const q = request.query as Record<string, string>;
    if (q.actor !== `urn:li:organization:${options.organizationId}`) {
      return error(reply, 403, {
        message: 'Not enough permissions to delete as this actor',
        code: 'ACCESS_DENIED',
      });
    }
    deleted.push(`${target}/${id}`);
    return reply.code(204).send();
  });

  app.get('/rest/organizationalEntityNotifications', async (request) => {
    return page(request, notifications);
  });

  app.get('/rest/organizations/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (id !== options.organizationId) return error(reply, 404, { message: 'Not found' });
    return { id: Number(id), localizedName: 'Trust', vanityName: 'trust' };
  });

  return {
    url: await listenOnLoopback(app),
    requests,
    posts,
    comments,
    notifications,
    deleted,
    clock,
    inject: (failure) => injected.push({ times: 1, ...failure }),
    close: () => app.close(),
  };
}
