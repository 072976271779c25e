/**
 * Posts and replies: drafts that are checked, approved, scheduled and published (PUB-1, PUB-2,
 * PUB-5), with every edit kept as a revision rather than lost (PUB-6).
 */
import type { Selectable } from 'kysely';
import {
  actorText,
  bool,
  dateOrNull,
  fromBool,
  fromActor,
  fromJson,
  inTransaction,
  isoOrNull,
  jsonOrNull,
  numberOrNull,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import {
  POST_STATUSES,
  type Actor,
  type NewPost,
  type Post,
  type PostApproval,
  type PostRevision,
  type PostStatus,
} from './model.js';
import type { IgIncidentsTable, PostApprovalsTable, PostsTable } from './schema.js';

function checkStatus(status: string): PostStatus {
  if (!(POST_STATUSES as readonly string[]).includes(status)) {
    throw new TypeError(
      `Unexpected status "${status}", expected one of ${POST_STATUSES.join(', ')}`,
    );
  }
  return status as PostStatus;
}

export class PostRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(organisationId: number, post: NewPost, at: Date): Promise<Post> {
    const row = await this.ctx.db
      .insertInto('posts')
      .values({
        organisation_id: organisationId,
        account_id: post.accountId,
        kind: post.kind,
        in_reply_to_item_id: post.inReplyToItemId ?? null,
        text: post.text,
        media: jsonOrNull(post.media),
        status: 'draft',
        scheduled_for: isoOrNull(post.scheduledFor),
        version: 1,
        created_by: actorText(post.createdBy),
        created_at: toIso(at),
        updated_at: toIso(at),
        campaign: post.campaign ?? null,
        category: post.category ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPost(row);
  }

  async get(organisationId: number, postId: number): Promise<Post | null> {
    const row = await this.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', postId)
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  /** Posts of the organisation, newest first, optionally by status and account. */
  async list(
    organisationId: number,
    filter: { status?: PostStatus[]; accountId?: number; limit?: number } = {},
  ): Promise<Post[]> {
    let q = this.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (filter.status) q = q.where('status', 'in', filter.status.map(checkStatus));
    if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toPost);
  }

  /** Scheduled posts due by `now`, oldest first: what the publishing job picks up. */
  async dueForPublishing(organisationId: number, now: Date): Promise<Post[]> {
    const rows = await this.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'scheduled')
      .where('scheduled_for', '<=', toIso(now))
      .orderBy('scheduled_for')
      .orderBy('id')
      .execute();
    return rows.map(toPost);
  }

  /**
   * Change the text (and media). The text before the edit is kept as a revision, the version goes
   * up and the check verdict is cleared: an edited post must be checked again. With
   * `expectedVersion`, the edit only applies to that version (null otherwise: someone else edited).
   */
  async edit(
    organisationId: number,
    postId: number,
    edit: {
      text: string;
      media?: unknown[] | null;
      by: Actor;
      at: Date;
      reason?: string | null;
      expectedVersion?: number;
    },
  ): Promise<Post | null> {
    return inTransaction(this.ctx, async (tx) => {
      const current = await new PostRepository(tx).get(organisationId, postId);
      if (!current) return null;
      if (edit.expectedVersion !== undefined && current.version !== edit.expectedVersion) {
        return null;
      }
      await tx.db
        .insertInto('post_revisions')
        .values({
          organisation_id: organisationId,
          post_id: postId,
          version: current.version,
          text: current.text,
          media: jsonOrNull(current.media),
          edited_by: actorText(edit.by),
          edited_at: toIso(edit.at),
          reason: edit.reason ?? null,
        })
        .execute();
      const row = await tx.db
        .updateTable('posts')
        .set({
          text: edit.text,
          ...(edit.media !== undefined ? { media: jsonOrNull(edit.media) } : {}),
          version: current.version + 1,
          check_verdict: null,
          check_findings: null,
          override_reason: null,
          updated_at: toIso(edit.at),
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', postId)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst();
      return row ? toPost(row) : null;
    });
  }

  /** Store the content check's verdict and findings (and the reason a warning was overridden). */
  async setCheck(
    organisationId: number,
    postId: number,
    check: {
      verdict: 'pass' | 'warn' | 'block';
      findings: unknown[];
      overrideReason?: string | null;
      version: number;
    },
    at: Date,
  ): Promise<Post | null> {
    const row = await this.ctx.db
      .updateTable('posts')
      .set({
        check_verdict: check.verdict,
        check_findings: jsonOrNull(check.findings),
        override_reason: check.overrideReason ?? null,
        updated_at: toIso(at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', postId)
      // A verdict is about one version of the text: a stale check must not land on a newer edit.
      .where('version', '=', check.version)
      .returningAll()
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  /** Move to `status`; with `from`, only from that status (null when the post was not there). */
  async setStatus(
    organisationId: number,
    postId: number,
    status: PostStatus,
    options: { at: Date; from?: PostStatus | PostStatus[] },
  ): Promise<Post | null> {
    checkStatus(status);
    let q = this.ctx.db
      .updateTable('posts')
      .set({ status, updated_at: toIso(options.at) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', postId);
    if (options.from !== undefined) {
      const from = (Array.isArray(options.from) ? options.from : [options.from]).map(checkStatus);
      q = q.where('status', 'in', from);
    }
    const row = await q.returningAll().executeTakeFirst();
    return row ? toPost(row) : null;
  }

  async schedule(
    organisationId: number,
    postId: number,
    scheduledFor: Date | null,
    at: Date,
  ): Promise<Post | null> {
    const row = await this.ctx.db
      .updateTable('posts')
      .set({ scheduled_for: isoOrNull(scheduledFor), updated_at: toIso(at) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', postId)
      .returningAll()
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  /**
   * Record a publication. Only a post not yet published is changed, so a retried publish job
   * that finds the post already published learns it here (returns null) instead of posting twice.
   */
  async markPublished(
    organisationId: number,
    postId: number,
    publication: { platformPostId: string; at: Date },
  ): Promise<Post | null> {
    const row = await this.ctx.db
      .updateTable('posts')
      .set({
        status: 'published',
        platform_post_id: publication.platformPostId,
        published_at: toIso(publication.at),
        updated_at: toIso(publication.at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', postId)
      .where('status', '!=', 'published')
      .returningAll()
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  /**
   * The personal-data exception of PUB-6: the text is removed from the post and from every
   * revision (the edit history itself stays, so the correction remains visible), and the post
   * is withdrawn.
   */
  async redact(organisationId: number, postId: number, at: Date): Promise<Post | null> {
    return inTransaction(this.ctx, async (tx) => {
      const row = await tx.db
        .updateTable('posts')
        .set({
          text: '',
          media: null,
          check_findings: null,
          status: 'withdrawn',
          updated_at: toIso(at),
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', postId)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await tx.db
        .updateTable('post_revisions')
        .set({ text: '', media: null })
        .where('organisation_id', '=', organisationId)
        .where('post_id', '=', postId)
        .execute();
      return toPost(row);
    });
  }

  async revisions(organisationId: number, postId: number): Promise<PostRevision[]> {
    const rows = await this.ctx.db
      .selectFrom('post_revisions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('post_id', '=', postId)
      .orderBy('version')
      .execute();
    return rows.map((r) => ({
      postId: toNumber(r.post_id),
      organisationId: toNumber(r.organisation_id),
      version: r.version,
      text: r.text,
      media: fromJson<unknown[] | null>(r.media),
      editedBy: fromActor(r.edited_by),
      editedAt: toDate(r.edited_at),
      reason: r.reason,
    }));
  }

  async addApproval(
    organisationId: number,
    postId: number,
    approval: {
      userId: number;
      decision: 'approved' | 'rejected';
      note?: string | null;
      at: Date;
      version?: number | null;
      restrictedPeriod?: string | null;
    },
  ): Promise<PostApproval> {
    const row = await this.ctx.db
      .insertInto('post_approvals')
      .values({
        organisation_id: organisationId,
        post_id: postId,
        user_id: approval.userId,
        decision: approval.decision,
        note: approval.note ?? null,
        at: toIso(approval.at),
        version: approval.version ?? null,
        restricted_period: approval.restrictedPeriod ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApproval(row);
  }

  async approvals(organisationId: number, postId: number): Promise<PostApproval[]> {
    const rows = await this.ctx.db
      .selectFrom('post_approvals')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('post_id', '=', postId)
      .orderBy('id')
      .execute();
    return rows.map(toApproval);
  }

  /** Crisis mode (INB-5): every scheduled post of the organisation becomes paused. Returns them. */
  async pauseScheduled(organisationId: number, at: Date): Promise<Post[]> {
    const rows = await this.ctx.db
      .updateTable('posts')
      .set({ status: 'paused', updated_at: toIso(at) })
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'scheduled')
      .returningAll()
      .execute();
    return rows.map(toPost);
  }

  /** Set the content calendar grouping (PUB-1). */
  async setPlan(
    organisationId: number,
    postId: number,
    plan: { campaign: string | null; category: string | null },
    at: Date,
  ): Promise<Post | null> {
    const row = await this.ctx.db
      .updateTable('posts')
      .set({ campaign: plan.campaign, category: plan.category, updated_at: toIso(at) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', postId)
      .returningAll()
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  /**
   * The content calendar: posts scheduled (or paused, or published) in `[from, to)`, by time,
   * optionally of one campaign or category.
   */
  async calendar(
    organisationId: number,
    range: { from: Date; to: Date; campaign?: string; category?: string },
  ): Promise<Post[]> {
    const from = toIso(range.from);
    const to = toIso(range.to);
    let q = this.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where((eb) =>
        eb.or([
          eb.and([eb('scheduled_for', '>=', from), eb('scheduled_for', '<', to)]),
          eb.and([eb('published_at', '>=', from), eb('published_at', '<', to)]),
        ]),
      );
    if (range.campaign !== undefined) q = q.where('campaign', '=', range.campaign);
    if (range.category !== undefined) q = q.where('category', '=', range.category);
    const rows = await q.orderBy('id').limit(1_000).execute();
    const when = (p: Post) => (p.publishedAt ?? p.scheduledFor ?? p.createdAt).getTime();
    return rows.map(toPost).sort((a, b) => when(a) - when(b) || a.id - b.id);
  }

  /**
   * Make sure the publish job of this version of the post runs at `runAt`: enqueue
   * `post:<id>:v<version>`, or, when that key exists (the post was unscheduled, paused by crisis
   * mode or failed, and is now scheduled again), re-arm the same job row. A running job is left
   * alone: it re-reads the post before publishing.
   */
  async armPublishJob(
    organisationId: number,
    arm: {
      postId: number;
      version: number;
      runAt: Date;
      now: Date;
      type: string;
      /** Scheduled in crisis mode by an explicit override (INB-5): the job may run in it. */
      crisisOverride?: boolean;
    },
  ): Promise<number> {
    const uniqueKey = publishJobKey(arm.postId, arm.version);
    const payload = JSON.stringify({
      postId: arm.postId,
      version: arm.version,
      ...(arm.crisisOverride ? { crisisOverride: true } : {}),
    });
    return inTransaction(this.ctx, async (tx) => {
      const existing = await tx.db
        .selectFrom('jobs')
        .select(['id', 'status'])
        .where('organisation_id', '=', organisationId)
        .where('unique_key', '=', uniqueKey)
        .executeTakeFirst();
      if (!existing) {
        const row = await tx.db
          .insertInto('jobs')
          .values({
            organisation_id: organisationId,
            type: arm.type,
            payload,
            status: 'queued',
            run_at: toIso(arm.runAt),
            attempts: 0,
            max_attempts: 5,
            unique_key: uniqueKey,
            created_at: toIso(arm.now),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return toNumber(row.id);
      }
      if (existing.status !== 'running') {
        await tx.db
          .updateTable('jobs')
          .set({
            status: 'queued',
            payload,
            run_at: toIso(arm.runAt),
            attempts: 0,
            locked_by: null,
            last_error: null,
            finished_at: null,
          })
          .where('id', '=', existing.id)
          .execute();
      }
      return toNumber(existing.id);
    });
  }

  /** Cancel the queued publish jobs of a post (every version): unscheduled, edited or paused. */
  async cancelPublishJobs(organisationId: number, postId: number, now: Date): Promise<number> {
    const rows = await this.ctx.db
      .updateTable('jobs')
      .set({ status: 'cancelled', run_at: null, finished_at: toIso(now) })
      .where('organisation_id', '=', organisationId)
      .where('unique_key', 'like', `post:${postId}:v%`)
      .where('status', '=', 'queued')
      .returning('id')
      .execute();
    return rows.length;
  }

  /** Record that a publish attempt is about to call the platform (committed before the call). */
  async startAttempt(
    organisationId: number,
    attempt: { postId: number; version: number; clientRef: string; at: Date },
  ): Promise<number> {
    const row = await this.ctx.db
      .insertInto('publish_attempts')
      .values({
        organisation_id: organisationId,
        post_id: attempt.postId,
        version: attempt.version,
        client_ref: attempt.clientRef,
        started_at: toIso(attempt.at),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return toNumber(row.id);
  }

  async finishAttempt(
    organisationId: number,
    attemptId: number,
    result: {
      outcome: PublishAttempt['outcome'];
      platformPostId?: string | null;
      error?: string | null;
      at: Date;
    },
  ): Promise<void> {
    await this.ctx.db
      .updateTable('publish_attempts')
      .set({
        outcome: result.outcome,
        platform_post_id: result.platformPostId ?? null,
        error: result.error?.slice(0, 2_000) ?? null,
        finished_at: toIso(result.at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', attemptId)
      .execute();
  }

  async attempts(organisationId: number, postId: number): Promise<PublishAttempt[]> {
    const rows = await this.ctx.db
      .selectFrom('publish_attempts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('post_id', '=', postId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: toNumber(r.id),
      postId: toNumber(r.post_id),
      version: r.version,
      clientRef: r.client_ref,
      startedAt: toDate(r.started_at),
      finishedAt: dateOrNull(r.finished_at),
      outcome: r.outcome as PublishAttempt['outcome'],
      platformPostId: r.platform_post_id,
      error: r.error,
    }));
  }

  /** Raise an information-governance incident about a published post (PUB-6). */
  async raiseIncident(
    organisationId: number,
    incident: Omit<IgIncident, 'id' | 'organisationId' | 'status'>,
  ): Promise<IgIncident> {
    const row = await this.ctx.db
      .insertInto('ig_incidents')
      .values({
        organisation_id: organisationId,
        post_id: incident.postId,
        kind: incident.kind,
        reason: incident.reason,
        platform: incident.platform,
        platform_post_id: incident.platformPostId,
        platform_deleted: bool(this.ctx.dialect, incident.platformDeleted),
        status: 'open',
        raised_by: actorText(incident.raisedBy),
        raised_at: toIso(incident.raisedAt),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toIncident(row);
  }

  async incidents(organisationId: number, filter: { postId?: number } = {}): Promise<IgIncident[]> {
    let q = this.ctx.db
      .selectFrom('ig_incidents')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (filter.postId !== undefined) q = q.where('post_id', '=', filter.postId);
    const rows = await q.orderBy('id', 'desc').limit(500).execute();
    return rows.map(toIncident);
  }
}

/** The unique key of the job that publishes one version of a post. */
export function publishJobKey(postId: number, version: number): string {
  return `post:${postId}:v${version}`;
}

/** One call (or look-up) of the platform on behalf of a post. */
export interface PublishAttempt {
  id: number;
  postId: number;
  version: number;
  clientRef: string;
  startedAt: Date;
  /** Null while the platform call is in flight, or when the process died during it. */
  finishedAt: Date | null;
  outcome: 'published' | 'already_published' | 'failed' | null;
  platformPostId: string | null;
  error: string | null;
}

/** An information-governance incident raised by deleting a post that exposed data (PUB-6). */
export interface IgIncident {
  id: number;
  organisationId: number;
  postId: number;
  kind: 'personal_data' | 'commercially_sensitive';
  /** Why, in the words of the person who removed it; never the exposed data itself. */
  reason: string;
  platform: string;
  platformPostId: string | null;
  platformDeleted: boolean;
  status: 'open' | 'closed';
  raisedBy: Actor;
  raisedAt: Date;
}

function toIncident(r: Selectable<IgIncidentsTable>): IgIncident {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    postId: toNumber(r.post_id),
    kind: r.kind as IgIncident['kind'],
    reason: r.reason,
    platform: r.platform,
    platformPostId: r.platform_post_id,
    platformDeleted: fromBool(r.platform_deleted),
    status: r.status as IgIncident['status'],
    raisedBy: fromActor(r.raised_by),
    raisedAt: toDate(r.raised_at),
  };
}

function toApproval(r: Selectable<PostApprovalsTable>): PostApproval {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    postId: toNumber(r.post_id),
    userId: toNumber(r.user_id),
    decision: r.decision as PostApproval['decision'],
    note: r.note,
    at: toDate(r.at),
    version: r.version === null ? null : Number(r.version),
    restrictedPeriod: r.restricted_period,
  };
}

function toPost(row: Selectable<PostsTable>): Post {
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    accountId: toNumber(row.account_id),
    kind: row.kind as Post['kind'],
    inReplyToItemId: numberOrNull(row.in_reply_to_item_id),
    text: row.text,
    media: fromJson<unknown[] | null>(row.media),
    status: row.status as PostStatus,
    scheduledFor: dateOrNull(row.scheduled_for),
    publishedAt: dateOrNull(row.published_at),
    platformPostId: row.platform_post_id,
    checkVerdict: row.check_verdict as Post['checkVerdict'],
    checkFindings: fromJson<unknown[] | null>(row.check_findings),
    overrideReason: row.override_reason,
    version: row.version,
    createdBy: fromActor(row.created_by),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    campaign: row.campaign,
    category: row.category,
  };
}
