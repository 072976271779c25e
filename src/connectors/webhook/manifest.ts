import type { ConnectorManifest } from '../contract.js';

/** Any other source that can POST signed JSON: review sites, forms, automation tools. */
export const webhookManifest: ConnectorManifest = {
  platform: 'webhook',
  displayName: 'Signed webhook',
  apiVersion: 'Commsdesk webhook v1',
  docs: 'src/connectors/webhook/README.md',
  capabilities: {
    poll: false,
    webhook: true,
    reply: false,
    publish: false,
    hide: false,
    delete: false,
    directMessages: false,
    mentions: false,
  },
};
