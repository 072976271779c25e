/**
 * `post.publish`: publish one version of a post through its account's connector, at least once
 * and never twice (PUB-1).
 *
 * The job may run more than once (a worker can die at any point; its lease runs out and another
 * worker claims it), so before calling the platform it asks the connector for a post already
 * made with the post's `clientRef` (`commsdesk-post-<id>`) and, when there is one, only records
 * it. A crash between the platform's answer and `markPublished` therefore ends in one post, not
 * two. The attempt row is committed before the platform call, so such a crash stays visible.
 *
 * The job re-reads everything before acting: a post that was edited (new version), unscheduled,
 * paused by crisis mode (INB-5) or moved into a blocking restricted period (PUB-5) is not sent.
 */
import {
  ConnectorError,
  type Connector,
  type ConnectorFactory,
  type ConnectorPlatform,
  type PublishRequest,
  type PublishResult,
} from '../../connectors/contract.js';
import type { Account, Job, Organisation, Post } from '../../store/index.js';
import type { Desk } from '../context.js';
import {
  clientRefOf,
  connectorForAccount,
  restrictedPeriodProblem,
  type PublishJobPayload,
} from '../services/posts.service.js';
import type { JobHandler } from './worker.js';

export { PUBLISH_JOB } from '../services/posts.service.js';

/** Connectors that can look a post up by the desk's reference (the sandbox; search APIs). */
interface ClientRefLookup {
  findByClientRef(clientRef: string): Promise<PublishResult | null>;
}

function canLookUp(c: Connector): c is Connector & ClientRefLookup {
  return typeof (c as Partial<ClientRefLookup>).findByClientRef === 'function';
}

export interface PublishJobOptions {
  /** Factory lookup by platform (tests substitute a failing platform). */
  lookup?: (platform: ConnectorPlatform) => ConnectorFactory | undefined;
  /**
   * Runs after the platform accepted the post and before the desk records it: the crash test
   * throws here to stand for a process killed at the worst moment.
   */
  afterPlatformCall?: (post: Post) => void | Promise<void>;
}

export function createPublishJob(options: PublishJobOptions = {}): JobHandler {
  return {
    leaseMs: 30_000,
    async perform(desk: Desk, job: Job): Promise<void> {
      const payload = job.payload as PublishJobPayload;
      const { store } = desk;
      const org = await store.organisations.get(job.organisationId);
      if (!org) return;
      const post = await store.posts.get(org.id, payload.postId);
      if (!post) return;
      if (payload.correction) {
        await publishCorrection(desk, org, post, payload, job, options);
        return;
      }
      if (post.status === 'published' || post.status !== 'scheduled') return;
      if (post.version !== payload.version) return;
      const now = desk.clock.now();

      if (org.crisisMode && !payload.crisisOverride) {
        // Crisis mode switched on after this job was claimed: hold the post, never send it.
        await store.transaction(async (tx) => {
          const paused = await tx.posts.setStatus(org.id, post.id, 'paused', {
            at: now,
            from: 'scheduled',
          });
          if (paused) {
            await tx.audit.append({
              organisationId: org.id,
              actor: 'system',
              action: 'post.pause',
              subjectType: 'post',
              subjectId: post.id,
              before: { status: 'scheduled' },
              after: { status: 'paused', because: 'crisis_mode' },
              at: now,
            });
          }
        });
        return;
      }

      const { profile } = desk.profiles.forOrganisation(org);
      const approvals = await store.posts.approvals(org.id, post.id);
      const problem = restrictedPeriodProblem(profile, now, post, approvals);
      if (problem) {
        await refuse(desk, org, post, now, problem.code, problem.message);
        return;
      }

      const account = await store.accounts.get(org.id, post.accountId);
      if (!account) {
        await refuse(desk, org, post, now, 'account_not_found', 'The account no longer exists.');
        return;
      }
      const replyTo = post.inReplyToItemId
        ? await store.items.get(org.id, post.inReplyToItemId)
        : null;
      const clientRef = clientRefOf(post.id);
      const request: PublishRequest = {
        clientRef,
        text: post.text,
        media: toConnectorMedia(post.media),
        // A direct message is answered in its conversation (connectors treat a reply with only
        // `conversationId` as a DM); with `inReplyTo` too it would go out as a public reply.
        inReplyTo:
          replyTo && !(replyTo.kind === 'dm' && replyTo.conversationId) ? replyTo.externalId : null,
        conversationId: replyTo?.conversationId ?? null,
      };
      await send(desk, org, post, job, options, account, request, 'publish');
    },
  };
}

async function send(
  desk: Desk,
  org: Organisation,
  post: Post,
  job: Job,
  options: PublishJobOptions,
  account: Account,
  request: PublishRequest,
  mode: 'publish' | 'correction',
): Promise<void> {
  const { store, clock } = desk;
  const isReply = mode === 'correction' || post.kind === 'reply';
  let attemptId: number | null = null;
  try {
    const connector = await connectorForAccount(desk, account, options.lookup);
    const call = isReply ? connector.reply : connector.publish;
    if (!call) {
      throw new ConnectorError(
        'config',
        account.platform as ConnectorPlatform,
        account.handle,
        `The ${connector.manifest.displayName} connector cannot ${isReply ? 'reply' : 'publish'}`,
        'Publish on the platform itself.',
      );
    }
    let result = canLookUp(connector) ? await connector.findByClientRef(request.clientRef) : null;
    if (!result) {
      attemptId = await store.posts.startAttempt(org.id, {
        postId: post.id,
        version: post.version,
        clientRef: request.clientRef,
        at: clock.now(),
      });
      result = await call.call(connector, request);
      await options.afterPlatformCall?.(post);
    }
    const done = result;
    await store.transaction(async (tx) => {
      const at = clock.now();
      if (attemptId !== null) {
        await tx.posts.finishAttempt(org.id, attemptId, {
          outcome: done.alreadyPublished ? 'already_published' : 'published',
          platformPostId: done.platformPostId,
          at,
        });
      }
      if (mode === 'correction') {
        await tx.audit.append({
          organisationId: org.id,
          actor: 'system',
          action: 'post.correction_published',
          subjectType: 'post',
          subjectId: post.id,
          after: { version: post.version, platformPostId: done.platformPostId },
          at,
        });
        return;
      }
      const published = await tx.posts.markPublished(org.id, post.id, {
        platformPostId: done.platformPostId,
        at,
      });
      if (!published) return;
      await tx.audit.append({
        organisationId: org.id,
        actor: 'system',
        action: 'post.published',
        subjectType: 'post',
        subjectId: post.id,
        before: { status: post.status },
        after: {
          status: 'published',
          version: post.version,
          platformPostId: done.platformPostId,
          permalink: done.permalink ?? null,
          // True when an earlier, interrupted attempt had already posted it: no second post.
          foundExisting: attemptId === null || done.alreadyPublished,
          job: job.id,
        },
        at,
      });
      if (post.inReplyToItemId) {
        const item = await tx.items.get(org.id, post.inReplyToItemId);
        if (item && item.status !== 'replied' && item.status !== 'closed') {
          await tx.items.setStatus(org.id, item.id, 'replied', { at });
          await tx.audit.append({
            organisationId: org.id,
            actor: 'system',
            action: 'item.status',
            subjectType: 'item',
            subjectId: item.id,
            before: { status: item.status },
            after: { status: 'replied', post: post.id },
            at,
          });
        }
      }
    });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const at = clock.now();
    const lastAttempt = job.attempts >= job.maxAttempts;
    if (attemptId !== null) {
      await store.posts.finishAttempt(org.id, attemptId, {
        outcome: 'failed',
        error: `${error.kind}: ${error.message}`,
        at,
      });
    }
    if (error.retryable && !lastAttempt) throw error;
    if (mode === 'correction') throw error;
    await refuse(
      desk,
      org,
      post,
      at,
      `platform_${error.kind}`,
      `${error.message}. ${error.action}`,
    );
  }
}

/** The post cannot go out: mark it failed, say why in the audit, and finish the job. */
async function refuse(
  desk: Desk,
  org: Organisation,
  post: Post,
  at: Date,
  code: string,
  message: string,
): Promise<void> {
  await desk.store.transaction(async (tx) => {
    const failed = await tx.posts.setStatus(org.id, post.id, 'failed', { at, from: 'scheduled' });
    if (!failed) return;
    await tx.audit.append({
      organisationId: org.id,
      actor: 'system',
      action: 'post.publish_failed',
      subjectType: 'post',
      subjectId: post.id,
      before: { status: 'scheduled' },
      after: { status: 'failed', code, message },
      at,
    });
  });
}

async function publishCorrection(
  desk: Desk,
  org: Organisation,
  post: Post,
  payload: PublishJobPayload,
  job: Job,
  options: PublishJobOptions,
): Promise<void> {
  if (post.status !== 'published' || !post.platformPostId) return;
  const account = await desk.store.accounts.get(org.id, post.accountId);
  if (!account) return;
  // The text of the version this job was made for: a later correction has its own job.
  const text =
    post.version === payload.version
      ? post.text
      : ((await desk.store.posts.revisions(org.id, post.id)).find(
          (r) => r.version === payload.version,
        )?.text ?? '');
  if (!text) return;
  await send(
    desk,
    org,
    post,
    job,
    options,
    account,
    {
      clientRef: clientRefOf(post.id, payload.version),
      text: `Correction: ${text}`,
      inReplyTo: post.platformPostId,
    },
    'correction',
  );
}

function toConnectorMedia(media: unknown[] | null): PublishRequest['media'] {
  const out: NonNullable<PublishRequest['media']> = [];
  for (const m of media ?? []) {
    const x = m as { type?: string; url?: string; alt?: string };
    if ((x.type === 'image' || x.type === 'video') && typeof x.url === 'string') {
      out.push({ type: x.type, url: x.url, altText: x.alt ?? null });
    }
  }
  return out;
}

/** The handler the worker runs. */
export const publishJob = createPublishJob();
