/** Instagram webhooks: same Meta handshake and signature; `comments` changes and Direct messages. */
import type { NormalisedItem, WebhookOutcome, WebhookRequest } from '../contract.js';
import { metaEntries, metaHandshake, verifyMetaDelivery } from '../meta/webhook.js';
import { commentChangeItem, messagingItem } from './normalise.js';

export function instagramWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string; verifyToken?: string },
  igUserId: string,
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
  if (parsed.object !== 'instagram') return { kind: 'items', items: [] };

  const items: NormalisedItem[] = [];
  for (const entry of parsed.entries) {
    for (const change of entry.changes ?? []) {
      const value = change.value;
      if (!value || (change.field !== 'comments' && change.field !== 'live_comments')) continue;
      const from = value.from as { id?: string } | undefined;
      if (from?.id === igUserId) continue;
      const item = commentChangeItem(value, entry.time, now);
      if (item) items.push(item);
    }
    for (const event of entry.messaging ?? []) {
      if (event.sender?.id === igUserId) continue;
      const item = messagingItem(event, now);
      if (item) items.push(item);
    }
  }
  return { kind: 'items', items };
}
