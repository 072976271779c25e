import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/** Settings for one signed-webhook source. The shared secret arrives as the webhook's appSecret. */
export const webhookCredentials = z.object({
  /** What people call the source, for messages: "Patient Opinion via Zapier". */
  sourceName: z.string().min(1).max(100).default('webhook source'),
  /** Deliveries whose timestamp is further than this from now are refused (replays). */
  toleranceSeconds: z.number().int().positive().max(3600).default(300),
  /** Largest batch accepted in one delivery. */
  maxItems: z.number().int().positive().max(1000).default(500),
});

export type WebhookCredentials = z.output<typeof webhookCredentials>;

export const WEBHOOK_ACCOUNT_LABEL = 'webhook source';

export function readWebhookCredentials(deps: ConnectorDeps): WebhookCredentials {
  return parseCredentials(webhookCredentials, 'webhook', WEBHOOK_ACCOUNT_LABEL, deps);
}
