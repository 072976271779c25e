/**
 * A fake X API v2 on 127.0.0.1: mentions timeline with since_id / start_time and
 * pagination_token, DM events, POST /2/tweets (403 on duplicate content), DM sends, hide, delete,
 * users/me; x-rate-limit-* headers on every answer; injected failures.
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { XDmEvent, XTweet, XUser } from '../../src/connectors/x/normalise.js';
import {
  listenOnLoopback,
  sendFailure,
  takeInjected,
  urlRecord,
  type Injected,
  type RecordedRequest,
} from './responses.js';

export interface FakeX {
  url: string;
  requests: RecordedRequest[];
  mentions: XTweet[];
  ownTweets: XTweet[];
  dmEvents: XDmEvent[];
  users: XUser[];
  hidden: Set<string>;
  deleted: Set<string>;
  clock: { now: string };
  inject(failure: Injected): void;
  close(): Promise<void>;
}

export async function startFakeX(options: { token: string; userId: string; username: string }) {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const state: Omit<FakeX, 'url' | 'inject' | 'close'> = {
    requests: [],
    mentions: [],
    ownTweets: [],
    dmEvents: [],
    users: [{ id: options.userId, username: options.username, name: 'Trust' }],
    hidden: new Set(),
    deleted: new Set(),
    clock: { now: '2026-05-01T12:00:00.000Z' },
  };
  const injected: Injected[] = [];
  let counter = 1_900_000_000_000_000_000n;

  app.addHook('onRequest', async (_request, reply) => {
    void reply.headers({
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': '449',
      'x-rate-limit-reset': String(Math.floor(Date.parse(state.clock.now) / 1000) + 900),
    });
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const record = urlRecord(request);
    state.requests.push(record);
    const failure = takeInjected(injected, request.method, record.path);
    if (failure) return sendFailure(reply, failure, {});
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return reply
        .code(401)
        .send({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
  });

  function paginate<T extends { id: string }>(request: FastifyRequest, list: T[]) {
    const query = request.query as Record<string, string>;
    const max = Number(query.max_results ?? 10);
    const start = query.pagination_token ? Number(query.pagination_token.replace('tok', '')) : 0;
    const data = list.slice(start, start + max);
    const meta: Record<string, unknown> = { result_count: data.length };
    if (data.length) {
      meta.newest_id = data[0].id;
      meta.oldest_id = data[data.length - 1].id;
    }
    if (start + max < list.length) meta.next_token = `tok${start + max}`;
    return { data, meta };
  }

  const includesFor = (ids: (string | undefined)[]) => ({
    users: state.users.filter((u) => ids.includes(u.id)),
  });

  app.get('/2/users/me', async () => ({ data: state.users[0] }));

  app.get('/2/users/:id/mentions', async (request, reply) => {
    const { id } = request.params as { id: string };
    const query = request.query as Record<string, string>;
    if (id !== options.userId)
      return reply.code(403).send({ title: 'Forbidden', detail: 'Not your timeline' });
    let list = state.mentions.filter((t) => !state.deleted.has(t.id));
    if (query.since_id) list = list.filter((t) => BigInt(t.id) > BigInt(query.since_id));
    if (query.start_time)
      list = list.filter((t) => Date.parse(t.created_at!) >= Date.parse(query.start_time));
    list.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = paginate(request, list);
    if (page.data.length === 0) return { meta: { result_count: 0 } };
    return { ...page, includes: includesFor(page.data.map((t) => t.author_id)) };
  });

  app.get('/2/users/:id/tweets', async (request) => {
    const query = request.query as Record<string, string>;
    let list = state.ownTweets.filter((t) => !state.deleted.has(t.id));
    if (query.start_time)
      list = list.filter((t) => Date.parse(t.created_at!) >= Date.parse(query.start_time));
    const page = paginate(request, list);
    return page.data.length ? page : { meta: { result_count: 0 } };
  });

  app.post('/2/tweets', async (request, reply) => {
    const body = request.body as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    if (typeof body?.text !== 'string' || body.text.length === 0) {
      return reply.code(400).send({
        errors: [{ message: 'text is required' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      });
    }
    if (state.ownTweets.some((t) => t.text === body.text)) {
      return reply.code(403).send({
        detail: 'You are not allowed to create a Tweet with duplicate content.',
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
      });
    }
    const id = String(++counter);
    const tweet: XTweet = {
      id,
      text: body.text.replace(/&/g, '&amp;'),
      created_at: state.clock.now,
      author_id: options.userId,
      ...(body.reply?.in_reply_to_tweet_id
        ? {
            referenced_tweets: [
              { type: 'replied_to' as const, id: body.reply.in_reply_to_tweet_id },
            ],
          }
        : {}),
    };
    state.ownTweets.unshift(tweet);
    return reply.code(201).send({ data: { id, text: tweet.text, edit_history_tweet_ids: [id] } });
  });

  app.get('/2/dm_events', async (request) => {
    const page = paginate(request, state.dmEvents);
    if (page.data.length === 0) return { meta: { result_count: 0 } };
    return { ...page, includes: includesFor(page.data.map((e) => e.sender_id)) };
  });

  app.get('/2/dm_conversations/:id/dm_events', async (request) => {
    const { id } = request.params as { id: string };
    return paginate(
      request,
      state.dmEvents.filter((e) => e.dm_conversation_id === id),
    );
  });

  app.post('/2/dm_conversations/:id/messages', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as { text?: string };
    const eventId = String(++counter);
    state.dmEvents.unshift({
      id: eventId,
      event_type: 'MessageCreate',
      text: body.text,
      created_at: state.clock.now,
      sender_id: options.userId,
      dm_conversation_id: id,
    });
    return reply.code(201).send({ data: { dm_conversation_id: id, dm_event_id: eventId } });
  });

  app.put('/2/tweets/:id/hidden', async (request) => {
    const { id } = request.params as { id: string };
    const body = request.body as { hidden?: boolean };
    if (body.hidden) state.hidden.add(id);
    return { data: { hidden: !!body.hidden } };
  });

  app.delete('/2/tweets/:id', async (request) => {
    const { id } = request.params as { id: string };
    state.deleted.add(id);
    return { data: { deleted: true } };
  });

  const fake: FakeX = {
    ...state,
    url: await listenOnLoopback(app),
    inject: (failure) => injected.push({ times: 1, ...failure }),
    close: () => app.close(),
  };
  return fake;
}
