/** Yammer message objects → normalised items of kind `post` (thread starter) or `comment`. */
import type { NormalisedItem } from '../contract.js';

export interface YammerMessage {
  id: number | string;
  sender_id: number | string;
  replied_to_id: number | string | null;
  thread_id: number | string;
  group_id?: number | string | null;
  created_at: string;
  body: { plain?: string; parsed?: string; rich?: string };
  web_url?: string;
  message_type?: string;
  attachments?: { type?: string; web_url?: string; name?: string; content_type?: string }[];
}

export interface YammerReference {
  type: string;
  id: number | string;
  full_name?: string;
  name?: string;
}

/** "2025/06/10 09:00:00 +0000" → ISO 8601; other forms go through Date. */
export function yammerTime(value: string): string {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(
    value.trim(),
  );
  if (m)
    return new Date(
      `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}${m[8]}:${m[9]}`,
    ).toISOString();
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

export function normaliseMessage(
  message: YammerMessage,
  users: Map<string, YammerReference>,
): NormalisedItem {
  const sender = users.get(String(message.sender_id));
  return {
    platform: 'viva_engage',
    externalId: String(message.id),
    kind: message.replied_to_id ? 'comment' : 'post',
    author: {
      platformAuthorId: String(message.sender_id),
      displayName: sender?.full_name ?? sender?.name ?? null,
    },
    conversationId: String(message.thread_id),
    inReplyTo: message.replied_to_id ? String(message.replied_to_id) : null,
    text: message.body?.plain ?? '',
    media: (message.attachments ?? [])
      .filter((a) => a.web_url)
      .map((a) => ({
        type:
          a.type === 'image' || a.content_type?.startsWith('image/')
            ? ('image' as const)
            : ('file' as const),
        url: a.web_url as string,
        altText: null,
      })),
    receivedAt: yammerTime(message.created_at),
    permalink: message.web_url ?? null,
  };
}
