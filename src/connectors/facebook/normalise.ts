/** Graph API Page objects → the desk's NormalisedItem. */
import type { NormalisedItem } from '../contract.js';
import { graphTime } from '../meta/graph.js';

export interface FbFrom {
  id?: string;
  name?: string;
}

export interface FbPost {
  id: string;
  message?: string;
  created_time?: string;
  updated_time?: string;
  from?: FbFrom;
  permalink_url?: string;
}

export interface FbComment {
  id: string;
  message?: string;
  created_time?: string;
  from?: FbFrom;
  parent?: { id?: string };
  permalink_url?: string;
  attachment?: { type?: string; url?: string; media?: { image?: { src?: string } } };
}

export interface FbMessage {
  id: string;
  message?: string;
  created_time?: string;
  from?: FbFrom;
  attachments?: {
    data?: { image_data?: { url?: string }; video_data?: { url?: string }; file_url?: string }[];
  };
}

function author(from: FbFrom | undefined): NormalisedItem['author'] {
  return from?.id ? { platformAuthorId: from.id, displayName: from.name ?? null } : null;
}

function commentMedia(comment: FbComment): NormalisedItem['media'] {
  const a = comment.attachment;
  if (!a) return [];
  const src = a.media?.image?.src;
  if (a.type === 'photo' || a.type === 'sticker' || a.type === 'animated_image_share') {
    return src ? [{ type: 'image', url: src }] : [];
  }
  if (a.type === 'video_inline' || a.type === 'video')
    return a.url ? [{ type: 'video', url: a.url }] : [];
  return a.url ? [{ type: 'link', url: a.url }] : [];
}

/** A comment on a Page post; a comment with a parent comment is a reply. */
export function commentItem(comment: FbComment, postId: string, now: Date): NormalisedItem {
  const parentId = comment.parent?.id ?? null;
  return {
    platform: 'facebook',
    externalId: comment.id,
    kind: parentId ? 'reply' : 'comment',
    author: author(comment.from),
    conversationId: postId,
    inReplyTo: parentId ?? postId,
    text: comment.message ?? '',
    media: commentMedia(comment),
    receivedAt: graphTime(comment.created_time, now),
    permalink: comment.permalink_url ?? null,
  };
}

/** A post someone else made on the Page (a visitor post). */
export function visitorPostItem(post: FbPost, now: Date): NormalisedItem {
  return {
    platform: 'facebook',
    externalId: post.id,
    kind: 'post',
    author: author(post.from),
    conversationId: post.id,
    inReplyTo: null,
    text: post.message ?? '',
    media: [],
    receivedAt: graphTime(post.created_time, now),
    permalink: post.permalink_url ?? null,
  };
}

/** A Messenger message; the conversation is keyed by the sender's page-scoped id (PSID). */
export function messageItem(message: FbMessage, psid: string, now: Date): NormalisedItem {
  const media: NormalisedItem['media'] = [];
  for (const a of message.attachments?.data ?? []) {
    if (a.image_data?.url) media.push({ type: 'image', url: a.image_data.url });
    else if (a.video_data?.url) media.push({ type: 'video', url: a.video_data.url });
    else if (a.file_url) media.push({ type: 'file', url: a.file_url });
  }
  return {
    platform: 'facebook',
    externalId: message.id,
    kind: 'dm',
    author: author(message.from),
    conversationId: psid,
    inReplyTo: null,
    text: message.message ?? '',
    media,
    receivedAt: graphTime(message.created_time, now),
    permalink: null,
  };
}

/** A `feed` change from a Page webhook (`item` comment/post/status/photo/video, verb `add`). */
export function feedChangeItem(value: Record<string, unknown>, now: Date): NormalisedItem | null {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const item = str(value.item);
  const from = (value.from ?? undefined) as FbFrom | undefined;
  const created = value.created_time as string | number | undefined;
  if (item === 'comment') {
    const commentId = str(value.comment_id);
    const postId = str(value.post_id);
    if (!commentId || !postId) return null;
    const parentId = str(value.parent_id);
    const isReply = !!parentId && parentId !== postId;
    return {
      platform: 'facebook',
      externalId: commentId,
      kind: isReply ? 'reply' : 'comment',
      author: author(from),
      conversationId: postId,
      inReplyTo: parentId ?? postId,
      text: str(value.message) ?? '',
      media: str(value.photo) ? [{ type: 'image', url: str(value.photo)! }] : [],
      receivedAt: graphTime(created, now),
      permalink: null,
    };
  }
  if (item === 'post' || item === 'status' || item === 'photo' || item === 'video') {
    const postId = str(value.post_id);
    if (!postId) return null;
    return {
      platform: 'facebook',
      externalId: postId,
      kind: 'post',
      author: author(from),
      conversationId: postId,
      inReplyTo: null,
      text: str(value.message) ?? '',
      media: [],
      receivedAt: graphTime(created, now),
      permalink: str(value.link) ?? null,
    };
  }
  return null;
}
