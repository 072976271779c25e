import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'sandbox',
  displayName: 'Sandbox (local practice platform)',
  apiVersion: 'Commsdesk sandbox 1 (JSON lines in a local folder)',
  docs: 'docs/publishing.md',
  capabilities: {
    poll: false,
    webhook: false,
    reply: true,
    publish: true,
    hide: false,
    delete: true,
    directMessages: false,
    mentions: false,
  },
};
