/**
 * TikTok business accounts: comments on the account's recent videos (business/video/list, then
 * business/comment/list per video), replies (business/comment/reply/create), hide
 * (business/comment/hide) and delete (business/comment/delete, own comments).
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
import { finishSincePoll, readSinceCursor, type SinceCursor } from '../since-cursor.js';
import { createTiktokHttp } from './client.js';
import { parseTiktokCredentials } from './credentials.js';
import { manifest } from './manifest.js';
import { createdAt, normaliseComment, type TiktokComment } from './normalise.js';

const API = '/open_api/v1.3';
const COMMENT_PAGE = 30;
const MAX_PAGES_PER_VIDEO = 5;

interface Envelope<T> {
  code: number;
  message: string;
  request_id?: string;
  data: T;
}

export function createTiktokConnector(
  deps: ConnectorDeps,
  options: Partial<HttpClientOptions> = {},
): Connector {
  const { accessToken, businessId, videosToWatch } = parseTiktokCredentials(deps);
  const http = createTiktokHttp(deps, accessToken, options);
  /** comment id → video id, learnt while polling (TikTok's write calls need the video). */
  const videoOf = new Map<string, string>();
  let username: string | null = null;

  async function recentVideos(): Promise<string[]> {
    const res = await http.request<Envelope<{ videos?: { item_id: string }[] }>>({
      path: `${API}/business/video/list/`,
      query: {
        business_id: businessId,
        fields: JSON.stringify(['item_id', 'create_time']),
        max_count: videosToWatch,
      },
      purpose: 'listing recent videos',
    });
    const videos = res.body?.data?.videos;
    if (!Array.isArray(videos))
      throw http.error('bad_response', 'TikTok sent the video list in an unexpected shape.');
    return videos.map((v) => v.item_id);
  }

  async function account(): Promise<string | null> {
    if (username) return username;
    const res = await http.request<Envelope<{ username?: string }>>({
      path: `${API}/business/get/`,
      query: { business_id: businessId, fields: JSON.stringify(['username']) },
      purpose: 'checking the account',
    });
    username = res.body?.data?.username ?? null;
    return username;
  }

  async function commentsFor(videoId: string, state: SinceCursor | null): Promise<TiktokComment[]> {
    const out: TiktokComment[] = [];
    let cursor = 0;
    for (let page = 0; page < MAX_PAGES_PER_VIDEO; page++) {
      const res = await http.request<
        Envelope<{ comments?: TiktokComment[]; cursor?: number; has_more?: boolean }>
      >({
        path: `${API}/business/comment/list/`,
        query: {
          business_id: businessId,
          video_id: videoId,
          include_replies: true,
          sort_field: 'create_time',
          sort_order: 'desc',
          cursor,
          max_count: COMMENT_PAGE,
        },
        purpose: 'reading video comments',
      });
      const comments = res.body?.data?.comments;
      if (!Array.isArray(comments))
        throw http.error('bad_response', 'TikTok sent comments in an unexpected shape.');
      out.push(...comments);
      const reachedSeen = state !== null && comments.some((c) => createdAt(c) < state.since);
      if (!state || reachedSeen || !res.body.data.has_more) break;
      cursor = res.body.data.cursor ?? cursor + comments.length;
    }
    return out;
  }

  async function poll(cursor: string | null): Promise<PollResult> {
    const state = readSinceCursor(cursor);
    const name = await account();
    const items: NormalisedItem[] = [];
    for (const videoId of await recentVideos()) {
      for (const comment of await commentsFor(videoId, state)) {
        videoOf.set(comment.comment_id, comment.video_id ?? videoId);
        if (comment.owner) continue;
        const at = createdAt(comment);
        if (
          state &&
          (at < state.since || (at === state.since && state.ids.includes(comment.comment_id)))
        )
          continue;
        items.push(normaliseComment({ ...comment, video_id: comment.video_id ?? videoId }, name));
      }
    }
    return finishSincePoll(items, state, cursor);
  }

  /** The video a comment is on: learnt in a poll, given as the item's conversation, or searched. */
  async function videoFor(commentId: string, conversationId?: string | null): Promise<string> {
    const known = videoOf.get(commentId) ?? conversationId;
    if (known) return known;
    for (const videoId of await recentVideos()) {
      for (const comment of await commentsFor(videoId, null))
        videoOf.set(comment.comment_id, videoId);
      const found = videoOf.get(commentId);
      if (found) return found;
    }
    throw http.error(
      'not_found',
      `TikTok: the comment was not found on the account's ${videosToWatch} most recent videos.`,
      {},
      'Open the comment on TikTok to deal with it there.',
    );
  }

  async function reply(request: PublishRequest): Promise<PublishResult> {
    if (!request.inReplyTo) {
      throw http.error(
        'config',
        'A TikTok reply needs the id of the comment it answers.',
        {},
        'Reply from the item in the inbox.',
      );
    }
    const videoId = await videoFor(request.inReplyTo, request.conversationId);
    // reply/create has no idempotency key: look for the account's own reply first.
    const existing = await http.request<Envelope<{ comments?: TiktokComment[] }>>({
      path: `${API}/business/comment/reply/list/`,
      query: {
        business_id: businessId,
        video_id: videoId,
        comment_id: request.inReplyTo,
        max_count: 50,
      },
      purpose: 'looking for an earlier attempt at this reply',
    });
    const since = deps.now().getTime() - EARLIER_ATTEMPT_WINDOW_MS;
    const earlier = (existing.body?.data?.comments ?? []).find(
      (c) => c.owner && Date.parse(createdAt(c)) >= since && sameWords(c.text, request.text),
    );
    if (earlier)
      return { platformPostId: earlier.comment_id, permalink: null, alreadyPublished: true };
    const res = await http.request<Envelope<{ comment_id: string }>>({
      method: 'POST',
      path: `${API}/business/comment/reply/create/`,
      json: {
        business_id: businessId,
        video_id: videoId,
        comment_id: request.inReplyTo,
        text: request.text,
      },
      purpose: 'posting a reply',
    });
    videoOf.set(res.body.data.comment_id, videoId);
    return { platformPostId: res.body.data.comment_id, permalink: null, alreadyPublished: false };
  }

  async function hide(externalId: string): Promise<void> {
    await http.request({
      method: 'POST',
      path: `${API}/business/comment/hide/`,
      json: {
        business_id: businessId,
        video_id: await videoFor(externalId),
        comment_id: externalId,
        action: 'HIDE',
      },
      idempotent: true,
      purpose: 'hiding a comment',
    });
  }

  async function remove(externalId: string): Promise<void> {
    await http.request({
      method: 'POST',
      path: `${API}/business/comment/delete/`,
      json: { business_id: businessId, comment_id: externalId },
      idempotent: true,
      purpose: 'deleting a comment',
    });
  }

  function health(): Promise<ConnectorHealth> {
    return probeHealth(deps, async () => {
      username = null;
      await account();
    });
  }

  return { manifest, poll, reply, hide, delete: remove, health };
}

const factory: ConnectorFactory = { manifest, create: (deps) => createTiktokConnector(deps) };

export default factory;
