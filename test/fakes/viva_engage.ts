/**
 * A fake Viva Engage (Yammer REST API v1): messages/in_group/{id}.json with newer_than /
 * older_than, 20 per page, references and meta.older_available; DELETE messages/{id};
 * users/current.json. Tokens: `good-token`; `expired-token` → 401; `member-token` → 403 on
 * delete (only admins may delete others' messages). `failNext` queues failures.
 */
import Fastify from 'fastify';
import { sendFailure, type Failure } from './responses.js';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

interface Message {
  id: number;
  sender_id: number;
  replied_to_id: number | null;
  thread_id: number;
  group_id: number;
  created_at: string;
  body: { plain: string; parsed: string; rich: string };
  web_url: string;
  message_type: 'update';
  privacy: 'public';
  attachments: { type: string; web_url: string; name: string; content_type: string }[];
}

export interface FakeVivaEngage {
  url: string;
  requests: Recorded[];
  failNext: Failure[];
  messages: Message[];
  addMessage(
    id: number,
    groupId: number,
    text: string,
    createdAt: string,
    repliedTo?: number,
  ): void;
  close(): Promise<void>;
}

const PAGE = 20;

export async function startFakeVivaEngage(): Promise<FakeVivaEngage> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const fake: FakeVivaEngage = {
    url: '',
    requests: [],
    failNext: [],
    messages: [],
    addMessage(id, groupId, text, createdAt, repliedTo) {
      const parent = repliedTo ? fake.messages.find((m) => m.id === repliedTo) : undefined;
      fake.messages.push({
        id,
        sender_id: 1500 + (id % 3),
        replied_to_id: repliedTo ?? null,
        thread_id: parent ? parent.thread_id : id,
        group_id: groupId,
        created_at: createdAt,
        body: { plain: text, parsed: text, rich: `<p>${text}</p>` },
        web_url: `https://web.yammer.com/main/threads/${parent ? parent.thread_id : id}`,
        message_type: 'update',
        privacy: 'public',
        attachments:
          id === 1001
            ? [
                {
                  type: 'image',
                  web_url: 'https://files.example/photo.jpg',
                  name: 'photo.jpg',
                  content_type: 'image/jpeg',
                },
              ]
            : [],
      });
    },
    close: () => app.close(),
  };

  app.addHook('onRequest', async (req, reply) => {
    fake.requests.push({
      method: req.method,
      path: req.url.split('?')[0],
      query: { ...(req.query as Record<string, unknown>) },
      headers: { ...req.headers },
    });
    const failure = fake.failNext.shift();
    if (failure)
      return sendFailure(reply, failure, { response: { message: 'Internal error', stat: 'fail' } });
    const auth = req.headers.authorization;
    if (auth === 'Bearer expired-token' || !auth) {
      return reply
        .code(401)
        .send({ response: { message: 'Token not found.', code: 16, stat: 'fail' } });
    }
    if (auth === 'Bearer member-token' && req.method === 'DELETE') {
      return reply.code(403).send({
        response: { message: 'You are not authorized to delete this message.', stat: 'fail' },
      });
    }
  });

  app.get('/api/v1/users/current.json', async () => ({
    id: 1,
    full_name: 'Comms Admin',
    admin: 'true',
  }));

  app.get('/api/v1/messages/in_group/:file', async (req, reply) => {
    const groupId = Number((req.params as { file: string }).file.replace(/\.json$/, ''));
    const q = req.query as Record<string, string>;
    let list = fake.messages.filter((m) => m.group_id === groupId).sort((a, b) => b.id - a.id);
    if (q.newer_than) list = list.filter((m) => m.id > Number(q.newer_than));
    if (q.older_than) list = list.filter((m) => m.id < Number(q.older_than));
    if (fake.messages.every((m) => m.group_id !== groupId))
      return reply.code(404).send({ response: { message: 'Group not found', stat: 'fail' } });
    const page = list.slice(0, PAGE);
    const senders = [...new Set(page.map((m) => m.sender_id))];
    return {
      messages: page,
      references: [
        ...senders.map((id) => ({
          type: 'user',
          id,
          full_name: `Staff Member ${id}`,
          name: `staff${id}`,
        })),
        { type: 'group', id: groupId, full_name: 'Ward 5 team' },
      ],
      meta: { older_available: list.length > PAGE, requested_poll_interval: 60 },
    };
  });

  app.delete('/api/v1/messages/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const before = fake.messages.length;
    fake.messages = fake.messages.filter((m) => m.id !== id);
    if (fake.messages.length === before)
      return reply.code(404).send({ response: { message: 'Message not found', stat: 'fail' } });
    return reply.code(200).send();
  });

  fake.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return fake;
}
