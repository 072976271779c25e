/** LinkedIn Community Management objects → NormalisedItem, and the URN helpers they need. */
import type { NormalisedItem } from '../contract.js';

export interface LiComment {
  id?: string;
  commentUrn?: string;
  $URN?: string;
  actor?: string;
  object?: string;
  parentComment?: string;
  message?: { text?: string };
  created?: { actor?: string; time?: number };
  content?: { type?: string; url?: string }[];
  commentsSummary?: { aggregatedTotalComments?: number; totalFirstLevelComments?: number };
}

export interface LiPost {
  id: string;
  author?: string;
  commentary?: string;
  createdAt?: number;
  publishedAt?: number;
  lastModifiedAt?: number;
}

export interface LiNotification {
  action?: string;
  sourcePost?: string;
  generatedActivity?: string;
  lastModifiedAt?: number;
  organizationalEntity?: string;
}

/** Rest.li 2.0 wants URNs fully encoded, including the parentheses and commas of compound URNs. */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `urn:li:comment:(urn:li:activity:123,456)` → `{ object: 'urn:li:activity:123', id: '456' }`. */
export function parseCommentUrn(urn: string): { object: string; id: string } | null {
  const match = /^urn:li:comment:\((urn:li:[A-Za-z]+:[^,]+),([^)]+)\)$/.exec(urn);
  return match ? { object: match[1], id: match[2] } : null;
}

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;

/**
 * LinkedIn post commentary is "little text": these characters are markup and must be escaped
 * with a backslash, or LinkedIn drops or rewrites the text after them.
 */
export function escapeLittleText(text: string): string {
  return text.replace(RESERVED, (c) => `\\${c}`);
}

export function unescapeLittleText(text: string): string {
  return text.replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');
}

function iso(ms: number | undefined, now: Date): string {
  return typeof ms === 'number' && Number.isFinite(ms)
    ? new Date(ms).toISOString()
    : now.toISOString();
}

export function commentUrnOf(comment: LiComment): string | undefined {
  return comment.commentUrn ?? comment.$URN;
}

export function commentItem(comment: LiComment, postUrn: string, now: Date): NormalisedItem | null {
  const urn = commentUrnOf(comment);
  if (!urn) return null;
  const actor = comment.actor ?? comment.created?.actor;
  const media: NormalisedItem['media'] = [];
  for (const c of comment.content ?? []) {
    if (c.url)
      media.push({
        type: c.type === 'IMAGE' ? 'image' : c.type === 'VIDEO' ? 'video' : 'link',
        url: c.url,
      });
  }
  return {
    platform: 'linkedin',
    externalId: urn,
    kind: comment.parentComment ? 'reply' : 'comment',
    author: actor ? { platformAuthorId: actor, displayName: null } : null,
    conversationId: postUrn,
    inReplyTo: comment.parentComment ?? postUrn,
    text: comment.message?.text ?? '',
    media,
    receivedAt: iso(comment.created?.time, now),
    permalink: `https://www.linkedin.com/feed/update/${postUrn}?commentUrn=${encodeUrn(urn)}`,
  };
}

export function mentionItem(post: LiPost, now: Date): NormalisedItem {
  return {
    platform: 'linkedin',
    externalId: post.id,
    kind: 'mention',
    author: post.author ? { platformAuthorId: post.author, displayName: null } : null,
    conversationId: post.id,
    inReplyTo: null,
    text: unescapeLittleText(post.commentary ?? ''),
    media: [],
    receivedAt: iso(post.publishedAt ?? post.createdAt, now),
    permalink: `https://www.linkedin.com/feed/update/${post.id}`,
  };
}
