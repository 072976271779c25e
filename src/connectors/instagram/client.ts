/**
 * The Instagram client: polls comments on the account's media, media it is tagged in and
 * Instagram Direct; replies, hides and deletes comments.
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
} from '../meta/graph.js';
import { pollConversations, sendDirectReply } from '../meta/messaging.js';
import { INSTAGRAM_ACCOUNT_LABEL, readInstagramCredentials } from './credentials.js';
import { instagramManifest } from './manifest.js';
import { commentItem, messageItem, tagItem, type IgComment, type IgMedia } from './normalise.js';
import { instagramWebhook } from './webhook.js';

const REPLY_FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';
const COMMENT_FIELDS = `${REPLY_FIELDS},replies{${REPLY_FIELDS}}`;

/** How far back a retried reply looks for its own earlier attempt. */
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60 * 1000;

export function createInstagramConnector(deps: ConnectorDeps): Connector {
  const creds = readInstagramCredentials(deps);
  const graph = createGraphClient({
    platform: 'instagram',
    accountLabel: INSTAGRAM_ACCOUNT_LABEL,
    deps,
    accessToken: creds.accessToken,
    appSecret: creds.appSecret,
    graphVersion: creds.graphVersion,
  });
  const igUserId = creds.igUserId;
  const ownIds = [igUserId, ...(creds.pageId ? [creds.pageId] : [])];
  const isOwn = (c: IgComment) => c.from?.id === igUserId;
  const time = (iso: string | undefined) => Date.parse(graphTime(iso, new Date(0)));

  async function pollComments(since: number): Promise<NormalisedItem[]> {
    const now = deps.now();
    const media = await graph.pages<IgMedia>(
      `${igUserId}/media`,
      { fields: 'id,caption,timestamp,permalink,comments_count', limit: creds.maxPosts },
      'reading the account’s posts',
      { maxPages: 1 },
    );
    const items: NormalisedItem[] = [];
    for (const post of media) {
      if (post.comments_count === 0) continue;
      const comments = await graph.pages<IgComment>(
        `${post.id}/comments`,
        { fields: COMMENT_FIELDS, limit: 50 },
        'reading comments on a post',
        { maxPages: 5 },
      );
      for (const comment of comments) {
        if (!isOwn(comment) && time(comment.timestamp) >= since) {
          items.push(commentItem(comment, post.id, null, now));
        }
        for (const reply of comment.replies?.data ?? []) {
          if (!isOwn(reply) && time(reply.timestamp) >= since) {
            items.push(commentItem(reply, post.id, comment.id, now));
          }
        }
      }
    }
    return items;
  }

  async function pollTags(since: number): Promise<NormalisedItem[]> {
    const now = deps.now();
    const tagged = await graph.pages<IgMedia>(
      `${igUserId}/tags`,
      { fields: 'id,caption,timestamp,permalink,username,media_type,media_url', limit: 25 },
      'reading posts the account is tagged in',
      { stop: (page) => time(page[page.length - 1]?.timestamp) < since },
    );
    return tagged.filter((m) => time(m.timestamp) >= since).map((m) => tagItem(m, now));
  }

  async function findOwnReply(path: string, text: string): Promise<IgComment | undefined> {
    const cutoff = deps.now().getTime() - DUPLICATE_WINDOW_MS;
    const recent = await graph.get<{ data?: IgComment[] }>(
      path,
      { fields: REPLY_FIELDS, limit: 50 },
      'checking for an earlier reply',
    );
    return (recent.data ?? []).find(
      (c) => isOwn(c) && sameText(c.text, text) && time(c.timestamp) >= cutoff,
    );
  }

  return {
    manifest: instagramManifest,

    async poll(cursor: string | null): Promise<PollResult> {
      const state = readMetaCursor(cursor, deps.now(), creds.lookbackHours * 3_600_000);
      const since = Date.parse(state.since);
      const items = [...(await pollComments(since)), ...(await pollTags(since))];
      if (creds.directMessages && creds.pageId) {
        const now = deps.now();
        const found = await pollConversations(graph, creds.pageId, 'instagram', ownIds, since);
        items.push(
          ...found.map(({ message, participantId }) => messageItem(message, participantId, now)),
        );
      }
      return metaPollResult(items, since);
    },

    webhook: (request, secrets) => instagramWebhook(request, secrets, igUserId, deps.now()),

    /**
     * A comment reply needs `inReplyTo` (the comment) and `conversationId` (its media); when the
     * two are equal the reply is a new comment on the media. A DM reply has only `conversationId`
     * (the sender's IGSID).
     */
    async reply(request: PublishRequest): Promise<PublishResult> {
      if (!request.inReplyTo && request.conversationId) {
        if (!creds.pageId) {
          throw graph.http.error(
            'config',
            'Instagram Direct replies need the linked Facebook Page id.',
            {},
            'Reconnect the Instagram account in Accounts and choose its Facebook Page.',
          );
        }
        return sendDirectReply(graph, {
          pageId: creds.pageId,
          platform: 'instagram',
          ownIds,
          recipientId: request.conversationId,
          text: request.text,
          now: deps.now(),
          windowMs: DUPLICATE_WINDOW_MS,
        });
      }
      if (!request.inReplyTo) {
        throw graph.http.error(
          'rejected',
          'An Instagram reply needs the comment or post it answers.',
          {},
          'Open the item in the inbox and reply from there.',
        );
      }
      const onMedia = request.conversationId === request.inReplyTo;
      const edge = `${request.inReplyTo}/${onMedia ? 'comments' : 'replies'}`;
      const earlier = await findOwnReply(edge, request.text);
      if (earlier) return { platformPostId: earlier.id, permalink: null, alreadyPublished: true };
      const created = await graph.post<{ id?: string }>(
        edge,
        { message: request.text },
        onMedia ? 'commenting on a post' : 'replying to a comment',
      );
      if (!created.id)
        throw graph.http.error('bad_response', 'Instagram accepted the reply but returned no id.');
      return { platformPostId: created.id, permalink: null, alreadyPublished: false };
    },

    async hide(externalId: string): Promise<void> {
      await graph.post(externalId, { hide: true }, 'hiding a comment');
    },

    async delete(externalId: string): Promise<void> {
      await graph.del(externalId, 'deleting a comment');
    },

    health(): Promise<ConnectorHealth> {
      return graphHealth(graph, deps, 'Instagram', () =>
        graph.get(igUserId, { fields: 'id,username' }, 'checking the Instagram connection'),
      );
    },
  };
}
