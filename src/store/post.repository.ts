/**
 * Posts and replies: drafts that are checked, approved, scheduled and published (PUB-1, PUB-2,
 * PUB-5), with every edit kept as a revision rather than lost (PUB-6).
 */
import type { Selectable } from 'kysely';
import {
  actorText,
  dateOrNull,
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
import type { PostApprovalsTable, PostsTable } from './schema.js';

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
    approval: { userId: number; decision: 'approved' | 'rejected'; note?: string | null; at: Date },
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
  };
}
