import type { ConnectorManifest } from '../contract.js';

/** X (formerly Twitter) over API v2, with Account Activity webhooks. */
export const xManifest: ConnectorManifest = {
  platform: 'x',
  displayName: 'X',
  apiVersion: 'X API v2 (Account Activity API webhooks)',
  docs: 'https://docs.x.com/x-api/introduction',
  capabilities: {
    poll: true,
    webhook: true,
    reply: true,
    publish: true,
    hide: true,
    delete: true,
    directMessages: true,
    mentions: true,
  },
};
