/**
 * Posts and replies, from draft to published (PUB-1, PUB-2, PUB-5, PUB-6):
 *
 *   draft ──submit──▶ awaiting_approval ──approve × N──▶ approved ──schedule──▶ scheduled ──job──▶ published
 *     ▲                      │ reject                        │                    │ crisis on
 *     └──────── edit ────────┴───────────────────────────────┘               paused ──re-confirm──▶ scheduled
 *
 * Every create and edit runs the content check with the organisation's profile and stores the
 * verdict with its findings. A `block` is never submitted, approved, scheduled or published; a
 * `warn` needs an override reason, recorded and audited. Editing a post that was submitted or
 * approved sends it back to draft (approvals are per version). A published post is never silently
 * changed or deleted: a correction keeps the earlier text as a revision with its reason and is
 * published as a visible correction; the one exception — personal or commercially sensitive data
 * posted in error — deletes it on the platform, redacts it here and raises an
 * information-governance incident.
 *
 * The audit log records versions, verdicts, rule ids and reasons — never the post text: the log
 * is append-only, and text that exposed personal data must be removable (PUB-6).
 */
import { DateTime } from 'luxon';
import { toDraft, type DraftMedia } from '../../core/check/draft.js';
import type { CheckResult } from '../../core/check/engine.js';
import type { Profile } from '../../core/profile/schema.js';
import type {
  Account,
  Organisation,
  Post,
  PostApproval,
  PostKind,
  PostStatus,
  Store,
} from '../../store/index.js';
import type { OrgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest, conflict, DeskError, forbidden, notFound } from '../errors.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConnectorError,
  type Connector,
  type ConnectorFactory,
  type ConnectorPlatform,
} from '../../connectors/contract.js';
import { connectorFor } from '../../connectors/registry.js';
import { ConnectionsService } from './connections.service.js';

/** The job type that publishes a post (jobs/publish.job.ts). */
export const PUBLISH_JOB = 'post.publish';

export interface PublishJobPayload {
  postId: number;
  version: number;
  /** A visible correction of a published post (PUB-6), sent as a reply to it. */
  correction?: boolean;
  /** Scheduled during crisis mode with an override (INB-5): crisis mode does not hold it. */
  crisisOverride?: boolean;
}

/** The platform reference the desk gives a post: connectors find an earlier attempt's post by it. */
export function clientRefOf(postId: number, correctionVersion?: number): string {
  return correctionVersion === undefined
    ? `commsdesk-post-${postId}`
    : `commsdesk-post-${postId}-correction-v${correctionVersion}`;
}

/**
 * A connector for an account. The sandbox needs no connection: it writes under the desk's data
 * folder. Other platforms publish through the account's connection (credentials sealed at rest,
 * `connections.service.ts`); without one the error says to connect the account first.
 */
export async function connectorForAccount(
  desk: Desk,
  account: Account,
  lookup: (platform: ConnectorPlatform) => ConnectorFactory | undefined = connectorFor,
): Promise<Connector> {
  const platform = account.platform as ConnectorPlatform;
  const factory = lookup(platform);
  if (!factory) {
    throw new ConnectorError(
      'config',
      platform,
      account.handle,
      `The desk has no connector for "${account.platform}"`,
      'Publish on the platform itself and record it, or ask IT to add the connector.',
    );
  }
  if (platform === 'sandbox') {
    return factory.create({
      account: account.handle,
      baseUrl: pathToFileURL(join(desk.config.dataDir, 'sandbox')).href,
      credentials: {},
      fetch,
      now: () => desk.clock.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }
  const connection = await desk.store.connections.forAccount(account.organisationId, account.id);
  if (!connection) {
    throw new ConnectorError(
      'config',
      platform,
      account.handle,
      `${account.handle} has no connection in the desk`,
      'Connect the account (IT, credentials.manage) before publishing to it.',
    );
  }
  return (await new ConnectionsService(desk).connector(connection)).connector;
}

export interface NewPostInput {
  kind: PostKind;
  accountId?: number | null;
  inReplyToItemId?: number | null;
  text: string;
  media?: DraftMedia[] | null;
  overrideReason?: string | null;
  campaign?: string | null;
  category?: string | null;
}

export interface EditPostInput {
  text?: string;
  media?: DraftMedia[] | null;
  /** Why: required for a correction of a published post. */
  reason?: string | null;
  overrideReason?: string | null;
  campaign?: string | null;
  category?: string | null;
}

/** Statuses from which an edit sends the post back to draft. */
const SENT_BACK: readonly PostStatus[] = [
  'awaiting_approval',
  'approved',
  'scheduled',
  'paused',
  'failed',
];

/** A restricted period that stops publishing at a time, with the words to say so. */
export interface PeriodProblem {
  code: 'restricted_period' | 'named_approver_required';
  message: string;
  period: string;
}

/** The organisation's local calendar day of `at` (restricted periods are whole days). */
function localDay(at: Date, profile: Profile): string {
  return DateTime.fromJSDate(at).setZone(profile.hours.timeZone).toISODate() ?? '';
}

/** The restricted periods of the profile that cover `at`. */
export function periodsAt(profile: Profile, at: Date): Profile['restrictedPeriods'] {
  const day = localDay(at, profile);
  return profile.restrictedPeriods.filter((p) => p.start <= day && day <= p.end);
}

/**
 * Whether publishing `post` at `at` is stopped by a restricted period (PUB-5): a `block` period
 * stops it outright; a `named-approver` period needs an approval of this version signed as the
 * period's named approver.
 */
export function restrictedPeriodProblem(
  profile: Profile,
  at: Date,
  post: Pick<Post, 'version'>,
  approvals: readonly PostApproval[],
): PeriodProblem | null {
  for (const p of periodsAt(profile, at)) {
    if (p.action === 'block') {
      return {
        code: 'restricted_period',
        period: p.name,
        message:
          `Nothing may be published in the restricted period "${p.name}" (${p.start} to ${p.end}, ` +
          `${p.clause}); choose a time after ${p.end}.`,
      };
    }
    const signed = approvals.some(
      (a) =>
        a.decision === 'approved' && a.version === post.version && a.restrictedPeriod === p.name,
    );
    if (!signed) {
      return {
        code: 'named_approver_required',
        period: p.name,
        message:
          `Publishing in the restricted period "${p.name}" (${p.start} to ${p.end}, ${p.clause}) ` +
          `needs approval from ${p.approver ?? 'the named approver'}: they approve this version ` +
          `with restricted_period "${p.name}", or choose a time outside the period.`,
      };
    }
  }
  return null;
}

function ruleList(check: { findings: readonly { rule: string }[] }): string {
  return [...new Set(check.findings.map((f) => f.rule))].join(', ');
}

/** The content check must allow sending: no block; a warning only with a recorded reason. */
function requireSendable(post: Post): void {
  if (post.checkVerdict === null) {
    throw conflict('check_missing', 'This version has not been checked; edit or re-check it.');
  }
  if (post.checkVerdict === 'block') {
    throw new DeskError(
      422,
      'check_blocked',
      `The content check blocks this post (${ruleList({ findings: (post.checkFindings ?? []) as { rule: string }[] })}); edit it until nothing blocks.`,
    );
  }
  if (post.checkVerdict === 'warn' && !post.overrideReason) {
    throw new DeskError(
      422,
      'override_reason_required',
      `The content check warns about this post (${ruleList({ findings: (post.checkFindings ?? []) as { rule: string }[] })}); give a reason to override the warnings, or edit it.`,
    );
  }
}

export class PostsService {
  constructor(private readonly desk: Desk) {}

  /** Run the content check on a draft text for an account (and a publishing time, if any). */
  check(
    org: Organisation,
    account: Account,
    text: string,
    media: readonly DraftMedia[] | null | undefined,
    publishAt?: Date,
  ): CheckResult {
    const { checker } = this.desk.profiles.forOrganisation(org);
    return checker.check(
      toDraft({
        text,
        audience: 'corporate',
        media: (media ?? []).filter((m) => m.type === 'image' || m.type === 'video'),
        handle: account.handle,
        ...(publishAt ? { publishAt: publishAt.toISOString() } : {}),
      }),
    );
  }

  async get(org: Organisation, postId: number): Promise<Post> {
    const post = await this.desk.store.posts.get(org.id, postId);
    if (!post) throw notFound('post');
    return post;
  }

  /** How many approvals the profile asks for, and from which roles. */
  approvalRule(org: Organisation): { required: number; roles: string[]; clause: string } {
    const { approval } = this.desk.profiles.forOrganisation(org).profile;
    return { required: approval.approvers, roles: approval.roles, clause: approval.clause };
  }

  /**
   * The approval queue (PUB-2): posts awaiting approval, oldest first, each with its approvals and
   * whether this person may decide on it now — by the same rules `approve` applies (a person in
   * an approving role of the profile, never the author, not twice for one version) — and why not.
   */
  async approvalQueue(access: OrgAccess): Promise<
    {
      post: Post;
      approvals: PostApproval[];
      approvers: number[];
      mayDecide: boolean;
      why: 'own_post' | 'already_approved' | 'role_not_allowed' | null;
    }[]
  > {
    const { org } = access;
    const { store } = this.desk;
    const rows = await store.posts.list(org.id, { status: ['awaiting_approval'], limit: 200 });
    const { roles } = this.approvalRule(org);
    const inRole =
      access.user !== null &&
      access.can('post.approve') &&
      access.roles.some((r) => roles.includes(r));
    const out = [];
    for (const post of rows.sort(
      (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id - b.id,
    )) {
      const approvals = await store.posts.approvals(org.id, post.id);
      const approvers = this.approversOf(post, approvals);
      const why = !inRole
        ? ('role_not_allowed' as const)
        : post.createdBy === access.user?.id
          ? ('own_post' as const)
          : approvers.includes(access.user?.id ?? -1)
            ? ('already_approved' as const)
            : null;
      out.push({ post, approvals, approvers, mayDecide: why === null, why });
    }
    return out;
  }

  /** Distinct people who approved this version. */
  approversOf(post: Post, approvals: readonly PostApproval[]): number[] {
    return [
      ...new Set(
        approvals
          .filter((a) => a.decision === 'approved' && a.version === post.version)
          .map((a) => a.userId),
      ),
    ];
  }

  async create(access: OrgAccess, input: NewPostInput): Promise<Post> {
    const { org } = access;
    const { store, clock } = this.desk;
    let accountId = input.accountId ?? null;
    let inReplyTo: number | null = null;
    if (input.kind === 'reply') {
      if (!input.inReplyToItemId) {
        throw badRequest('in_reply_to_required', 'A reply needs the item it answers.', [
          { path: '/in_reply_to', reason: 'required for a reply' },
        ]);
      }
      const item = await store.items.get(org.id, input.inReplyToItemId);
      if (!item) throw notFound('item');
      if (item.erasedAt)
        throw conflict('item_erased', 'The item was erased; it cannot be answered.');
      inReplyTo = item.id;
      accountId = item.accountId ?? accountId;
    }
    if (accountId === null) {
      throw badRequest(
        'account_required',
        input.kind === 'reply'
          ? 'The item came in on no known account; say which account replies.'
          : 'Say which account the post is for.',
        [{ path: '/account_id', reason: 'required' }],
      );
    }
    const account = await store.accounts.get(org.id, accountId);
    if (!account) throw notFound('account');
    const result = this.check(org, account, input.text, input.media);
    const at = clock.now();
    return store.transaction(async (tx) => {
      const created = await tx.posts.create(
        org.id,
        {
          accountId: account.id,
          kind: input.kind,
          inReplyToItemId: inReplyTo,
          text: input.text,
          media: input.media ?? null,
          createdBy: access.actor,
          campaign: input.campaign ?? null,
          category: input.category ?? null,
        },
        at,
      );
      const override = result.verdict === 'warn' ? (input.overrideReason ?? null) : null;
      const post = (await tx.posts.setCheck(
        org.id,
        created.id,
        {
          verdict: result.verdict,
          findings: result.findings,
          overrideReason: override,
          version: 1,
        },
        at,
      )) as Post;
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'post.create',
        subjectType: 'post',
        subjectId: post.id,
        after: {
          kind: post.kind,
          accountId: post.accountId,
          inReplyToItemId: post.inReplyToItemId,
          version: 1,
          status: post.status,
          verdict: result.verdict,
          rules: result.findings.map((f) => f.rule),
          overrideReason: override,
          campaign: post.campaign,
          category: post.category,
        },
        at,
      });
      return post;
    });
  }

  /**
   * Edit a draft, or correct a published post (PUB-6). An edit after submission or approval
   * sends the post back to draft and cancels its publishing job; a correction keeps the
   * published text as a revision with the reason and publishes a visible correction.
   */
  async edit(access: OrgAccess, postId: number, input: EditPostInput): Promise<Post> {
    const { org } = access;
    const { store, clock } = this.desk;
    const post = await this.get(org, postId);
    if (post.status === 'withdrawn') {
      throw conflict('post_withdrawn', 'This post was withdrawn; it cannot be edited.');
    }
    const correcting = post.status === 'published';
    access.require(correcting ? 'post.correct' : 'post.draft');
    if (correcting && !input.reason?.trim()) {
      throw badRequest('reason_required', 'A correction of a published post needs a reason.', [
        { path: '/reason', reason: 'required when correcting a published post' },
      ]);
    }
    const planChanged = input.campaign !== undefined || input.category !== undefined;
    const at = clock.now();
    if (input.text === undefined && input.media === undefined) {
      if (!planChanged)
        throw badRequest('nothing_to_change', 'Send text, media, campaign or category.');
      return store.transaction(async (tx) => {
        const after = (await tx.posts.setPlan(
          org.id,
          post.id,
          {
            campaign: input.campaign === undefined ? post.campaign : input.campaign,
            category: input.category === undefined ? post.category : input.category,
          },
          at,
        )) as Post;
        await tx.audit.append({
          organisationId: org.id,
          actor: access.actor,
          action: 'post.plan',
          subjectType: 'post',
          subjectId: post.id,
          before: { campaign: post.campaign, category: post.category },
          after: { campaign: after.campaign, category: after.category },
          at,
        });
        return after;
      });
    }
    const account = await store.accounts.get(org.id, post.accountId);
    if (!account) throw notFound('account');
    const text = input.text ?? post.text;
    const media = input.media === undefined ? (post.media as DraftMedia[] | null) : input.media;
    const result = this.check(org, account, text, media);
    if (correcting) {
      // A correction goes straight out: it must pass the same check as any post.
      if (result.verdict === 'block') {
        throw new DeskError(
          422,
          'check_blocked',
          `The content check blocks this correction (${ruleList(result)}); change it until nothing blocks.`,
        );
      }
      if (result.verdict === 'warn' && !input.overrideReason) {
        throw new DeskError(
          422,
          'override_reason_required',
          `The content check warns about this correction (${ruleList(result)}); give a reason to override.`,
        );
      }
    }
    return store.transaction(async (tx) => {
      if (SENT_BACK.includes(post.status)) await tx.posts.cancelPublishJobs(org.id, post.id, at);
      const edited = await tx.posts.edit(org.id, post.id, {
        text,
        ...(input.media !== undefined ? { media: input.media } : {}),
        by: access.actor,
        at,
        reason: input.reason ?? null,
        expectedVersion: post.version,
      });
      if (!edited) throw conflict('post_changed', 'Someone else changed this post; reload it.');
      const override = result.verdict === 'warn' ? (input.overrideReason ?? null) : null;
      let after = (await tx.posts.setCheck(
        org.id,
        post.id,
        {
          verdict: result.verdict,
          findings: result.findings,
          overrideReason: override,
          version: edited.version,
        },
        at,
      )) as Post;
      if (SENT_BACK.includes(post.status)) {
        after = (await tx.posts.setStatus(org.id, post.id, 'draft', { at })) as Post;
        if (post.scheduledFor) after = (await tx.posts.schedule(org.id, post.id, null, at)) as Post;
      }
      if (planChanged) {
        after = (await tx.posts.setPlan(
          org.id,
          post.id,
          {
            campaign: input.campaign === undefined ? post.campaign : input.campaign,
            category: input.category === undefined ? post.category : input.category,
          },
          at,
        )) as Post;
      }
      if (correcting) {
        await tx.jobs.enqueue(
          {
            organisationId: org.id,
            type: PUBLISH_JOB,
            payload: { postId: post.id, version: after.version, correction: true },
            runAt: at,
            uniqueKey: `post:${post.id}:correction:v${after.version}`,
          },
          at,
        );
      }
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: correcting ? 'post.correct' : 'post.edit',
        subjectType: 'post',
        subjectId: post.id,
        before: { version: post.version, status: post.status, verdict: post.checkVerdict },
        after: {
          version: after.version,
          status: after.status,
          verdict: result.verdict,
          rules: result.findings.map((f) => f.rule),
          overrideReason: override,
          reason: input.reason ?? null,
          ...(SENT_BACK.includes(post.status) ? { sentBack: true } : {}),
        },
        at,
      });
      return after;
    });
  }

  /** Submit for approval (or straight to approved when the profile asks for no approvers). */
  async submit(
    access: OrgAccess,
    postId: number,
    input: { overrideReason?: string | null },
  ): Promise<Post> {
    const { org } = access;
    const { store, clock } = this.desk;
    let post = await this.get(org, postId);
    if (post.status !== 'draft') {
      throw conflict(
        'post_not_draft',
        `Only a draft can be submitted; this post is "${post.status}".`,
      );
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      if (input.overrideReason && post.checkVerdict === 'warn') {
        post = (await tx.posts.setCheck(
          org.id,
          post.id,
          {
            verdict: 'warn',
            findings: post.checkFindings ?? [],
            overrideReason: input.overrideReason,
            version: post.version,
          },
          at,
        )) as Post;
      }
      requireSendable(post);
      const { required } = this.approvalRule(org);
      const next: PostStatus = required === 0 ? 'approved' : 'awaiting_approval';
      const after = await tx.posts.setStatus(org.id, post.id, next, { at, from: 'draft' });
      if (!after) throw conflict('post_changed', 'Someone else changed this post; reload it.');
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'post.submit',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: 'draft' },
        after: {
          status: next,
          version: post.version,
          verdict: post.checkVerdict,
          overrideReason: post.overrideReason,
          approvalsRequired: required,
        },
        at,
      });
      return after;
    });
  }

  /** The caller may decide on approvals: a person, in an approving role, not the author. */
  private requireApprover(access: OrgAccess, post: Post): number {
    access.require('post.approve');
    if (!access.user) {
      throw new DeskError(
        403,
        'approver_must_be_person',
        'Approvals are given by people, not API tokens.',
      );
    }
    const { roles, clause } = this.approvalRule(access.org);
    if (!access.roles.some((r) => roles.includes(r))) {
      throw new DeskError(
        403,
        'approver_role_not_allowed',
        `This organisation's profile lets only ${roles.join(', ')} approve posts (${clause}).`,
      );
    }
    if (post.createdBy === access.user.id) {
      throw new DeskError(403, 'own_post', 'The author of a post cannot approve or reject it.');
    }
    return access.user.id;
  }

  async approve(
    access: OrgAccess,
    postId: number,
    input: { note?: string | null; restrictedPeriod?: string | null },
  ): Promise<Post> {
    const { org } = access;
    const { store, clock } = this.desk;
    const post = await this.get(org, postId);
    const userId = this.requireApprover(access, post);
    // An approved or scheduled post may still take a named approver's signature for a period.
    const open: PostStatus[] = input.restrictedPeriod
      ? ['awaiting_approval', 'approved', 'scheduled', 'paused']
      : ['awaiting_approval'];
    if (!open.includes(post.status)) {
      throw conflict(
        'post_not_awaiting_approval',
        `Only a post awaiting approval can be approved; this post is "${post.status}".`,
      );
    }
    requireSendable(post);
    const { profile } = this.desk.profiles.forOrganisation(org);
    if (input.restrictedPeriod) {
      const period = profile.restrictedPeriods.find(
        (p) => p.name === input.restrictedPeriod && p.action === 'named-approver',
      );
      if (!period) {
        throw badRequest(
          'restricted_period_unknown',
          `The profile has no named-approver period "${input.restrictedPeriod}".`,
          [{ path: '/restricted_period', reason: 'not a named-approver period of the profile' }],
        );
      }
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      const approvals = await tx.posts.approvals(org.id, post.id);
      const duplicate = approvals.some(
        (a) =>
          a.userId === userId &&
          a.decision === 'approved' &&
          a.version === post.version &&
          (a.restrictedPeriod ?? null) === (input.restrictedPeriod ?? null),
      );
      if (duplicate) {
        throw conflict('already_approved', 'You have already approved this version.');
      }
      const approval = await tx.posts.addApproval(org.id, post.id, {
        userId,
        decision: 'approved',
        note: input.note ?? null,
        at,
        version: post.version,
        restrictedPeriod: input.restrictedPeriod ?? null,
      });
      const approvers = this.approversOf(post, [...approvals, approval]);
      const { required } = this.approvalRule(org);
      let after = post;
      if (post.status === 'awaiting_approval' && approvers.length >= required) {
        after = (await tx.posts.setStatus(org.id, post.id, 'approved', {
          at,
          from: 'awaiting_approval',
        })) as Post;
      }
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'post.approve',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: post.status },
        after: {
          status: after.status,
          version: post.version,
          approvals: approvers.length,
          required,
          restrictedPeriod: input.restrictedPeriod ?? null,
        },
        at,
      });
      return after;
    });
  }

  async reject(access: OrgAccess, postId: number, note: string): Promise<Post> {
    const { org } = access;
    const { store, clock } = this.desk;
    const post = await this.get(org, postId);
    const userId = this.requireApprover(access, post);
    if (post.status !== 'awaiting_approval' && post.status !== 'approved') {
      throw conflict(
        'post_not_awaiting_approval',
        `Only a post awaiting approval (or approved, not yet scheduled) can be rejected; this post is "${post.status}".`,
      );
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      await tx.posts.addApproval(org.id, post.id, {
        userId,
        decision: 'rejected',
        note,
        at,
        version: post.version,
      });
      const after = await tx.posts.setStatus(org.id, post.id, 'draft', {
        at,
        from: ['awaiting_approval', 'approved'],
      });
      if (!after) throw conflict('post_changed', 'Someone else changed this post; reload it.');
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'post.reject',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: post.status },
        after: { status: 'draft', version: post.version, note },
        at,
      });
      return after;
    });
  }

  /**
   * Schedule an approved post for `at` (now when absent), or re-confirm a post paused by crisis
   * mode. Refused in a restricted period (PUB-5) and, while crisis mode is on, without an
   * override by someone who manages crisis mode (INB-5).
   */
  async schedule(
    access: OrgAccess,
    postId: number,
    input: { at?: Date | null; crisisOverrideReason?: string | null },
  ): Promise<Post> {
    access.require('post.publish');
    const { store, clock } = this.desk;
    const org = (await store.organisations.get(access.org.id)) ?? access.org;
    const post = await this.get(org, postId);
    const from: PostStatus[] = ['approved', 'scheduled', 'paused', 'failed'];
    if (!from.includes(post.status)) {
      throw conflict(
        'post_not_approved',
        post.status === 'published'
          ? 'This post is already published.'
          : `Only an approved post can be scheduled; this post is "${post.status}".`,
      );
    }
    requireSendable(post);
    const approvals = await store.posts.approvals(org.id, post.id);
    const { required } = this.approvalRule(org);
    if (this.approversOf(post, approvals).length < required) {
      throw conflict(
        'approval_required',
        `This version has ${this.approversOf(post, approvals).length} of ${required} approvals.`,
      );
    }
    const now = clock.now();
    const when = input.at ?? now;
    if (when.getTime() < now.getTime() - 60_000) {
      throw badRequest('schedule_in_past', `The time ${when.toISOString()} has passed.`, [
        { path: '/at', reason: 'in the past' },
      ]);
    }
    const { profile } = this.desk.profiles.forOrganisation(org);
    const problem = restrictedPeriodProblem(profile, when, post, approvals);
    if (problem) throw new DeskError(409, problem.code, problem.message);
    const account = await store.accounts.get(org.id, post.accountId);
    if (!account) throw notFound('account');
    const timed = this.check(org, account, post.text, post.media as DraftMedia[] | null, when);
    if (timed.verdict === 'block') {
      throw new DeskError(
        422,
        'check_blocked',
        `At ${when.toISOString()} the content check blocks this post (${ruleList(timed)}).`,
      );
    }
    const override = input.crisisOverrideReason?.trim() || null;
    if (org.crisisMode) {
      if (!override) {
        throw conflict(
          'crisis_mode',
          `Crisis mode has been on since ${org.crisisSince?.toISOString() ?? 'earlier'}: nothing is ` +
            'scheduled or published without an override by a manager who runs crisis mode, with a reason.',
        );
      }
      if (!access.can('crisis.manage')) throw forbidden('crisis.manage');
    }
    return store.transaction(async (tx) => {
      await tx.posts.schedule(org.id, post.id, when, now);
      const after = await tx.posts.setStatus(org.id, post.id, 'scheduled', { at: now, from });
      if (!after) throw conflict('post_changed', 'Someone else changed this post; reload it.');
      const jobId = await tx.posts.armPublishJob(org.id, {
        postId: post.id,
        version: post.version,
        runAt: when,
        now,
        type: PUBLISH_JOB,
        crisisOverride: org.crisisMode,
      });
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: post.status === 'paused' ? 'post.reconfirm' : 'post.schedule',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: post.status, scheduledFor: post.scheduledFor?.toISOString() ?? null },
        after: {
          status: 'scheduled',
          version: post.version,
          scheduledFor: when.toISOString(),
          job: jobId,
          ...(org.crisisMode ? { crisisOverrideReason: override } : {}),
        },
        at: now,
      });
      return after;
    });
  }

  /** Take a scheduled (or paused) post off the schedule; it stays approved. */
  async unschedule(access: OrgAccess, postId: number): Promise<Post> {
    access.require('post.publish');
    const { org } = access;
    const { store, clock } = this.desk;
    const post = await this.get(org, postId);
    if (post.status !== 'scheduled' && post.status !== 'paused') {
      throw conflict('post_not_scheduled', `This post is "${post.status}", not scheduled.`);
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      await tx.posts.cancelPublishJobs(org.id, post.id, at);
      const after = await tx.posts.setStatus(org.id, post.id, 'approved', {
        at,
        from: ['scheduled', 'paused'],
      });
      if (!after) throw conflict('post_changed', 'Someone else changed this post; reload it.');
      const cleared = (await tx.posts.schedule(org.id, post.id, null, at)) as Post;
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'post.unschedule',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: post.status, scheduledFor: post.scheduledFor?.toISOString() ?? null },
        after: { status: 'approved' },
        at,
      });
      return cleared;
    });
  }

  /**
   * PUB-6's exception: a published post exposed personal (or commercially sensitive) data. It is
   * deleted on the platform at once, its text removed here from the post and every revision, and
   * an information-governance incident raised for the governance team. The audit records the
   * reason and the incident, never the data.
   */
  async removePersonalData(
    access: OrgAccess,
    postId: number,
    input: { reason: string; kind: 'personal_data' | 'commercially_sensitive' },
  ) {
    access.require('post.remove_personal_data');
    const { org } = access;
    const { store, clock } = this.desk;
    const post = await this.get(org, postId);
    if (post.status !== 'published') {
      throw conflict(
        'post_not_published',
        `Only a published post is removed this way; this one is "${post.status}" — edit or withdraw it instead.`,
      );
    }
    const account = await store.accounts.get(org.id, post.accountId);
    if (!account) throw notFound('account');
    let platformDeleted = false;
    if (post.platformPostId) {
      try {
        const connector = await connectorForAccount(this.desk, account);
        if (!connector.delete) {
          throw new ConnectorError(
            'config',
            connector.manifest.platform,
            account.handle,
            `${connector.manifest.displayName} cannot delete posts through the desk`,
            'Delete it on the platform by hand now.',
          );
        }
        await connector.delete(post.platformPostId);
        platformDeleted = true;
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        if (error.kind === 'not_found') {
          platformDeleted = true; // already gone (an earlier attempt, or removed by hand)
        } else if (error.kind !== 'config') {
          throw new DeskError(
            502,
            'platform_delete_failed',
            `The post could not be deleted on ${account.platform}: ${error.message}. ${error.action} Nothing was changed; try again.`,
          );
        }
        // `config`: the desk cannot delete there; redact and raise the incident anyway, saying
        // the platform copy must be deleted by hand (platform_deleted: false).
      }
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      const redacted = await tx.posts.redact(org.id, post.id, at);
      if (!redacted) throw notFound('post');
      await tx.posts.cancelPublishJobs(org.id, post.id, at);
      const incident = await tx.posts.raiseIncident(org.id, {
        postId: post.id,
        kind: input.kind,
        reason: input.reason,
        platform: account.platform,
        platformPostId: post.platformPostId,
        platformDeleted,
        raisedBy: access.actor,
        raisedAt: at,
      });
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'post.remove_personal_data',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: 'published', version: post.version },
        after: {
          status: 'withdrawn',
          kind: input.kind,
          reason: input.reason,
          platformPostId: post.platformPostId,
          platformDeleted,
          incident: incident.id,
        },
        at,
      });
      await tx.audit.append({
        organisationId: org.id,
        actor: access.actor,
        action: 'ig_incident.raise',
        subjectType: 'ig_incident',
        subjectId: incident.id,
        after: { post: post.id, kind: input.kind, platformDeleted, handedTo: 'governance' },
        at,
      });
      return { post: redacted, incident };
    });
  }

  /** Every version of a post with who changed it, when and why, and the approvals (PUB-6). */
  async history(org: Organisation, postId: number) {
    const { store } = this.desk;
    const post = await this.get(org, postId);
    const [revisions, approvals, attempts] = await Promise.all([
      store.posts.revisions(org.id, post.id),
      store.posts.approvals(org.id, post.id),
      store.posts.attempts(org.id, post.id),
    ]);
    return { post, revisions, approvals, attempts };
  }
}

/** Crisis mode's effect on posts: used by the crisis service inside its transaction. */
export async function pauseAllScheduled(
  tx: Store,
  org: Organisation,
  at: Date,
  actor: OrgAccess['actor'],
): Promise<number[]> {
  const paused = await tx.posts.pauseScheduled(org.id, at);
  for (const p of paused) {
    await tx.posts.cancelPublishJobs(org.id, p.id, at);
    await tx.audit.append({
      organisationId: org.id,
      actor,
      action: 'post.pause',
      subjectType: 'post',
      subjectId: p.id,
      before: { status: 'scheduled', scheduledFor: p.scheduledFor?.toISOString() ?? null },
      after: { status: 'paused', because: 'crisis_mode' },
      at,
    });
  }
  return paused.map((p) => p.id);
}
