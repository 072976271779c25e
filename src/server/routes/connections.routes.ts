/**
 * Connecting accounts (credentials.manage) and the public webhook endpoint platforms call. The
 * webhook route reads the body as raw bytes: signatures are computed over exactly what was sent.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { ConnectionsService } from '../services/connections.service.js';
import { OrgParams } from './schemas.js';

export async function connectionRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const service = new ConnectionsService(desk);

  app.post(
    '/api/orgs/:org/connections',
    {
      schema: {
        tags: ['connections'],
        summary: 'Connect an account to its platform (credentials are stored encrypted)',
        params: OrgParams,
        body: Type.Object(
          {
            account_id: Type.Integer({ minimum: 1 }),
            credentials: Type.Record(Type.String(), Type.Unknown()),
            webhook_secret: Type.Optional(Type.String({ minLength: 8, maxLength: 512 })),
            webhook_verify_token: Type.Optional(Type.String({ minLength: 8, maxLength: 512 })),
            base_url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 512 })),
            poll_minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
            mention_queries: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10 }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { org } = request.params as { org: string };
      const b = request.body as {
        account_id: number;
        credentials: Record<string, unknown>;
        webhook_secret?: string;
        webhook_verify_token?: string;
        base_url?: string;
        poll_minutes?: number;
        mention_queries?: string[];
      };
      const access = await orgAccess(desk, request, org, 'credentials.manage');
      const c = await service.connect(
        access.org,
        {
          accountId: b.account_id,
          credentials: b.credentials,
          webhookSecret: b.webhook_secret ?? null,
          webhookVerifyToken: b.webhook_verify_token ?? null,
          baseUrl: b.base_url ?? null,
          ...(b.poll_minutes ? { pollMinutes: b.poll_minutes } : {}),
          ...(b.mention_queries ? { mentionQueries: b.mention_queries } : {}),
        },
        access.actor,
      );
      return reply.status(201).send({
        connection: {
          id: c.id,
          account_id: c.accountId,
          platform: c.platform,
          webhook_url: `${desk.config.publicUrl}/webhooks/${c.id}`,
          health: c.health.state,
        },
      });
    },
  );

  app.get(
    '/api/orgs/:org/connections',
    {
      schema: {
        tags: ['connections'],
        summary: 'Connections and their health ("reconnect needed" shows at once)',
        params: OrgParams,
      },
    },
    async (request) => {
      const access = await orgAccess(
        desk,
        request,
        (request.params as { org: string }).org,
        'account.read',
      );
      const list = await desk.store.connections.list(access.org.id);
      return {
        connections: list.map((c) => ({
          id: c.id,
          account_id: c.accountId,
          platform: c.platform,
          health: {
            state: c.health.state,
            reason: c.health.reason,
            checked_at: c.health.checkedAt?.toISOString() ?? null,
          },
          webhook_rejections: c.webhookRejections,
        })),
      };
    },
  );

  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    // An oversized delivery is refused (413) before it reaches the connector: count it too.
    raw.addHook('onError', async (request, _reply, error) => {
      const status = (error as { statusCode?: number }).statusCode;
      const id = Number((request.params as { id?: unknown }).id);
      if (status === 413 && Number.isInteger(id) && id > 0) await service.countRefused(id);
    });
    const handle = async (
      request: import('fastify').FastifyRequest,
      reply: import('fastify').FastifyReply,
    ) => {
      const { id } = request.params as { id: number };
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(request.headers))
        headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      const out = await service.webhook(id, {
        method: request.method,
        headers,
        query: request.query as Record<string, string | undefined>,
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      });
      if (out.headers) for (const [k, v] of Object.entries(out.headers)) reply.header(k, v);
      return reply.status(out.status).send(out.body);
    };
    const schema = {
      tags: ['connections'],
      summary: 'Platform webhook deliveries and handshakes',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    };
    raw.get('/webhooks/:id', { schema }, handle);
    raw.post('/webhooks/:id', { schema, config: { rateLimit: false } }, handle);
  });
}
