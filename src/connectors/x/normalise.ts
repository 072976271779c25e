/** X API v2 (and Account Activity v1.1-shaped webhook) objects → NormalisedItem. */
import type { NormalisedItem } from '../contract.js';

export interface XUser {
  id: string;
  username?: string;
  name?: string;
}

export interface XMedia {
  media_key: string;
  type?: string;
  url?: string;
  preview_image_url?: string;
  alt_text?: string;
}

export interface XTweet {
  id: string;
  text: string;
  created_at?: string;
  author_id?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
  attachments?: { media_keys?: string[] };
}

export interface XIncludes {
  users?: XUser[];
  media?: XMedia[];
}

export interface XDmEvent {
  id: string;
  event_type?: string;
  text?: string;
  created_at?: string;
  sender_id?: string;
  dm_conversation_id?: string;
}

/** X escapes &, < and > in tweet text; compare and show the text people typed. */
export function unescapeXText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function iso(value: string | undefined, now: Date): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? now.toISOString() : new Date(t).toISOString();
}

export function tweetItem(
  tweet: XTweet,
  includes: XIncludes,
  ownId: string,
  now: Date,
): NormalisedItem {
  const user = includes.users?.find((u) => u.id === tweet.author_id);
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
  const media: NormalisedItem['media'] = [];
  for (const key of tweet.attachments?.media_keys ?? []) {
    const m = includes.media?.find((x) => x.media_key === key);
    const url = m?.url ?? m?.preview_image_url;
    if (!m || !url) continue;
    media.push({ type: m.type === 'photo' ? 'image' : 'video', url, altText: m.alt_text ?? null });
  }
  return {
    platform: 'x',
    externalId: tweet.id,
    kind: repliedTo && tweet.in_reply_to_user_id === ownId ? 'reply' : 'mention',
    author: tweet.author_id
      ? {
          platformAuthorId: tweet.author_id,
          displayName: user?.username ? `@${user.username}` : null,
        }
      : null,
    conversationId: tweet.conversation_id ?? tweet.id,
    inReplyTo: repliedTo,
    text: unescapeXText(tweet.text),
    media,
    receivedAt: iso(tweet.created_at, now),
    permalink: `https://x.com/${user?.username ?? 'i/web'}/status/${tweet.id}`,
  };
}

export function dmItem(event: XDmEvent, includes: XIncludes, now: Date): NormalisedItem {
  const user = includes.users?.find((u) => u.id === event.sender_id);
  return {
    platform: 'x',
    externalId: event.id,
    kind: 'dm',
    author: event.sender_id
      ? {
          platformAuthorId: event.sender_id,
          displayName: user?.username ? `@${user.username}` : null,
        }
      : null,
    conversationId: event.dm_conversation_id ?? null,
    inReplyTo: null,
    text: event.text ?? '',
    media: [],
    receivedAt: iso(event.created_at, now),
    permalink: null,
  };
}

/** One-to-one DM conversations are the two user ids, smaller first, joined by "-". */
export function oneToOneConversationId(a: string, b: string): string {
  const [x, y] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
  return `${x}-${y}`;
}

/** Account Activity `tweet_create_events` entry (v1.1 tweet shape). */
export interface ActivityTweet {
  id_str?: string;
  text?: string;
  full_text?: string;
  extended_tweet?: { full_text?: string };
  created_at?: string;
  in_reply_to_status_id_str?: string | null;
  in_reply_to_user_id_str?: string | null;
  retweeted_status?: unknown;
  user?: { id_str?: string; screen_name?: string };
}

export function activityTweetItem(
  tweet: ActivityTweet,
  ownId: string,
  now: Date,
): NormalisedItem | null {
  if (!tweet.id_str || tweet.retweeted_status) return null;
  const text = tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text ?? '';
  const repliedTo = tweet.in_reply_to_status_id_str ?? null;
  const handle = tweet.user?.screen_name;
  return {
    platform: 'x',
    externalId: tweet.id_str,
    kind: repliedTo && tweet.in_reply_to_user_id_str === ownId ? 'reply' : 'mention',
    author: tweet.user?.id_str
      ? { platformAuthorId: tweet.user.id_str, displayName: handle ? `@${handle}` : null }
      : null,
    conversationId: null,
    inReplyTo: repliedTo,
    text: unescapeXText(text),
    media: [],
    receivedAt: iso(tweet.created_at, now),
    permalink: `https://x.com/${handle ?? 'i/web'}/status/${tweet.id_str}`,
  };
}

/** Account Activity `direct_message_events` entry. */
export interface ActivityDm {
  type?: string;
  id?: string;
  created_timestamp?: string;
  message_create?: {
    sender_id?: string;
    target?: { recipient_id?: string };
    message_data?: { text?: string };
  };
}

export function activityDmItem(event: ActivityDm, now: Date): NormalisedItem | null {
  const create = event.message_create;
  const sender = create?.sender_id;
  const recipient = create?.target?.recipient_id;
  if (event.type !== 'message_create' || !event.id || !sender || !recipient) return null;
  const ms = Number(event.created_timestamp);
  return {
    platform: 'x',
    externalId: event.id,
    kind: 'dm',
    author: { platformAuthorId: sender, displayName: null },
    conversationId:
      /^\d+$/.test(sender) && /^\d+$/.test(recipient)
        ? oneToOneConversationId(sender, recipient)
        : null,
    inReplyTo: null,
    text: create?.message_data?.text ?? '',
    media: [],
    receivedAt: Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : now.toISOString(),
    permalink: null,
  };
}
