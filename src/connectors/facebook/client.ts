/**
 * The Facebook Pages client: polls page comments, visitor posts and Messenger conversations;
 * replies, publishes, hides and deletes. Every call goes through the shared HTTP helper.
 */
import type {
  Connector,
  ConnectorDeps,
  ConnectorHealth,
  NormalisedItem,
  PollResult,
  PublishRequest,
  PublishResult,
} from '../contract.js';
import {
  createGraphClient,
  graphHealth,
  graphTime,
  metaPollResult,
  readMetaCursor,
  sameText,
  type GraphClient,
} from '../meta/graph.js';
import {
  FACEBOOK_ACCOUNT_LABEL,
  readFacebookCredentials,
  type FacebookCredentials,
} from './credentials.js';
import { facebookManifest } from './manifest.js';
import {
  commentItem,
  messageItem,
  visitorPostItem,
  type FbComment,
  type FbPost,
} from './normalise.js';
import { facebookWebhook } from './webhook.js';
import { pollConversations, sendDirectReply } from '../meta/messaging.js';

const POST_FIELDS = 'id,message,created_time,updated_time,from{id,name},permalink_url';
const COMMENT_FIELDS = 'id,message,created_time,from{id,name},parent{id},permalink_url,attachment';

/** How far back a retried reply or post looks for its own earlier attempt. */
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60 * 1000;

export function createFacebookConnector(deps: ConnectorDeps): Connector {
  const creds: FacebookCredentials = readFacebookCredentials(deps);
  const graph: GraphClient = createGraphClient({
    platform: 'facebook',
    accountLabel: FACEBOOK_ACCOUNT_LABEL,
    deps,
    accessToken: creds.pageAccessToken,
    appSecret: creds.appSecret,
    graphVersion: creds.graphVersion,
  });
  const pageId = creds.pageId;
  const isPage = (id: string | undefined) => id === pageId;
  const time = (iso: string | undefined) => Date.parse(graphTime(iso, new Date(0)));

  async function pollComments(since: number): Promise<NormalisedItem[]> {
    const now = deps.now();
    const posts = await graph.pages<FbPost>(
      `${pageId}/feed`,
      { fields: POST_FIELDS, limit: Math.min(creds.maxPosts, 100) },
      'reading the Page feed',
      { maxPages: Math.ceil(creds.maxPosts / 100) },
    );
    const items: NormalisedItem[] = [];
    for (const post of posts.slice(0, creds.maxPosts)) {
      if (!isPage(post.from?.id) && time(post.created_time) >= since) {
        items.push(visitorPostItem(post, now));
      }
      // updated_time moves when someone comments; untouched posts need no comment call.
      if (time(post.updated_time ?? post.created_time) < since) continue;
      const comments = await graph.pages<FbComment>(
        `${post.id}/comments`,
        { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: 100 },
        'reading comments on a Page post',
        { stop: (page) => time(page[page.length - 1]?.created_time) < since },
      );
      for (const comment of comments) {
        if (isPage(comment.from?.id) || time(comment.created_time) < since) continue;
        items.push(commentItem(comment, post.id, now));
      }
    }
    return items;
  }

  async function pollMessages(since: number): Promise<NormalisedItem[]> {
    const now = deps.now();
    const found = await pollConversations(graph, pageId, 'messenger', [pageId], since);
    return found.map(({ message, participantId }) => messageItem(message, participantId, now));
  }

  async function findOwnComment(targetId: string, text: string): Promise<FbComment | undefined> {
    const cutoff = deps.now().getTime() - DUPLICATE_WINDOW_MS;
    const recent = await graph.get<{ data?: FbComment[] }>(
      `${targetId}/comments`,
      {
        fields: 'id,message,created_time,from{id}',
        filter: 'stream',
        order: 'reverse_chronological',
        limit: 100,
      },
      'checking for an earlier reply',
    );
    return (recent.data ?? []).find(
      (c) => isPage(c.from?.id) && sameText(c.message, text) && time(c.created_time) >= cutoff,
    );
  }

  return {
    manifest: facebookManifest,

    async poll(cursor: string | null): Promise<PollResult> {
      const state = readMetaCursor(cursor, deps.now(), creds.lookbackHours * 3_600_000);
      const since = Date.parse(state.since);
      const items = await pollComments(since);
      if (creds.directMessages) items.push(...(await pollMessages(since)));
      return metaPollResult(items, since);
    },

    webhook: (request, secrets) => facebookWebhook(request, secrets, pageId, deps.now()),

    async reply(request: PublishRequest): Promise<PublishResult> {
      if (!request.inReplyTo && request.conversationId) {
        return sendDirectReply(graph, {
          pageId,
          platform: 'messenger',
          ownIds: [pageId],
          recipientId: request.conversationId,
          text: request.text,
          now: deps.now(),
          windowMs: DUPLICATE_WINDOW_MS,
        });
      }
      if (!request.inReplyTo) {
        throw graph.http.error(
          'rejected',
          'A Facebook reply needs the comment, post or conversation it answers.',
          {},
          'Open the item in the inbox and reply from there.',
        );
      }
      const earlier = await findOwnComment(request.inReplyTo, request.text);
      if (earlier) {
        return {
          platformPostId: earlier.id,
          permalink: earlier.permalink_url ?? null,
          alreadyPublished: true,
        };
      }
      const created = await graph.post<{ id?: string }>(
        `${request.inReplyTo}/comments`,
        { message: request.text },
        'replying to a comment',
      );
      if (!created.id)
        throw graph.http.error('bad_response', 'Facebook accepted the reply but returned no id.');
      return { platformPostId: created.id, permalink: null, alreadyPublished: false };
    },

    async publish(request: PublishRequest): Promise<PublishResult> {
      const cutoff = deps.now().getTime() - DUPLICATE_WINDOW_MS;
      const recent = await graph.get<{ data?: FbPost[] }>(
        `${pageId}/posts`,
        { fields: 'id,message,created_time,permalink_url', limit: 25 },
        'checking for an earlier post',
      );
      const earlier = (recent.data ?? []).find(
        (p) => sameText(p.message, request.text) && time(p.created_time) >= cutoff,
      );
      if (earlier) {
        return {
          platformPostId: earlier.id,
          permalink: earlier.permalink_url ?? null,
          alreadyPublished: true,
        };
      }
      const created = await graph.post<{ id?: string }>(
        `${pageId}/feed`,
        { message: request.text },
        'publishing a Page post',
      );
      if (!created.id)
        throw graph.http.error('bad_response', 'Facebook accepted the post but returned no id.');
      return {
        platformPostId: created.id,
        permalink: `https://www.facebook.com/${created.id}`,
        alreadyPublished: false,
      };
    },

    async hide(externalId: string): Promise<void> {
      await graph.post(externalId, { is_hidden: true }, 'hiding a comment');
    },

    async delete(externalId: string): Promise<void> {
      await graph.del(externalId, 'deleting a comment');
    },

    health(): Promise<ConnectorHealth> {
      return graphHealth(graph, deps, 'Facebook', () =>
        graph.get(pageId, { fields: 'id,name' }, 'checking the Page connection'),
      );
    },
  };
}
