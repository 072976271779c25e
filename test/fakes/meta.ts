/**
 * A fake Graph API (Facebook Pages, Instagram, Messenger) on 127.0.0.1: real HTTP, Meta's payload
 * shapes, cursor paging with absolute `paging.next` links on graph.facebook.com (as Meta sends
 * them), Meta's error envelope, usage headers, and injected failures.
 */
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  listenOnLoopback,
  sendFailure,
  takeInjected,
  urlRecord,
  type Injected,
  type RecordedRequest,
} from './responses.js';

export type GraphObject = Record<string, unknown> & { id: string };

export interface FakeMetaOptions {
  version?: string;
  /** token → the id that token acts as (the Page id, or the Instagram user id). */
  tokens: Record<string, { actorId: string; username?: string }>;
  /** Usage header values to send on every answer. */
  usageHeaders?: Record<string, string>;
}

export interface FakeMeta {
  url: string;
  requests: RecordedRequest[];
  /** `${parentId}/${edge}` (plus `:${platform}` for conversations) → objects, newest first. */
  edges: Map<string, GraphObject[]>;
  objects: Map<string, GraphObject>;
  hidden: Set<string>;
  deleted: Set<string>;
  sentMessages: { recipient: string; text: string; messageId: string }[];
  inject(failure: Injected): void;
  addEdge(key: string, ...objects: GraphObject[]): void;
  /** What created objects get as their `created_time`. */
  clock: { now: string };
  close(): Promise<void>;
}

const GRAPH_HOST = 'https://graph.facebook.com';

export async function startFakeMeta(options: FakeMetaOptions): Promise<FakeMeta> {
  const version = options.version ?? 'v24.0';
  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(formbody);
  const requests: RecordedRequest[] = [];
  const edges = new Map<string, GraphObject[]>();
  const objects = new Map<string, GraphObject>();
  const hidden = new Set<string>();
  const deleted = new Set<string>();
  const sentMessages: FakeMeta['sentMessages'] = [];
  const injected: Injected[] = [];
  const clock = { now: '2026-05-01T12:00:00+0000' };
  let counter = 1000;

  const graphError = (
    reply: FastifyReply,
    status: number,
    code: number,
    message: string,
    subcode?: number,
  ) =>
    reply.code(status).send({
      error: {
        message,
        type: code === 190 ? 'OAuthException' : 'GraphMethodException',
        code,
        ...(subcode !== undefined ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AbCdEf123',
      },
    });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.usageHeaders) void reply.headers(options.usageHeaders);
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const record = urlRecord(request);
    requests.push(record);
    const failure = takeInjected(injected, request.method, record.path);
    if (failure) return sendFailure(reply, failure, {});
    const auth = request.headers.authorization;
    const token =
      typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!token || !options.tokens[token]) {
      return graphError(reply, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    if (!record.path.startsWith(`/${version}/`)) {
      return graphError(reply, 400, 2635, `Unknown API version in ${record.path}`);
    }
  });

  const actorOf = (request: FastifyRequest) => {
    const token = String(request.headers.authorization).slice(7);
    return options.tokens[token];
  };

  function page(
    request: FastifyRequest,
    list: GraphObject[],
    path: string,
  ): { data: GraphObject[]; paging?: unknown } {
    const query = request.query as Record<string, string>;
    const limit = Math.max(1, Math.min(100, Number(query.limit ?? 25)));
    const start = query.after ? Number(Buffer.from(query.after, 'base64').toString('utf8')) : 0;
    const data = list.slice(start, start + limit);
    if (data.length === 0) return { data };
    const after = Buffer.from(String(start + data.length), 'utf8').toString('base64');
    const before = Buffer.from(String(start), 'utf8').toString('base64');
    const paging: Record<string, unknown> = { cursors: { before, after } };
    if (start + data.length < list.length) {
      const next = new URL(`${GRAPH_HOST}${path}`);
      for (const [k, v] of Object.entries(query)) if (k !== 'after') next.searchParams.set(k, v);
      next.searchParams.set('after', after);
      paging.next = next.toString();
    }
    return { data, paging };
  }

  app.get('/:v/:id/:edge', async (request, reply) => {
    const { id, edge } = request.params as { id: string; edge: string };
    const query = request.query as Record<string, string>;
    let key = `${id}/${edge}`;
    if (edge === 'conversations') key += `:${query.platform ?? 'messenger'}`;
    let list = (edges.get(key) ?? []).filter((o) => !deleted.has(o.id));
    if (edge === 'conversations' && query.user_id) {
      list = list.filter((c) =>
        ((c.participants as { data: { id: string }[] } | undefined)?.data ?? []).some(
          (p) => p.id === query.user_id,
        ),
      );
    }
    if (!edges.has(key) && !objects.has(id) && edge !== 'conversations') {
      return graphError(
        reply,
        400,
        100,
        `Unsupported get request. Object with ID '${id}' does not exist`,
        33,
      );
    }
    return page(request, list, new URL(request.url, 'http://fake').pathname);
  });

  app.get('/:v/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const object = objects.get(id);
    if (!object || deleted.has(id)) {
      return graphError(reply, 400, 100, `Object with ID '${id}' does not exist`, 33);
    }
    return object;
  });

  app.post('/:v/:id/:edge', async (request, reply) => {
    const { id, edge } = request.params as { id: string; edge: string };
    const actor = actorOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (edge === 'comments' || edge === 'replies') {
      if (!objects.has(id)) return graphError(reply, 400, 100, 'Object does not exist', 33);
      const newId = `${id.split('_')[0]}_${++counter}`;
      const comment: GraphObject = {
        id: newId,
        message: body.message,
        text: body.message,
        created_time: clock.now,
        timestamp: clock.now,
        from: { id: actor.actorId, ...(actor.username ? { username: actor.username } : {}) },
        ...(actor.username ? { username: actor.username } : {}),
      };
      objects.set(newId, comment);
      edges.set(`${id}/${edge}`, [comment, ...(edges.get(`${id}/${edge}`) ?? [])]);
      return { id: newId };
    }
    if (edge === 'feed') {
      const newId = `${id}_${++counter}`;
      const post: GraphObject = {
        id: newId,
        message: body.message,
        created_time: clock.now,
        updated_time: clock.now,
        from: { id: actor.actorId },
        permalink_url: `https://www.facebook.com/${newId}`,
      };
      objects.set(newId, post);
      edges.set(`${id}/posts`, [post, ...(edges.get(`${id}/posts`) ?? [])]);
      edges.set(`${id}/feed`, [post, ...(edges.get(`${id}/feed`) ?? [])]);
      return { id: newId };
    }
    if (edge === 'messages') {
      const recipient = (body.recipient as { id?: string } | undefined)?.id;
      const text = (body.message as { text?: string } | undefined)?.text;
      if (!recipient || typeof text !== 'string') {
        return graphError(reply, 400, 100, '(#100) The parameter recipient is required');
      }
      const messageId = `m_${++counter}`;
      sentMessages.push({ recipient, text, messageId });
      // The sent message appears in the recipient's conversation.
      for (const [key, list] of edges) {
        if (!key.includes('/conversations:')) continue;
        for (const c of list) {
          const ids = ((c.participants as { data: { id: string }[] }).data ?? []).map((p) => p.id);
          if (ids.includes(recipient)) {
            const msg: GraphObject = {
              id: messageId,
              message: text,
              created_time: clock.now,
              from: { id: actor.actorId },
            };
            edges.set(`${c.id}/messages`, [msg, ...(edges.get(`${c.id}/messages`) ?? [])]);
          }
        }
      }
      return { recipient_id: recipient, message_id: messageId };
    }
    return graphError(reply, 400, 100, `Unknown edge ${edge}`);
  });

  app.post('/:v/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!objects.has(id)) return graphError(reply, 400, 100, 'Object does not exist', 33);
    if (body.is_hidden === 'true' || body.hide === 'true') hidden.add(id);
    else if (body.is_hidden === 'false' || body.hide === 'false') hidden.delete(id);
    else return graphError(reply, 400, 100, '(#100) Nothing to update');
    return { success: true };
  });

  app.delete('/:v/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!objects.has(id) || deleted.has(id)) {
      return graphError(reply, 400, 100, 'Object does not exist', 33);
    }
    deleted.add(id);
    return { success: true };
  });

  return {
    url: await listenOnLoopback(app),
    requests,
    edges,
    objects,
    hidden,
    deleted,
    sentMessages,
    clock,
    inject: (failure) => injected.push({ times: 1, ...failure }),
    addEdge(key, ...list) {
      for (const o of list) objects.set(o.id, o);
      edges.set(key, [...(edges.get(key) ?? []), ...list]);
    },
    close: () => app.close(),
  };
}
