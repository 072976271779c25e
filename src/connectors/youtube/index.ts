/**
 * YouTube: comments and replies on the channel's videos (commentThreads.list with
 * allThreadsRelatedToChannelId), replies (comments.insert), hide (comments.setModerationStatus
 * heldForReview) and delete (comments.delete, own comments only).
 */
import {
  type Connector,
  type ConnectorDeps,
  type ConnectorFactory,
  type ConnectorHealth,
  type NormalisedItem,
  type PollResult,
  type PublishRequest,
  type PublishResult,
} from '../contract.js';
import { EARLIER_ATTEMPT_WINDOW_MS, sameWords } from '../earlier-attempt.js';
import { probeHealth, type HttpClientOptions } from '../http.js';
import { finishSincePoll, readSinceCursor } from '../since-cursor.js';
import { createYoutubeHttp } from './client.js';
import { parseYoutubeCredentials } from './credentials.js';
import { manifest } from './manifest.js';
import { normaliseComment, type YoutubeComment, type YoutubeCommentThread } from './normalise.js';

const MAX_PAGES = 5;

/** Replies can only answer a top-level comment; a reply's id is `<parentId>.<suffix>`. */
export function topLevelId(commentId: string): string {
  const dot = commentId.indexOf('.');
  return dot === -1 ? commentId : commentId.slice(0, dot);
}

export function createYoutubeConnector(
  deps: ConnectorDeps,
  options: Partial<HttpClientOptions> = {},
): Connector {
  const { accessToken, channelId } = parseYoutubeCredentials(deps);
  const http = createYoutubeHttp(deps, accessToken, options);

  async function poll(cursor: string | null): Promise<PollResult> {
    const state = readSinceCursor(cursor);
    const isNew = (c: YoutubeComment) => {
      if (!state) return true;
      const at = new Date(c.snippet.publishedAt).toISOString();
      return at > state.since || (at === state.since && !state.ids.includes(c.id));
    };
    const found: NormalisedItem[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await http.request<{ nextPageToken?: string; items?: YoutubeCommentThread[] }>({
        path: '/youtube/v3/commentThreads',
        query: {
          part: 'snippet,replies',
          allThreadsRelatedToChannelId: channelId,
          maxResults: 100,
          order: 'time',
          textFormat: 'plainText',
          pageToken,
        },
        purpose: 'reading comments',
      });
      if (!Array.isArray(res.body?.items)) {
        throw http.error(
          'bad_response',
          'YouTube sent comment threads in an unexpected shape (expected items).',
        );
      }
      let reachedSeen = false;
      for (const thread of res.body.items) {
        const video =
          thread.snippet.videoId ?? thread.snippet.topLevelComment.snippet.videoId ?? null;
        const comments = [thread.snippet.topLevelComment, ...(thread.replies?.comments ?? [])];
        if (!comments.some(isNew)) reachedSeen = true;
        for (const comment of comments) {
          // The channel's own comments are the desk's replies, not inbound items.
          if (comment.snippet.authorChannelId?.value === channelId) continue;
          if (isNew(comment)) found.push(normaliseComment(comment, video));
        }
      }
      // Threads come newest activity first: a thread with nothing new means the rest are older.
      // The first poll reads one page (no backfill).
      if (!state || reachedSeen || !res.body.nextPageToken) break;
      pageToken = res.body.nextPageToken;
    }
    return finishSincePoll(found, state, cursor);
  }

  async function reply(request: PublishRequest): Promise<PublishResult> {
    if (!request.inReplyTo) {
      throw http.error(
        'config',
        'A YouTube reply needs the id of the comment it answers.',
        {},
        'Reply from the item in the inbox.',
      );
    }
    const parentId = topLevelId(request.inReplyTo);
    // comments.insert has no idempotency key: look for this reply first.
    const existing = await http.request<{ items?: YoutubeComment[] }>({
      path: '/youtube/v3/comments',
      query: { part: 'snippet', parentId, maxResults: 100, textFormat: 'plainText' },
      purpose: 'looking for an earlier attempt at this reply',
    });
    const since = deps.now().getTime() - EARLIER_ATTEMPT_WINDOW_MS;
    const earlier = (existing.body?.items ?? []).find(
      (c) =>
        c.snippet.authorChannelId?.value === channelId &&
        Date.parse(c.snippet.publishedAt) >= since &&
        sameWords(c.snippet.textOriginal ?? c.snippet.textDisplay ?? '', request.text),
    );
    if (earlier) {
      return {
        platformPostId: earlier.id,
        permalink: normaliseComment(earlier, null).permalink,
        alreadyPublished: true,
      };
    }
    const res = await http.request<YoutubeComment>({
      method: 'POST',
      path: '/youtube/v3/comments',
      query: { part: 'snippet' },
      json: { snippet: { parentId, textOriginal: request.text } },
      purpose: 'posting a reply',
    });
    return { platformPostId: res.body.id, permalink: null, alreadyPublished: false };
  }

  async function hide(externalId: string): Promise<void> {
    await http.request({
      method: 'POST',
      path: '/youtube/v3/comments/setModerationStatus',
      query: { id: externalId, moderationStatus: 'heldForReview' },
      // Setting the same status twice is harmless.
      idempotent: true,
      purpose: 'hiding a comment',
    });
  }

  async function remove(externalId: string): Promise<void> {
    await http.request({
      method: 'DELETE',
      path: '/youtube/v3/comments',
      query: { id: externalId },
      purpose: 'deleting a comment',
    });
  }

  function health(): Promise<ConnectorHealth> {
    return probeHealth(deps, async () => {
      await http.request({
        path: '/youtube/v3/channels',
        query: { part: 'id', mine: true },
        purpose: 'checking the channel',
      });
    });
  }

  return { manifest, poll, reply, hide, delete: remove, health };
}

const factory: ConnectorFactory = { manifest, create: (deps) => createYoutubeConnector(deps) };

export default factory;
