/** Facebook Page webhooks: handshake, signature over the raw body, then feed and Messenger events. */
import type { NormalisedItem, WebhookOutcome, WebhookRequest } from '../contract.js';
import { metaEntries, metaHandshake, verifyMetaDelivery } from '../meta/webhook.js';
import { feedChangeItem, messagingItem } from './normalise.js';

export function facebookWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string; verifyToken?: string },
  pageId: string,
  now: Date,
): WebhookOutcome {
  const handshake = metaHandshake(request, secrets.verifyToken);
  if (handshake) return handshake;
  const delivery = verifyMetaDelivery(request, secrets.appSecret);
  if (!delivery.ok) return delivery.outcome;
  const parsed = metaEntries(delivery.body);
  if (!parsed)
    return {
      kind: 'rejected',
      status: 400,
      reason: 'Unexpected body, expected { object, entry: [] }.',
    };
  // Other objects (user, permissions) are acknowledged and ignored so Meta does not retry them.
  if (parsed.object !== 'page') return { kind: 'items', items: [] };

  const items: NormalisedItem[] = [];
  for (const entry of parsed.entries) {
    for (const change of entry.changes ?? []) {
      const value = change.value;
      if (change.field !== 'feed' || !value || value.verb !== 'add') continue;
      const from = value.from as { id?: string } | undefined;
      if (from?.id === pageId) continue;
      const item = feedChangeItem(value, now);
      if (item) items.push(item);
    }
    for (const event of entry.messaging ?? []) {
      if (event.sender?.id === pageId) continue;
      const item = messagingItem(event, now);
      if (item) items.push(item);
    }
  }
  return { kind: 'items', items };
}
