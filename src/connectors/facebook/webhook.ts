/** Facebook Page webhooks: handshake, signature over the raw body, then feed and Messenger events. */
import type { WebhookOutcome, WebhookRequest } from '../contract.js';
import { metaWebhook } from '../meta/webhook.js';
import { feedChangeItem } from './normalise.js';

export function facebookWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string; verifyToken?: string },
  pageId: string,
  now: Date,
): WebhookOutcome {
  return metaWebhook(request, secrets, {
    platform: 'facebook',
    object: 'page',
    ownId: pageId,
    // New posts and comments on the Page's feed; edits and removals are not inbound items.
    changeItem: (field, value) =>
      field === 'feed' && value.verb === 'add' ? feedChangeItem(value, now) : null,
    now,
  });
}
