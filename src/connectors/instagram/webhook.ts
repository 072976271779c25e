/** Instagram webhooks: same Meta handshake and signature; `comments` changes and Direct messages. */
import type { WebhookOutcome, WebhookRequest } from '../contract.js';
import { metaWebhook } from '../meta/webhook.js';
import { commentChangeItem } from './normalise.js';

export function instagramWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string; verifyToken?: string },
  igUserId: string,
  now: Date,
): WebhookOutcome {
  return metaWebhook(request, secrets, {
    platform: 'instagram',
    object: 'instagram',
    ownId: igUserId,
    changeItem: (field, value, entry) =>
      field === 'comments' || field === 'live_comments'
        ? commentChangeItem(value, entry.time, now)
        : null,
    now,
  });
}
