/** app.bsky.notification.listNotifications entries → normalised items. */
import type { NormalisedItem } from '../contract.js';

export interface StrongRef {
  uri: string;
  cid: string;
}

export interface PostRecord {
  $type?: string;
  text: string;
  createdAt: string;
  reply?: { root: StrongRef; parent: StrongRef };
  embed?: {
    $type?: string;
    images?: { alt?: string; image?: { ref?: { $link?: string } } }[];
    external?: { uri: string; title?: string };
  };
}

export interface BlueskyNotification {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string };
  reason: string;
  reasonSubject?: string;
  record: PostRecord;
  isRead: boolean;
  indexedAt: string;
}

/** Reasons the desk ingests; likes, reposts and follows are not conversations. */
export const INGESTED_REASONS = ['mention', 'reply', 'quote'] as const;

/** `at://did/app.bsky.feed.post/rkey` → its parts. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  return m ? { repo: m[1], collection: m[2], rkey: m[3] } : null;
}

export function permalinkFor(uri: string, handleOrDid: string): string | null {
  const parts = parseAtUri(uri);
  return parts ? `https://bsky.app/profile/${handleOrDid}/post/${parts.rkey}` : null;
}

export function normaliseNotification(n: BlueskyNotification): NormalisedItem {
  const record = n.record;
  const media: NormalisedItem['media'] = [];
  for (const image of record.embed?.images ?? []) {
    const cid = image.image?.ref?.$link;
    if (cid) {
      media.push({
        type: 'image',
        url: `https://cdn.bsky.app/img/feed_fullsize/plain/${n.author.did}/${cid}@jpeg`,
        altText: image.alt || null,
      });
    }
  }
  if (record.embed?.external?.uri)
    media.push({ type: 'link', url: record.embed.external.uri, altText: null });
  const created = Date.parse(record.createdAt);
  return {
    platform: 'bluesky',
    externalId: n.uri,
    kind: n.reason === 'reply' ? 'reply' : 'mention',
    author: {
      platformAuthorId: n.author.did,
      displayName: n.author.displayName || n.author.handle,
    },
    conversationId: record.reply?.root.uri ?? n.uri,
    inReplyTo: record.reply?.parent.uri ?? null,
    text: record.text ?? '',
    media,
    // createdAt is the client's claim; fall back to when the AppView indexed it.
    receivedAt: Number.isNaN(created) ? n.indexedAt : new Date(created).toISOString(),
    permalink: permalinkFor(n.uri, n.author.handle),
  };
}
