/**
 * The inbox API: batch ingest (idempotent on platform + external id), the inbox and search, one
 * item with its evidence and history, and the work on it.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { ITEM_STATUSES, type ItemStatus } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest, notFound, unauthenticated } from '../errors.js';
import { ItemsService, MAX_BATCH, type IncomingItem } from '../services/items.service.js';
import { OrgItemParams, OrgParams } from './schemas.js';

const IngestItem = Type.Object(
  {
    platform: Type.String({ pattern: '^[a-z_]{1,32}$' }),
    external_id: Type.String({ minLength: 1, maxLength: 256 }),
    kind: Type.Union([
      Type.Literal('comment'),
      Type.Literal('reply'),
      Type.Literal('dm'),
      Type.Literal('mention'),
      Type.Literal('post'),
      Type.Literal('review'),
    ]),
    text: Type.String({ maxLength: 20_000 }),
    received_at: Type.String({ format: 'date-time' }),
    author: Type.Optional(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 256 }),
          name: Type.Optional(Type.String({ maxLength: 256 })),
        },
        { additionalProperties: false },
      ),
    ),
    account: Type.Optional(Type.String({ maxLength: 256 })),
    conversation_id: Type.Optional(Type.String({ maxLength: 256 })),
    permalink: Type.Optional(Type.String({ maxLength: 2048 })),
    media: Type.Optional(
      Type.Array(
        Type.Object(
          {
            type: Type.Union([
              Type.Literal('image'),
              Type.Literal('video'),
              Type.Literal('link'),
              Type.Literal('file'),
            ]),
            url: Type.String({ maxLength: 2048 }),
            alt_text: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);
const IngestBody = Type.Object(
  { items: Type.Array(IngestItem, { minItems: 1, maxItems: MAX_BATCH }) },
  { additionalProperties: false },
);
type IngestBodyT = Static<typeof IngestBody>;

function toIncoming(i: Static<typeof IngestItem>, index: number): IncomingItem {
  const receivedAt = new Date(i.received_at);
  if (Number.isNaN(receivedAt.getTime())) {
    throw badRequest('validation_failed', 'received_at is not a time.', [
      { path: `/body/items/${index}/received_at`, reason: 'is not a valid date-time' },
    ]);
  }
  return {
    platform: i.platform,
    externalId: i.external_id,
    kind: i.kind,
    text: i.text,
    receivedAt,
    author: i.author ? { platformAuthorId: i.author.id, displayName: i.author.name ?? null } : null,
    account: i.account ?? null,
    conversationId: i.conversation_id ?? null,
    permalink: i.permalink ?? null,
    media: i.media ?? null,
  };
}

const InboxQuery = Type.Object(
  {
    label: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
    account: Type.Optional(Type.Integer({ minimum: 1 })),
    platform: Type.Optional(Type.String({ pattern: '^[a-z_]{1,32}$' })),
    status: Type.Optional(
      Type.Array(Type.Union(ITEM_STATUSES.map((s) => Type.Literal(s))), { maxItems: 6 }),
    ),
    urgent: Type.Optional(Type.Boolean()),
    assignee: Type.Optional(Type.String({ pattern: '^(me|none|[0-9]+)$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

/** An item as the API shows it (snake_case like the rest of the wire format). */
export function handoffView(h: import('../../store/index.js').Handoff) {
  return {
    ...h,
    sentAt: h.sentAt.toISOString(),
    dueAt: h.dueAt?.toISOString() ?? null,
    acceptedAt: h.acceptedAt?.toISOString() ?? null,
    closedAt: h.closedAt?.toISOString() ?? null,
  };
}

export function itemView(item: import('../../store/index.js').Item) {
  return {
    id: item.id,
    platform: item.platform,
    external_id: item.externalId,
    kind: item.kind,
    account_id: item.accountId,
    author_id: item.authorId,
    conversation_id: item.conversationId,
    text: item.text,
    media: item.media,
    received_at: item.receivedAt.toISOString(),
    labels: item.labels,
    urgent: item.urgent,
    routes: item.routes,
    sentiment: item.sentiment,
    due_at: item.dueAt?.toISOString() ?? null,
    status: item.status,
    assignee_id: item.assigneeId,
    erased: item.erasedAt !== null,
    erased_at: item.erasedAt?.toISOString() ?? null,
    triage: item.triage,
  };
}

export async function itemRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const items = new ItemsService(desk);

  const ingest = async (orgSlug: string | null, request: import('fastify').FastifyRequest) => {
    const body = request.body as IngestBodyT;
    let slug = orgSlug;
    if (slug === null) {
      const p = request.principal;
      if (!p) throw unauthenticated();
      if (p.kind !== 'token') {
        throw badRequest(
          'organisation_required',
          'Use /api/orgs/{org}/items when signed in; /api/items is for API tokens.',
        );
      }
      const org = await desk.store.organisations.get(p.token.organisationId);
      if (!org) throw notFound('organisation');
      slug = org.slug;
    }
    const access = await orgAccess(desk, request, slug, 'inbox.ingest');
    const incoming = body.items.map(toIncoming);
    const results = await items.ingest(access.org, incoming, access.actor);
    return {
      results: results.map((r, i) => ({
        external_id: body.items[i]!.external_id,
        platform: body.items[i]!.platform,
        id: r.id,
        created: r.created,
      })),
      created: results.filter((r) => r.created).length,
      repeats: results.filter((r) => !r.created).length,
    };
  };

  const ingestSchema = {
    tags: ['inbox'],
    summary: 'Ingest a batch of items (idempotent on platform + external_id)',
    description:
      'Each item is triaged on arrival. When the response is sent, the batch is durably stored. Repeats change nothing and come back with `created: false`.',
    body: IngestBody,
  };
  app.post(
    '/api/orgs/:org/items',
    { schema: { ...ingestSchema, params: OrgParams } },
    async (request) => ingest((request.params as { org: string }).org, request),
  );
  app.post('/api/items', { schema: ingestSchema }, async (request) => ingest(null, request));

  app.get(
    '/api/orgs/:org/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Open items, most urgent and soonest due first',
        params: OrgParams,
        querystring: InboxQuery,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof InboxQuery>;
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const assignee =
        q.assignee === undefined
          ? undefined
          : q.assignee === 'none'
            ? null
            : q.assignee === 'me'
              ? (access.user?.id ?? null)
              : Number(q.assignee);
      const page = await desk.store.items.inbox(access.org.id, {
        limit: q.limit ?? 50,
        ...(q.label ? { labels: q.label } : {}),
        ...(q.account ? { accountId: q.account } : {}),
        ...(q.platform ? { platform: q.platform } : {}),
        ...(q.status ? { status: q.status as ItemStatus[] } : {}),
        ...(q.urgent !== undefined ? { urgent: q.urgent } : {}),
        ...(assignee !== undefined ? { assignee } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return { items: page.rows.map(itemView), next_cursor: page.nextCursor };
    },
  );

  app.get(
    '/api/orgs/:org/search',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Full-text search (erased items never match)',
        params: OrgParams,
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const { q, limit } = request.query as { q: string; limit?: number };
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const found = await desk.store.items.search(access.org.id, q, limit ?? 50);
      return { items: found.map(itemView) };
    },
  );

  app.get(
    '/api/orgs/:org/items/:id',
    {
      schema: {
        tags: ['inbox'],
        summary: 'One item with its evidence, actions, hand-offs, consultations and history',
        params: OrgItemParams,
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org);
      const { item, handoffs } = await items.view(access, id);
      const [consultations, steps, corrections, history] = await Promise.all([
        desk.store.itemWork.consultations(access.org.id, id),
        desk.store.itemWork.stepsDone(access.org.id, id),
        desk.store.items.labelCorrections(access.org.id, id),
        desk.store.audit.history(access.org.id, 'item', id),
      ]);
      const current = await items.currentActions(access.org, item);
      return {
        item: itemView(item),
        ...(current
          ? {
              author_context: current.author,
              // The checklist again, with the author's history (supersedes item.triage.actions).
              actions: current.actions,
            }
          : {}),
        handoffs: handoffs.map(handoffView),
        consultations,
        steps_done: steps,
        label_corrections: corrections,
        history: history.map((h) => ({
          seq: h.seq,
          at: h.at.toISOString(),
          actor: h.actor,
          action: h.action,
          before: h.before,
          after: h.after,
        })),
      };
    },
  );

  app.patch(
    '/api/orgs/:org/items/:id',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Change status or assignment',
        params: OrgItemParams,
        body: Type.Object(
          {
            status: Type.Optional(Type.Union(ITEM_STATUSES.map((s) => Type.Literal(s)))),
            from_status: Type.Optional(Type.Union(ITEM_STATUSES.map((s) => Type.Literal(s)))),
            assignee: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as {
        status?: ItemStatus;
        from_status?: ItemStatus;
        assignee?: number | null;
      };
      const access = await orgAccess(desk, request, org, 'item.work');
      let item = await items.get(access.org, id);
      if (body.assignee !== undefined)
        item = await items.assign(access.org, id, body.assignee, access.actor);
      if (body.status)
        item = await items.setStatus(access.org, id, body.status, access.actor, body.from_status);
      return { item: itemView(item) };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/handoffs',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Hand the item off to a team, with its own due time',
        params: OrgItemParams,
        body: Type.Object(
          {
            route: Type.String({ pattern: '^[a-z_]{2,32}$' }),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
            sent_to: Type.Optional(Type.String({ maxLength: 320 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as { route: string; note?: string; sent_to?: string };
      const access = await orgAccess(desk, request, org, 'item.handoff');
      const h = await items.handoff(
        access.org,
        id,
        { route: body.route, note: body.note ?? null, sentTo: body.sent_to ?? null },
        access.actor,
      );
      return reply.status(201).send({ handoff: handoffView(h) });
    },
  );

  app.get(
    '/api/orgs/:org/handoffs',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'What was handed to your team (INB-8): open hand-offs by due time, or the recently closed',
        params: Type.Object({ org: Type.String() }),
        querystring: Type.Object({
          closed: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as { closed?: boolean; limit?: number };
      const access = await orgAccess(desk, request, org);
      if (!access.can('inbox.read')) access.require('handoff.read');
      const queue = await items.teamQueue(access, {
        closed: q.closed ?? false,
        limit: q.limit ?? 100,
      });
      return {
        handoffs: queue.map(({ handoff, item }) => ({
          ...handoffView(handoff),
          item: itemView(item),
        })),
      };
    },
  );

  const HandoffParams = Type.Object({
    org: Type.String(),
    id: Type.Integer({ minimum: 1 }),
    hid: Type.Integer({ minimum: 1 }),
  });

  app.post(
    '/api/orgs/:org/items/:id/handoffs/:hid/accept',
    {
      schema: {
        tags: ['inbox'],
        summary: 'The receiving team takes the hand-off on, with its own case reference',
        params: HandoffParams,
        body: Type.Object(
          { reference: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id, hid } = request.params as { org: string; id: number; hid: number };
      const access = await orgAccess(desk, request, org);
      if (!access.can('item.handoff')) access.require('handoff.respond');
      const body = (request.body ?? {}) as { reference?: string };
      return {
        handoff: handoffView(
          await items.acceptHandoff(access, id, hid, { reference: body.reference ?? null }),
        ),
      };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/handoffs/:hid/close',
    {
      schema: {
        tags: ['inbox'],
        summary: 'The receiving team closes the hand-off with what happened',
        params: HandoffParams,
        body: Type.Object(
          { outcome: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id, hid } = request.params as { org: string; id: number; hid: number };
      const access = await orgAccess(desk, request, org);
      if (!access.can('item.handoff')) access.require('handoff.respond');
      const { outcome } = request.body as { outcome: string };
      return { handoff: handoffView(await items.closeHandoff(access, id, hid, outcome)) };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/consultations',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Ask a colleague (INB-9), with its own due time',
        params: OrgItemParams,
        body: Type.Object(
          {
            colleague: Type.String({ minLength: 1, maxLength: 320 }),
            question: Type.Optional(Type.String({ maxLength: 4000 })),
            due_working_minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 * 24 * 30 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as {
        colleague: string;
        question?: string;
        due_working_minutes?: number;
      };
      const access = await orgAccess(desk, request, org, 'item.work');
      const c = await items.consult(
        access.org,
        id,
        {
          colleague: body.colleague,
          question: body.question ?? null,
          ...(body.due_working_minutes ? { dueWorkingMinutes: body.due_working_minutes } : {}),
        },
        access.actor,
      );
      return reply.status(201).send({ consultation: c });
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/consultations/:cid/answer',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Record the colleague’s answer',
        params: Type.Object({
          org: Type.String(),
          id: Type.Integer({ minimum: 1 }),
          cid: Type.Integer({ minimum: 1 }),
        }),
        body: Type.Object(
          { answer: Type.String({ minLength: 1, maxLength: 8000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id, cid } = request.params as { org: string; id: number; cid: number };
      const access = await orgAccess(desk, request, org);
      if (!access.can('item.work') && !access.can('handoff.respond')) access.require('item.work');
      return {
        consultation: await items.answerConsultation(
          access.org,
          id,
          cid,
          (request.body as { answer: string }).answer,
          access.actor,
        ),
      };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/steps/:action',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Tick a step of the action checklist',
        params: Type.Object({
          org: Type.String(),
          id: Type.Integer({ minimum: 1 }),
          action: Type.String({ pattern: '^[a-z_]{1,64}$' }),
        }),
      },
    },
    async (request) => {
      const { org, id, action } = request.params as { org: string; id: number; action: string };
      const access = await orgAccess(desk, request, org, 'item.work');
      return { step: await items.markStep(access.org, id, action, access.actor) };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/labels',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Correct the triage labels, with a reason',
        params: OrgItemParams,
        body: Type.Object(
          {
            add: Type.Optional(
              Type.Array(Type.String({ pattern: '^[a-z_]{2,32}$' }), { maxItems: 13 }),
            ),
            remove: Type.Optional(
              Type.Array(Type.String({ pattern: '^[a-z_]{2,32}$' }), { maxItems: 13 }),
            ),
            reason: Type.String({ minLength: 3, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as { add?: string[]; remove?: string[]; reason: string };
      const access = await orgAccess(desk, request, org, 'item.work');
      if (!access.user)
        throw badRequest('person_required', 'Label corrections are made by a person, not a token.');
      const item = await items.correctLabels(
        access.org,
        id,
        { add: body.add ?? [], remove: body.remove ?? [], reason: body.reason },
        access.user.id,
      );
      return { item: item ? itemView(item) : null };
    },
  );

  app.post(
    '/api/orgs/:org/items/:id/erase',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Erase the item’s personal content after hand-off, leaving a tombstone (INB-11)',
        params: OrgItemParams,
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org, 'item.erase');
      const item = await items.erase(access.org, id, access.actor);
      return { item: item ? itemView(item) : null };
    },
  );
}
