/** The generic webhook connector: nothing to poll or call, only deliveries to verify. */
import type { Connector, ConnectorDeps } from '../contract.js';
import { readWebhookCredentials } from './credentials.js';
import { webhookManifest } from './manifest.js';
import { genericWebhook } from './webhook.js';

export function createWebhookConnector(deps: ConnectorDeps): Connector {
  const settings = readWebhookCredentials(deps);
  return {
    manifest: webhookManifest,
    webhook: (request, secrets) => genericWebhook(request, secrets, settings, deps.now()),
    // Nothing on the far side to ask: the source is healthy as long as it can sign.
    health: async () => ({ state: 'ok', checkedAt: deps.now().toISOString() }),
  };
}
