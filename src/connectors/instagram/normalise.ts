/** Instagram Graph API objects → the desk's NormalisedItem. */
import type { NormalisedItem } from '../contract.js';
import { graphTime } from '../meta/graph.js';

export interface IgFrom {
  id?: string;
  username?: string;
}

export interface IgMedia {
  id: string;
  caption?: string;
  timestamp?: string;
  permalink?: string;
  username?: string;
  media_type?: string;
  media_url?: string;
  comments_count?: number;
}

export interface IgComment {
  id: string;
  text?: string;
  timestamp?: string;
  username?: string;
  from?: IgFrom;
  parent_id?: string;
  replies?: { data?: IgComment[] };
}

export interface IgMessage {
  id: string;
  message?: string;
  created_time?: string;
  from?: IgFrom;
}

function author(from: IgFrom | undefined, username?: string): NormalisedItem['author'] {
  const id = from?.id;
  if (!id && !username) return null;
  return { platformAuthorId: id ?? username!, displayName: from?.username ?? username ?? null };
}

/** A comment on the account's media; a comment under another comment is a reply. */
export function commentItem(
  comment: IgComment,
  mediaId: string,
  parentId: string | null,
  now: Date,
): NormalisedItem {
  const parent = comment.parent_id ?? parentId;
  return {
    platform: 'instagram',
    externalId: comment.id,
    kind: parent ? 'reply' : 'comment',
    author: author(comment.from, comment.username),
    conversationId: mediaId,
    inReplyTo: parent ?? mediaId,
    text: comment.text ?? '',
    media: [],
    receivedAt: graphTime(comment.timestamp, now),
    permalink: null,
  };
}

/** Media where the account is tagged: a mention. */
export function tagItem(media: IgMedia, now: Date): NormalisedItem {
  return {
    platform: 'instagram',
    externalId: media.id,
    kind: 'mention',
    author: media.username
      ? { platformAuthorId: media.username, displayName: media.username }
      : null,
    conversationId: media.id,
    inReplyTo: null,
    text: media.caption ?? '',
    media:
      media.media_url && (media.media_type === 'IMAGE' || media.media_type === 'VIDEO')
        ? [{ type: media.media_type === 'VIDEO' ? 'video' : 'image', url: media.media_url }]
        : [],
    receivedAt: graphTime(media.timestamp, now),
    permalink: media.permalink ?? null,
  };
}

/** An Instagram Direct message; the conversation is keyed by the sender's IGSID. */
export function messageItem(message: IgMessage, igsid: string, now: Date): NormalisedItem {
  return {
    platform: 'instagram',
    externalId: message.id,
    kind: 'dm',
    author: author(message.from),
    conversationId: igsid,
    inReplyTo: null,
    text: message.message ?? '',
    media: [],
    receivedAt: graphTime(message.created_time, now),
    permalink: null,
  };
}

/** A `comments` (or `live_comments`) webhook change. */
export function commentChangeItem(
  value: Record<string, unknown>,
  entryTime: number | undefined,
  now: Date,
): NormalisedItem | null {
  const id = typeof value.id === 'string' ? value.id : undefined;
  const mediaId = (value.media as { id?: unknown } | undefined)?.id;
  if (!id || typeof mediaId !== 'string') return null;
  const parentId = typeof value.parent_id === 'string' ? value.parent_id : null;
  const from = value.from as IgFrom | undefined;
  return {
    platform: 'instagram',
    externalId: id,
    kind: parentId ? 'reply' : 'comment',
    author: author(from),
    conversationId: mediaId,
    inReplyTo: parentId ?? mediaId,
    text: typeof value.text === 'string' ? value.text : '',
    media: [],
    receivedAt: graphTime(entryTime, now),
    permalink: null,
  };
}
