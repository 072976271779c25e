import type { ConnectorFactory } from '../contract.js';
import { createWebhookConnector } from './client.js';
import { webhookManifest } from './manifest.js';

/** Any other source, pushing signed JSON items to the desk. */
const webhook: ConnectorFactory = {
  manifest: webhookManifest,
  create: createWebhookConnector,
};

export default webhook;
