/** TikTok business comment objects → normalised items. */
import type { NormalisedItem } from '../contract.js';

export interface TiktokComment {
  comment_id: string;
  video_id: string;
  user_id?: string;
  username?: string;
  display_name?: string;
  text: string;
  /** Epoch seconds. */
  create_time: number | string;
  parent_comment_id?: string | null;
  /** True when the business account itself wrote it. */
  owner?: boolean;
  status?: 'PUBLIC' | 'HIDDEN' | string;
  reply_count?: number;
}

export function createdAt(comment: TiktokComment): string {
  return new Date(Number(comment.create_time) * 1000).toISOString();
}

export function normaliseComment(comment: TiktokComment, username: string | null): NormalisedItem {
  const parent =
    comment.parent_comment_id && comment.parent_comment_id !== '0'
      ? comment.parent_comment_id
      : null;
  return {
    platform: 'tiktok',
    externalId: comment.comment_id,
    kind: parent ? 'reply' : 'comment',
    author: comment.user_id
      ? {
          platformAuthorId: comment.user_id,
          displayName: comment.display_name ?? comment.username ?? null,
        }
      : null,
    // The video is the conversation: TikTok's reply and hide calls need it.
    conversationId: comment.video_id,
    inReplyTo: parent,
    text: comment.text ?? '',
    media: [],
    receivedAt: createdAt(comment),
    permalink: username
      ? `https://www.tiktok.com/@${encodeURIComponent(username)}/video/${encodeURIComponent(comment.video_id)}`
      : null,
  };
}
