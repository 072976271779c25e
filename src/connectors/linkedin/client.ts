/**
 * The LinkedIn client: polls comments on the organisation's newest posts and posts that @mention
 * it; comments and replies as the organisation, creates posts, deletes comments.
 */
import {
  ConnectorError,
  type Connector,
  type ConnectorDeps,
  type ConnectorHealth,
  type NormalisedItem,
  type PollResult,
  type PublishRequest,
  type PublishResult,
} from '../contract.js';
import { sameWords } from '../earlier-attempt.js';
import {
  createHttpClient,
  healthFromError,
  type ErrorContext,
  type PlatformError,
} from '../http.js';
import { LINKEDIN_ACCOUNT_LABEL, readLinkedinCredentials } from './credentials.js';
import { linkedinManifest } from './manifest.js';
import {
  commentItem,
  commentUrnOf,
  encodeUrn,
  escapeLittleText,
  mentionItem,
  parseCommentUrn,
  type LiComment,
  type LiNotification,
  type LiPost,
} from './normalise.js';

/** How far back a retried comment or post looks for its own earlier attempt. */
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60 * 1000;
const PAGE_SIZE = 50;

interface LiCollection<T> {
  elements?: T[];
  paging?: { start?: number; count?: number; total?: number };
}

/** LinkedIn's error body: `{ status, serviceErrorCode, code, message }`. */
export function classifyLinkedinError(context: ErrorContext): PlatformError | undefined {
  const body = (context.body ?? {}) as {
    serviceErrorCode?: number;
    code?: string;
    message?: string;
  };
  if (typeof body !== 'object') return undefined;
  const code = body.code ?? body.serviceErrorCode;
  const base: PlatformError = {
    ...(code !== undefined ? { code } : {}),
    ...(body.message ? { message: body.message } : {}),
  };
  const text = `${body.code ?? ''} ${body.message ?? ''}`.toLowerCase();
  if (context.status === 401) {
    if (body.serviceErrorCode === 65601 || text.includes('revoked')) {
      return {
        ...base,
        kind: 'auth_revoked',
        action: 'Reconnect the LinkedIn page in Accounts: its access was revoked.',
      };
    }
    return { ...base, kind: 'auth_expired' };
  }
  if (
    context.status === 426 ||
    (context.status === 400 && /version_missing|nonexistent_version/.test(text))
  ) {
    return {
      ...base,
      kind: 'config',
      action:
        'Ask your Commsdesk administrator to update the LinkedIn-Version the connector sends.',
    };
  }
  if (context.status === 403) {
    return {
      ...base,
      kind: 'permission_missing',
      action:
        'Reconnect the LinkedIn page in Accounts with a page administrator and grant every permission the desk asks for.',
    };
  }
  if (context.status === 422 || context.status === 409) return { ...base, kind: 'rejected' };
  return base;
}

/** LinkedIn's limits are daily and reset at midnight UTC; it rarely sends Retry-After. */
export function untilUtcMidnight(_headers: Headers, now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return next - now.getTime();
}

export function createLinkedinConnector(deps: ConnectorDeps): Connector {
  const creds = readLinkedinCredentials(deps);
  const orgUrn = `urn:li:organization:${creds.organizationId}`;
  const http = createHttpClient({
    platform: 'linkedin',
    accountLabel: LINKEDIN_ACCOUNT_LABEL,
    deps,
    headers: () => ({
      authorization: `Bearer ${creds.accessToken}`,
      'linkedin-version': creds.linkedinVersion,
      'x-restli-protocol-version': '2.0.0',
    }),
    classifyError: (context) =>
      context.status >= 400 ? classifyLinkedinError(context) : undefined,
    rateLimitWaitMs: untilUtcMidnight,
  });

  // Rest.li query strings keep List(...) and (start:…,end:…) structure unencoded: build them by hand.
  const get = async <T>(pathAndQuery: string, purpose: string) =>
    (await http.request<T>({ path: pathAndQuery, purpose })).body;

  async function comments(target: string, maxPages: number, purpose: string): Promise<LiComment[]> {
    const all: LiComment[] = [];
    for (let page = 0; page < maxPages; page++) {
      const res = await get<LiCollection<LiComment>>(
        `/rest/socialActions/${encodeUrn(target)}/comments?start=${page * PAGE_SIZE}&count=${PAGE_SIZE}`,
        purpose,
      );
      const elements = res?.elements ?? [];
      all.push(...elements);
      const total = res?.paging?.total;
      if (elements.length < PAGE_SIZE || (total !== undefined && all.length >= total)) break;
    }
    return all;
  }

  async function recentPosts(count: number, purpose: string): Promise<LiPost[]> {
    const res = await get<LiCollection<LiPost>>(
      `/rest/posts?author=${encodeUrn(orgUrn)}&q=author&count=${count}&sortBy=LAST_MODIFIED`,
      purpose,
    );
    return res?.elements ?? [];
  }

  async function pollComments(since: number): Promise<NormalisedItem[]> {
    const now = deps.now();
    const items: NormalisedItem[] = [];
    for (const post of await recentPosts(creds.maxPosts, 'reading the page’s posts')) {
      for (const comment of await comments(post.id, 3, 'reading comments on a post')) {
        if (comment.actor !== orgUrn && (comment.created?.time ?? 0) >= since) {
          const item = commentItem(comment, post.id, now);
          if (item) items.push(item);
        }
        const urn = commentUrnOf(comment);
        if (urn && (comment.commentsSummary?.aggregatedTotalComments ?? 0) > 0) {
          for (const nested of await comments(urn, 1, 'reading replies to a comment')) {
            if (nested.actor === orgUrn || (nested.created?.time ?? 0) < since) continue;
            const item = commentItem({ parentComment: urn, ...nested }, post.id, now);
            if (item) items.push(item);
          }
        }
      }
    }
    return items;
  }

  async function pollMentions(since: number): Promise<NormalisedItem[]> {
    const now = deps.now();
    const res = await get<LiCollection<LiNotification>>(
      `/rest/organizationalEntityNotifications?q=criteria&actions=List(SHARE_MENTION)` +
        `&organizationalEntity=${encodeUrn(orgUrn)}&timeRange=(start:${since},end:${now.getTime()})&count=${PAGE_SIZE}`,
      'reading mentions of the page',
    );
    const items: NormalisedItem[] = [];
    for (const notification of res?.elements ?? []) {
      if (notification.action !== 'SHARE_MENTION' || !notification.sourcePost) continue;
      try {
        const post = await get<LiPost>(
          `/rest/posts/${encodeUrn(notification.sourcePost)}`,
          'reading a post that mentions the page',
        );
        if (post?.id) items.push(mentionItem(post, now));
      } catch (error) {
        // A mentioning post deleted or made private since is not worth failing the poll over.
        if (error instanceof ConnectorError && error.kind === 'not_found') continue;
        throw error;
      }
    }
    return items;
  }

  function sameComment(c: LiComment, text: string, cutoff: number): boolean {
    return (
      c.actor === orgUrn &&
      sameWords(c.message?.text ?? '', text) &&
      (c.created?.time ?? 0) >= cutoff
    );
  }

  return {
    manifest: linkedinManifest,

    async poll(cursor: string | null): Promise<PollResult> {
      let since = deps.now().getTime() - creds.lookbackHours * 3_600_000;
      if (cursor) {
        try {
          const parsed = JSON.parse(cursor) as { since?: unknown };
          if (typeof parsed.since === 'number') since = parsed.since;
        } catch {
          // Start again from the lookback window; the store is idempotent on URNs.
        }
      }
      const items = [...(await pollComments(since)), ...(await pollMentions(since))];
      const newest = items.reduce((max, i) => Math.max(max, Date.parse(i.receivedAt)), since);
      return { items, cursor: JSON.stringify({ since: newest }) };
    },

    async reply(request: PublishRequest): Promise<PublishResult> {
      if (!request.inReplyTo) {
        throw http.error(
          'rejected',
          'A LinkedIn reply needs the comment or post it answers.',
          {},
          'Open the item in the inbox and reply from there.',
        );
      }
      const target = request.inReplyTo;
      const parent = parseCommentUrn(target);
      const cutoff = deps.now().getTime() - DUPLICATE_WINDOW_MS;
      const existing = await comments(target, 3, 'checking for an earlier reply');
      const earlier = existing.find((c) => sameComment(c, request.text, cutoff));
      const earlierUrn = earlier && commentUrnOf(earlier);
      if (earlierUrn)
        return { platformPostId: earlierUrn, permalink: null, alreadyPublished: true };

      const res = await http.request<LiComment>({
        method: 'POST',
        path: `/rest/socialActions/${encodeUrn(target)}/comments`,
        json: {
          actor: orgUrn,
          object: parent ? parent.object : target,
          message: { text: request.text },
          ...(parent ? { parentComment: target } : {}),
        },
        purpose: parent ? 'replying to a comment' : 'commenting on a post',
      });
      const urn = (res.body && commentUrnOf(res.body)) ?? res.headers.get('x-restli-id');
      if (!urn)
        throw http.error('bad_response', 'LinkedIn accepted the comment but returned no id.');
      return { platformPostId: urn, permalink: null, alreadyPublished: false };
    },

    async publish(request: PublishRequest): Promise<PublishResult> {
      const commentary = escapeLittleText(request.text);
      const cutoff = deps.now().getTime() - DUPLICATE_WINDOW_MS;
      const recent = await recentPosts(20, 'checking for an earlier post');
      const earlier = recent.find(
        (p) => p.commentary?.trim() === commentary.trim() && (p.createdAt ?? 0) >= cutoff,
      );
      const link = (urn: string) => `https://www.linkedin.com/feed/update/${urn}`;
      if (earlier)
        return { platformPostId: earlier.id, permalink: link(earlier.id), alreadyPublished: true };
      try {
        const res = await http.request<unknown>({
          method: 'POST',
          path: '/rest/posts',
          json: {
            author: orgUrn,
            commentary,
            visibility: 'PUBLIC',
            distribution: {
              feedDistribution: 'MAIN_FEED',
              targetEntities: [],
              thirdPartyDistributionChannels: [],
            },
            lifecycleState: 'PUBLISHED',
            isReshareDisabledByAuthor: false,
          },
          purpose: 'publishing a post',
        });
        const urn = res.headers.get('x-restli-id');
        if (!urn)
          throw http.error('bad_response', 'LinkedIn accepted the post but returned no id.');
        return { platformPostId: urn, permalink: link(urn), alreadyPublished: false };
      } catch (error) {
        // LinkedIn refuses an identical post with "Content is a duplicate of urn:li:share:…".
        const duplicate =
          error instanceof ConnectorError && error.kind === 'rejected'
            ? /duplicate of (urn:li:(?:share|ugcPost):\d+)/.exec(error.detail.platformMessage ?? '')
            : null;
        if (duplicate)
          return {
            platformPostId: duplicate[1],
            permalink: link(duplicate[1]),
            alreadyPublished: true,
          };
        throw error;
      }
    },

    async delete(externalId: string): Promise<void> {
      const parsed = parseCommentUrn(externalId);
      if (!parsed) {
        throw http.error(
          'rejected',
          'Only comments can be deleted on LinkedIn from the desk.',
          {},
          'Delete the post on LinkedIn itself.',
        );
      }
      await http.request({
        method: 'DELETE',
        path: `/rest/socialActions/${encodeUrn(parsed.object)}/comments/${encodeURIComponent(parsed.id)}?actor=${encodeUrn(orgUrn)}`,
        purpose: 'deleting a comment',
      });
    },

    async health(): Promise<ConnectorHealth> {
      try {
        await get(
          `/rest/organizations/${creds.organizationId}`,
          'checking the LinkedIn connection',
        );
        return { state: 'ok', checkedAt: deps.now().toISOString() };
      } catch (error) {
        return healthFromError(error, deps.now());
      }
    },
  };
}
