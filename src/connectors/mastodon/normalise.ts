/** Mastodon entities (https://docs.joinmastodon.org/entities/) → normalised items. */
import type { NormalisedItem } from '../contract.js';
import { htmlToText } from '../rss/normalise.js';

export interface MastodonAccount {
  id: string;
  acct: string;
  username?: string;
  display_name?: string;
  url?: string;
}

export interface MastodonMediaAttachment {
  id: string;
  type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown';
  url: string;
  description?: string | null;
}

export interface MastodonStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id?: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  content: string;
  url?: string | null;
  uri: string;
  account: MastodonAccount;
  media_attachments?: MastodonMediaAttachment[];
}

export interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus | null;
}

/** Status HTML → plain text (mentions keep their `@handle` text). */
export function statusText(status: Pick<MastodonStatus, 'content'>): string {
  return htmlToText(status.content);
}

export function normaliseStatus(status: MastodonStatus): NormalisedItem {
  const kind: NormalisedItem['kind'] =
    status.visibility === 'direct' ? 'dm' : status.in_reply_to_id ? 'reply' : 'mention';
  return {
    platform: 'mastodon',
    externalId: status.id,
    kind,
    author: {
      platformAuthorId: status.account.id,
      displayName: status.account.display_name || status.account.acct,
    },
    conversationId: status.in_reply_to_id ?? status.id,
    inReplyTo: status.in_reply_to_id,
    text: statusText(status),
    media: (status.media_attachments ?? []).map((m) => ({
      type:
        m.type === 'image' ? 'image' : m.type === 'video' || m.type === 'gifv' ? 'video' : 'file',
      url: m.url,
      altText: m.description ?? null,
    })),
    receivedAt: status.created_at,
    permalink: status.url ?? status.uri,
  };
}
