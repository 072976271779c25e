/** YouTube comment resources → normalised items. */
import type { NormalisedItem } from '../contract.js';

export interface YoutubeComment {
  id: string;
  snippet: {
    videoId?: string;
    channelId?: string;
    textDisplay?: string;
    textOriginal?: string;
    parentId?: string;
    authorDisplayName?: string;
    authorChannelId?: { value: string };
    publishedAt: string;
    updatedAt?: string;
    moderationStatus?: string;
  };
}

export interface YoutubeCommentThread {
  id: string;
  snippet: {
    channelId?: string;
    videoId?: string;
    topLevelComment: YoutubeComment;
    totalReplyCount?: number;
    canReply?: boolean;
  };
  replies?: { comments: YoutubeComment[] };
}

export function normaliseComment(comment: YoutubeComment, videoId: string | null): NormalisedItem {
  const s = comment.snippet;
  const video = s.videoId ?? videoId;
  const isReply = Boolean(s.parentId);
  return {
    platform: 'youtube',
    externalId: comment.id,
    kind: isReply ? 'reply' : 'comment',
    author: s.authorChannelId?.value
      ? { platformAuthorId: s.authorChannelId.value, displayName: s.authorDisplayName ?? null }
      : null,
    // The thread is the top-level comment; the video groups threads.
    conversationId: isReply ? (s.parentId as string) : comment.id,
    inReplyTo: s.parentId ?? null,
    text: s.textOriginal ?? s.textDisplay ?? '',
    media: [],
    receivedAt: new Date(s.publishedAt).toISOString(),
    permalink: video
      ? `https://www.youtube.com/watch?v=${encodeURIComponent(video)}&lc=${encodeURIComponent(comment.id)}`
      : null,
  };
}
