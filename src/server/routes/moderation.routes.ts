/**
 * Moderation: the staff-network moderation queue (STF-6) and hiding or deleting an item's
 * message on its platform, with a reason. Thin: the rules live in moderation.service.ts.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { ModerationService } from '../services/moderation.service.js';
import { itemView } from './items.routes.js';
import { OrgItemParams, OrgParams } from './schemas.js';

const QueueQuery = Type.Object(
  {
    /** `all`: every open internal-network item, with its reasons (empty when none). */
    include: Type.Optional(Type.Union([Type.Literal('flagged'), Type.Literal('all')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const ModerateBody = Type.Object(
  {
    action: Type.Union([Type.Literal('hide'), Type.Literal('delete')]),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export async function moderationRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const service = new ModerationService(desk);

  app.get(
    '/api/orgs/:org/moderation',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Staff network messages that break its rules of engagement (STF-6)',
        params: OrgParams,
        querystring: QueueQuery,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof QueueQuery>;
      const access = await orgAccess(desk, request, org, 'item.moderate');
      const entries = await service.queue(access.org, {
        all: q.include === 'all',
        limit: q.limit ?? 50,
      });
      return {
        items: entries.map((e) => ({
          ...itemView(e.item),
          moderation: {
            flagged: e.reasons.length > 0,
            reasons: e.reasons.map((r) => ({
              source: r.source,
              message: r.message,
              clause: r.clause,
              quote: r.quote,
            })),
          },
        })),
      };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/moderate',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Hide or delete the item’s message on its platform, with a reason (audited)',
        params: OrgItemParams,
        body: ModerateBody,
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as Static<typeof ModerateBody>;
      const access = await orgAccess(desk, request, org, 'item.moderate');
      const out = await service.moderate(access.org, id, body, access.actor);
      return {
        item: itemView(out.item),
        moderation: { action: out.action, already_gone: out.alreadyGone },
      };
    },
  );
}
