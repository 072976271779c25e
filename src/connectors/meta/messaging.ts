/**
 * Messenger Platform conversations, shared by Facebook (platform=messenger) and Instagram Direct
 * (platform=instagram): both are read and answered through the linked Page.
 */
import type { PublishResult } from '../contract.js';
import { graphTime, sameText, type GraphClient } from './graph.js';

export interface GraphMessage {
  id: string;
  message?: string;
  created_time?: string;
  from?: { id?: string; name?: string; username?: string };
  attachments?: {
    data?: { image_data?: { url?: string }; video_data?: { url?: string }; file_url?: string }[];
  };
}

interface Conversation {
  id: string;
  updated_time?: string;
  participants?: { data?: { id?: string }[] };
}

const time = (iso: string | undefined) => Date.parse(graphTime(iso, new Date(0)));

/**
 * Messages newer than `since` from people other than `ownId`, with the other participant's id
 * (PSID or IGSID), which the desk uses as the conversation id.
 */
export async function pollConversations(
  graph: GraphClient,
  pageId: string,
  platform: 'messenger' | 'instagram',
  ownIds: string[],
  since: number,
): Promise<{ message: GraphMessage; participantId: string }[]> {
  const own = (id: string | undefined) => !!id && ownIds.includes(id);
  const conversations = await graph.pages<Conversation>(
    `${pageId}/conversations`,
    { platform, fields: 'id,updated_time,participants', limit: 25 },
    'reading direct-message conversations',
    { stop: (page) => time(page[page.length - 1]?.updated_time) < since },
  );
  const found: { message: GraphMessage; participantId: string }[] = [];
  for (const conversation of conversations) {
    if (time(conversation.updated_time) < since) continue;
    const participantId = conversation.participants?.data?.find((p) => p.id && !own(p.id))?.id;
    if (!participantId) continue;
    const messages = await graph.pages<GraphMessage>(
      `${conversation.id}/messages`,
      { fields: 'id,message,created_time,from,attachments', limit: 25 },
      'reading a direct-message conversation',
      { stop: (page) => time(page[page.length - 1]?.created_time) < since },
    );
    for (const message of messages) {
      if (own(message.from?.id) || time(message.created_time) < since) continue;
      found.push({ message, participantId });
    }
  }
  return found;
}

/**
 * Sends a direct-message reply through the Page, unless the same text already went to this person
 * within `windowMs` (a retry after a crash).
 */
export async function sendDirectReply(
  graph: GraphClient,
  options: {
    pageId: string;
    platform: 'messenger' | 'instagram';
    ownIds: string[];
    recipientId: string;
    text: string;
    now: Date;
    windowMs: number;
  },
): Promise<PublishResult> {
  const { pageId, platform, ownIds, recipientId, text } = options;
  const cutoff = options.now.getTime() - options.windowMs;
  const conversations = await graph.get<{ data?: { id: string }[] }>(
    `${pageId}/conversations`,
    { platform, user_id: recipientId, fields: 'id' },
    'checking for an earlier message',
  );
  const conversationId = conversations.data?.[0]?.id;
  if (conversationId) {
    const messages = await graph.get<{ data?: GraphMessage[] }>(
      `${conversationId}/messages`,
      { fields: 'id,message,created_time,from', limit: 25 },
      'checking for an earlier message',
    );
    const earlier = (messages.data ?? []).find(
      (m) =>
        !!m.from?.id &&
        ownIds.includes(m.from.id) &&
        sameText(m.message, text) &&
        time(m.created_time) >= cutoff,
    );
    if (earlier) return { platformPostId: earlier.id, permalink: null, alreadyPublished: true };
  }
  const sent = await graph.postJson<{ message_id?: string }>(
    `${pageId}/messages`,
    {
      recipient: { id: recipientId },
      ...(platform === 'messenger' ? { messaging_type: 'RESPONSE' } : {}),
      message: { text },
    },
    'sending a direct-message reply',
  );
  if (!sent.message_id) {
    throw graph.http.error('bad_response', 'The platform accepted the message but returned no id.');
  }
  return { platformPostId: sent.message_id, permalink: null, alreadyPublished: false };
}
