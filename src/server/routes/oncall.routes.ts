/** The on-call rota (INB-4): shifts with start, end and the people on call in order. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { OncallShift } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { OncallService } from '../services/oncall.service.js';
import { OrgParams } from './schemas.js';

const ShiftBody = Type.Object(
  {
    starts_at: Type.String({ format: 'date-time' }),
    ends_at: Type.String({ format: 'date-time' }),
    people: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
type ShiftBodyT = Static<typeof ShiftBody>;

const ShiftParams = Type.Object({
  org: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  id: Type.Integer({ minimum: 1 }),
});

const RangeQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export function shiftView(s: OncallShift) {
  return {
    id: s.id,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
    people: s.people,
    note: s.note,
    updated_at: s.updatedAt.toISOString(),
  };
}

const toShift = (b: ShiftBodyT) => ({
  startsAt: new Date(b.starts_at),
  endsAt: new Date(b.ends_at),
  people: b.people,
  note: b.note ?? null,
});

export async function oncallRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const oncall = new OncallService(desk);

  app.get(
    '/api/orgs/:org/oncall/shifts',
    {
      schema: {
        tags: ['on-call'],
        summary: 'The on-call rota: shifts overlapping a period',
        params: OrgParams,
        querystring: RangeQuery,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof RangeQuery>;
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const shifts = await oncall.list(access.org, {
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
      });
      return { shifts: shifts.map(shiftView) };
    },
  );

  app.get(
    '/api/orgs/:org/oncall/now',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Who is on call now, in the order they are called',
        params: OrgParams,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const shift = await oncall.now(access.org);
      return { shift: shift ? shiftView(shift) : null };
    },
  );

  app.post(
    '/api/orgs/:org/oncall/shifts',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Add a shift to the rota',
        params: OrgParams,
        body: ShiftBody,
      },
    },
    async (request, reply) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'oncall.manage');
      const shift = await oncall.create(
        access.org,
        toShift(request.body as ShiftBodyT),
        access.actor,
      );
      return reply.status(201).send({ shift: shiftView(shift) });
    },
  );

  app.put(
    '/api/orgs/:org/oncall/shifts/:id',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Change a shift',
        params: ShiftParams,
        body: ShiftBody,
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org, 'oncall.manage');
      const shift = await oncall.update(
        access.org,
        id,
        toShift(request.body as ShiftBodyT),
        access.actor,
      );
      return { shift: shiftView(shift) };
    },
  );

  app.delete(
    '/api/orgs/:org/oncall/shifts/:id',
    { schema: { tags: ['on-call'], summary: 'Remove a shift', params: ShiftParams } },
    async (request, reply) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org, 'oncall.manage');
      await oncall.remove(access.org, id, access.actor);
      return reply.status(204).send();
    },
  );
}
