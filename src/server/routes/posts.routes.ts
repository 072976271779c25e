/**
 * The publishing API (PUB-1, PUB-2, PUB-5, PUB-6): drafts and replies with their content check,
 * approval, scheduling and publishing, the content calendar, corrections with their history, and
 * the removal of a post that exposed personal data with its information-governance incident.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  POST_STATUSES,
  type IgIncident,
  type Post,
  type PostApproval,
  type PostRevision,
  type PublishAttempt,
} from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest } from '../errors.js';
import { PostsService } from '../services/posts.service.js';
import { OrgItemParams, OrgParams } from './schemas.js';

const Media = Type.Array(
  Type.Object(
    {
      type: Type.Union([Type.Literal('image'), Type.Literal('video')]),
      url: Type.Optional(Type.String({ maxLength: 2048 })),
      /** The file name people know it by (the web desk records media as described items). */
      name: Type.Optional(Type.String({ maxLength: 200 })),
      alt: Type.Optional(Type.String({ maxLength: 2000 })),
      captions: Type.Optional(Type.Boolean()),
      identifiable_people: Type.Optional(Type.Boolean()),
      consent: Type.Optional(Type.Boolean()),
      /** Where the consent is recorded, e.g. a consent form number (PUB-8). */
      consent_reference: Type.Optional(Type.String({ maxLength: 200 })),
      text_only: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  { maxItems: 10 },
);
const Reason = Type.String({ minLength: 3, maxLength: 2000 });
const Label = Type.String({ minLength: 1, maxLength: 64 });

const CreateBody = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('post'), Type.Literal('reply')])),
    account_id: Type.Optional(Type.Integer({ minimum: 1 })),
    in_reply_to: Type.Optional(Type.Integer({ minimum: 1 })),
    text: Type.String({ minLength: 1, maxLength: 10_000 }),
    media: Type.Optional(Media),
    override_reason: Type.Optional(Reason),
    campaign: Type.Optional(Label),
    category: Type.Optional(Label),
  },
  { additionalProperties: false },
);

const EditBody = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
    media: Type.Optional(Media),
    reason: Type.Optional(Reason),
    override_reason: Type.Optional(Reason),
    campaign: Type.Optional(Type.Union([Label, Type.Null()])),
    category: Type.Optional(Type.Union([Label, Type.Null()])),
  },
  { additionalProperties: false },
);

const SubmitBody = Type.Object(
  { override_reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
const ApproveBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    restricted_period: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
const RejectBody = Type.Object({ note: Reason }, { additionalProperties: false });
const ScheduleBody = Type.Object(
  {
    at: Type.Optional(Type.String({ format: 'date-time' })),
    crisis_override_reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
const PublishBody = Type.Object(
  { crisis_override_reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
const RemoveBody = Type.Object(
  {
    reason: Reason,
    kind: Type.Optional(
      Type.Union([Type.Literal('personal_data'), Type.Literal('commercially_sensitive')]),
    ),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Array(Type.Union(POST_STATUSES.map((s) => Type.Literal(s))), { maxItems: 8 }),
    ),
    account: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
const CalendarQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    campaign: Type.Optional(Label),
    category: Type.Optional(Label),
  },
  { additionalProperties: false },
);

function time(value: string | undefined, path: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw badRequest('validation_failed', `${path} is not a time.`, [
      { path, reason: 'is not a valid date-time' },
    ]);
  }
  return d;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A post as the API shows it (snake_case like the rest of the wire format). */
export function postView(post: Post) {
  return {
    id: post.id,
    kind: post.kind,
    account_id: post.accountId,
    in_reply_to: post.inReplyToItemId,
    text: post.text,
    media: post.media,
    status: post.status,
    scheduled_for: iso(post.scheduledFor),
    published_at: iso(post.publishedAt),
    platform_post_id: post.platformPostId,
    check: {
      verdict: post.checkVerdict,
      findings: post.checkFindings ?? [],
      override_reason: post.overrideReason,
    },
    version: post.version,
    campaign: post.campaign,
    category: post.category,
    created_by: post.createdBy,
    created_at: iso(post.createdAt),
    updated_at: iso(post.updatedAt),
  };
}

function approvalView(a: PostApproval) {
  return {
    user_id: a.userId,
    decision: a.decision,
    note: a.note,
    version: a.version,
    restricted_period: a.restrictedPeriod,
    at: iso(a.at),
  };
}

function revisionView(r: PostRevision) {
  return {
    version: r.version,
    text: r.text,
    media: r.media,
    edited_by: r.editedBy,
    edited_at: iso(r.editedAt),
    reason: r.reason,
  };
}

function attemptView(a: PublishAttempt) {
  return {
    version: a.version,
    client_ref: a.clientRef,
    started_at: iso(a.startedAt),
    finished_at: iso(a.finishedAt),
    outcome: a.outcome,
    platform_post_id: a.platformPostId,
    error: a.error,
  };
}

export function incidentView(i: IgIncident) {
  return {
    id: i.id,
    post_id: i.postId,
    kind: i.kind,
    reason: i.reason,
    platform: i.platform,
    platform_post_id: i.platformPostId,
    platform_deleted: i.platformDeleted,
    status: i.status,
    raised_by: i.raisedBy,
    raised_at: iso(i.raisedAt),
  };
}

export async function postRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const posts = new PostsService(desk);
  const tags = ['posts'];
  const params = (request: { params: unknown }) => request.params as { org: string; id: number };

  /** A post with its approvals: what every post route answers. */
  const full = async (
    orgId: number,
    post: Post,
    org: import('../../store/index.js').Organisation,
  ) => {
    const approvals = await desk.store.posts.approvals(orgId, post.id);
    const rule = posts.approvalRule(org);
    return {
      ...postView(post),
      approval: {
        required: rule.required,
        roles: rule.roles,
        clause: rule.clause,
        approved_by: posts.approversOf(post, approvals),
        decisions: approvals.map(approvalView),
      },
    };
  };

  app.post(
    '/api/orgs/:org/posts',
    {
      schema: {
        tags,
        summary: 'Draft a post, or a reply to an item; the content check runs at once',
        params: OrgParams,
        body: CreateBody,
      },
    },
    async (request, reply) => {
      const { org } = request.params as { org: string };
      const b = request.body as Static<typeof CreateBody>;
      const access = await orgAccess(desk, request, org, 'post.draft');
      const post = await posts.create(access, {
        kind: b.kind ?? (b.in_reply_to ? 'reply' : 'post'),
        accountId: b.account_id ?? null,
        inReplyToItemId: b.in_reply_to ?? null,
        text: b.text,
        media: b.media ?? null,
        overrideReason: b.override_reason ?? null,
        campaign: b.campaign ?? null,
        category: b.category ?? null,
      });
      reply.code(201);
      return full(access.org.id, post, access.org);
    },
  );

  app.get(
    '/api/orgs/:org/posts',
    { schema: { tags, summary: 'Posts, newest first', params: OrgParams, querystring: ListQuery } },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof ListQuery>;
      const access = await orgAccess(desk, request, org, 'post.read');
      const rows = await desk.store.posts.list(access.org.id, {
        ...(q.status ? { status: q.status } : {}),
        ...(q.account ? { accountId: q.account } : {}),
        limit: q.limit ?? 50,
      });
      return { posts: rows.map(postView) };
    },
  );

  app.get(
    '/api/orgs/:org/posts/calendar',
    {
      schema: {
        tags,
        summary: 'The content calendar: posts scheduled, paused or published in a time range',
        params: OrgParams,
        querystring: CalendarQuery,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof CalendarQuery>;
      const access = await orgAccess(desk, request, org, 'post.read');
      const from = time(q.from, '/querystring/from') as Date;
      const to = time(q.to, '/querystring/to') as Date;
      if (to <= from) {
        throw badRequest('validation_failed', '"to" must be after "from".', [
          { path: '/querystring/to', reason: 'not after from' },
        ]);
      }
      const rows = await desk.store.posts.calendar(access.org.id, {
        from,
        to,
        ...(q.campaign ? { campaign: q.campaign } : {}),
        ...(q.category ? { category: q.category } : {}),
      });
      const { profile } = desk.profiles.forOrganisation(access.org);
      return {
        posts: rows.map(postView),
        // Restricted periods overlapping the range, so the calendar can shade them (PUB-5).
        restricted_periods: profile.restrictedPeriods
          .filter((p) => p.start <= q.to.slice(0, 10) && p.end >= q.from.slice(0, 10))
          .map((p) => ({
            name: p.name,
            kind: p.kind,
            start: p.start,
            end: p.end,
            action: p.action,
            approver: p.approver ?? null,
            clause: p.clause,
          })),
      };
    },
  );

  app.get(
    '/api/orgs/:org/posts/:id',
    { schema: { tags, summary: 'One post with its check and approvals', params: OrgItemParams } },
    async (request) => {
      const { org, id } = params(request);
      const access = await orgAccess(desk, request, org, 'post.read');
      return full(access.org.id, await posts.get(access.org, id), access.org);
    },
  );

  app.patch(
    '/api/orgs/:org/posts/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a draft (sends a submitted or approved post back), or correct a published one',
        description:
          'Editing a published post is a correction: it needs `post.correct` and a `reason`, keeps the earlier text as a revision and publishes a visible correction.',
        params: OrgItemParams,
        body: EditBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = request.body as Static<typeof EditBody>;
      const access = await orgAccess(desk, request, org);
      const post = await posts.edit(access, id, {
        ...(b.text !== undefined ? { text: b.text } : {}),
        ...(b.media !== undefined ? { media: b.media } : {}),
        reason: b.reason ?? null,
        overrideReason: b.override_reason ?? null,
        ...(b.campaign !== undefined ? { campaign: b.campaign } : {}),
        ...(b.category !== undefined ? { category: b.category } : {}),
      });
      return full(access.org.id, post, access.org);
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft for approval (a warning needs override_reason)',
        params: OrgItemParams,
        body: SubmitBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = (request.body ?? {}) as Static<typeof SubmitBody>;
      const access = await orgAccess(desk, request, org, 'post.draft');
      const post = await posts.submit(access, id, { overrideReason: b.override_reason ?? null });
      return full(access.org.id, post, access.org);
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve (distinct approvers in the profile’s roles, never the author)',
        params: OrgItemParams,
        body: ApproveBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = (request.body ?? {}) as Static<typeof ApproveBody>;
      const access = await orgAccess(desk, request, org, 'post.approve');
      const post = await posts.approve(access, id, {
        note: b.note ?? null,
        restrictedPeriod: b.restricted_period ?? null,
      });
      return full(access.org.id, post, access.org);
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject with a note: back to draft',
        params: OrgItemParams,
        body: RejectBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = request.body as Static<typeof RejectBody>;
      const access = await orgAccess(desk, request, org, 'post.approve');
      const post = await posts.reject(access, id, b.note);
      return full(access.org.id, post, access.org);
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Schedule an approved post (or re-confirm a paused one); no time means now',
        params: OrgItemParams,
        body: ScheduleBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = (request.body ?? {}) as Static<typeof ScheduleBody>;
      const access = await orgAccess(desk, request, org, 'post.publish');
      const at = time(b.at, '/body/at');
      const post = await posts.schedule(access, id, {
        at: at ?? null,
        crisisOverrideReason: b.crisis_override_reason ?? null,
      });
      return full(access.org.id, post, access.org);
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish an approved post now (through the publishing job)',
        params: OrgItemParams,
        body: PublishBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = (request.body ?? {}) as Static<typeof PublishBody>;
      const access = await orgAccess(desk, request, org, 'post.publish');
      const post = await posts.schedule(access, id, {
        at: null,
        crisisOverrideReason: b.crisis_override_reason ?? null,
      });
      return full(access.org.id, post, access.org);
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/unschedule',
    { schema: { tags, summary: 'Take a post off the schedule', params: OrgItemParams } },
    async (request) => {
      const { org, id } = params(request);
      const access = await orgAccess(desk, request, org, 'post.publish');
      const post = await posts.unschedule(access, id);
      return full(access.org.id, post, access.org);
    },
  );

  app.get(
    '/api/orgs/:org/posts/:id/history',
    {
      schema: {
        tags,
        summary: 'Every version of a post, its approvals and publish attempts (PUB-6)',
        params: OrgItemParams,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const access = await orgAccess(desk, request, org, 'post.read');
      const h = await posts.history(access.org, id);
      return {
        post: postView(h.post),
        current_version: h.post.version,
        revisions: h.revisions.map(revisionView),
        approvals: h.approvals.map(approvalView),
        attempts: h.attempts.map(attemptView),
      };
    },
  );

  app.post(
    '/api/orgs/:org/posts/:id/remove-personal-data',
    {
      schema: {
        tags,
        summary:
          'Delete a published post that exposed personal data, redact it and raise an IG incident',
        params: OrgItemParams,
        body: RemoveBody,
      },
    },
    async (request) => {
      const { org, id } = params(request);
      const b = request.body as Static<typeof RemoveBody>;
      const access = await orgAccess(desk, request, org, 'post.remove_personal_data');
      const { post, incident } = await posts.removePersonalData(access, id, {
        reason: b.reason,
        kind: b.kind ?? 'personal_data',
      });
      return { post: postView(post), incident: incidentView(incident) };
    },
  );

  app.get(
    '/api/orgs/:org/ig-incidents',
    {
      schema: {
        tags: ['governance'],
        summary: 'Information-governance incidents raised by removed posts (PUB-6)',
        params: OrgParams,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'audit.read');
      const rows = await desk.store.posts.incidents(access.org.id);
      return { incidents: rows.map(incidentView) };
    },
  );
}
