/**
 * A fake Mastodon instance speaking REST API v1: verify_credentials, notifications with
 * `types[]`, `min_id`/`max_id`/`limit` and RFC 8288 Link paging, statuses (GET, POST with
 * Idempotency-Key replay, DELETE), an account's statuses, status search (`/api/v2/search`) and
 * tag timelines over `addPublicStatus` statuses, with `min_id` and `limit`. Tokens: `good-token`; `revoked-token`
 * → 401; `read-only-token` → 403 on writes. `failNext` queues failures (429 with
 * X-RateLimit-Reset, 5xx, a hang, malformed JSON) for the next requests.
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { sendFailure, type Failure, type Recorded } from './responses.js';

interface Status {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  content: string;
  url: string;
  uri: string;
  account: { id: string; acct: string; username: string; display_name: string; url: string };
  media_attachments: { id: string; type: string; url: string; description: string | null }[];
}

export interface FakeMastodon {
  url: string;
  requests: Recorded[];
  failNext: Failure[];
  /** Notifications, newest last (ids ascending). */
  notifications: {
    id: string;
    type: string;
    created_at: string;
    account: Status['account'];
    status: Status | null;
  }[];
  statuses: Map<string, Status>;
  addMention(id: string, status: Partial<Status> & { content: string }): void;
  /** A public status by someone else (or by the account itself with `own`), found by search. */
  addPublicStatus(id: string, content: string, options?: { own?: boolean }): void;
  close(): Promise<void>;
}

const SELF = {
  id: '100',
  acct: 'exampletrust',
  username: 'exampletrust',
  display_name: 'Example Trust',
  url: 'https://social.example/@exampletrust',
};
const PERSON = {
  id: '200',
  acct: 'pat@other.example',
  username: 'pat',
  display_name: 'Pat',
  url: 'https://other.example/@pat',
};

export async function startFakeMastodon(): Promise<FakeMastodon> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  let nextStatusId = 9000;
  const idempotency = new Map<string, string>();

  const fake: FakeMastodon = {
    url: '',
    requests: [],
    failNext: [],
    notifications: [],
    statuses: new Map(),
    addMention(id, partial) {
      const status: Status = {
        id: `s${id}`,
        created_at: '2025-06-10T09:00:00.000Z',
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        visibility: 'public',
        url: `https://other.example/@pat/s${id}`,
        uri: `https://other.example/users/pat/statuses/s${id}`,
        account: PERSON,
        media_attachments: [],
        ...partial,
      };
      fake.statuses.set(status.id, status);
      fake.notifications.push({
        id,
        type: 'mention',
        created_at: status.created_at,
        account: PERSON,
        status,
      });
    },
    addPublicStatus(id, content, options = {}) {
      const account = options.own ? SELF : PERSON;
      fake.statuses.set(id, {
        id,
        created_at: '2025-06-10T09:30:00.000Z',
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        visibility: 'public',
        content: `<p>${content}</p>`,
        url: `${account.url}/${id}`,
        uri: `${account.url.replace('/@', '/users/')}/statuses/${id}`,
        account,
        media_attachments: [],
      });
    },
    close: () => app.close(),
  };

  const cmpIds = (a: string, b: string) =>
    a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  /** Public statuses matching, as Mastodon pages them: min_id → the page right after it. */
  const matching = (test: (text: string) => boolean, q: Record<string, string | undefined>) => {
    const limit = Math.min(Number(q.limit ?? 20), 40);
    const list = [...fake.statuses.values()]
      .filter((st) => /^\d+$/.test(st.id) && st.visibility === 'public' && test(st.content))
      .sort((a, b) => cmpIds(a.id, b.id));
    const newer = q.min_id ? list.filter((st) => cmpIds(st.id, q.min_id as string) > 0) : list;
    return (q.min_id ? newer.slice(0, limit) : newer.slice(-limit)).reverse();
  };

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const auth = req.headers.authorization;
    if (auth === 'Bearer revoked-token' || !auth) {
      return reply.code(401).send({ error: 'The access token is invalid' });
    }
    if (auth === 'Bearer read-only-token' && req.method !== 'GET') {
      return reply.code(403).send({ error: 'This action is outside the authorized scopes' });
    }
    const failure = fake.failNext.shift();
    if (failure) return sendFailure(reply, failure, { error: 'Internal server error' });
  });
  app.addHook('preHandler', async (req) => {
    const [path] = req.url.split('?');
    fake.requests.push({
      method: req.method,
      path,
      query: { ...(req.query as Record<string, unknown>) },
      headers: { ...req.headers },
      body: req.body,
    });
  });

  app.get('/api/v1/accounts/verify_credentials', async () => SELF);

  app.get('/api/v1/notifications', async (req, reply) => {
    const q = req.query as Record<string, string | string[] | undefined>;
    const types = ([] as string[]).concat(q['types[]'] ?? []);
    const limit = Math.min(Number(q.limit ?? 15), 80);
    const cmp = (a: string, b: string) =>
      a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
    let list = fake.notifications.filter((n) => types.length === 0 || types.includes(n.type));
    if (q.max_id) list = list.filter((n) => cmp(n.id, q.max_id as string) < 0);
    let page: typeof list;
    if (q.min_id) {
      // min_id: the page immediately newer than min_id, returned newest first.
      page = list
        .filter((n) => cmp(n.id, q.min_id as string) > 0)
        .slice(0, limit)
        .reverse();
    } else {
      page = list.slice(-limit).reverse();
    }
    if (page.length > 0) {
      const base = `${fake.url}/api/v1/notifications?${types.map((t) => `types[]=${t}`).join('&')}&limit=${limit}`;
      reply.header(
        'link',
        `<${base}&max_id=${page[page.length - 1].id}>; rel="next", <${base}&min_id=${page[0].id}>; rel="prev"`,
      );
    }
    return page;
  });

  app.get('/api/v2/search', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    if (!q.q) return reply.code(400).send({ error: 'Validation failed: q is missing' });
    const needle = q.q.toLowerCase();
    const statuses =
      q.type && q.type !== 'statuses'
        ? []
        : matching((text) => text.toLowerCase().includes(needle), q);
    return { accounts: [], statuses, hashtags: [] };
  });

  app.get('/api/v1/timelines/tag/:tag', async (req) => {
    const tag = `#${(req.params as { tag: string }).tag.toLowerCase()}`;
    return matching(
      (text) => text.toLowerCase().includes(tag),
      req.query as Record<string, string | undefined>,
    );
  });

  app.get('/api/v1/statuses/:id', async (req, reply) => {
    const status = fake.statuses.get((req.params as { id: string }).id);
    if (!status) return reply.code(404).send({ error: 'Record not found' });
    return status;
  });

  app.get('/api/v1/accounts/:id/statuses', async (req) => {
    const id = (req.params as { id: string }).id;
    return [...fake.statuses.values()].filter((s) => s.account.id === id).reverse();
  });

  app.post('/api/v1/statuses', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && idempotency.has(key))
      return fake.statuses.get(idempotency.get(key) as string);
    const body = req.body as {
      status?: string;
      in_reply_to_id?: string;
      visibility?: Status['visibility'];
    };
    if (!body.status)
      return reply.code(422).send({ error: "Validation failed: Text can't be blank" });
    if (body.status.length > 500) {
      return reply
        .code(422)
        .send({ error: 'Validation failed: Text character limit of 500 exceeded' });
    }
    const id = String(nextStatusId++);
    const status: Status = {
      id,
      created_at: '2025-06-12T11:59:00.000Z',
      in_reply_to_id: body.in_reply_to_id ?? null,
      in_reply_to_account_id: null,
      visibility: body.visibility ?? 'public',
      content: `<p>${body.status.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      url: `https://social.example/@exampletrust/${id}`,
      uri: `https://social.example/users/exampletrust/statuses/${id}`,
      account: SELF,
      media_attachments: [],
    };
    fake.statuses.set(id, status);
    if (typeof key === 'string') idempotency.set(key, id);
    return status;
  });

  app.delete('/api/v1/statuses/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const status = fake.statuses.get(id);
    if (!status || status.account.id !== SELF.id)
      return reply.code(404).send({ error: 'Record not found' });
    fake.statuses.delete(id);
    return status;
  });

  fake.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return fake;
}
