/**
 * Escalations: the open ones, one item's, acknowledging an on-call or breach escalation (INB-4),
 * and escalating a concern to managers, a team or a partner (INB-12).
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { ESCALATION_KINDS, type Escalation, type EscalationKind } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { notFound } from '../errors.js';
import { EscalationService } from '../services/escalation.service.js';
import { OrgItemParams, OrgParams } from './schemas.js';

export function escalationView(e: Escalation) {
  return {
    id: e.id,
    item_id: e.itemId,
    kind: e.kind,
    level: e.level,
    target: e.target,
    person_id: e.personId,
    recipient: e.recipient,
    reason: e.reason,
    shift_id: e.shiftId,
    notified_at: e.notifiedAt.toISOString(),
    acknowledged_at: e.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: e.acknowledgedBy,
    next_at: e.nextAt?.toISOString() ?? null,
    created_by: e.createdBy,
  };
}

const ListQuery = Type.Object(
  {
    open: Type.Optional(Type.Boolean()),
    kind: Type.Optional(Type.Union(ESCALATION_KINDS.map((k) => Type.Literal(k)))),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const EscalationParams = Type.Object({
  org: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  id: Type.Integer({ minimum: 1 }),
});

const ConcernBody = Type.Object(
  {
    to: Type.Union([Type.Literal('managers'), Type.Literal('team'), Type.Literal('partner')]),
    team: Type.Optional(Type.String({ pattern: '^[a-z_]{2,32}$' })),
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export async function escalationRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const escalations = new EscalationService(desk);

  app.get(
    '/api/orgs/:org/escalations',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Escalations, newest first (open=true: not yet acknowledged)',
        params: OrgParams,
        querystring: ListQuery,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof ListQuery>;
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const list = await desk.store.oncall.escalations(access.org.id, {
        ...(q.open !== undefined ? { open: q.open } : {}),
        ...(q.kind ? { kind: q.kind as EscalationKind } : {}),
        limit: q.limit ?? 50,
      });
      return { escalations: list.map(escalationView) };
    },
  );

  app.get(
    '/api/orgs/:org/items/:id/escalations',
    {
      schema: { tags: ['on-call'], summary: "One item's escalations", params: OrgItemParams },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org, 'inbox.read');
      if (!(await desk.store.items.get(access.org.id, id))) throw notFound('item');
      const list = await desk.store.oncall.escalationsForItem(access.org.id, id);
      return { escalations: list.map(escalationView) };
    },
  );

  app.post(
    '/api/orgs/:org/escalations/:id/acknowledge',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Acknowledge an escalation: the chain stops going to the next person',
        params: EscalationParams,
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org, 'oncall.acknowledge');
      const done = await escalations.acknowledge(access.org, id, access.actor);
      return { acknowledged: done.map(escalationView) };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/escalations',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Escalate a concern about safety, care or behaviour (INB-12)',
        description:
          'To the communications managers, a team the profile names (quality, safeguarding, governance…) or a partner the profile names. The reason stays in the desk; notifications carry only a link and the labels.',
        params: OrgItemParams,
        body: ConcernBody,
      },
    },
    async (request, reply) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as Static<typeof ConcernBody>;
      const access = await orgAccess(desk, request, org, 'item.handoff');
      const e = await escalations.raiseConcern(
        access.org,
        id,
        {
          to: body.to,
          reason: body.reason,
          ...(body.team ? { team: body.team } : {}),
          ...(body.partner ? { partner: body.partner } : {}),
        },
        access.actor,
      );
      return reply.status(201).send({ escalation: escalationView(e) });
    },
  );
}
